"""Corrections to entity identity (``curations``), and rewriting the identity tables as a whole.

A curation is a rule (``model.Curation``); the store keeps every one made, in order, undone ones
marked with the time they were undone. ``identity_inputs`` and ``rewrite_identity`` are what a
rebuild of entity identity reads and writes: every extracted article's local entities, in ingest
order; then the entities, their aliases, roles and articles, and the entity id of every mention,
quote speaker and event argument.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime

import duckdb

from newsgraph.model import ArticleFacts, Curation, CurationAction, Entity
from newsgraph.store.connection import Store, insert, joined
from newsgraph.store.article_digest import ALL as ARTICLES_ALL, mark_articles
from newsgraph.store.digest import mark_dirty
from newsgraph.store.entities import write_entities
from newsgraph.store.facts import read_local_entities

_COLUMNS = ("id", "seq", "action", "entity_id", "entity_name", "entity_type", "value", "new_id", "created", "undone")


def read_curations(store: Store, *, active_only: bool = False) -> list[Curation]:
    """Every curation made (or only those in force), in the order they were made; none in a base
    opened read-only before its schema had them."""
    if not store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'curations'"):
        return []
    where = "WHERE undone IS NULL" if active_only else ""
    return [Curation(id=r["id"], seq=int(r["seq"]), action=CurationAction(r["action"]), entity_id=r["entity_id"],
                     entity_name=r["entity_name"], entity_type=r["entity_type"], value=r["value"], new_id=r["new_id"],
                     created=r["created"], undone=r["undone"])
            for r in store.dicts(f"SELECT * FROM curations {where} ORDER BY seq")]


def next_curation_seq(store: Store) -> int:
    return int(store.scalar("SELECT coalesce(max(seq), 0) + 1 FROM curations"))


def add_curation(conn: duckdb.DuckDBPyConnection, curation: Curation) -> None:
    """Record ``curation`` (inside the caller's transaction)."""
    insert(conn, "curations", _COLUMNS, [(curation.id, curation.seq, str(curation.action), curation.entity_id,
                                          curation.entity_name, curation.entity_type, curation.value, curation.new_id,
                                          curation.created, curation.undone)])


def mark_undone(conn: duckdb.DuckDBPyConnection, curation_id: str, when: datetime) -> None:
    conn.execute("UPDATE curations SET undone = ? WHERE id = ?", [when, curation_id])


def identity_inputs(store: Store) -> list[ArticleFacts]:
    """Every extracted article's local entities, articles in ingest order, each article's local
    entities in the order of their first mention (as the extractor gave them)."""
    first: dict[str, tuple[int, int]] = {}
    for mid, field, start in store.rows("SELECT id, ev_field, ev_start FROM mentions"):
        first[mid] = (0 if (field or "text") == "text" else 1, int(start or 0))
    order = [r[0] for r in store.rows("SELECT a.id FROM articles a JOIN extracted x ON x.article_id = a.id ORDER BY a.seq")]
    keyed = _locals_by_article(store)
    return [ArticleFacts(article_id=aid, entities=tuple(sorted(
                keyed.get(aid, ()), key=lambda e: min((first.get(m, (2, 0)) for m in e.mention_ids), default=(2, 0)))))
            for aid in order]


def _locals_by_article(store: Store) -> dict[str, list]:
    article_of = dict(store.rows("SELECT key, article_id FROM local_entities"))
    out: dict[str, list] = defaultdict(list)
    for local in read_local_entities(store):
        out[article_of[local.key]].append(local)
    return out


def rewrite_identity(conn: duckdb.DuckDBPyConnection, entities: Sequence[Entity], assignment: Mapping[str, str]) -> None:
    """Replace every entity (inside the caller's transaction) by ``entities``, and point every
    mention at ``assignment[its cluster]`` (none when absent), and every quote speaker and event
    argument at its mention's entity.

    Every entity's and story's page is marked stale; of the articles' pages (``article_digest``),
    only those of the articles whose mentions now point elsewhere (a speaker or an argument takes
    its mention's entity, so it moves only with it), with the marks already waiting: an identity
    edit on a large base recomputes the pages of the articles it touches, not of every article."""
    waiting = [r[0] for r in conn.execute("SELECT DISTINCT article_id FROM article_digest_dirty").fetchall()]
    conn.execute("CREATE OR REPLACE TEMP TABLE ng_links_before AS SELECT article_id, id, entity_id FROM mentions")
    try:
        mark_dirty(conn, everything=True)
        for table in ("entities", "entity_aliases", "entity_articles"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM roles WHERE entity_key IS NULL")
        write_entities(conn, entities)
        conn.execute("CREATE OR REPLACE TEMP TABLE ng_assignment (cluster VARCHAR, entity_id VARCHAR)")
        insert(conn, "ng_assignment", ("cluster", "entity_id"), sorted(assignment.items()))
        conn.execute("UPDATE mentions SET entity_id = NULL")
        conn.execute("UPDATE mentions SET entity_id = t.entity_id FROM ng_assignment t WHERE mentions.cluster = t.cluster")
        conn.execute("DROP TABLE ng_assignment")
        point_facts_at_mentions(conn)
        moved = [r[0] for r in conn.execute(
            """SELECT DISTINCT m.article_id FROM mentions m JOIN ng_links_before b ON b.article_id = m.article_id AND b.id = m.id
               WHERE m.entity_id IS DISTINCT FROM b.entity_id""").fetchall()]
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.ng_links_before")
    conn.execute("DELETE FROM article_digest_dirty")  # the marks of this rewrite's steps (all of them), replaced by
    mark_articles(conn, article_ids=[a for a in waiting if a != ARTICLES_ALL] + moved,  # the articles that moved
                  everything=ARTICLES_ALL in waiting)


def point_facts_at_mentions(conn: duckdb.DuckDBPyConnection) -> None:
    """Quote speakers and event arguments take their mention's entity id (its caller marks the pages)."""
    conn.execute("UPDATE quotes SET speaker_entity_id = m.entity_id FROM mentions m"
                  " WHERE m.id = quotes.speaker_mention_id AND m.article_id = quotes.article_id")
    conn.execute("UPDATE event_arguments SET entity_id = m.entity_id FROM mentions m WHERE m.id = event_arguments.mention_id"
                 " AND m.article_id = event_arguments.article_id")


def delete_entities(conn: duckdb.DuckDBPyConnection, removed: Mapping[str, str | None]) -> None:
    """Remove the entities ``removed`` names (folded into another one or dropped by a curation):
    their stored mentions, quote speakers and event arguments point at the entity each went into
    (none for a dropped one)."""
    if not removed:
        return
    ids = sorted(removed)
    mark_dirty(conn, entity_ids=ids, article_ids=[r[0] for r in conn.execute(
        "SELECT DISTINCT article_id FROM entity_articles WHERE entity_id IN (SELECT unnest(string_split(?, chr(31))))",
        [joined(ids)]).fetchall()])
    for table, column in (("entities", "id"), ("entity_aliases", "entity_id"), ("entity_articles", "entity_id")):
        conn.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    conn.execute("DELETE FROM roles WHERE entity_key IS NULL AND entity_id IN (SELECT unnest(string_split(?, chr(31))))",
                 [joined(ids)])
    for old, new in sorted(removed.items()):
        for table, column in (("mentions", "entity_id"), ("quotes", "speaker_entity_id"), ("event_arguments", "entity_id")):
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old])
