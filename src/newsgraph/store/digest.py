"""Entity digests: what an entity's page lists, kept ready so that the page reads one row.

An entity's page (``query.pages.entity_view``) lists its newest articles and, from the
``FACT_WINDOW`` newest, the quotes it said, the quotes about it, its events and the entities it
appears with. Read live, that takes a dozen index lookups over the entity's articles (on the
45,000-article benchmark base, 40 to 60 ms; most of it fetching a few thousand rows by index),
which under load is the page's whole cost. ``entity_digest`` keeps the answer, one row an
entity, computed in bulk by set queries and read by the entity's key: the ids of what the page
lists, and the stored rows the page is made of (``page``: the entity, its aliases and titles, the
quotes, events and article heads, as zlib-compressed JSON), so that a page reads this row and its
companions' names only. Every digest of the 45,000-article base is computed in under a minute,
``CHUNK`` entities at a time, those of the entities of 100 new articles in a second or two.

Freshness: every write that can change what a digest holds marks the entities concerned in
``entity_digest_dirty`` in the same transaction (``mark_dirty``: the entities written, and every
entity linked to an article whose facts or links are replaced or dropped; ``*`` marks them all),
and ``refresh`` (at the end of an ingest, a re-extraction, a curation, ``newsgraph index``)
recomputes the marked rows. A reader uses a digest only when its entity is not marked
(``read_digest``); otherwise the page is read live, with the same result
(``tests/store/test_digest.py`` holds the two to each other after each kind of write).
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb

from newsgraph.store.connection import Store, insert, joined

LIMIT = 50  # articles, quotes said, quotes about and events kept an entity (the page's default)
WINDOW = 20  # the newest articles the facts and companions are read from (query.pages.FACT_WINDOW)
COMPANIONS = 12  # entities it appears with, kept an entity
ALL = "*"  # in entity_digest_dirty: every digest is stale
CHUNK = 2000  # entities computed together by refresh

_IN = "IN (SELECT unnest(string_split(?, chr(31))))"
_FIELD = "coalesce(nullif({}, ''), 'text')"


@dataclass(frozen=True, slots=True)
class Digest:
    """One entity's digest.

    Attributes:
        articles: how many articles name it.
        recent: (article id, its mentions in it) of its ``LIMIT`` newest articles, newest first.
        said, about, events: ids of the quotes it said, the quotes whose content names it (not said
            by it) and its events, in its ``WINDOW`` newest articles, newest article first, at most
            ``LIMIT`` each.
        companions: (entity id, shared articles) of the ``COMPANIONS`` entities sharing most of
            those articles with it, most first (ties by name).
        edges: (a, b, shared articles, a < b) among it and its companions over the same articles.
        page: for a stored digest, the stored rows its page is made of (``_pages``: head, quotes,
            content, events, arguments, heads), so that the page reads nothing else but its
            companions' names; None when read live.
    """

    articles: int
    recent: tuple[tuple[str, int], ...]
    said: tuple[str, ...]
    about: tuple[str, ...]
    events: tuple[str, ...]
    companions: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, int], ...]
    page: dict[str, Any] | None = field(default=None, compare=False)


def mark_dirty(conn: duckdb.DuckDBPyConnection, *, entity_ids: Iterable[str] = (),
               article_ids: Iterable[str] = (), everything: bool = False) -> None:
    """Mark the digests of ``entity_ids`` and of every entity linked to ``article_ids`` (as the
    links stand when called: call before a write that drops links, and after one that adds them),
    or all of them, as stale."""
    from newsgraph.store.article_digest import mark_articles
    from newsgraph.store.story_digest import mark_stories

    articles = list(dict.fromkeys(article_ids))
    mark_stories(conn, article_ids=articles, everything=everything)  # the pages of the stories holding them
    mark_articles(conn, article_ids=articles, everything=everything)  # and the articles' own pages
    if everything:
        conn.execute("INSERT INTO entity_digest_dirty VALUES (?)", [ALL])
        return
    entities = list(dict.fromkeys(entity_ids))
    if entities:
        conn.execute(f"INSERT INTO entity_digest_dirty SELECT unnest(string_split(?, chr(31)))", [joined(entities)])
    if articles:
        conn.execute(f"INSERT INTO entity_digest_dirty SELECT DISTINCT entity_id FROM entity_articles WHERE article_id {_IN}",
                     [joined(articles)])


def stale_count(store: Store) -> int:
    """How many marks wait for ``refresh`` (a ``*`` mark counts one)."""
    return int(store.scalar("SELECT count(DISTINCT entity_id) FROM entity_digest_dirty"))


def read_digest(store: Store, entity_id: str) -> Digest | None:
    """The digest of ``entity_id``, or None when it has none or its digest is marked stale."""
    rows = store.rows(  # a mark comes back as a row of NULLs (one union costs DuckDB half what a scalar subquery does)
        f"""SELECT articles, recent, recent_mentions, said, about, events, companions, shared, edge_a, edge_b, edge_w, page
            FROM entity_digest WHERE entity_id = ?
            UNION ALL SELECT {', '.join(['NULL'] * 12)} FROM entity_digest_dirty WHERE entity_id = ? OR entity_id = '*'""",
        [entity_id, entity_id])
    if len(rows) != 1 or rows[0][0] is None:
        return None
    (articles, recent, counts, said, about, events, companions, shared, edge_a, edge_b, edge_w, page) = rows[0]
    return Digest(articles=int(articles), recent=tuple(zip(recent, (int(n) for n in counts))), said=tuple(said),
                  about=tuple(about), events=tuple(events), companions=tuple(zip(companions, (int(n) for n in shared))),
                  edges=tuple(zip(edge_a, edge_b, (int(w) for w in edge_w))),
                  page=decode_page(page) if page is not None else None)


def refresh(store: Store) -> int:
    """Recompute the digests marked stale (all of them after a ``*`` mark), entities', stories'
    (``store/story_digest.py``) and articles' (``store/article_digest.py``), in one transaction;
    returns how many entities were recomputed."""
    with store.transaction() as conn:
        return refresh_in(conn)


def refresh_in(conn: duckdb.DuckDBPyConnection) -> int:
    """``refresh`` inside the caller's transaction."""
    from newsgraph.store.article_digest import refresh_articles_in
    from newsgraph.store.story_digest import refresh_stories_in

    done = _refresh_entities(conn)
    refresh_stories_in(conn)
    refresh_articles_in(conn)
    return done


def _refresh_entities(conn: duckdb.DuckDBPyConnection) -> int:
    marks = [r[0] for r in conn.execute(  # a digest without its page (a base upgraded to pages) counts as marked
        "SELECT entity_id FROM entity_digest_dirty UNION SELECT entity_id FROM entity_digest WHERE page IS NULL").fetchall()]
    if not marks:
        return 0
    done = refresh_marked(conn, marks, table="entity_digest", key="entity_id", columns=COLUMNS,
                          everyone="SELECT DISTINCT entity_id FROM entity_articles ORDER BY 1",
                          rows_of=lambda chunk: compute(conn, chunk), chunk=CHUNK)
    conn.execute("DELETE FROM entity_digest_dirty")
    conn.execute("DELETE FROM entity_digest WHERE entity_id NOT IN (SELECT id FROM entities)")
    return done


def refresh_pages_in(conn: duckdb.DuckDBPyConnection, *, table: str, key: str, everyone: str, chunk: int,
                     rows_of: Callable[[list[str]], list[tuple[str, bytes]]]) -> int:
    """Recompute the rows of a page digest ``table`` (``key``, ``page``) that ``<table>_dirty``
    marks (every key ``everyone`` selects after a ``*`` mark) inside the caller's transaction,
    then clear the marks; how many rows were recomputed (``refresh_marked``)."""
    marks = [r[0] for r in conn.execute(f"SELECT DISTINCT {key} FROM {table}_dirty").fetchall()]
    if not marks:
        return 0
    done = refresh_marked(conn, marks, table=table, key=key, columns=(key, "page"), everyone=everyone,
                          rows_of=rows_of, chunk=chunk)
    conn.execute(f"DELETE FROM {table}_dirty")
    return done


def refresh_marked(conn: duckdb.DuckDBPyConnection, marks: Sequence[str], *, table: str, key: str,
                   columns: Sequence[str], everyone: str, rows_of: Callable[[list[str]], list[tuple[Any, ...]]],
                   chunk: int) -> int:
    """Recompute the rows of a digest ``table`` keyed by ``key`` for the ``marks`` (for every key
    ``everyone`` selects after a ``*`` mark): their old rows deleted, new ones from ``rows_of``,
    ``chunk`` keys at a time so that memory follows the chunk, not the base; how many rows."""
    if ALL in marks:
        conn.execute(f"DELETE FROM {table}")
        chosen = [r[0] for r in conn.execute(everyone).fetchall()]
    else:
        chosen = sorted(set(marks))
        conn.execute(f"DELETE FROM {table} WHERE {key} {_IN}", [joined(chosen)])
    done = 0
    for start in range(0, len(chosen), chunk):
        rows = rows_of(chosen[start:start + chunk])
        insert(conn, table, columns, rows)
        done += len(rows)
    return done


COLUMNS = ("entity_id", "articles", "recent", "recent_mentions", "said", "about", "events", "companions", "shared",
           "edge_a", "edge_b", "edge_w", "page")


def compute(conn: duckdb.DuckDBPyConnection, entity_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The digest rows of ``entity_ids``, by set queries over the base."""
    if not entity_ids:
        return []
    where, params = f"WHERE ea.entity_id {_IN}", [joined(entity_ids)]
    conn.execute("DROP TABLE IF EXISTS temp.digest_window")
    conn.execute(f"""CREATE TEMP TABLE digest_window AS SELECT * FROM (
            SELECT ea.entity_id, ea.article_id, a.seq,
                   row_number() OVER (PARTITION BY ea.entity_id ORDER BY a.seq DESC) AS r,
                   count(*) OVER (PARTITION BY ea.entity_id) AS n
            FROM entity_articles ea JOIN articles a ON a.id = ea.article_id {where}) WHERE r <= {LIMIT}""", params)
    try:
        return _assemble(conn)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.digest_window")


def _assemble(conn: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    window: dict[str, list[tuple[str, int]]] = defaultdict(list)  # entity -> (article, seq), newest first
    count: dict[str, int] = {}
    for e, a, seq, r, n in conn.execute("SELECT entity_id, article_id, seq, r, n FROM digest_window ORDER BY entity_id, r").fetchall():
        window[e].append((a, int(seq)))
        count[e] = int(n)
    mentions: dict[tuple[str, str], int] = {
        (e, a): int(n) for e, a, n in conn.execute(
            """SELECT w.entity_id, w.article_id, count(*) FROM digest_window w
               JOIN mentions m ON m.entity_id = w.entity_id AND m.article_id = w.article_id GROUP BY ALL""").fetchall()}
    said: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e, quote, seq in conn.execute(
            f"""SELECT w.entity_id, q.id, w.seq FROM digest_window w
                JOIN quotes q ON q.speaker_entity_id = w.entity_id AND q.article_id = w.article_id WHERE w.r <= {WINDOW}""").fetchall():
        said[e].append((-int(seq), quote))
    about: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for e, quote, seq in conn.execute(
            f"""SELECT DISTINCT w.entity_id, qc.quote_id, w.seq FROM digest_window w
                JOIN mentions m ON m.entity_id = w.entity_id AND m.article_id = w.article_id
                JOIN quote_content qc ON qc.article_id = w.article_id
                     AND {_FIELD.format('qc.ev_field')} = {_FIELD.format('m.ev_field')}
                     AND qc.ev_start <= m.ev_start AND m.ev_end <= qc.ev_end
                WHERE w.r <= {WINDOW} AND m.ev_start IS NOT NULL AND m.ev_end IS NOT NULL""").fetchall():
        about[e].add((-int(seq), quote))
    events: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for e, event, seq, start in conn.execute(
            f"""SELECT DISTINCT w.entity_id, ev.id, w.seq, ev.trigger_start FROM digest_window w
                JOIN event_arguments x ON x.entity_id = w.entity_id AND x.article_id = w.article_id
                JOIN events ev ON ev.id = x.event_id WHERE w.r <= {WINDOW}""").fetchall():
        events[e].add((-int(seq), int(start) if start is not None else -1, event))
    # companions: the entities sharing most window articles (ties: id, then the 3x as many named ranked by name)
    conn.execute("DROP TABLE IF EXISTS temp.digest_pairs")
    conn.execute(f"""CREATE TEMP TABLE digest_pairs AS
            SELECT w.entity_id AS centre, x.entity_id AS other, x.article_id FROM digest_window w
            JOIN entity_articles x ON x.article_id = w.article_id WHERE w.r <= {WINDOW}""")
    try:
        ranked = conn.execute(f"""
            WITH counted AS (SELECT centre, other, count(DISTINCT article_id) AS n FROM digest_pairs WHERE other <> centre GROUP BY ALL),
                 first AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY centre ORDER BY n DESC, other) AS r FROM counted)
                           WHERE r <= {COMPANIONS * 3}),
                 named AS (SELECT f.centre, f.other, f.n, f.r, e.name FROM first f JOIN entities e ON e.id = f.other)
            SELECT centre, other, n FROM (
                SELECT *, row_number() OVER (PARTITION BY centre ORDER BY n DESC, coalesce(name, ''), r) AS k FROM named)
            WHERE k <= {COMPANIONS} ORDER BY centre, k""").fetchall()
        companions: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for centre, other, n in ranked:
            companions[centre].append((other, int(n)))
        nodes = {c: {c, *(o for o, _ in found)} for c, found in companions.items()}
        member: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        chosen = [(c, o) for c, found in nodes.items() for o in found]
        if chosen:
            conn.execute("DROP TABLE IF EXISTS temp.digest_nodes")
            conn.execute("CREATE TEMP TABLE digest_nodes (centre VARCHAR, other VARCHAR)")
            insert(conn, "digest_nodes", ("centre", "other"), chosen)
            for centre, other, article in conn.execute(
                    "SELECT p.centre, p.other, p.article_id FROM digest_pairs p JOIN digest_nodes USING (centre, other)").fetchall():
                member[centre][other].add(article)
            conn.execute("DROP TABLE IF EXISTS temp.digest_nodes")
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.digest_pairs")
    out: list[tuple[Any, ...]] = []
    for e, arts in window.items():
        spoken = {q for _, q in said[e]}
        said_ids = [q for _, q in sorted(said[e])][:LIMIT]
        about_ids = [q for _, q in sorted(about[e]) if q not in spoken][:LIMIT]
        event_ids = [x for _, _, x in sorted(events[e])][:LIMIT]
        found = companions.get(e, [])
        edges: list[tuple[str, str, int]] = []
        if found:
            ordered = sorted(nodes[e])
            sets = member[e]
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    w = len(sets.get(a, set()) & sets.get(b, set()))
                    if w:
                        edges.append((a, b, w))
            edges.sort(key=lambda x: (-x[2], x[0], x[1]))
        out.append((e, count[e], [a for a, _ in arts], [mentions.get((e, a), 0) for a, _ in arts], said_ids, about_ids,
                    event_ids, [o for o, _ in found], [n for _, n in found], [x[0] for x in edges], [x[1] for x in edges],
                    [x[2] for x in edges]))
    pages = _pages(conn, out)
    return [(*row, pages.get(row[0])) for row in out]


# --- the stored page ---------------------------------------------------------------------------
# What an entity's page shows besides its companions' names, as the stored rows the live reads
# make it from (store.pages: quote_rows, event_rows, head_rows; store.entities: entity_head_rows),
# JSON compressed with zlib: the page reads one row instead of a dozen lookups by index.

_TIMES = {"heads": ("published",), "roles": ("published", "first", "last")}  # TIMESTAMP columns, as ISO text


def _encode_page(page: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(page, separators=(",", ":"), default=_iso).encode("utf-8"), 1)


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not stored in a page")


def decode_page(blob: bytes) -> dict[str, Any]:
    """A stored page (``_encode_page``), its timestamps datetimes again."""
    page: dict[str, Any] = json.loads(zlib.decompress(blob))
    for rows, names in ((page["heads"], _TIMES["heads"]), (page["head"]["roles"], _TIMES["roles"])):
        for row in rows:
            for name in names:
                if row[name] is not None:
                    row[name] = datetime.fromisoformat(row[name])
    return page


def _keyed(conn: duckdb.DuckDBPyConnection, name: str, ids: Iterable[str]) -> None:
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute(f"CREATE TEMP TABLE {name} (id VARCHAR)")
    insert(conn, name, ("id",), [(i,) for i in sorted(set(ids))])


def _pages(conn: duckdb.DuckDBPyConnection, rows: Sequence[tuple[Any, ...]]) -> dict[str, bytes]:
    """entity id → its stored page, for the digest ``rows`` (``_assemble``), read in bulk."""
    from newsgraph.store.entities import ROLE_SPANS
    from newsgraph.store.facts import sorted_rows
    from newsgraph.store.pages import HEAD_COLUMNS, original_ledes

    if not rows:
        return {}
    view = Store(conn, "", read_only=False)  # the caller's transaction, read through Store's helpers
    names = ("digest_e", "digest_q", "digest_v", "digest_a")
    try:
        _keyed(conn, "digest_e", (r[0] for r in rows))
        _keyed(conn, "digest_q", (q for r in rows for q in (*r[4], *r[5])))
        _keyed(conn, "digest_v", (v for r in rows for v in r[6]))
        entities = {r["id"]: r for r in view.dicts("SELECT * FROM entities WHERE id IN (SELECT id FROM digest_e)")}
        aliases: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in view.dicts("SELECT * FROM entity_aliases WHERE entity_id IN (SELECT id FROM digest_e)"):
            aliases[r["entity_id"]].append(r)
        roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in view.dicts(ROLE_SPANS.format("IN (SELECT id FROM digest_e)")):
            roles[r["entity_id"]].append(r)
        quotes = {r["id"]: r for r in view.dicts("SELECT * FROM quotes WHERE id IN (SELECT id FROM digest_q)")}
        content: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in sorted_rows(view.dicts("SELECT * FROM quote_content WHERE quote_id IN (SELECT id FROM digest_q)"),
                             "quote_id, idx"):
            content[r["quote_id"]].append(r)
        events = {r["id"]: r for r in view.dicts("SELECT * FROM events WHERE id IN (SELECT id FROM digest_v)")}
        arguments: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in sorted_rows(view.dicts("SELECT * FROM event_arguments WHERE event_id IN (SELECT id FROM digest_v)"),
                             "event_id, role, idx"):
            arguments[r["event_id"]].append(r)
        wanted: dict[str, set[str]] = {}
        for r in rows:
            e, said_about, event_ids = r[0], (*r[4], *r[5]), r[6]
            wanted[e] = ({*r[2]} | {quotes[q]["article_id"] for q in said_about if q in quotes}
                         | {events[v]["article_id"] for v in event_ids if v in events}
                         | {x["article_id"] for x in roles.get(e, ())})
        _keyed(conn, "digest_a", (a for found in wanted.values() for a in found))
        heads = {r["id"]: r for r in original_ledes(
            view, view.dicts(f"SELECT {HEAD_COLUMNS} FROM articles WHERE id IN (SELECT id FROM digest_a)"))}
    finally:
        for name in names:
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    out = {}
    for r in rows:
        e, said_about, event_ids = r[0], [*r[4], *r[5]], r[6]
        if e not in entities:
            continue
        out[e] = _encode_page({
            "head": {"entity": entities[e], "aliases": aliases.get(e, []), "roles": roles.get(e, [])},
            "quotes": [quotes[q] for q in dict.fromkeys(said_about) if q in quotes],
            "content": [c for q in dict.fromkeys(said_about) for c in content.get(q, ())],
            "events": [events[v] for v in event_ids if v in events],
            "arguments": [x for v in event_ids for x in arguments.get(v, ())],
            "heads": sorted((heads[a] for a in wanted[e] if a in heads), key=lambda h: h["seq"]),
        })
    return out


def live_digest(store: Store, entity_id: str, *, limit: int = LIMIT, companions: int = COMPANIONS) -> Digest:
    """What ``read_digest`` holds, read from the facts themselves (a dozen lookups by index): for an
    entity whose digest is stale or missing, or a page asking for more than a digest keeps."""
    from newsgraph.store.pages import (
        entity_article_count, entity_article_ids, entity_fact_ids, entity_window, window_companions, window_mentions,
    )

    wanted = max(limit, WINDOW)
    window = entity_window(store, entity_id, wanted)
    whole = len(window) < wanted  # the window holds every article naming the entity
    named = window_mentions(store, entity_id, window, complete=whole)  # read once for both below
    facts = entity_fact_ids(store, entity_id, limit, window[:WINDOW], complete=whole and len(window) <= WINDOW, named=named)
    arts = entity_article_ids(store, entity_id, limit, window, complete=whole, named=named)
    found, edges = window_companions(store, entity_id, window[:WINDOW], companions)
    return Digest(articles=len(window) if whole else entity_article_count(store, entity_id), recent=tuple(arts),
                  said=tuple(facts["said"]), about=tuple(facts["about"]), events=tuple(facts["events"]),
                  companions=tuple((c[0], c[3]) for c in found), edges=tuple(edges))


def entity_digest(store: Store, entity_id: str, *, limit: int = LIMIT, companions: int = COMPANIONS) -> Digest:
    """The digest of ``entity_id`` for a page of ``limit`` items and ``companions`` companions:
    the stored one, cut to ``limit``, when it is fresh and holds that much; else read live."""
    if limit <= LIMIT and companions == COMPANIONS:
        found = read_digest(store, entity_id)
        if found is not None:
            return Digest(articles=found.articles, recent=found.recent[:limit], said=found.said[:limit],
                          about=found.about[:limit], events=found.events[:limit], companions=found.companions,
                          edges=found.edges, page=found.page)
    return live_digest(store, entity_id, limit=limit, companions=companions)
