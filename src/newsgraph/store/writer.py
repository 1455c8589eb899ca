"""The single writer: one batch, one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import duckdb

from newsgraph.model import Article, ArticleFacts, Duplicate, DuplicateKind, Entity, Skip, Story, StoryFeatures
from newsgraph.store.article_digest import mark_articles
from newsgraph.store.articles import ARTICLE_COLUMNS, BOILERPLATE_COLUMNS, article_row, boilerplate_rows, next_seq
from newsgraph.store.connection import Store, insert, insert_new, joined
from newsgraph.store.curations import delete_entities
from newsgraph.store.entities import write_entities
from newsgraph.store.facts import write_facts
from newsgraph.store.log import write_log
from newsgraph.store.search import insert_vectors
from newsgraph.store.signatures import Signature, write_signatures
from newsgraph.store.stories import write_stories, write_story_features
from newsgraph.store.versions import Update, drop_orphan_entities, write_updates


@dataclass(frozen=True, slots=True, kw_only=True)
class Batch:
    """Everything one batch adds to the store.

    Attributes:
        run_id: the ingest run.
        articles: new articles, kept ones and duplicate copies alike, in input order.
        skips: ingest-log entries (unreadable inputs, dropped articles).
        duplicates: which of ``articles`` copy an earlier one.
        signatures: de-duplication keys of the kept articles.
        facts: extracted facts (replacing any earlier facts of those articles).
        entities: entity upserts.
        stories: story upserts.
        updates: newer versions of stored articles from the same source (their facts are in ``facts``).
        removed_stories: ids of stories merged into another one (deleted).
        story_features: story features of the kept articles.
        story_keys: article id → the keys later batches find it by.
        vectors: (article id, unit vector) of kept articles for semantic search, of ``vector_model``
            (replacing older vectors of those articles).
        removed_entities: entities a curation folded into another one (id → its id) or dropped (id → None).
    """

    run_id: str
    articles: Sequence[Article] = ()
    skips: Sequence[Skip] = ()
    duplicates: Sequence[Duplicate] = ()
    signatures: Sequence[Signature] = ()
    facts: Sequence[ArticleFacts] = ()
    entities: Sequence[Entity] = ()
    stories: Sequence[Story] = ()
    updates: Sequence[Update] = ()
    removed_stories: Sequence[str] = ()
    story_features: Sequence[StoryFeatures] = ()
    story_keys: Mapping[str, Sequence[str]] = field(default_factory=dict)
    vectors: Sequence[tuple[str, Sequence[float]]] = ()
    vector_model: str = ""
    removed_entities: Mapping[str, str | None] = field(default_factory=dict)


def write_batch(store: Store, batch: Batch) -> None:
    """Write ``batch`` in one transaction: all of it, or (on a crash or error) none of it.

    Ids are deterministic and rows already present are left as they are, so writing the same
    batch twice changes nothing.
    """
    now = datetime.now(timezone.utc)
    with store.transaction() as conn:
        seq = next_seq(store)
        known = {r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(string_split(?, chr(31))))",
            [joined(a.id for a in batch.articles)]).fetchall()} if batch.articles else set()
        fresh = list({a.id: a for a in batch.articles if a.id not in known}.values())
        refs = _text_refs(conn, fresh, batch.duplicates)
        insert(conn, "articles", ARTICLE_COLUMNS,
               [article_row(a, seq + i, batch.run_id, refs.get(a.id)) for i, a in enumerate(fresh)])
        write_updates(conn, batch.updates, batch.run_id, now)
        insert(conn, "boilerplate", BOILERPLATE_COLUMNS, [row for a in fresh for row in boilerplate_rows(a)])
        insert_new(conn, "duplicates", "article_id", ("article_id", "duplicate_of", "kind", "similarity"),
                   [(d.article_id, d.duplicate_of, str(d.kind), d.similarity) for d in batch.duplicates])
        write_signatures(conn, batch.signatures)
        write_log(conn, batch.skips, batch.run_id, now)
        write_facts(conn, batch.facts)
        mark_articles(conn, article_ids=[f.article_id for f in batch.facts])  # their pages' stored rows (article_digest)
        write_entities(conn, batch.entities)
        delete_entities(conn, batch.removed_entities)
        if batch.updates:
            drop_orphan_entities(conn)
        write_stories(conn, batch.stories, batch.removed_stories)
        write_story_features(conn, batch.story_features, batch.story_keys)
        insert_vectors(conn, batch.vector_model, batch.vectors)


def _text_refs(conn: duckdb.DuckDBPyConnection, fresh: Sequence[Article], duplicates: Sequence[Duplicate]) -> dict[str, str]:
    """Copy id → original id for the exact duplicates among ``fresh`` whose text is the original's,
    character for character: they are stored by reference (``articles.text_of``), not as a second
    copy of the text. Copies that differ in whitespace keep their own text."""
    exact = {d.article_id: d.duplicate_of for d in duplicates if d.kind is DuplicateKind.EXACT}
    copies = [a for a in fresh if a.id in exact]
    if not copies:
        return {}
    texts = {a.id: a.text for a in fresh}
    wanted = sorted({exact[a.id] for a in copies if exact[a.id] not in texts})
    if wanted:
        texts.update(conn.execute(
            "SELECT id, text FROM articles WHERE text_of IS NULL AND id IN (SELECT unnest(string_split(?, chr(31))))",
            [joined(wanted)]).fetchall())
    return {a.id: exact[a.id] for a in copies if texts.get(exact[a.id]) == a.text}


def start_run(store: Store, run_id: str, inputs: Sequence[str]) -> None:
    with store.transaction() as conn:
        insert(conn, "runs", ("id", "started", "inputs"), [(run_id, datetime.now(timezone.utc), "\n".join(inputs))], ignore=True)


def finish_run(store: Store, run_id: str, summary_json: str) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE runs SET finished = ?, summary = ? WHERE id = ?",
                     [datetime.now(timezone.utc), summary_json, run_id])
