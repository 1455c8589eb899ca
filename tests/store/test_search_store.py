"""The search tables: migration of an old base, vectors, exact cosine top-k, the fts rebuild."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.store import Batch, open_store, write_batch
from newsgraph.store.search import (
    SearchFilter, index_state, query_terms, rebuild_fts, text_top, vector_top, write_embeddings,
)

TEXTS = ("Wheat harvest falls after drought.", "Central bank raises interest rates.", "Drought hits maize farmers.")


def _article(i: int, text: str, truncated: bool = False) -> Article:
    return Article(id=article_id(f"t{i}", text), title=None, text=text, truncated=truncated,
                   source=SourcePointer(path=f"t{i}.txt", format=SourceFormat.TEXT, line=1))


def _store(tmp_path: Path):
    store = open_store(tmp_path / "kb.duckdb")
    articles = [_article(i, t, truncated=i == 2) for i, t in enumerate(TEXTS)]
    write_batch(store, Batch(run_id="r1", articles=articles))
    return store, articles


def test_store_vector_top_is_exact_cosine_with_filters(tmp_path: Path) -> None:
    store, articles = _store(tmp_path)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    write_embeddings(store, "m", [(a.id, v.tolist()) for a, v in zip(articles, vectors)])
    query = vectors[1] + 0.5 * vectors[2]
    expected = sorted(range(3), key=lambda i: -float(vectors[i] @ query) / float(np.linalg.norm(query)))
    got = vector_top(store, query.tolist(), "m", SearchFilter(), 3)
    assert [a for a, _ in got] == [articles[i].id for i in expected]
    assert got[0][1] == pytest.approx(float(vectors[expected[0]] @ query) / float(np.linalg.norm(query)), abs=1e-5)
    complete = vector_top(store, query.tolist(), "m", SearchFilter(truncated=False), 3)
    assert articles[2].id not in {a for a, _ in complete}
    write_embeddings(store, "m", [(articles[0].id, vectors[1].tolist())])  # replaced, not doubled
    assert index_state(store, "m").embedded == 3
    store.close()


def test_store_fts_sees_new_rows_only_after_a_rebuild(tmp_path: Path) -> None:
    store, articles = _store(tmp_path)
    assert index_state(store, "m").fts_built is None
    assert rebuild_fts(store) == (3, 0)
    assert {a for a, _ in text_top(store, "drought", SearchFilter(), 10)} == {articles[0].id, articles[2].id}
    later = _article(9, "Drought relief for cattle ranchers announced.")
    write_batch(store, Batch(run_id="r2", articles=[later]))
    assert later.id not in {a for a, _ in text_top(store, "drought", SearchFilter(), 10)}
    assert not index_state(store, "m").fts_current
    rebuild_fts(store)
    assert later.id in {a for a, _ in text_top(store, "drought", SearchFilter(), 10)}
    assert index_state(store, "m").fts_current
    assert [s for _, s in query_terms(store, "The droughts of the farmers")] == ["drought", "farmer"]
    store.close()
