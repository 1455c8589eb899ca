"""The export format (DESIGN.md §7), version 1: one JSON object, or one file a key.

Keys: articles, entities, mentions, quotes, figures, times, events, stories, plus ``duplicates``
(copies left out of ``articles``) and, in the JSON object, ``format`` and ``version``. Records
carry at least the fields §7 lists; offsets index the article's ``text``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.model import Argument, Article, Entity, Event, Evidence, Figure, Mention, Quote, TimeExpression
from newsgraph.store import (
    ArticleFilter, list_articles, open_store, read_duplicates, read_entities, read_events,
    read_figures, read_mentions, read_quotes, read_stories, read_times, write_records,
)

FORMAT_VERSION = 1
FORMATS = ("json", "jsonl", "parquet", "csv")
KEYS = ("articles", "entities", "mentions", "quotes", "figures", "times", "events", "stories", "duplicates")


def _span(ev: Evidence | None) -> dict[str, Any] | None:
    return None if ev is None else {"start": ev.start, "end": ev.end, "text": ev.text, "field": ev.field}


def article_record(a: Article) -> dict[str, Any]:
    s = a.source
    return {
        "id": a.id,
        "source": {"path": s.path, "format": str(s.format), "line": s.line, "end_line": s.end_line,
                   "byte_offset": s.byte_offset, "record": s.record, "url": s.url, "locator": s.describe()},
        "title": a.title, "kicker": a.kicker, "deck": a.deck, "text": a.text,
        "published": a.published.isoformat() if a.published else None, "truncated": a.truncated,
        "boilerplate": [{"kind": str(b.kind), "text": b.text, "offset": b.offset} for b in a.boilerplate],
        "byline": a.byline, "publisher": a.publisher, "url": a.url, "language": a.language,
    }


def entity_record(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "type": str(e.type),
        "aliases": [{"text": x.text, "kind": str(x.kind), "script": x.script} for x in e.aliases],
        "roles": [{"title": r.title, "organization": r.organization, "status": str(r.status), "article_id": r.article_id,
                   "published": r.published.isoformat() if r.published else None, **(_span(r.evidence) or {})} for r in e.roles],
        "article_ids": list(e.article_ids),
        "geo": ({"geonames_id": e.geo.geonames_id, "country": e.geo.country, "lat": e.geo.lat, "lon": e.geo.lon}
                if e.geo is not None else None),
    }


def mention_record(m: Mention) -> dict[str, Any]:
    return {"id": m.id, "article_id": m.evidence.article_id, **(_span(m.evidence) or {}), "type": str(m.type),
            "entity_id": m.entity_id, "cluster": m.cluster, "extractor": m.extractor}


def quote_record(q: Quote) -> dict[str, Any]:
    s = q.speaker
    speaker = {"text": s.evidence.text if s.evidence else None, "start": s.evidence.start if s.evidence else None,
               "end": s.evidence.end if s.evidence else None, "entity_id": s.entity_id, "anonymous": s.anonymous,
               "description": s.description, "reason": s.reason, "mention_id": s.mention_id}
    return {"id": q.id, "article_id": q.article_id, "kind": str(q.kind), "content": [_span(c) for c in q.content],
            "cue": _span(q.cue), "source": _span(q.source), "speaker": speaker, "extractor": q.extractor}


def figure_record(f: Figure) -> dict[str, Any]:
    return {"id": f.id, "article_id": f.evidence.article_id, **(_span(f.evidence) or {}), "value": f.value,
            "value_high": f.value_high, "unit": f.unit, "qualifier": f.qualifier, "measures": f.measures,
            "owner": f.owner, "extractor": f.extractor}


def time_record(t: TimeExpression) -> dict[str, Any]:
    return {"id": t.id, "article_id": t.evidence.article_id, **(_span(t.evidence) or {}), "type": str(t.type),
            "value": t.value, "resolved": t.resolved, "extractor": t.extractor}


def _arg(x: Argument | None, *, value: bool = False) -> dict[str, Any] | None:
    if x is None:
        return None
    out: dict[str, Any] = {"text": x.evidence.text, "start": x.evidence.start, "end": x.evidence.end}
    out.update({"value": x.value} if value else {"entity_id": x.entity_id, "mention_id": x.mention_id})
    return out


def event_record(e: Event) -> dict[str, Any]:
    return {"id": e.id, "article_id": e.article_id, "type": e.type, "mode": str(e.mode), "main": e.main,
            "trigger": _span(e.trigger), "actors": [_arg(x) for x in e.actors], "targets": [_arg(x) for x in e.targets],
            "place": _arg(e.place), "time": _arg(e.time, value=True), "extractor": e.extractor}


def export_records(db: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Every key of the export format, as lists of JSON-ready records."""
    with open_store(db, read_only=True) as store:
        return {
            "articles": [article_record(a) for a in list_articles(store, ArticleFilter())],
            "entities": [entity_record(e) for e in read_entities(store)],
            "mentions": [mention_record(m) for m in read_mentions(store)],
            "quotes": [quote_record(q) for q in read_quotes(store)],
            "figures": [figure_record(f) for f in read_figures(store)],
            "times": [time_record(t) for t in read_times(store)],
            "events": [event_record(e) for e in read_events(store)],
            "stories": [{"id": s.id, "title": s.title, "article_ids": list(s.article_ids)} for s in read_stories(store)],
            "duplicates": [{"article_id": d.article_id, "duplicate_of": d.duplicate_of, "kind": str(d.kind),
                            "similarity": d.similarity} for d in read_duplicates(store)],
        }


def export_json(db: str | Path) -> str:
    """The whole knowledge base as one JSON document."""
    data: dict[str, Any] = {"format": "newsgraph-export", "version": FORMAT_VERSION, **export_records(db)}
    return json.dumps(data, ensure_ascii=False, indent=2)


def export(db: str | Path, fmt: str, output: str | Path | None) -> list[Path]:
    """Write the export in ``fmt``: ``json`` to ``output`` (a file); the others one file a key
    into the folder ``output``. Returns the files written."""
    if fmt not in FORMATS:
        raise StoreError("NG304", f"unknown export format {fmt!r}", f"pass --format {'|'.join(FORMATS)}")
    try:
        if fmt == "json":
            target = Path(output or "newsgraph-export.json")
            target.write_text(export_json(db) + "\n", encoding="utf-8")
            return [target]
        folder = Path(output or "newsgraph-export")
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for key, records in export_records(db).items():
            target = folder / f"{key}.{fmt}"
            if fmt == "jsonl":
                target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            else:
                write_records(records, target, fmt)
            written.append(target)
        return written
    except OSError as exc:
        raise StoreError("NG304", f"cannot write the export to {output}: {exc.strerror or exc}") from None
