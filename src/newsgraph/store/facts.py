"""Per-article facts: ``ArticleFacts`` to rows (replacing an article's earlier facts) and back."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import duckdb

from newsgraph.model import (
    Alias, AliasKind, Argument, ArticleFacts, EntityType, Event, EventMode, Evidence, Figure, Geo,
    LocalEntity, MainEvent, Mention, Quote, QuoteKind, Role, RoleStatus, Speaker, TimeExpression,
    TimeType,
)
from newsgraph.store.connection import Store, insert, joined, key_chunks

FACT_TABLES = (
    "extracted", "mentions", "local_entities", "local_aliases", "roles", "quotes", "quote_content",
    "figures", "times", "events", "event_arguments", "main_events",
)
_MAIN_PARTS = ("who", "what", "when", "where", "why", "how")


def span(ev: Evidence | None) -> tuple[Any, Any, Any]:
    """An evidence as its three stored columns (None, None, None when absent)."""
    return (ev.start, ev.end, ev.text, ev.field) if ev is not None else (None, None, None, None)


def evidence(article_id: str, row: dict[str, Any], name: str) -> Evidence | None:
    """The evidence stored as ``<name>_start/_end/_text`` in ``row``, or None."""
    if row[f"{name}_start"] is None:
        return None
    return Evidence(article_id=article_id, start=row[f"{name}_start"], end=row[f"{name}_end"], text=row[f"{name}_text"],
                    field=row[f"{name}_field"] or "text")


def _entity_rows(facts: ArticleFacts) -> dict[str, list[tuple[Any, ...]]]:
    a = facts.article_id
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for e in facts.entities:
        out["local_entities"].append((a, e.key, e.name, str(e.type), json.dumps(list(e.mention_ids)), *geo_columns(e.geo), e.known_as))
        for al in e.aliases:
            out["local_aliases"].append((a, e.key, al.text, str(al.kind), al.script, *span(al.evidence)))
        for r in e.roles:
            out["roles"].append((a, e.key, None, r.title, r.organization, str(r.status), *span(r.evidence), r.published))
    return out


def _event_rows(facts: ArticleFacts) -> dict[str, list[tuple[Any, ...]]]:
    a = facts.article_id
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for e in facts.events:
        out["events"].append((e.id, a, *span(e.trigger), e.type, str(e.mode), e.main, e.extractor))
        args = [("actor", i, x) for i, x in enumerate(e.actors)] + [("target", i, x) for i, x in enumerate(e.targets)]
        args += [(role, 0, x) for role, x in (("place", e.place), ("time", e.time)) if x is not None]
        for role, i, x in args:
            out["event_arguments"].append((e.id, a, role, i, *span(x.evidence), x.mention_id, x.entity_id, x.value))
    if facts.main is not None:
        m = facts.main
        parts = [v for p in _MAIN_PARTS for v in span(getattr(m, p))]
        out["main_events"].append((a, m.event_id, *parts))
    return out


def fact_rows(facts: ArticleFacts) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for every fact table, keyed by table, in that table's column order."""
    a = facts.article_id
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    out["extracted"].append((a, json.dumps(list(facts.extractors))))
    for m in facts.mentions:
        out["mentions"].append((m.id, a, *span(m.evidence), str(m.type), m.cluster, m.entity_id, m.extractor))
    for q in facts.quotes:
        s = q.speaker
        out["quotes"].append((q.id, a, str(q.kind), *span(q.cue), *span(s.evidence), s.mention_id,
                              s.entity_id, s.anonymous, s.description, s.reason, q.extractor, *span(q.source)))
        for i, c in enumerate(q.content):
            out["quote_content"].append((q.id, a, i, *span(c)))
    for f in facts.figures:
        out["figures"].append((f.id, a, *span(f.evidence), f.value, f.value_high, f.unit, f.qualifier, f.measures, f.owner, f.extractor))
    for t in facts.times:
        out["times"].append((t.id, a, *span(t.evidence), str(t.type), t.value, t.resolved, t.extractor))
    for part in (_entity_rows(facts), _event_rows(facts)):
        for table, rows in part.items():
            out[table].extend(rows)
    return out


GEO_COLUMNS = ("geonames_id", "geo_country", "geo_lat", "geo_lon")
# Tables whose rows name their columns (columns added by later migrations follow no fixed order).
_NAMED_COLUMNS = {"local_entities": ("article_id", "key", "name", "type", "mention_ids", *GEO_COLUMNS, "known_as")}


def geo_columns(geo: Geo | None) -> tuple[Any, Any, Any, Any]:
    """A place's gazetteer entry as its four stored columns."""
    return (geo.geonames_id, geo.country, geo.lat, geo.lon) if geo is not None else (None, None, None, None)


def geo_from_row(r: dict[str, Any]) -> Geo | None:
    """The gazetteer entry stored in ``row``, or None."""
    if r.get("geonames_id") is None and r.get("geo_country") is None:
        return None
    geonames_id = r.get("geonames_id")
    return Geo(geonames_id=int(geonames_id) if geonames_id is not None else None, country=r["geo_country"],
               lat=r["geo_lat"], lon=r["geo_lon"])


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str] | tuple[str, ...]:
    if table in _NAMED_COLUMNS:
        return _NAMED_COLUMNS[table]
    return [r[0] for r in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]


def write_facts(conn: duckdb.DuckDBPyConnection, batch: Sequence[ArticleFacts]) -> None:
    """Replace the facts of each article in ``batch`` (inside the caller's transaction)."""
    if not batch:
        return
    ids = [f.article_id for f in batch]
    for table in FACT_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    merged: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for facts in batch:
        for table, rows in fact_rows(facts).items():
            merged[table].extend(rows)
    for table, rows in merged.items():
        insert(conn, table, _columns(conn, table), rows)


# --- reading -------------------------------------------------------------------------------


ArticleIds = str | Sequence[str] | None

FIGURE_ORDER = "t.ev_start, t.ev_end, t.id"  # an article's figures, as read_figures gives them
# each fact table's rows of an article, in the order they are read (``_by_article``'s ``order``)
FACT_ORDERS = {
    "main_events": "t.event_id",
    "mentions": "t.ev_start, t.ev_end, t.id",
    "local_entities": "t.key",
    "local_aliases": "t.entity_key, t.ev_start, t.text, t.kind",
    "roles": "t.entity_key, t.ev_start, t.title, t.status",
    "quotes": "t.id",
    "quote_content": "t.quote_id, t.idx",
    "figures": FIGURE_ORDER,
    "times": "t.ev_start, t.ev_end, t.id",
    "events": "t.trigger_start, t.trigger_end, t.id",
    "event_arguments": "t.event_id, t.role, t.idx, t.ev_start",
}


def sorted_rows(rows: list[dict[str, Any]], order: str) -> list[dict[str, Any]]:
    """``rows`` in ``order`` (``t.a, t.b`` or ``a, b``: ascending columns) as DuckDB's ORDER BY puts them:
    NULLs last, text by code point (UTF-8's byte order, DuckDB's default collation)."""
    columns = [c.strip().removeprefix("t.") for c in order.split(",")]
    return sorted(rows, key=lambda r: tuple((r[c] is None, r[c]) for c in columns))


def _by_article(store: Store, table: str, article_id: ArticleIds, order: str) -> list[dict[str, Any]]:
    """The rows of ``table`` (``t``), of one article, of a list of articles or of all, in a total
    order: by the article's ingest order (not its id, a hash), then ``order`` (the position in the
    text, the row's own id last), so that a listing comes out the same on every run. A list is
    read by key, one placeholder an id (so that the article_id index serves it), its rows grouped
    by article in the list's order. The rows of known articles are few and put in order here: an
    ORDER BY costs DuckDB about 0.6 ms a query, half an article page's twelve reads."""
    if article_id is None:
        return store.dicts(f"SELECT t.* FROM {table} t LEFT JOIN articles a ON a.id = t.article_id "
                           f"ORDER BY a.seq NULLS LAST, t.article_id, {order}")
    if isinstance(article_id, str):
        # the article's id is known: not fetched (each column a row costs DuckDB a fetch by index)
        rows = store.dicts(f"SELECT t.* EXCLUDE (article_id) FROM {table} t WHERE t.article_id = ?", [article_id])
        for row in rows:
            row["article_id"] = article_id
        return sorted_rows(rows, order)
    grouped: dict[str, list[dict[str, Any]]] = {i: [] for i in article_id}
    for marks, chunk in key_chunks(article_id):
        for row in store.dicts(f"SELECT t.* FROM {table} t WHERE t.article_id IN ({marks})", chunk):
            grouped[row["article_id"]].append(row)
    return [row for rows in grouped.values() for row in sorted_rows(rows, order)]


def mentions_from_rows(rows: Sequence[dict[str, Any]]) -> list[Mention]:
    """Mention records from ``mentions`` rows, in their order."""
    return [
        Mention(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), type=EntityType(r["type"]),  # type: ignore[arg-type]
                cluster=r["cluster"], entity_id=r["entity_id"], extractor=r["extractor"])
        for r in rows
    ]


def read_mentions(store: Store, article_id: ArticleIds = None) -> list[Mention]:
    return mentions_from_rows(_by_article(store, "mentions", article_id, FACT_ORDERS["mentions"]))


def quotes_from_rows(rows: list[dict[str, Any]], content_rows: list[dict[str, Any]]) -> list[Quote]:
    """Quote records from ``quotes`` rows and their ``quote_content`` rows (in idx order)."""
    content: dict[str, list[Evidence]] = defaultdict(list)
    for r in content_rows:
        content[r["quote_id"]].append(evidence(r["article_id"], r, "ev"))  # type: ignore[arg-type]
    quotes = []
    for r in rows:
        a = r["article_id"]
        speaker = Speaker(evidence=evidence(a, r, "speaker"), mention_id=r["speaker_mention_id"],
                          entity_id=r["speaker_entity_id"], anonymous=r["anonymous"],
                          description=r["description"], reason=r["reason"])
        quotes.append(Quote(id=r["id"], article_id=a, kind=QuoteKind(r["kind"]), content=tuple(content[r["id"]]),
                            cue=evidence(a, r, "cue"), speaker=speaker, extractor=r["extractor"],
                            source=evidence(a, r, "source")))
    return quotes


def _opening(quote: Quote) -> tuple[Any, ...]:
    """A quote's place in its article: where it opens in the text (its first content span), then
    its cue, its id last; a quote without content or cue after those with one."""
    return opening_key(min((e.start for e in quote.content), default=None),
                       quote.cue.start if quote.cue is not None else None, quote.id)


def opening_key(first: int | None, cue: int | None, quote_id: str) -> tuple[Any, ...]:
    """``_opening`` from a quote's first content start, its cue's start and its id (a quote's rows
    sort by it too: ``store.story_digest``)."""
    return (first is None, first or 0, cue is None, cue or 0, quote_id)


def read_quotes(store: Store, article_id: ArticleIds = None) -> list[Quote]:
    """Quotes in their articles' order, each article's in the order they open in the text (sorted
    here: an ORDER BY on each quote's first content span made DuckDB read all of quote_content)."""
    return opened_quotes(_by_article(store, "quotes", article_id, FACT_ORDERS["quotes"]),
                         _by_article(store, "quote_content", article_id, FACT_ORDERS["quote_content"]))


def opened_quotes(rows: Sequence[dict[str, Any]], content_rows: Sequence[dict[str, Any]]) -> list[Quote]:
    """Quote records from an article's (or articles') rows, each article's in the order they open in its text."""
    quotes = quotes_from_rows(list(rows), list(content_rows))
    out: list[Quote] = []
    for _, group in itertools.groupby(quotes, key=lambda q: q.article_id):
        out.extend(sorted(group, key=_opening))
    return out


def figures_from_rows(rows: Sequence[dict[str, Any]]) -> list[Figure]:
    """Figure records from ``figures`` rows, in their order."""
    return [
        Figure(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), value=r["value"], unit=r["unit"],  # type: ignore[arg-type]
               value_high=r["value_high"], qualifier=r["qualifier"], measures=r["measures"],
               owner=r["owner"], extractor=r["extractor"])
        for r in rows
    ]


def read_figures(store: Store, article_id: ArticleIds = None) -> list[Figure]:
    return figures_from_rows(_by_article(store, "figures", article_id, FIGURE_ORDER))


def times_from_rows(rows: Sequence[dict[str, Any]]) -> list[TimeExpression]:
    """Time expression records from ``times`` rows, in their order."""
    return [
        TimeExpression(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), type=TimeType(r["type"]),  # type: ignore[arg-type]
                       value=r["value"], resolved=r["resolved"], extractor=r["extractor"])
        for r in rows
    ]


def read_times(store: Store, article_id: ArticleIds = None) -> list[TimeExpression]:
    return times_from_rows(_by_article(store, "times", article_id, FACT_ORDERS["times"]))


def _argument(r: dict[str, Any]) -> Argument:
    return Argument(evidence=evidence(r["article_id"], r, "ev"), mention_id=r["mention_id"],  # type: ignore[arg-type]
                    entity_id=r["entity_id"], value=r["value"])


def read_events(store: Store, article_id: ArticleIds = None) -> list[Event]:
    return article_events(_by_article(store, "events", article_id, FACT_ORDERS["events"]),
                          _by_article(store, "event_arguments", article_id, FACT_ORDERS["event_arguments"]))


def article_events(rows: Sequence[dict[str, Any]], argument_rows: Sequence[dict[str, Any]]) -> list[Event]:
    """Event records from ``events`` rows (in their order) and their ``event_arguments`` rows."""
    args: dict[str, dict[str, list[Argument]]] = defaultdict(lambda: defaultdict(list))
    for r in argument_rows:
        args[r["event_id"]][r["role"]].append(_argument(r))
    events = []
    for r in rows:
        a = args[r["id"]]
        events.append(Event(
            id=r["id"], article_id=r["article_id"], trigger=evidence(r["article_id"], r, "trigger"),  # type: ignore[arg-type]
            type=r["type"], mode=EventMode(r["mode"]), actors=tuple(a["actor"]), targets=tuple(a["target"]),
            place=(a["place"] or [None])[0], time=(a["time"] or [None])[0], main=r["main"], extractor=r["extractor"],
        ))
    return events


def main_events_from_rows(rows: Sequence[dict[str, Any]]) -> list[MainEvent]:
    """Main event records from ``main_events`` rows, in their order."""
    return [MainEvent(article_id=r["article_id"], event_id=r["event_id"],
                      **{p: evidence(r["article_id"], r, p) for p in _MAIN_PARTS}) for r in rows]


def read_main_events(store: Store, article_id: ArticleIds = None) -> list[MainEvent]:
    return main_events_from_rows(_by_article(store, "main_events", article_id, FACT_ORDERS["main_events"]))


def read_local_entities(store: Store, article_id: str | None = None) -> list[LocalEntity]:
    return local_entities_from_rows(*(_by_article(store, t, article_id, FACT_ORDERS[t])
                                      for t in ("local_entities", "local_aliases", "roles")))


def local_entities_from_rows(rows: Sequence[dict[str, Any]], alias_rows: Sequence[dict[str, Any]],
                             role_rows: Sequence[dict[str, Any]]) -> list[LocalEntity]:
    """Local entity records from ``local_entities`` rows (in their order) with their aliases and roles."""
    aliases: dict[tuple[str, str], list[Alias]] = defaultdict(list)
    for r in alias_rows:
        aliases[(r["article_id"], r["entity_key"])].append(
            Alias(text=r["text"], kind=AliasKind(r["kind"]), script=r["script"], evidence=evidence(r["article_id"], r, "ev")))
    roles: dict[tuple[str, str], list[Role]] = defaultdict(list)
    for r in role_rows:
        roles[(r["article_id"], r["entity_key"])].append(role_from_row(r))
    return [
        LocalEntity(key=r["key"], name=r["name"], type=EntityType(r["type"]), mention_ids=tuple(json.loads(r["mention_ids"])),
                    aliases=tuple(aliases[(r["article_id"], r["key"])]), roles=tuple(roles[(r["article_id"], r["key"])]),
                    geo=geo_from_row(r), known_as=r.get("known_as"))
        for r in rows
    ]


def role_from_row(r: dict[str, Any]) -> Role:
    return Role(title=r["title"], organization=r["organization"], status=RoleStatus(r["status"]),
                article_id=r["article_id"], evidence=evidence(r["article_id"], r, "ev"),  # type: ignore[arg-type]
                published=r["published"])


# An article's stored rows (``StoredRows``): table → its rows in ``FACT_ORDERS`` order, and
# ``extracted`` (one row, its extractors). ``read_article_facts`` reads them live; the article
# digest (``store/article_digest.py``) keeps them ready; ``article_facts`` makes the record of either.
StoredRows = dict[str, list[dict[str, Any]]]


def article_rows(store: Store, article_id: str) -> StoredRows | None:
    """The stored rows of one article's facts, or None when it was never extracted."""
    found = store.rows("SELECT extractors FROM extracted WHERE article_id = ?", [article_id])
    if not found:
        return None
    rows: StoredRows = {"extracted": [{"extractors": found[0][0]}]}
    for table, order in FACT_ORDERS.items():
        rows[table] = _by_article(store, table, article_id, order)
    return _local_roles_only(rows)


def _local_roles_only(rows: StoredRows) -> StoredRows:
    """``rows`` without the entity-level roles (no ``entity_key``: an entity's, kept beside the
    article's; ``article_facts`` reads the local entities' roles only)."""
    rows["roles"] = [r for r in rows["roles"] if r["entity_key"] is not None]
    return rows


def articles_rows(store: Store, article_ids: Sequence[str]) -> dict[str, StoredRows]:
    """``article_rows`` of many articles at once (those never extracted left out), read by key."""
    out: dict[str, StoredRows] = {}
    for marks, chunk in key_chunks(article_ids):
        for article_id, extractors in store.rows(f"SELECT article_id, extractors FROM extracted WHERE article_id IN ({marks})", chunk):
            out[article_id] = {"extracted": [{"extractors": extractors}]}
    ids = [i for i in dict.fromkeys(article_ids) if i in out]
    for table, order in FACT_ORDERS.items():
        for rows in out.values():
            rows[table] = []
        for row in _by_article(store, table, ids, order) if ids else ():
            out[row["article_id"]][table].append(row)
    return {a: _local_roles_only(rows) for a, rows in out.items()}


def article_facts(article_id: str, rows: StoredRows) -> ArticleFacts:
    """The facts record of one article from its stored rows (``article_rows``)."""
    mains = main_events_from_rows(rows["main_events"])
    return ArticleFacts(
        article_id=article_id, mentions=tuple(mentions_from_rows(rows["mentions"])),
        entities=tuple(local_entities_from_rows(rows["local_entities"], rows["local_aliases"], rows["roles"])),
        quotes=tuple(opened_quotes(rows["quotes"], rows["quote_content"])),
        figures=tuple(figures_from_rows(rows["figures"])), times=tuple(times_from_rows(rows["times"])),
        events=tuple(article_events(rows["events"], rows["event_arguments"])), main=mains[0] if mains else None,
        extractors=tuple(json.loads(rows["extracted"][0]["extractors"] or "[]")),
    )


def read_article_facts(store: Store, article_id: str) -> ArticleFacts | None:
    """All facts of one article, or None when it was never extracted."""
    rows = article_rows(store, article_id)
    return article_facts(article_id, rows) if rows is not None else None
