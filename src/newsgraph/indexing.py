"""Keeping the search indexes current: article vectors and the fts (BM25) indexes.

The pipeline's extractor computes each kept article's vector with ``article_vectors`` (in the
extraction workers), the writer stores them with the batch (the batch is then searchable by
meaning); ``embed_articles`` gives a vector to stored articles still without one, at the end of
a run; ``rebuild_text_index`` runs once at the end of the run (DuckDB's fts index does not see
rows added after it was built, and rebuilding costs time in proportion to the whole base, so it
is done once a run, never per batch). ``index`` is ``newsgraph index``: build what is missing in
an existing knowledge base (one ingested with ``--no-embed``, or written before search existed).
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
from newsgraph.store import Store, open_store
from newsgraph.store.search import articles_to_embed, index_state, rebuild_fts, write_embeddings

CHUNK = 256  # articles embedded and written at a time


@dataclass(slots=True, kw_only=True)
class IndexSummary:
    """What ``index`` did.

    Attributes:
        db: the knowledge base.
        embedded: articles given a vector in this call.
        articles_indexed, quotes_indexed: rows the rebuilt fts indexes cover (0 when not rebuilt).
        embed_seconds, fts_seconds: time spent on each.
        searchable, with_vectors: kept articles, and how many of them now have a vector.
    """

    db: str
    embedded: int = 0
    articles_indexed: int = 0
    quotes_indexed: int = 0
    embed_seconds: float = 0.0
    fts_seconds: float = 0.0
    searchable: int = 0
    with_vectors: int = 0

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


def text_index_current(store: Store) -> bool:
    """Whether the fts indexes cover every stored article and quote."""
    return index_state(store, search.MODEL_NAME).fts_current


def index(db: str | Path, *, embed: bool = True, text: bool = True,
          progress: Callable[[int], None] | None = None) -> IndexSummary:
    """Build what the knowledge base at ``db`` lacks: vectors for articles without one (``embed``)
    and the fts indexes, rebuilt over everything (``text``)."""
    summary = IndexSummary(db=str(db))
    with open_store(db) as store:
        if embed:
            started = time.perf_counter()
            summary.embedded = embed_articles(store, progress=progress)
            summary.embed_seconds = round(time.perf_counter() - started, 3)
        if text:
            summary.articles_indexed, summary.quotes_indexed, seconds = rebuild_text_index(store)
            summary.fts_seconds = round(seconds, 3)
        state = index_state(store, search.MODEL_NAME)
        summary.searchable, summary.with_vectors = state.searchable, state.embedded
    return summary
