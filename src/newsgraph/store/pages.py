"""Paged reads for the HTTP API and pages: keyset pagination, facet counts, and focused lookups.

Each list has a fixed order over a unique key (``LISTS``). A page is asked for with the key of
the last row of the previous page (``after``), so pages stay stable while rows are added, and the
cost of a page does not grow with how deep it is. Filters arrive as ``(sql, params)`` pairs built
by ``filters_for`` from plain values; no caller writes SQL text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Argument, Event, EventMode, Evidence, Figure, Mention, EntityType, Quote, QuoteKind, Speaker, TimeExpression, TimeType
from newsgraph.store.connection import Store, joined
from newsgraph.store.facts import evidence

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

    Filters: articles: text, since, until, source, format, truncated. entities: type, name,
    min_articles. mentions: article, entity, type. quotes: article, entity_ids, speaker_text,
    anonymous, kind, since, until, story. events: article, type, mode, actor_ids, actor_text,
    place, main, since, until, story. figures: article, unit, measures, since, until.
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
            ids, text = joined(v.get("actor_ids") or ()), str(v.get("actor_text") or "\x00").lower()
            out.append((f"ev.id IN (SELECT event_id FROM event_arguments WHERE role = 'actor' AND (entity_id {_IN}"
                        " OR contains(lower(ev_text), ?)))", [ids, text]))
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


def _who(out: list[tuple[str, list[Any]]], id_col: str, text_col: str, ids: Sequence[str] | None, text: str | None) -> None:
    if ids is None and text is None:
        return
    out.append((f"({id_col} {_IN} OR contains(lower(coalesce({text_col}, '')), ?))",
                [joined(ids or ()), (text or "\x00").lower()]))


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


def page_keys(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]], after: Sequence[Any] | None,
              size: int) -> list[tuple[Any, ...]]:
    """Up to ``size`` sort keys (order columns then the id) of list ``kind``, after ``after``."""
    listing = LISTS[kind]
    conds = list(conditions)
    if after is not None:
        conds.append(_after(listing, after))
    where, params = _where(conds)
    columns = [c for c, _ in listing.order] + ([] if listing.order[-1][0] == listing.id_column else [listing.id_column])
    order = ", ".join(f"{c} {'DESC' if d else 'ASC'}" for c, d in listing.order)
    if listing.order[-1][0] != listing.id_column:
        order += f", {listing.id_column} ASC"
    sql = f"SELECT {', '.join(columns)} FROM {listing.source}{where} ORDER BY {order} LIMIT {int(size)}"
    return [tuple(r) for r in store.rows(sql, params)]


def facet_counts(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]], limit: int = 20) -> dict[str, dict[str, int]]:
    """For each facet of list ``kind``: value → rows matching the filters, most first."""
    listing = LISTS[kind]
    where, params = _where(conditions)
    out: dict[str, dict[str, int]] = {}
    for name, expr in listing.facets.items():
        rows = store.rows(f"SELECT {expr} AS v, count(*) AS n FROM {listing.source}{where} GROUP BY v ORDER BY n DESC, v LIMIT {int(limit)}",
                          params)
        out[name] = {("unknown" if v is None else str(v)): int(n) for v, n in rows}
    return out


def count_rows(store: Store, kind: str, conditions: Sequence[tuple[str, list[Any]]]) -> int:
    where, params = _where(conditions)
    return int(store.scalar(f"SELECT count(*) FROM {LISTS[kind].source}{where}", params))


# --- facts by id ---------------------------------------------------------------------------


def _by_ids(store: Store, table: str, column: str, ids: Sequence[str], order: str) -> list[dict[str, Any]]:
    """Rows whose ``column`` is one of ``ids``: one placeholder an id, so that the column's index serves it."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    out: list[dict[str, Any]] = []
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += store.dicts(f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY {order}", chunk)
    return out


def quotes_by_id(store: Store, ids: Sequence[str]) -> list[Quote]:
    content: dict[str, list[Evidence]] = defaultdict(list)
    for r in _by_ids(store, "quote_content", "quote_id", ids, "quote_id, idx"):
        content[r["quote_id"]].append(evidence(r["article_id"], r, "ev"))  # type: ignore[arg-type]
    found = {}
    for r in _by_ids(store, "quotes", "id", ids, "id"):
        a = r["article_id"]
        speaker = Speaker(evidence=evidence(a, r, "speaker"), mention_id=r["speaker_mention_id"],
                          entity_id=r["speaker_entity_id"], anonymous=r["anonymous"],
                          description=r["description"], reason=r["reason"])
        found[r["id"]] = Quote(id=r["id"], article_id=a, kind=QuoteKind(r["kind"]), content=tuple(content[r["id"]]),
                               cue=evidence(a, r, "cue"), speaker=speaker, extractor=r["extractor"], source=evidence(a, r, "source"))
    return [found[i] for i in ids if i in found]


def events_by_id(store: Store, ids: Sequence[str]) -> list[Event]:
    args: dict[str, dict[str, list[Argument]]] = defaultdict(lambda: defaultdict(list))
    for r in _by_ids(store, "event_arguments", "event_id", ids, "event_id, role, idx"):
        args[r["event_id"]][r["role"]].append(Argument(evidence=evidence(r["article_id"], r, "ev"),  # type: ignore[arg-type]
                                                       mention_id=r["mention_id"], entity_id=r["entity_id"], value=r["value"]))
    found = {}
    for r in _by_ids(store, "events", "id", ids, "id"):
        a = args[r["id"]]
        found[r["id"]] = Event(id=r["id"], article_id=r["article_id"], trigger=evidence(r["article_id"], r, "trigger"),  # type: ignore[arg-type]
                               type=r["type"], mode=EventMode(r["mode"]), actors=tuple(a["actor"]), targets=tuple(a["target"]),
                               place=(a["place"] or [None])[0], time=(a["time"] or [None])[0], main=r["main"], extractor=r["extractor"])
    return [found[i] for i in ids if i in found]


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


def article_heads(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {id, title, kicker, published, source_path, truncated, lede} for the articles in ``ids``."""
    rows = _by_ids(store, "articles", "id", ids, "seq")
    return {r["id"]: {"id": r["id"], "title": r["title"], "kicker": r["kicker"], "published": r["published"],
                      "source": r["source_path"], "truncated": r["truncated"], "lede": r["text"][:280]} for r in rows}


def entity_heads(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id → {id, name, type} for the entities in ``ids``."""
    return {r["id"]: {"id": r["id"], "name": r["name"], "type": r["type"]} for r in _by_ids(store, "entities", "id", ids, "id")}


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


def entity_fact_ids(store: Store, entity_id: str, limit: int) -> dict[str, list[str]]:
    """Ids of what concerns one entity, newest article first: quotes it said, quotes whose content
    names it, events it takes part in."""
    said = [r[0] for r in store.rows(
        "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_entity_id = ? ORDER BY a.seq DESC, q.id LIMIT ?",
        [entity_id, limit])]
    about = [r[0] for r in store.rows(
        """SELECT DISTINCT q.id, a.seq FROM quote_content c JOIN mentions m ON m.article_id = c.article_id
               AND m.ev_start >= c.ev_start AND m.ev_end <= c.ev_end AND coalesce(m.ev_field, 'text') = coalesce(c.ev_field, 'text')
           JOIN quotes q ON q.id = c.quote_id JOIN articles a ON a.id = q.article_id
           WHERE m.entity_id = ? AND coalesce(q.speaker_entity_id, '') <> ? ORDER BY a.seq DESC, q.id LIMIT ?""",
        [entity_id, entity_id, limit])]
    events = [r[0] for r in store.rows(
        """SELECT DISTINCT ev.id, a.seq, ev.trigger_start FROM event_arguments x JOIN events ev ON ev.id = x.event_id
           JOIN articles a ON a.id = ev.article_id WHERE x.entity_id = ? ORDER BY a.seq DESC, ev.trigger_start, ev.id LIMIT ?""",
        [entity_id, limit])]
    return {"said": said, "about": about, "events": events}


def entity_article_ids(store: Store, entity_id: str, limit: int) -> list[tuple[str, int]]:
    """(article id, mentions of the entity in it), newest first."""
    return [(r[0], int(r[1])) for r in store.rows(
        """SELECT ea.article_id, (SELECT count(*) FROM mentions m WHERE m.article_id = ea.article_id AND m.entity_id = ea.entity_id)
           FROM entity_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.entity_id = ? ORDER BY a.seq DESC LIMIT ?""",
        [entity_id, limit])]


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
