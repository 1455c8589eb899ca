"""Keeping the search indexes current: article vectors and the fts (BM25) indexes.

The pipeline's extractor computes each kept article's vector with ``article_vectors`` (in the
extraction workers), the writer stores them with the batch (the batch is then searchable by
meaning); the pipeline then calls ``append_text_index`` after each batch is written (the batch is
then searchable by words; the append adds the batch's rows to the fts index's tables, at a cost
that follows the batch, not the base). ``embed_articles`` gives a vector to stored articles still
without one, at the end of a run. ``rebuild_text_index`` rebuilds over the whole base (its cost
grows with the base): the pipeline calls it at most once a run, when the index is missing or an
update replaced stored texts (DuckDB's own fts index is only ever built whole). ``index`` is
``newsgraph index``: build what is missing in an existing knowledge base (one ingested with
``--no-embed``, or written before search or stories existed): vectors, the fts index, and stories
for articles without one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsgraph import search
from newsgraph.errors import StoreError
from newsgraph.model import Article
from newsgraph.store import Store, open_store, rebuild_indexes
from newsgraph.store.search import append_fts, articles_to_embed, index_state, rebuild_fts, write_embeddings

CHUNK = 256  # articles embedded and written at a time


@dataclass(slots=True, kw_only=True)
class IndexSummary:
    """What ``index`` did.

    Attributes:
        db: the knowledge base.
        embedded: articles given a vector in this call.
        articles_indexed, quotes_indexed: rows the rebuilt fts indexes cover (0 when not rebuilt).
        storied: articles (and duplicate copies) given a story in this call: those stored before
            stories existed.
        reindexed: secondary indexes dropped and re-created (``reindex``; 0 otherwise).
        embed_seconds, fts_seconds, story_seconds, reindex_seconds: time spent on each.
        searchable, with_vectors: kept articles, and how many of them now have a vector.
    """

    db: str
    embedded: int = 0
    articles_indexed: int = 0
    quotes_indexed: int = 0
    embed_seconds: float = 0.0
    fts_seconds: float = 0.0
    storied: int = 0
    story_seconds: float = 0.0
    searchable: int = 0
    with_vectors: int = 0
    reindexed: int = 0
    reindex_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _encoder() -> search.Encoder:
    try:
        return search.encoder()
    except (OSError, ImportError, ValueError) as exc:
        raise StoreError("NG312", f"cannot load the MiniLM embedding model: {type(exc).__name__}: {exc}") from None


def article_vectors(articles: Sequence[Article], enc: search.Encoder | None = None) -> dict[str, Any]:
    """Article id → its unit vector (``search.MODEL_NAME``, float32), from its title, deck and text;
    no store involved, so an extraction worker computes them (with its own ``enc``)."""
    if not articles:
        return {}
    enc = enc or _encoder()
    vectors = enc.embed([search.article_text(a.title, a.deck, a.text) for a in articles])
    return {a.id: vector for a, vector in zip(articles, vectors)}


def embed_articles(store: Store, ids: Sequence[str] | None = None,
                   progress: Callable[[int], None] | None = None) -> int:
    """Give a vector to every kept article without one (only among ``ids`` when given); return how many."""
    todo = articles_to_embed(store, search.MODEL_NAME, ids)
    if not todo:
        return 0
    enc = _encoder()
    done = 0
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        vectors = enc.embed([search.article_text(title, deck, text) for _, title, deck, text in chunk])
        done += write_embeddings(store, search.MODEL_NAME, [(row[0], vec.tolist()) for row, vec in zip(chunk, vectors)])
        if progress:
            progress(done)
    return done


def rebuild_text_index(store: Store) -> tuple[int, int, float]:
    """Rebuild the fts indexes over everything stored: (articles, quotes, seconds)."""
    started = time.perf_counter()
    articles, quotes = rebuild_fts(store)
    return articles, quotes, time.perf_counter() - started


def append_text_index(store: Store, article_ids: Sequence[str]) -> tuple[int, int] | None:
    """Add stored articles (and their quotes) to the fts indexes without a rebuild, at a cost that
    follows the batch, not the base; None when the indexes are missing or not current apart from
    ``article_ids`` (then only ``rebuild_text_index`` is right)."""
    return append_fts(store, article_ids)


def text_index_current(store: Store) -> bool:
    """Whether the fts indexes cover every stored article and quote."""
    return index_state(store, search.MODEL_NAME).fts_current


def backfill_stories(store: Store, *, chunk: int = CHUNK, progress: Callable[[int], None] | None = None) -> int:
    """Give a story to every kept article without one (stored before stories existed), ``chunk`` at
    a time in ingest order, exactly as a batch of an ingest joins the stories (entities from the
    stored mentions); then the duplicate copies without one join their original's. Returns how
    many articles and copies got a story."""
    from newsgraph.model import ArticleFacts
    from newsgraph.pipeline import join_stories
    from newsgraph.store import article_texts, read_duplicates, read_mentions
    from newsgraph.store.stories import articles_without_story, copies_without_story, write_story_batch

    ids = articles_without_story(store)
    done = 0
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        found = article_texts(store, part)
        kept = [found[i] for i in part if i in found]
        facts = [ArticleFacts(article_id=a.id, mentions=tuple(read_mentions(store, a.id))) for a in kept]
        write_story_batch(store, **join_stories(store, kept, facts, ()))
        done += len(kept)
        if progress:
            progress(done)
    copies = {c for c, _ in copies_without_story(store)}
    if copies:
        duplicates = [d for d in read_duplicates(store) if d.article_id in copies]
        write_story_batch(store, **join_stories(store, (), (), duplicates))
        done += len(duplicates)
    return done


def index(db: str | Path, *, embed: bool = True, text: bool = True, stories: bool = True, reindex: bool = False,
          progress: Callable[[int], None] | None = None) -> IndexSummary:
    """Build what the knowledge base at ``db`` lacks: stories for articles without one
    (``stories``), vectors for articles without one (``embed``) and the fts indexes, rebuilt over
    everything (``text``); with ``reindex``, every secondary index dropped and re-created first
    (``store.rebuild_indexes``)."""
    summary = IndexSummary(db=str(db))
    with open_store(db) as store:
        if reindex:
            started = time.perf_counter()
            summary.reindexed = rebuild_indexes(store.conn)
            summary.reindex_seconds = round(time.perf_counter() - started, 3)
        if stories:
            started = time.perf_counter()
            summary.storied = backfill_stories(store)
            summary.story_seconds = round(time.perf_counter() - started, 3)
        if embed:
            started = time.perf_counter()
            summary.embedded = embed_articles(store, progress=progress)
            summary.embed_seconds = round(time.perf_counter() - started, 3)
        if text:
            summary.articles_indexed, summary.quotes_indexed, seconds = rebuild_text_index(store)
            summary.fts_seconds = round(seconds, 3)
        from newsgraph.store.digest import refresh

        refresh(store)  # entity pages a base written before digests existed (or a killed run) still owes
        state = index_state(store, search.MODEL_NAME)
        summary.searchable, summary.with_vectors = state.searchable, state.embedded
    return summary
