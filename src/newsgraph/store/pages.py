"""Paged reads for the HTTP API and pages: keyset pagination, facet counts, and focused lookups.

Each list has a fixed order over a unique key (``LISTS``). A page is asked for with the key of
the last row of the previous page (``after``), so pages stay stable while rows are added, and the
cost of a page does not grow with how deep it is. Filters arrive as ``(sql, params)`` pairs built
by ``filters_for`` from plain values; no caller writes SQL text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Argument, Event, EventMode, Evidence, Figure, Mention, EntityType, Quote, TimeExpression, TimeType
from newsgraph.store.connection import KEYS_A_QUERY, Store, joined
from newsgraph.store.facts import evidence, sorted_rows
from newsgraph.store.facts import quotes_from_rows as quote_records

_NOT_DUP = "a.id NOT IN (SELECT article_id FROM duplicates)"


@dataclass(frozen=True, slots=True)
class Listing:
    """How one list is read: its rows, its order (column, descending?) and its facets."""

    source: str
    id_column: str
    order: tuple[tuple[str, bool], ...]
    facets: dict[str, str]


LISTS: dict[str, Listing] = {
    "articles": Listing(
        "articles a", "a.id", (("a.seq", True),),
        {"format": "a.source_format", "truncated": "CAST(a.truncated AS VARCHAR)", "month": "strftime(a.published, '%Y-%m')"}),
    "entities": Listing(
        "entities e LEFT JOIN (SELECT entity_id, count(*) AS n FROM entity_articles GROUP BY entity_id) c ON c.entity_id = e.id",
        "e.id", (("coalesce(c.n, 0)", True), ("e.id", False)), {"type": "e.type"}),
    "mentions": Listing(
        "mentions m JOIN articles a ON a.id = m.article_id", "m.id",
        (("a.seq", True), ("m.ev_start", False), ("m.id", False)), {"type": "m.type"}),
    "quotes": Listing(
        "quotes q JOIN articles a ON a.id = q.article_id", "q.id", (("a.seq", True), ("q.id", False)),
        {"kind": "q.kind", "speaker": "CASE WHEN q.anonymous THEN 'anonymous' ELSE 'named' END",
         "month": "strftime(a.published, '%Y-%m')"}),
    "events": Listing(
        "events ev JOIN articles a ON a.id = ev.article_id", "ev.id",
        (("a.seq", True), ("ev.trigger_start", False), ("ev.id", False)),
        {"type": "ev.type", "mode": "ev.mode", "month": "strftime(a.published, '%Y-%m')"}),
    "figures": Listing(
        "figures f JOIN articles a ON a.id = f.article_id", "f.id",
        (("a.seq", True), ("f.ev_start", False), ("f.id", False)), {"unit": "f.unit"}),
    "times": Listing(
        "times t JOIN articles a ON a.id = t.article_id", "t.id",
        (("a.seq", True), ("t.ev_start", False), ("t.id", False)),
        {"type": "t.type", "resolved": "CAST(t.resolved AS VARCHAR)"}),
}

_IN = "IN (SELECT unnest(string_split(?, chr(31))))"


def filters_for(kind: str, values: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    """SQL conditions for the filters of list ``kind``; values that are None are left out.

    Filters: articles: text, since, until, source, format, truncated, entity (an id: the articles naming it). entities: type, name,
    min_articles. mentions: article, entity, type. quotes: article, entity_ids, speaker_text,
    anonymous, kind, since, until, story. events: article, type, mode, actor_ids, actor_text,
    place, main, since, until, story. figures: article, unit, measures, since, until, story.
    times: article, type, resolved.
    """
    v = {k: x for k, x in values.items() if x is not None}
    out: list[tuple[str, list[Any]]] = []
    if kind in ("articles", "quotes", "events", "figures", "times", "mentions"):
        out.append((_NOT_DUP, []))
    if "since" in v:
        out.append(("a.published >= ?", [v["since"]]))
    if "until" in v:
        out.append(("a.published < ?", [v["until"]]))
    if "story" in v:
        out.append((f"a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", [v["story"]]))
    alias = {"mentions": "m", "quotes": "q", "events": "ev", "figures": "f", "times": "t"}.get(kind)
    if "article" in v and alias:
        out.append((f"{alias}.article_id = ?", [v["article"]]))
    if kind == "articles":
        if "text" in v:
            needle = str(v["text"]).lower()
            out.append(("(contains(lower(a.text), ?) OR contains(lower(coalesce(a.title, '')), ?)"
                        " OR contains(lower(coalesce(a.deck, '')), ?))", [needle] * 3))
        if "source" in v:
            out.append(("contains(a.source_path, ?)", [v["source"]]))
        if "format" in v:
            out.append(("a.source_format = ?", [v["format"]]))
        if "truncated" in v:
            out.append(("a.truncated = ?", [bool(v["truncated"])]))
        if "entity" in v:
            out.append(("a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)", [v["entity"]]))
    elif kind == "entities":
        if "type" in v:
            out.append(("e.type = ?", [str(v["type"]).upper()]))
        if "name" in v:
            needle = str(v["name"]).lower()
            out.append((f"(contains(lower(e.name), ?) OR e.id IN (SELECT entity_id FROM entity_aliases WHERE contains(lower(text), ?)))",
                        [needle, needle]))
        if "ids" in v:
            out.append((f"e.id {_IN}", [joined(v["ids"])]))
        if "min_articles" in v:
            out.append(("coalesce(c.n, 0) >= ?", [int(v["min_articles"])]))
    elif kind == "mentions":
        if "entity" in v:
            out.append(("m.entity_id = ?", [v["entity"]]))
        if "type" in v:
            out.append(("m.type = ?", [str(v["type"]).upper()]))
    elif kind == "quotes":
        _who(out, "q.speaker_entity_id", "q.speaker_text", v.get("entity_ids"), v.get("speaker_text"))
        if "anonymous" in v:
            out.append(("q.anonymous = ?", [bool(v["anonymous"])]))
        if "kind" in v:
            out.append(("q.kind = ?", [str(v["kind"]).lower()]))
    elif kind == "events":
        if "type" in v:
            out.append(("ev.type = ?", [str(v["type"]).upper()]))
        if "mode" in v:
            out.append(("ev.mode = ?", [str(v["mode"]).lower()]))
        if "main" in v:
            out.append(("ev.main = ?", [bool(v["main"])]))
        if v.get("typed"):  # typed events and each article's main event; OTHER apart
            out.append(("(ev.type <> 'OTHER' OR ev.main)", []))
        if "actor_ids" in v or "actor_text" in v:
            known, params = _one_of("entity_id", list(v.get("actor_ids") or ()))
            text = str(v.get("actor_text") or "\x00").lower()
            out.append((f"ev.id IN (SELECT event_id FROM event_arguments WHERE role = 'actor' AND ({known}"
                        " OR contains(lower(ev_text), ?)))", [*params, text]))
        if "place" in v:
            out.append(("ev.id IN (SELECT event_id FROM event_arguments WHERE role = 'place' AND contains(lower(ev_text), ?))",
                        [str(v["place"]).lower()]))
    elif kind == "figures":
        if "unit" in v:
            out.append(("lower(f.unit) = ?", [str(v["unit"]).lower()]))
        if "measures" in v:
            out.append(("contains(lower(coalesce(f.measures, '')), ?)", [str(v["measures"]).lower()]))
    elif kind == "times":
        if "type" in v:
            out.append(("t.type = ?", [str(v["type"]).upper()]))
        if "resolved" in v:
            out.append(("t.resolved = ?", [bool(v["resolved"])]))
    return out


def _one_of(column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    """``column`` is one of ``ids``: a list of placeholders for a few (a filter DuckDB applies as it
    scans; ``IN (SELECT unnest(...))`` beside an OR made it join every row: a quotes list by speaker
    on 41,000 articles 41 → 26 ms), an unnested list for many, nothing for none."""
    if not ids:
        return "FALSE", []
    if len(ids) <= KEYS_A_QUERY:
        return f"{column} IN ({', '.join('?' for _ in ids)})", list(ids)
    return f"{column} {_IN}", [joined(ids)]


def _who(out: list[tuple[str, list[Any]]], id_col: str, text_col: str, ids: Sequence[str] | None, text: str | None) -> None:
    if ids is None and text is None:
        return
    known, params = _one_of(id_col, list(ids or ()))
    out.append((f"({known} OR contains(lower(coalesce({text_col}, '')), ?))", [*params, (text or "\x00").lower()]))


def _where(conditions: Sequence[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    if not conditions:
        return "", []
    return " WHERE " + " AND ".join(f"({c})" for c, _ in conditions), [p for _, ps in conditions for p in ps]


def _after(listing: Listing, after: Sequence[Any]) -> tuple[str, list[Any]]:
    """The keyset condition "comes after ``after``" for the listing's order (with the id last)."""
    columns = [*listing.order] + ([] if listing.order[-1][0] == listing.id_column else [(listing.id_column, False)])
    if len(after) != len(columns):
        raise ValueError("cursor does not fit this list")
    ors, params = [], []
    for i, (col, desc) in enumerate(columns):
        equal = [f"{c} = ?" for c, _ in columns[:i]]
        ors.append("(" + " AND ".join([*equal, f"{col} {'<' if desc else '>'} ?"]) + ")")
        params += [*after[:i], after[i]]
    return "(" + " OR ".join(ors) + ")", params


_FACT_ALIAS = {"mentions": "m", "quotes": "q", "events": "ev", "figures": "f", "times": "t"}
WINDOW_FIRST, WINDOW_LAST = 32, 2048  # articles a fact list's page reads first, and at most before reading them all


def _keys(store: Store, listing: Listing, conds: list[tuple[str, list[Any]]], size: int) -> list[tuple[Any, ...]]:
    where, params = _where(conds)
    columns = [c for c, _ in listing.order] + ([] if listing.order[-1][0] == listing.id_column else [listing.id_column])
    order = ", ".join(f"{c} {'DESC' if d else 'ASC'}" for c, d in listing.order)
    if listing.order[-1][0] != listing.id_column:
        order += f", {listing.id_column} ASC"
    sql = f"SELECT {', '.join(columns)} FROM {listing.source}{where} ORDER BY {order} LIMIT {int(size)}"
    return [tuple(r) for r in store.rows(sql, params)]


def page_keys(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]], after: Sequence[Any] | None,
              size: int) -> list[tuple[Any, ...]]:
    """Up to ``size`` sort keys (order columns then the id) of list ``kind``, after ``after``.

    A list of facts (newest article first) filtered by article only (date, story) or not at all
    is read from a window of the newest articles at or after the cursor, their facts found by the index on ``article_id``; the window grows (x4)
    while it holds fewer than ``size`` rows, up to ``WINDOW_LAST`` articles, then the whole table
    is read. The rows are those of the whole table's order either way: every article newer than
    the window's oldest is in the window."""
    listing = LISTS[kind]
    conds = list(conditions)
    if after is not None:
        conds.append(_after(listing, after))
    alias = _FACT_ALIAS.get(kind)
    if alias is None or not all(c == _NOT_DUP or c.startswith("a.") for c, _ in conditions):
        # a filter on the facts themselves (type, speaker...) may match few rows of many articles
        return _keys(store, listing, conds, size)
    window = WINDOW_FIRST
    while window <= WINDOW_LAST:
        bound, params = ("", []) if after is None else (" AND a.seq <= ?", [after[0]])
        articles = [r[0] for r in store.rows(f"SELECT a.id FROM articles a WHERE {_NOT_DUP}{bound} ORDER BY a.seq DESC LIMIT ?",
                                             [*params, window])]
        if not articles:
            return []
        chosen = _marks(articles)
        keys = _keys(store, listing, [*conds, (f"{alias}.article_id IN ({chosen}) AND a.id IN ({chosen})", articles * 2)], size)
        if len(keys) >= size or len(articles) < window:
            return keys
        window *= 4
    return _keys(store, listing, conds, size)


def facet_counts(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]], limit: int = 20) -> dict[str, dict[str, int]]:
    """For each facet of list ``kind``: value → rows matching the filters, most first (one pass
    over the rows for all facets: GROUPING SETS)."""
    listing = LISTS[kind]
    where, params = _where(conditions)
    names = list(listing.facets)
    columns = ", ".join(f"{listing.facets[n]} AS f{i}" for i, n in enumerate(names))
    flags = ", ".join(f"grouping(f{i})" for i in range(len(names)))
    sets = ", ".join(f"(f{i})" for i in range(len(names)))
    values = ", ".join(f"f{i}" for i in range(len(names)))
    found: dict[str, list[tuple[int, str]]] = {n: [] for n in names}
    for row in store.rows(f"SELECT {flags}, {values}, count(*) FROM (SELECT {columns} FROM {listing.source}{where}) "
                          f"GROUP BY GROUPING SETS ({sets})", params):
        flag, value, n = row[: len(names)], row[len(names): 2 * len(names)], row[-1]
        i = list(flag).index(0)
        found[names[i]].append((int(n), "unknown" if value[i] is None else str(value[i])))
    return {name: {v: n for n, v in sorted(pairs, key=lambda p: (-p[0], p[1]))[:limit]} for name, pairs in found.items()}


def count_rows(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]]) -> int:
    where, params = _where(conditions)
    return int(store.scalar(f"SELECT count(*) FROM {LISTS[kind].source}{where}", params))


# --- facts by id ---------------------------------------------------------------------------


def _by_ids(store: Store, table: str, column: str, ids: Sequence[str], order: str) -> list[dict[str, Any]]:
    """Rows whose ``column`` is one of ``ids``: one placeholder an id, so that the column's index
    serves it; each chunk's rows put in ``order`` here (an ORDER BY costs DuckDB about 0.6 ms a query)."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    out: list[dict[str, Any]] = []
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += sorted_rows(store.dicts(f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk), order)
    return out


def quote_rows(store: Store, ids: Sequence[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stored rows of the quotes ``ids``: (``quotes`` rows, their ``quote_content`` rows)."""
    return _by_ids(store, "quotes", "id", ids, "id"), _by_ids(store, "quote_content", "quote_id", ids, "quote_id, idx")


def quotes_from_rows(ids: Sequence[str], rows: Sequence[dict[str, Any]], content_rows: Sequence[dict[str, Any]]) -> list[Quote]:
    """The quotes ``ids`` (in that order, those found) from their rows (``quote_rows``)."""
    found = {q.id: q for q in quote_records(list(rows), list(content_rows))}
    return [found[i] for i in ids if i in found]


def quotes_by_id(store: Store, ids: Sequence[str]) -> list[Quote]:
    return quotes_from_rows(ids, *quote_rows(store, ids))


def event_rows(store: Store, ids: Sequence[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The stored rows of the events ``ids``: (``events`` rows, their ``event_arguments`` rows)."""
    return _by_ids(store, "events", "id", ids, "id"), _by_ids(store, "event_arguments", "event_id", ids, "event_id, role, idx")


def events_from_rows(ids: Sequence[str], rows: Sequence[dict[str, Any]], argument_rows: Sequence[dict[str, Any]]) -> list[Event]:
    """The events ``ids`` (in that order, those found) from their rows (``event_rows``)."""
    args: dict[str, dict[str, list[Argument]]] = defaultdict(lambda: defaultdict(list))
    for r in argument_rows:
        args[r["event_id"]][r["role"]].append(Argument(evidence=evidence(r["article_id"], r, "ev"),  # type: ignore[arg-type]
                                                       mention_id=r["mention_id"], entity_id=r["entity_id"], value=r["value"]))
    found = {}
    for r in rows:
        a = args[r["id"]]
        found[r["id"]] = Event(id=r["id"], article_id=r["article_id"], trigger=evidence(r["article_id"], r, "trigger"),  # type: ignore[arg-type]
                               type=r["type"], mode=EventMode(r["mode"]), actors=tuple(a["actor"]), targets=tuple(a["target"]),
                               place=(a["place"] or [None])[0], time=(a["time"] or [None])[0], main=r["main"], extractor=r["extractor"])
    return [found[i] for i in ids if i in found]


def events_by_id(store: Store, ids: Sequence[str]) -> list[Event]:
    return events_from_rows(ids, *event_rows(store, ids))


def figures_by_id(store: Store, ids: Sequence[str]) -> list[Figure]:
    found = {r["id"]: Figure(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), value=r["value"], unit=r["unit"],  # type: ignore[arg-type]
                             value_high=r["value_high"], qualifier=r["qualifier"], measures=r["measures"], owner=r["owner"],
                             extractor=r["extractor"])
             for r in _by_ids(store, "figures", "id", ids, "id")}
    return [found[i] for i in ids if i in found]


def times_by_id(store: Store, ids: Sequence[str]) -> list[TimeExpression]:
    found = {r["id"]: TimeExpression(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), type=TimeType(r["type"]),  # type: ignore[arg-type]
                                     value=r["value"], resolved=r["resolved"], extractor=r["extractor"])
             for r in _by_ids(store, "times", "id", ids, "id")}
    return [found[i] for i in ids if i in found]


def mentions_by_id(store: Store, ids: Sequence[str]) -> list[Mention]:
    found = {r["id"]: Mention(id=r["id"], evidence=evidence(r["article_id"], r, "ev"), type=EntityType(r["type"]),  # type: ignore[arg-type]
                              cluster=r["cluster"], entity_id=r["entity_id"], extractor=r["extractor"])
             for r in _by_ids(store, "mentions", "id", ids, "id")}
    return [found[i] for i in ids if i in found]


# --- small lookups -------------------------------------------------------------------------


HEAD_COLUMNS = "id, seq, title, kicker, published, source_path, truncated, text_of, left(text, 280) AS text"


def head_rows(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The rows ``heads_from_rows`` makes the heads of the articles ``ids`` from, in ingest order,
    an exact copy stored by reference carrying its original's lede."""
    unique = list(dict.fromkeys(ids))
    rows: list[dict[str, Any]] = []
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        rows += store.dicts(f"SELECT {HEAD_COLUMNS} FROM articles WHERE id IN ({_marks(chunk)})", chunk)
    return original_ledes(store, rows)


def original_ledes(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Head rows (``HEAD_COLUMNS``) in ingest order, an exact copy stored by reference carrying its
    original's lede."""
    refs = sorted({r["text_of"] for r in rows if r["text_of"]})
    if refs:
        ledes = dict(store.rows(f"SELECT id, left(text, 280) FROM articles WHERE id IN ({_marks(refs)})", refs))
        rows = [{**r, "text": ledes.get(r["text_of"], r["text"])} if r["text_of"] else r for r in rows]
    return sorted_rows(rows, "seq")


def heads_from_rows(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """id → {id, title, kicker, published, source, truncated, lede} from ``head_rows``, in their order."""
    return {r["id"]: {"id": r["id"], "title": r["title"], "kicker": r["kicker"], "published": r["published"],
                      "source": r["source_path"], "truncated": r["truncated"], "lede": r["text"][:280]} for r in rows}


def article_heads(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {id, title, kicker, published, source, truncated, lede} for the articles in ``ids``."""
    return heads_from_rows(head_rows(store, ids))


def entity_heads(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {id, name, type} for the entities in ``ids``."""
    return {r["id"]: {"id": r["id"], "name": r["name"], "type": r["type"]} for r in _by_ids(store, "entities", "id", ids, "id")}


def named_in(store: Store, article_ids: Sequence[str], limit: int) -> list[tuple[str, int]]:
    """The ``limit`` entities named in most of ``article_ids`` (by their mentions): (id, articles),
    most first, ties by id; counted by DuckDB over the mentions' two key columns."""
    unique = list(dict.fromkeys(article_ids))
    if not unique or limit < 1:
        return []
    return [(r[0], int(r[1])) for r in store.rows(
        f"""SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions
            WHERE article_id IN ({_marks(unique)}) AND entity_id IS NOT NULL
            GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?""", [*unique, limit])]


def top_entities(store: Store, type: str, limit: int) -> list[tuple[str, str, str, int, int]]:
    """The entities of ``type`` in most articles: (id, name, type, articles, mentions)."""
    return [tuple(r) for r in store.rows(  # type: ignore[misc]
        """SELECT e.id, e.name, e.type, count(DISTINCT ea.article_id) AS n,
                  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS k
           FROM entities e JOIN entity_articles ea ON ea.entity_id = e.id
           WHERE e.type = ? GROUP BY e.id, e.name, e.type ORDER BY n DESC, k DESC, e.name LIMIT ?""", [type, limit])]


def quote_share(store: Store) -> tuple[int, int]:
    """(quotes from anonymous sources, all quotes)."""
    row = store.rows("SELECT count(*) FILTER (WHERE anonymous), count(*) FROM quotes")[0]
    return int(row[0]), int(row[1])


def totals(store: Store) -> dict[str, int]:
    """Row counts of the main lists."""
    out = {}
    for name, sql in (("articles", f"SELECT count(*) FROM articles a WHERE {_NOT_DUP}"), ("entities", "SELECT count(*) FROM entities"),
                      ("quotes", "SELECT count(*) FROM quotes"), ("events", "SELECT count(*) FROM events"),
                      ("figures", "SELECT count(*) FROM figures"), ("stories", "SELECT count(*) FROM stories")):
        out[name] = int(store.scalar(sql))
    return out


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def entity_window(store: Store, entity_id: str, size: int) -> list[tuple[str, int]]:
    """(article id, seq) of the ``size`` newest articles naming ``entity_id``, newest first: the
    window an entity's page reads its facts from, so that its cost does not grow with how often
    the entity is in the news."""
    return [(r[0], int(r[1])) for r in store.rows(
        """SELECT a.id, a.seq FROM articles a WHERE a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)
           ORDER BY a.seq DESC LIMIT ?""", [entity_id, size])]


def window_mentions(store: Store, entity_id: str, window: Sequence[tuple[str, int]], *,
                    complete: bool = False) -> list[tuple[str, int, int, str]]:
    """(article id, start, end, field) of ``entity_id``'s mentions in the articles of ``window``:
    by their indexed article id, the entity picked out here (with the entity's id in the query
    too, DuckDB reads the rows of every article naming a frequent entity by that index instead:
    on 41,000 articles, 11 ms against 3.5); or, when ``complete`` (the window holds every article
    naming the entity), by the indexed entity id."""
    if complete:
        return [tuple(r) for r in store.rows(  # type: ignore[misc]
            "SELECT article_id, ev_start, ev_end, ev_field FROM mentions WHERE entity_id = ?", [entity_id])]
    ids = [a for a, _ in window]
    if not ids:
        return []
    return [row[:4] for row in store.rows(
        f"SELECT article_id, ev_start, ev_end, ev_field, entity_id FROM mentions WHERE article_id IN ({_marks(ids)})", ids)
        if row[4] == entity_id]


def entity_fact_ids(store: Store, entity_id: str, limit: int, window: Sequence[tuple[str, int]], *,
                    complete: bool = False, named: Sequence[tuple[Any, ...]] | None = None) -> dict[str, list[str]]:
    """Ids of what concerns one entity in the articles of ``window`` (see ``entity_window``),
    newest article first, at most ``limit`` of each: quotes it said, quotes whose content names
    it, events it takes part in. Every lookup goes by an indexed article id; or, when ``complete``
    (the window holds every article naming the entity), by the indexed entity id, which is
    quicker than a list of article ids and reads the same rows. ``named``: the entity's mentions
    in a window holding this one, when the caller has read them (``window_mentions``)."""
    ids = [a for a, _ in window]
    if not ids:
        return {"said": [], "about": [], "events": []}
    seq = {a: s for a, s in window}
    marks = _marks(ids)
    if complete:
        said_rows = store.rows("SELECT id, article_id FROM quotes WHERE speaker_entity_id = ?", [entity_id])
    else:  # by article id alone, as in window_mentions (on 41,000 articles, 34 ms against 8)
        said_rows = [(quote, a) for quote, a, speaker in store.rows(
            f"SELECT id, article_id, speaker_entity_id FROM quotes WHERE article_id IN ({marks})", ids) if speaker == entity_id]
    if named is None:
        named = window_mentions(store, entity_id, window, complete=complete)
    about_rows = _quotes_naming(store, [m for m in named if m[0] in seq], ids)
    said_rows = [r for r in said_rows if r[1] in seq]
    said = [r[0] for r in sorted(said_rows, key=lambda r: (-seq[r[1]], r[0]))][:limit]
    spoken = {r[0] for r in said_rows}
    about = [r[0] for r in sorted(about_rows, key=lambda r: (-seq[r[1]], r[0])) if r[0] not in spoken][:limit]
    if complete:
        event_rows = store.rows("SELECT event_id, article_id FROM event_arguments WHERE entity_id = ?", [entity_id])
    else:  # by article id alone, as above (with the entity's id too: 25 ms against 2 for a frequent entity)
        event_rows = [r[:2] for r in store.rows(
            f"SELECT event_id, article_id, entity_id FROM event_arguments WHERE article_id IN ({marks})", ids)
            if r[2] == entity_id]
    event_ids = sorted({r[0] for r in event_rows if r[1] in seq})
    event_rows = store.rows(f"SELECT id, article_id, trigger_start FROM events WHERE id IN ({_marks(event_ids)})",
                            event_ids) if event_ids else []
    events = [r[0] for r in sorted(event_rows, key=lambda r: (-seq[r[1]], r[2] if r[2] is not None else -1, r[0]))][:limit]
    return {"said": said, "about": about, "events": events}


def _quotes_naming(store: Store, mentions: Sequence[tuple[Any, ...]], article_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(quote id, article id) of the quotes of ``article_ids`` whose content holds one of
    ``mentions`` ((article id, start, end, field) rows: an entity's), each once."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for a, start, end, where in mentions:
        if start is not None and end is not None:
            spans[(a, where or "text")].append((start, end))
    if not spans:
        return []
    return sorted({(quote, a) for quote, a, start, end, where in store.rows(
        f"SELECT quote_id, article_id, ev_start, ev_end, ev_field FROM quote_content WHERE article_id IN ({_marks(article_ids)})",
        list(article_ids))
        if start is not None and end is not None
        and any(start <= m_start and m_end <= end for m_start, m_end in spans.get((a, where or "text"), ()))})


def entity_article_ids(store: Store, entity_id: str, limit: int, window: Sequence[tuple[str, int]], *,
                       complete: bool = False, named: Sequence[tuple[Any, ...]] | None = None) -> list[tuple[str, int]]:
    """(article id, mentions of the entity in it) of the first ``limit`` articles of ``window``
    (by the entity id when ``complete``, as in ``entity_fact_ids``; from ``named`` when given)."""
    ids = [a for a, _ in window][:limit]
    if not ids:
        return []
    if named is None:
        named = window_mentions(store, entity_id, window[:limit], complete=complete)
    counts = Counter(m[0] for m in named)
    return [(a, int(counts.get(a, 0))) for a in ids]


def entity_article_count(store: Store, entity_id: str) -> int:
    """How many articles name ``entity_id``."""
    return int(store.scalar("SELECT count(*) FROM entity_articles WHERE entity_id = ?", [entity_id]))


def window_companions(store: Store, entity_id: str, window: Sequence[tuple[str, int]], limit: int
                      ) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, int]]]:
    """The entities sharing most articles of ``window`` with ``entity_id`` — (id, name, type,
    shared articles) — and the edges (a, b, shared articles, a < b) among it and them, counted
    over the same articles."""
    ids = [a for a, _ in window]
    if not ids:
        return [], []
    pairs = store.rows(f"SELECT entity_id, article_id FROM entity_articles WHERE article_id IN ({_marks(ids)})", ids)
    by_entity: dict[str, set[str]] = defaultdict(set)
    for e, a in pairs:
        by_entity[e].add(a)
    ranked = sorted(((len(arts), e) for e, arts in by_entity.items() if e != entity_id), key=lambda x: (-x[0], x[1]))
    heads = entity_heads(store, [e for _, e in ranked[: limit * 3]])
    top = sorted(((e, heads[e]["name"], heads[e]["type"], n) for n, e in ranked[: limit * 3] if e in heads),
                 key=lambda c: (-c[3], c[1] or ""))[:limit]
    nodes = [entity_id, *(c[0] for c in top)]
    edges = []
    for i, a in enumerate(sorted(nodes)):
        for b in sorted(nodes)[i + 1:]:
            w = len(by_entity.get(a, set()) & by_entity.get(b, set()))
            if w:
                edges.append((a, b, w))
    return top, sorted(edges, key=lambda e: (-e[2], e[0], e[1]))


def network_edges(store: Store, entity_ids: Sequence[str], min_weight: int) -> list[tuple[str, str, int]]:
    """Pairs of ``entity_ids`` sharing articles: (a, b, shared articles) with a < b."""
    if not entity_ids:
        return []
    return [(r[0], r[1], int(r[2])) for r in store.rows(
        f"""SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id) AS w
            FROM entity_articles x JOIN entity_articles y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
            WHERE x.entity_id {_IN} AND y.entity_id {_IN} GROUP BY x.entity_id, y.entity_id HAVING count(DISTINCT x.article_id) >= ?
            ORDER BY w DESC, x.entity_id, y.entity_id""", [joined(entity_ids), joined(entity_ids), min_weight])]


def main_event_rows(store: Store, article_ids: Sequence[str]) -> dict[str, dict[str, Evidence | str | None]]:
    """article id → its 5W1H spans (and ``event_id``)."""
    out = {}
    for r in _by_ids(store, "main_events", "article_id", article_ids, "article_id"):
        a = r["article_id"]
        out[a] = {"event_id": r["event_id"], **{p: evidence(a, r, p) for p in ("who", "what", "when", "where", "why", "how")}}
    return out


def fact_ids_of_articles(store: Store, table: str, article_ids: Sequence[str], per_article: int) -> list[str]:
    """Ids of the first ``per_article`` facts of ``table`` (quotes, figures) in each article."""
    if table not in ("quotes", "figures") or not article_ids:
        return []
    order = "id" if table == "quotes" else "ev_start, id"
    return [r[0] for r in store.rows(
        f"""SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY article_id ORDER BY {order}) AS k FROM {table}
            WHERE article_id {_IN}) WHERE k <= ? ORDER BY id""", [joined(article_ids), per_article])]
