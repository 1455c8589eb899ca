"""Story clusters: upsert, read, and what clustering a new batch needs from the store.

``stories`` holds each story's title, time span and the ids it absorbed (``merged_ids``, JSON);
``story_articles`` its members. ``story_features`` keeps each kept article's story features,
``story_keys`` the keys by which a later batch finds it, ``story_df`` the document frequency of
each term and ``@entity`` key over the articles in ``story_features``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from newsgraph.model import Story, StoryFeatures
from newsgraph.store.articles import _utc
from newsgraph.store.connection import Store, insert, joined
from newsgraph.store.story_digest import mark_stories

_IN = "IN (SELECT unnest(string_split(?, chr(31))))"


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryContext:
    """What the store holds around a batch, for clustering it.

    Attributes:
        stories: stored stories the batch may join, with all their members.
        features: story features of those stories' members.
        copies: near-duplicate copy → original, for those stories' members.
    """

    stories: tuple[Story, ...] = ()
    features: dict[str, StoryFeatures] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """Which stories to list: overlapping [since, until], mentioning one of ``entity_ids``, with at
    least ``min_articles`` articles; the ``limit`` most recent (by their last article)."""

    since: datetime | None = None
    until: datetime | None = None
    entity_ids: tuple[str, ...] | None = None
    min_articles: int = 1
    limit: int | None = None
    after: str | None = None  # keyset paging (the HTTP API): ids after this one, in id order


def write_stories(conn: duckdb.DuckDBPyConnection, stories: Sequence[Story], removed: Sequence[str] = ()) -> None:
    """Upsert ``stories`` (each id's title, span, merged ids and members become these) and delete
    the ``removed`` ones (merged into another)."""
    ids = [s.id for s in stories] + list(removed)
    if not ids:
        return
    mark_stories(conn, story_ids=ids)  # their pages (store/story_digest.py)
    conn.execute(f"DELETE FROM stories WHERE id {_IN}", [joined(ids)])
    conn.execute(f"DELETE FROM story_articles WHERE story_id {_IN}", [joined(ids)])
    insert(conn, "stories", ("id", "title", "start", "end", "merged_ids"),
           [(s.id, s.title, s.start, s.end, json.dumps(list(s.merged_ids))) for s in stories])
    insert(conn, "story_articles", ("story_id", "article_id"), [(s.id, a) for s in stories for a in s.article_ids])


def write_story_features(conn: duckdb.DuckDBPyConnection, features: Sequence[StoryFeatures],
                         keys: Mapping[str, Sequence[str]]) -> None:
    """Store new articles' story features and index keys, and count them into ``story_df``."""
    if not features:
        return
    known = {r[0] for r in conn.execute(f"SELECT article_id FROM story_features WHERE article_id {_IN}",
                                        [joined(f.article_id for f in features)]).fetchall()}
    fresh = list({f.article_id: f for f in features if f.article_id not in known}.values())
    insert(conn, "story_features", ("article_id", "title", "published", "terms", "entities", "marks"),
           [(f.article_id, f.title, f.published, json.dumps(f.terms), json.dumps(f.entities), json.dumps(f.marks))
            for f in fresh])
    insert(conn, "story_keys", ("key", "article_id"), [(k, f.article_id) for f in fresh for k in keys.get(f.article_id, ())])
    counts: dict[str, int] = defaultdict(int)
    for f in fresh:
        for key in {t for t, _ in f.terms} | {f"@{e}" for e, _ in f.entities}:
            counts[key] += 1
    if counts:
        batch = "(SELECT unnest(string_split(?, chr(31))) AS key, unnest(string_split(?, chr(31)))::INTEGER AS df)"
        params = [joined(counts), joined(counts.values())]
        # an UPDATE and an anti-joined INSERT: DuckDB's ON CONFLICT path is slow row by row
        conn.execute(f"UPDATE story_df SET df = story_df.df + b.df FROM {batch} b WHERE story_df.key = b.key", params)
        conn.execute(f"INSERT INTO story_df SELECT b.key, b.df FROM {batch} b ANTI JOIN story_df s ON s.key = b.key", params)


def _features(row: tuple) -> StoryFeatures:
    aid, title, published, terms, entities, marks = row
    return StoryFeatures(article_id=aid, title=title, published=_utc(published),
                         terms=tuple((t, float(c)) for t, c in json.loads(terms)),
                         entities=tuple((e, float(w)) for e, w in json.loads(entities)),
                         marks=tuple(json.loads(marks)))


def _stories(store: Store, where: str = "", params: Sequence[object] = (), order: str = "s.id") -> list[Story]:
    rows = store.rows(f'SELECT s.id, s.title, s.start, s."end", s.merged_ids FROM stories s {where} ORDER BY {order}', params)
    if not rows:
        return []
    members: dict[str, list[str]] = defaultdict(list)
    for sid, aid in store.rows(f"SELECT story_id, article_id FROM story_articles WHERE story_id {_IN} ORDER BY article_id",
                               [joined(r[0] for r in rows)]):
        members[sid].append(aid)
    return [Story(id=i, title=t, start=_utc(s), end=_utc(e), article_ids=tuple(members[i]),
                  merged_ids=tuple(json.loads(m)) if m else ()) for i, t, s, e, m in rows]


def read_stories(store: Store, ids: Sequence[str] | None = None) -> list[Story]:
    """Every story (or those with ``ids``), sorted by id: id, title, start, end, article_ids, merged_ids."""
    if ids is None:
        return _stories(store)
    return _stories(store, f"WHERE s.id {_IN}", [joined(ids)]) if ids else []


def find_story(store: Store, story_id: str) -> Story | None:
    """The story ``story_id``, or the story that absorbed it; None when there is neither."""
    found = _stories(store, "WHERE s.id = ?", [story_id])
    if not found:
        found = _stories(store, "WHERE list_contains(CAST(s.merged_ids AS VARCHAR[]), ?)", [story_id])
    return found[0] if found else None


def list_stories(store: Store, flt: StoryFilter = StoryFilter()) -> list[Story]:
    """Stories matching ``flt``, the most recent first (undated last), then the largest."""
    where = ["size >= ?"]
    params: list[object] = [flt.min_articles]
    if flt.since is not None:
        where.append('coalesce(s."end", s.start) >= ?')
        params.append(flt.since)
    if flt.until is not None:
        where.append("coalesce(s.start, s.\"end\") <= ?")
        params.append(flt.until)
    if flt.entity_ids is not None:
        where.append(f"s.id IN (SELECT sa.story_id FROM story_articles sa JOIN entity_articles ea ON ea.article_id = sa.article_id"
                     f" WHERE ea.entity_id {_IN})")
        params.append(joined(flt.entity_ids))
    order = 's."end" DESC NULLS LAST, n.size DESC, s.id'
    if flt.after is not None:  # a page in id order: read only that page's stories and members
        where.append("s.id > ?")
        params.append(flt.after)
        order = "s.id"
    limit = f" LIMIT {int(flt.limit)}" if flt.limit is not None else ""
    return _stories(store, "JOIN (SELECT story_id, count(*) AS size FROM story_articles GROUP BY story_id) n ON n.story_id = s.id"
                    f" WHERE {' AND '.join(where)}", params, f"{order}{limit}")


def story_stats(store: Store, keys: Sequence[str]) -> tuple[dict[str, int], int]:
    """(document frequency of each of ``keys``, number of articles counted)."""
    documents = int(store.scalar("SELECT count(*) FROM story_features") or 0)
    df = dict(store.rows(f"SELECT key, df FROM story_df WHERE key {_IN}", [joined(keys)])) if keys else {}
    return df, documents


def story_context(store: Store, keys: Mapping[str, Sequence[str]], df: Mapping[str, int], documents: int,
                  originals: Sequence[str] = (), *, per_article: int = 5, min_shared: int = 3,
                  common: float = 0.05) -> StoryContext:
    """The stored stories a batch may join: for each batch article, the ``per_article`` stories with
    an article sharing at least ``min_shared`` of its ``keys``, most shared first (keys whose ``df`` is over ``common`` of the ``documents``,
    and over 50, are too common to tell), and the stories of ``originals`` (the originals of the
    batch's copies); with their members' features and copies."""
    cap = max(50, int(common * documents))
    pairs = [(a, k) for a, ks in keys.items() for k in ks if df.get(k, 0) <= cap]
    ids: set[str] = set()
    if pairs and documents:
        ids |= {r[0] for r in store.rows(
            "WITH q AS (SELECT unnest(string_split(?, chr(31))) AS article, unnest(string_split(?, chr(31))) AS key),"
            " pairs AS (SELECT q.article, k.article_id AS other, count(*) AS shared FROM q JOIN story_keys k ON k.key = q.key"
            " GROUP BY q.article, k.article_id HAVING count(*) >= ?),"
            " hits AS (SELECT p.article, sa.story_id, max(p.shared) AS shared FROM pairs p"
            " JOIN story_articles sa ON sa.article_id = p.other GROUP BY p.article, sa.story_id)"
            " SELECT story_id FROM hits QUALIFY row_number() OVER (PARTITION BY article ORDER BY shared DESC, story_id) <= ?",
            [joined(a for a, _ in pairs), joined(k for _, k in pairs), min_shared, per_article])}
    if originals:
        ids |= {r[0] for r in store.rows(f"SELECT story_id FROM story_articles WHERE article_id {_IN}", [joined(originals)])}
    stories = read_stories(store, sorted(ids))
    members = [a for s in stories for a in s.article_ids]
    features = {r[0]: _features(r) for r in store.rows(
        f"SELECT article_id, title, published, terms, entities, marks FROM story_features WHERE article_id {_IN}",
        [joined(members)])} if members else {}
    copies = dict(store.rows(f"SELECT article_id, duplicate_of FROM duplicates WHERE article_id {_IN}",
                             [joined(members)])) if members else {}
    return StoryContext(stories=tuple(stories), features=features, copies=copies)


def articles_without_story(store: Store) -> list[str]:
    """Kept articles (not duplicates) that belong to no story, in ingest order: those stored before
    stories existed, or by a run that died between its write and its stories."""
    return [r[0] for r in store.rows(
        """SELECT a.id FROM articles a
           WHERE a.id NOT IN (SELECT article_id FROM duplicates)
             AND a.id NOT IN (SELECT article_id FROM story_articles) ORDER BY a.seq""")]


def copies_without_story(store: Store) -> list[tuple[str, str]]:
    """(copy, original) of duplicate copies that belong to no story, in ingest order."""
    return [(r[0], r[1]) for r in store.rows(
        """SELECT d.article_id, d.duplicate_of FROM duplicates d JOIN articles a ON a.id = d.article_id
           WHERE d.article_id NOT IN (SELECT article_id FROM story_articles) ORDER BY a.seq""")]


def write_story_batch(store: Store, stories: Sequence[Story] = (), removed_stories: Sequence[str] = (),
                      story_features: Sequence[StoryFeatures] = (), story_keys: Mapping[str, Sequence[str]] | None = None) -> None:
    """Write one clustering step's stories and features (what a batch's write does for its stories),
    in one transaction."""
    with store.transaction() as conn:
        write_stories(conn, stories, removed_stories)
        write_story_features(conn, story_features, story_keys or {})
