"""Entity digests: what an entity's page lists, kept ready so that the page reads one row.

An entity's page (``query.pages.entity_view``) lists its newest articles and, from the
``FACT_WINDOW`` newest, the quotes it said, the quotes about it, its events and the entities it
appears with. Read live, that takes a dozen index lookups over the entity's articles (on the
45,000-article benchmark base, 40 to 60 ms; most of it fetching a few thousand rows by index),
which under load is the page's whole cost. ``entity_digest`` keeps the answer, one row an
entity, computed in bulk by set queries (a few seconds for the 45,000-article base, under one
for the BBC corpus) and read by the entity's key.

Freshness: every write that can change what a digest holds marks the entities concerned in
``entity_digest_dirty`` in the same transaction (``mark_dirty``: the entities written, and every
entity linked to an article whose facts or links are replaced or dropped; ``*`` marks them all),
and ``refresh`` (at the end of an ingest, a re-extraction, a curation, ``newsgraph index``)
recomputes the marked rows. A reader uses a digest only when its entity is not marked
(``read_digest``); otherwise the page is read live, with the same result
(``tests/store/test_digest.py`` holds the two to each other after each kind of write).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from newsgraph.store.connection import Store, insert, joined

LIMIT = 50  # articles, quotes said, quotes about and events kept an entity (the page's default)
WINDOW = 20  # the newest articles the facts and companions are read from (query.pages.FACT_WINDOW)
COMPANIONS = 12  # entities it appears with, kept an entity
ALL = "*"  # in entity_digest_dirty: every digest is stale

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
    """

    articles: int
    recent: tuple[tuple[str, int], ...]
    said: tuple[str, ...]
    about: tuple[str, ...]
    events: tuple[str, ...]
    companions: tuple[tuple[str, int], ...]
    edges: tuple[tuple[str, str, int], ...]


def mark_dirty(conn: duckdb.DuckDBPyConnection, *, entity_ids: Iterable[str] = (),
               article_ids: Iterable[str] = (), everything: bool = False) -> None:
    """Mark the digests of ``entity_ids`` and of every entity linked to ``article_ids`` (as the
    links stand when called: call before a write that drops links, and after one that adds them),
    or all of them, as stale."""
    if everything:
        conn.execute("INSERT INTO entity_digest_dirty VALUES (?)", [ALL])
        return
    entities = list(dict.fromkeys(entity_ids))
    if entities:
        conn.execute(f"INSERT INTO entity_digest_dirty SELECT unnest(string_split(?, chr(31)))", [joined(entities)])
    articles = list(dict.fromkeys(article_ids))
    if articles:
        conn.execute(f"INSERT INTO entity_digest_dirty SELECT DISTINCT entity_id FROM entity_articles WHERE article_id {_IN}",
                     [joined(articles)])


def stale_count(store: Store) -> int:
    """How many marks wait for ``refresh`` (a ``*`` mark counts one)."""
    return int(store.scalar("SELECT count(DISTINCT entity_id) FROM entity_digest_dirty"))


def read_digest(store: Store, entity_id: str) -> Digest | None:
    """The digest of ``entity_id``, or None when it has none or its digest is marked stale."""
    rows = store.rows(
        """SELECT articles, recent, recent_mentions, said, about, events, companions, shared, edge_a, edge_b, edge_w,
                  (SELECT count(*) FROM entity_digest_dirty WHERE entity_id = ? OR entity_id = '*') AS dirty
           FROM entity_digest WHERE entity_id = ?""", [entity_id, entity_id])
    if not rows or rows[0][-1]:
        return None
    (articles, recent, counts, said, about, events, companions, shared, edge_a, edge_b, edge_w, _) = rows[0]
    return Digest(articles=int(articles), recent=tuple(zip(recent, (int(n) for n in counts))), said=tuple(said),
                  about=tuple(about), events=tuple(events), companions=tuple(zip(companions, (int(n) for n in shared))),
                  edges=tuple(zip(edge_a, edge_b, (int(w) for w in edge_w))))


def refresh(store: Store) -> int:
    """Recompute the digests marked stale (all of them after a ``*`` mark), in one transaction;
    returns how many entities were recomputed."""
    with store.transaction() as conn:
        return refresh_in(conn)


def refresh_in(conn: duckdb.DuckDBPyConnection) -> int:
    """``refresh`` inside the caller's transaction."""
    marks = [r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM entity_digest_dirty").fetchall()]
    if not marks:
        return 0
    if ALL in marks:
        conn.execute("DELETE FROM entity_digest")
        chosen: list[str] | None = None
    else:
        chosen = marks
        conn.execute(f"DELETE FROM entity_digest WHERE entity_id {_IN}", [joined(chosen)])
    rows = compute(conn, chosen)
    insert(conn, "entity_digest", COLUMNS, rows)
    conn.execute("DELETE FROM entity_digest_dirty")
    conn.execute("DELETE FROM entity_digest WHERE entity_id NOT IN (SELECT id FROM entities)")
    return len(rows)


COLUMNS = ("entity_id", "articles", "recent", "recent_mentions", "said", "about", "events", "companions", "shared",
           "edge_a", "edge_b", "edge_w")


def compute(conn: duckdb.DuckDBPyConnection, entity_ids: Sequence[str] | None) -> list[tuple[Any, ...]]:
    """The digest rows of ``entity_ids`` (None: of every entity), by set queries over the base."""
    where, params = (f"WHERE ea.entity_id {_IN}", [joined(entity_ids)]) if entity_ids is not None else ("", [])
    if entity_ids is not None and not entity_ids:
        return []
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
    out = []
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
                          edges=found.edges)
    return live_digest(store, entity_id, limit=limit, companions=companions)
