"""Story clusters: upsert and read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import duckdb

from newsgraph.model import Story
from newsgraph.store.connection import Store, insert, joined


def write_stories(conn: duckdb.DuckDBPyConnection, stories: Sequence[Story]) -> None:
    """Upsert ``stories``: each id's title and members become these."""
    if not stories:
        return
    ids = [s.id for s in stories]
    conn.execute("DELETE FROM stories WHERE id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    conn.execute("DELETE FROM story_articles WHERE story_id IN (SELECT unnest(string_split(?, chr(31))))", [joined(ids)])
    insert(conn, "stories", ("id", "title"), [(s.id, s.title) for s in stories])
    insert(conn, "story_articles", ("story_id", "article_id"), [(s.id, a) for s in stories for a in s.article_ids])


def read_stories(store: Store) -> list[Story]:
    members: dict[str, list[str]] = defaultdict(list)
    for sid, aid in store.rows("SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id"):
        members[sid].append(aid)
    return [Story(id=i, title=t, article_ids=tuple(members[i])) for i, t in store.rows("SELECT id, title FROM stories ORDER BY id")]
