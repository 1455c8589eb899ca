"""Semantic search from vectors held in memory (a long-lived reader) ranks as the table scan does."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from newsgraph import search as embedding
from newsgraph.query import search as query_search
from newsgraph.query.search import held_vectors, search
from newsgraph.search import VectorIndex
from newsgraph.store import open_store

QUERIES = ("soybeans trade", "chatbot images banned", "election result", "weather", "a court ruling on tariffs")


def test_vector_index_ranks_by_cosine_with_ties_in_id_order() -> None:
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(50, 8)).astype(np.float32)
    matrix[[10, 20, 30]] = matrix[5]  # three copies of row 5, so four rows tie
    ids = [f"a{i:03d}" for i in range(50)]
    index = VectorIndex(ids, matrix * rng.uniform(0.5, 2.0, size=(50, 1)).astype(np.float32))  # lengths differ
    got = index.top(matrix[5] * 3, 4)
    assert [i for i, _ in got] == ["a005", "a010", "a020", "a030"]
    assert [s for _, s in got] == pytest.approx([1.0] * 4, abs=1e-5)
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    query = rng.normal(size=8).astype(np.float32)
    expected = sorted(zip(ids, unit @ (query / np.linalg.norm(query))), key=lambda kv: (-round(float(kv[1]), 6), kv[0]))
    assert [i for i, _ in index.top(query, 7)] == [i for i, _ in expected[:7]]
    assert len(index.top(query, 500)) == 50 and index.top(query, 0) == []
    assert VectorIndex([], np.zeros((0, 8), np.float32)).top(query, 3) == []
    with pytest.raises(ValueError):
        VectorIndex(ids[:3], matrix)


def test_held_vectors_rank_as_the_table_does(seed_kb: Path) -> None:
    for query in QUERIES:
        held = search(seed_kb, query, mode="semantic", limit=5, keep_vectors=True)
        scanned = search(seed_kb, query, mode="semantic", limit=5)
        assert [h.article_id for h in held] == [h.article_id for h in scanned]
        assert [h.score for h in held] == pytest.approx([h.score for h in scanned], abs=1e-5)
        assert [h.article_id for h in search(seed_kb, query, limit=5, keep_vectors=True)] == \
            [h.article_id for h in search(seed_kb, query, limit=5)]


def test_held_vectors_are_read_once_a_file_version(seed_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "kb.duckdb"
    shutil.copy(seed_kb, db)
    reads = []
    original = query_search.vector_matrix
    monkeypatch.setattr(query_search, "vector_matrix", lambda *a: reads.append(1) or original(*a))
    with open_store(db, read_only=True) as store:
        first = held_vectors(store, embedding.MODEL_NAME)
        assert first is not None and len(first) == 5
        assert held_vectors(store, embedding.MODEL_NAME) is first and len(reads) == 1
    with open_store(db) as store:  # writable: never held (its own writes would go unseen)
        assert held_vectors(store, embedding.MODEL_NAME) is None
        store.conn.execute("DELETE FROM embeddings WHERE article_id = (SELECT min(article_id) FROM embeddings)")
    with open_store(db, read_only=True) as store:  # the file changed: read again, without the deleted vector
        again = held_vectors(store, embedding.MODEL_NAME)
        assert again is not first and len(again) == 4 and len(reads) == 2
    monkeypatch.setenv("NEWSGRAPH_VECTOR_CACHE", "4")
    with open_store(db, read_only=True) as store:
        assert held_vectors(store, embedding.MODEL_NAME) is not None
    shutil.copy(seed_kb, db)  # 5 vectors again, more than the setting allows: the table is scanned
    with open_store(db, read_only=True) as store:
        assert held_vectors(store, embedding.MODEL_NAME) is None
        assert search(store, "soybeans", mode="semantic", limit=5, keep_vectors=True)


def test_vectors_read_without_pyarrow_are_the_same(seed_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from newsgraph.store.search import vector_matrix

    with open_store(seed_kb, read_only=True) as store:
        ids, matrix = vector_matrix(store, embedding.MODEL_NAME)
        find_spec = importlib.util.find_spec
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else find_spec(name, *a))
        plain_ids, plain = vector_matrix(store, embedding.MODEL_NAME)
    assert plain_ids == ids == sorted(ids) and len(ids) == 5
    assert plain.dtype == matrix.dtype == np.float32 and np.array_equal(plain, matrix)
    assert np.linalg.norm(matrix, axis=1) == pytest.approx([1.0] * 5, abs=1e-4)
