"""Cross-article entities: upsert (replacing what the store held for that id) and read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from newsgraph.model import Alias, AliasKind, Entity, EntityType, Role
from newsgraph.store.connection import Store, insert, joined, keys_in
from newsgraph.store.digest import mark_dirty
from newsgraph.store.facts import GEO_COLUMNS, evidence, geo_columns, geo_from_row, role_from_row, span


def write_entities(conn: duckdb.DuckDBPyConnection, entities: Sequence[Entity]) -> None:
    """Upsert ``entities``: each id's name, type, aliases, roles and articles become these."""
    if not entities:
        return
    ids = [e.id for e in entities]
    _mark_changed_links(conn, ids, [(e.id, a) for e in entities for a in e.article_ids])
    conn.execute("DELETE FROM entities WHERE id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    for table in ("entity_aliases", "entity_articles"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    conn.execute("DELETE FROM roles WHERE entity_key IS NULL AND entity_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    insert(conn, "entities", ("id", "name", "type", *GEO_COLUMNS), [(e.id, e.name, str(e.type), *geo_columns(e.geo)) for e in entities])
    insert(conn, "entity_aliases",
           ("entity_id", "text", "kind", "script", "article_id", "ev_start", "ev_end", "ev_text", "ev_field"),
           [(e.id, a.text, str(a.kind), a.script, a.evidence.article_id if a.evidence else None, *span(a.evidence))
            for e in entities for a in e.aliases])
    insert(conn, "entity_articles", ("entity_id", "article_id"),
           [(e.id, a) for e in entities for a in e.article_ids])
    insert(conn, "roles",
           ("article_id", "entity_key", "entity_id", "title", "organization", "status", "ev_start", "ev_end", "ev_text", "ev_field",
            "published"),
           [(r.article_id, None, e.id, r.title, r.organization, str(r.status), *span(r.evidence), r.published)
            for e in entities for r in e.roles])


def _mark_changed_links(conn: duckdb.DuckDBPyConnection, ids: Sequence[str], links: Sequence[tuple[str, str]]) -> None:
    """Mark stale the digests (``store.digest``) of ``ids`` and of every entity linked to an article
    whose link to one of them comes or goes with this write (its companions change)."""
    conn.execute("CREATE OR REPLACE TEMP TABLE ng_links (entity_id VARCHAR, article_id VARCHAR)")
    try:
        insert(conn, "ng_links", ("entity_id", "article_id"), links)
        old = "SELECT entity_id, article_id FROM entity_articles WHERE entity_id IN (SELECT unnest(string_split(?, chr(31))))"
        changed = [r[0] for r in conn.execute(
            f"""SELECT DISTINCT article_id FROM (({old}) EXCEPT (SELECT * FROM ng_links)
                                                UNION ALL ((SELECT * FROM ng_links) EXCEPT ({old})))""",
            [joined(ids), joined(ids)]).fetchall()]
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.ng_links")
    mark_dirty(conn, entity_ids=ids, article_ids=changed)


def read_entities(store: Store, entity_id: str | Sequence[str] | None = None) -> list[Entity]:
    """Every entity (or the one with ``entity_id``, or those of a list of ids: four queries for
    all of them) with aliases, roles and articles."""
    if entity_id is not None and not isinstance(entity_id, str):
        ids = sorted(set(entity_id))
        if not ids:
            return []
        in_ids, params = keys_in("entity_id", ids)
        ent_in, ent_params = keys_in("id", ids)
        return _entities(store, f"WHERE {in_ids}", params, f"WHERE entity_key IS NULL AND {in_ids}",
                         f"WHERE {ent_in}", ent_params)
    where, params = ("WHERE entity_id = ?", [entity_id]) if entity_id else ("", [])
    role_where = "WHERE entity_key IS NULL" + (" AND entity_id = ?" if entity_id else "")
    ent_where, ent_params = ("WHERE id = ?", [entity_id]) if entity_id else ("", [])
    return _entities(store, where, params, role_where, ent_where, ent_params)


def _entities(store: Store, where: str, params: list[Any], role_where: str, ent_where: str,
              ent_params: list[Any]) -> list[Entity]:
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for r in store.dicts(f"SELECT * FROM entity_aliases {where} ORDER BY entity_id, text", params):
        ev = evidence(r["article_id"], r, "ev") if r["article_id"] else None
        aliases[r["entity_id"]].append(Alias(text=r["text"], kind=AliasKind(r["kind"]), script=r["script"], evidence=ev))
    roles: dict[str, list[Role]] = defaultdict(list)
    for r in store.dicts(f"SELECT * FROM roles {role_where} ORDER BY entity_id, article_id, ev_start", params):
        roles[r["entity_id"]].append(role_from_row(r))
    articles: dict[str, list[str]] = defaultdict(list)
    # sorted here, not by the SQL: a frequent entity has tens of thousands of links, and DuckDB's
    # sort of them costs more than Python's (the same order: UTF-8 byte order is code point order)
    for eid, aid in store.rows(f"SELECT entity_id, article_id FROM entity_articles {where}", params):
        articles[eid].append(aid)
    for ids in articles.values():
        ids.sort()
    return [
        Entity(id=r["id"], name=r["name"], type=EntityType(r["type"]), aliases=tuple(aliases[r["id"]]), roles=tuple(roles[r["id"]]),
               article_ids=tuple(articles[r["id"]]), geo=geo_from_row(r))
        for r in store.dicts(f"SELECT * FROM entities {ent_where} ORDER BY name, id", ent_params)
    ]


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One title an entity holds in the articles: its newest evidence, how many times it is read,
    and the first and last dates of the articles it is read in."""

    role: Role
    count: int
    first: datetime | None
    last: datetime | None


ROLE_SPANS = """SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY entity_id, title, organization, status
                                                   ORDER BY published DESC NULLS LAST, article_id DESC, ev_start DESC) AS k,
                              count(*) OVER (PARTITION BY entity_id, title, organization, status) AS n,
                              min(published) OVER (PARTITION BY entity_id, title, organization, status) AS first,
                              max(published) OVER (PARTITION BY entity_id, title, organization, status) AS last
                       FROM roles WHERE entity_key IS NULL AND entity_id {}) WHERE k = 1"""


def entity_head_rows(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The stored rows ``entity_head_from_rows`` reads ``entity_id``'s head from: its ``entity`` row,
    its ``aliases`` and one row a distinct (title, organisation, status) under ``roles`` (the newest
    with its count and first and last dates); None when there is no such entity."""
    found = store.dicts("SELECT * FROM entities WHERE id = ?", [entity_id])
    if not found:
        return None
    return {"entity": found[0], "aliases": store.dicts("SELECT * FROM entity_aliases WHERE entity_id = ?", [entity_id]),
            "roles": store.dicts(ROLE_SPANS.format("= ?"), [entity_id])}


def entity_head_from_rows(rows: dict[str, Any], *, roles: int = 30) -> tuple[Entity, tuple[RoleSpan, ...]]:
    """The entity (without its article list) and at most ``roles`` of its titles, newest first,
    from ``entity_head_rows``."""
    aliases = [Alias(text=r["text"], kind=AliasKind(r["kind"]), script=r["script"],
                     evidence=evidence(r["article_id"], r, "ev") if r["article_id"] else None)
               for r in sorted(rows["aliases"], key=lambda r: (r["text"], r["kind"], r["article_id"] or "", r["ev_start"] or -1))]
    spans = [RoleSpan(role=role_from_row(r), count=int(r["n"]), first=r["first"], last=r["last"]) for r in rows["roles"]]
    spans.sort(key=lambda x: (x.last is not None, x.last, x.count, x.role.title, x.role.organization or "", str(x.role.status)),
               reverse=True)  # a total order: the rows come in no order
    spans = spans[:roles]
    r = rows["entity"]
    entity = Entity(id=r["id"], name=r["name"], type=EntityType(r["type"]), aliases=tuple(aliases),
                    roles=tuple(x.role for x in spans), article_ids=(), geo=geo_from_row(r))
    return entity, tuple(spans)


def read_entity_head(store: Store, entity_id: str, *, roles: int = 30) -> tuple[Entity, tuple[RoleSpan, ...]] | None:
    """``entity_id`` with its aliases and without its article list (``Entity.article_ids`` is
    empty: a frequent entity has tens of thousands), and its titles: one ``RoleSpan`` for each
    distinct (title, organisation, status), newest first, at most ``roles``."""
    rows = entity_head_rows(store, entity_id)
    return None if rows is None else entity_head_from_rows(rows, roles=roles)


def cooccurring(store: Store, entity_id: str, limit: int = 10) -> list[tuple[str, str, str, int]]:
    """The entities that share most articles with ``entity_id``: (id, name, type, shared articles)."""
    return [
        (r[0], r[1], r[2], int(r[3]))
        for r in store.rows(
            """SELECT e.id, e.name, e.type, count(DISTINCT o.article_id) AS shared
               FROM entity_articles s JOIN entity_articles o ON o.article_id = s.article_id AND o.entity_id <> s.entity_id
               JOIN entities e ON e.id = o.entity_id
               WHERE s.entity_id = ? GROUP BY e.id, e.name, e.type ORDER BY shared DESC, e.name LIMIT ?""",
            [entity_id, limit],
        )
    ]


def find_entity_ids(store: Store, name: str) -> list[str]:
    """Ids of entities whose name or an alias equals ``name`` (any case), best (most articles) first;
    an entity's own id (what a link carries) is that entity alone, read by its key without the
    name and alias scans and the article count."""
    if name.startswith("ent_") and store.rows("SELECT 1 FROM entities WHERE id = ?", [name]):
        return [name]
    return [
        r[0]
        for r in store.rows(
            # the matching ids first (few), then their article counts: a join of every entity with
            # its articles before the filter would read the whole table
            """WITH ids AS (SELECT id FROM entities WHERE id = ? UNION SELECT id FROM entities WHERE lower(name) = lower(?)
                            UNION SELECT entity_id FROM entity_aliases WHERE lower(text) = lower(?))
               SELECT i.id FROM ids i LEFT JOIN entity_articles a ON a.entity_id = i.id
               GROUP BY i.id ORDER BY count(a.article_id) DESC, i.id""",
            [name, name, name],
        )
    ]
