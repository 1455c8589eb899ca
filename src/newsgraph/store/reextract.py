"""Re-extraction: which stored articles were extracted by which extractor versions, and replacing an
article's facts and its part of entity identity in place (its text, id and versions unchanged)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from newsgraph.model import ArticleFacts, Entity
from newsgraph.store.connection import Store, joined
from newsgraph.store.curations import delete_entities
from newsgraph.store.digest import mark_dirty
from newsgraph.store.entities import write_entities
from newsgraph.store.facts import write_facts
from newsgraph.store.versions import drop_orphan_entities

# the fact tables whose ids say whether a re-extraction kept a fact
ID_TABLES = ("mentions", "quotes", "figures", "times", "events")


def extraction_state(store: Store, article_ids: Sequence[str] = ()) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each kept article (of ``article_ids``, or all), in ingest order, with the extractor versions
    its stored facts were made by (None: never extracted)."""
    where = " AND a.id IN (SELECT unnest(string_split(?, chr(31))))" if article_ids else ""
    rows = store.rows("SELECT a.id, x.extractors FROM articles a LEFT JOIN extracted x ON x.article_id = a.id"
                      " WHERE a.id NOT IN (SELECT article_id FROM duplicates)" + where + " ORDER BY a.seq",
                      [joined(article_ids)] if article_ids else [])
    return [(aid, None if made is None else tuple(json.loads(made or "[]"))) for aid, made in rows]


def fact_ids(store: Store, article_ids: Sequence[str]) -> set[str]:
    """The ids of the stored facts (mentions, quotes, figures, times, events) of ``article_ids``."""
    if not article_ids:
        return set()
    return {r[0] for t in ID_TABLES for r in store.rows(
        f"SELECT id FROM {t} WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(article_ids)])}


def replace_extraction(store: Store, facts: Sequence[ArticleFacts], entities: Sequence[Entity],
                       removed: Mapping[str, str | None]) -> None:
    """In one transaction: what the articles of ``facts`` gave entity identity goes (their entity
    links, aliases and roles), their facts become ``facts``, ``entities`` are written, ``removed``
    entities deleted, and entities no article mentions any more dropped."""
    ids = [f.article_id for f in facts]
    if not ids:
        return
    with store.transaction() as conn:
        mark_dirty(conn, article_ids=ids)  # the entities the old facts named: their pages change
        for table in ("entity_articles", "entity_aliases"):
            conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
        conn.execute("DELETE FROM roles WHERE entity_key IS NULL AND article_id IN (SELECT unnest(string_split(?, chr(31))))",
                     [joined(ids)])
        write_facts(conn, facts)
        write_entities(conn, entities)
        mark_dirty(conn, article_ids=ids)  # and those the new facts name
        delete_entities(conn, removed)
        drop_orphan_entities(conn)
