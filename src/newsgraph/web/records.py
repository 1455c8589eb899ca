"""Model objects as the JSON the API answers (the export format's records, DESIGN.md §7)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import datetime
from typing import Any

from newsgraph.model import Article, Event, Figure, Mention, Quote, TimeExpression
from newsgraph.query.export import (
    article_record, entity_record, event_record, figure_record, mention_record, quote_record, time_record,
)
from newsgraph.query.pages import ArticleView, EntityView, Page


def jsonable(value: Any) -> Any:
    """Datetimes as ISO 8601 text, containers walked; the rest as it is."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def article_head(a: Article) -> dict[str, Any]:
    """An article without its text: what a list shows."""
    record = article_record(a)
    record.pop("text")
    record["lede"] = a.text[:280]
    record["length"] = len(a.text)
    return record


def row_record(row: Any) -> dict[str, Any]:
    if isinstance(row, Article):
        return article_head(row)
    if isinstance(row, Quote):
        return quote_record(row)
    if isinstance(row, Event):
        return event_record(row)
    if isinstance(row, Figure):
        return figure_record(row)
    if isinstance(row, TimeExpression):
        return time_record(row)
    if isinstance(row, Mention):
        return mention_record(row)
    return dict(row)


def page_record(page: Page) -> dict[str, Any]:
    return jsonable({"ok": True, "rows": [row_record(r) for r in page.rows], "next": page.next, "facets": page.facets,
                     "articles": page.articles, "entities": page.entities})


def article_view_record(view: ArticleView) -> dict[str, Any]:
    f = view.facts
    facts: dict[str, Any] | None = None
    if f is not None:
        main = None
        if f.main is not None:
            main = {"event_id": f.main.event_id, **{p: _span(getattr(f.main, p)) for p in ("who", "what", "when", "where", "why", "how")}}
        facts = {"mentions": [mention_record(m) for m in f.mentions], "quotes": [quote_record(q) for q in f.quotes],
                 "figures": [figure_record(x) for x in f.figures], "times": [time_record(t) for t in f.times],
                 "events": [event_record(e) for e in f.events], "main": main, "extractors": list(f.extractors)}
    return jsonable({"ok": True, "article": article_record(view.article), "facts": facts, "entities": view.entities})


def _span(ev: Any) -> dict[str, Any] | None:
    return None if ev is None else {"start": ev.start, "end": ev.end, "text": ev.text, "field": ev.field}


def entity_view_record(view: EntityView) -> dict[str, Any]:
    """The entity page as JSON. The entity carries ``article_count`` (its articles are listed, newest
    first, under ``articles``, ``limit`` of them) and its distinct titles, each with its newest
    evidence, how many times it is read and the dates of the first and last article reading it."""
    entity = {k: v for k, v in entity_record(view.entity).items() if k != "article_ids"}
    entity["article_count"] = view.article_count
    entity["roles"] = [{**record, "count": span.count, "first": span.first, "last": span.last}
                       for record, span in zip(entity["roles"], view.roles)]
    return jsonable({
        "ok": True, "entity": entity,
        "said": [quote_record(q) for q in view.said], "about": [quote_record(q) for q in view.about],
        "events": [event_record(e) for e in view.events],
        "articles": [{**head, "mentions": n} for head, n in view.articles],
        "companions": [{"id": i, "name": n, "type": t, "shared": k} for i, n, t, k in view.companions],
        "edges": [{"source": a, "target": b, "weight": w} for a, b, w in view.edges],
        "article_heads": view.article_heads, "entities": view.entities,
    })


_FIELDS: dict[type, tuple[str, ...] | None] = {}  # a class → its dataclass fields' names (None: not a dataclass)


def generic(value: Any) -> Any:
    """A result of a part this module does not know (search hits, stories): dataclasses as dicts,
    datetimes as ISO 8601 text, tuples and lists as lists, in one walk (what ``jsonable(asdict(value))``
    gives, without ``asdict``'s deep copy of every leaf: on a story's JSON that copy cost more than
    the story's reads)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    kind = type(value)
    names = _FIELDS.get(kind, ())
    if names == ():
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None
    if names is not None:
        return {name: generic(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [generic(v) for v in value]
    if isinstance(value, dict):
        return {k: generic(v) for k, v in value.items()}
    return value
