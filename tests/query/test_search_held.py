"""Semantic search from vectors held in memory (a long-lived reader) ranks as the table scan does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsgraph import search as embedding
from newsgraph.errors import QueryError
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


def test_two_stage_ranking_is_the_float32_ranking() -> None:
    """An index ranking first by int8 products (``search.vectors._Coarse``) gives the float32
    ranking exactly: on exact copies, near copies a rounding apart, crowds and spread vectors,
    queries among them and away from them, every depth."""
    rng = np.random.default_rng(3)
    seeds = rng.normal(size=(40, 24))
    matrix = np.concatenate([seeds[rng.integers(40, size=500)] + rng.normal(scale=spread, size=(500, 24))
                             for spread in (0.0, 1e-4, 1e-2, 0.3)]).astype(np.float32)
    matrix *= rng.uniform(0.2, 3.0, size=(len(matrix), 1)).astype(np.float32)  # lengths differ
    ids = [f"a{i:05d}" for i in range(len(matrix))]
    two, one = VectorIndex(ids, matrix, coarse_from=1), VectorIndex(ids, matrix, coarse_from=10**9)
    assert two._coarse is not None and one._coarse is None and two.nbytes > one.nbytes
    queries = [matrix[i] for i in rng.integers(len(matrix), size=15)]
    queries += [seeds[i] + rng.normal(scale=0.05, size=24) for i in range(10)] + list(rng.normal(size=(10, 24)))
    for query in queries:
        for k in (1, 7, 100, 1999, 2000, 5000):
            got, expected = two.top(query, k), one.top(query, k)
            assert [i for i, _ in got] == [i for i, _ in expected]
            assert [v for _, v in got] == pytest.approx([v for _, v in expected], abs=1e-6)
    assert two.top(np.zeros(24), 3) == one.top(np.zeros(24), 3)


def test_coarse_scores_stay_within_their_bounds() -> None:
    """Each int8 score is within its bound of the float64 cosine, also for the query that the
    rounding hurts most (a vector's own rounding error as the query), and the bounds are tight
    enough to leave most vectors out."""
    from newsgraph.search.vectors import _Coarse

    rng = np.random.default_rng(5)
    queries = rng.normal(size=(20, 384))
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    steps = np.abs(queries).max(axis=1, keepdims=True) / 63
    query_errors = queries - np.clip(np.rint(queries / steps), -63, 63) * steps
    unit = np.concatenate([rng.normal(size=(3000, 384)), query_errors])  # the last rows: where a query's rounding hurts
    unit[:1000] *= rng.uniform(0.01, 1.0, size=(1000, 384))  # some with a few large components
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    coarse = _Coarse(unit.astype(np.float32))
    rebuilt = np.clip(np.rint(unit / coarse.scale[:, None]), -127, 127) * coarse.scale[:, None]
    worst = []  # a vector's own rounding error as the query, written in 7 bits so that the query's is nil
    for i in rng.integers(3000, size=20):
        codes = np.rint((unit[i] - rebuilt[i]) / np.abs(unit[i] - rebuilt[i]).max() * 63)
        worst.append(codes / np.linalg.norm(codes))
    exact = unit.astype(np.float32).astype(np.float64)
    for query in worst + list(queries) + list(unit[:20]):
        estimate, bound = coarse.estimate(query)
        assert np.all(np.abs(exact @ query - estimate) <= bound)
        assert len(coarse.candidates(query, 10)) < 1000


def test_held_vectors_rank_as_the_table_does(seed_kb: Path) -> None:
    for query in QUERIES:
        held = search(seed_kb, query, mode="semantic", limit=5, keep_vectors=True)
        scanned = search(seed_kb, query, mode="semantic", limit=5)
        assert [h.article_id for h in held] == [h.article_id for h in scanned]
        assert [h.score for h in held] == pytest.approx([h.score for h in scanned], abs=1e-5)
        assert [h.article_id for h in search(seed_kb, query, limit=5, keep_vectors=True)] == \
            [h.article_id for h in search(seed_kb, query, limit=5)]


def _same_hits(held: list, scanned: list) -> None:
    assert [h.article_id for h in held] == [h.article_id for h in scanned]
    assert [h.text_score for h in held] == pytest.approx([h.text_score for h in scanned], rel=1e-12)
    assert [(h.snippet, h.marks) for h in held] == [(h.snippet, h.marks) for h in scanned]
    assert [[(x.quote_id, x.speaker) for x in h.quotes] for h in held] == \
        [[(x.quote_id, x.speaker) for x in h.quotes] for h in scanned]
    assert [x.score for h in held for x in h.quotes] == pytest.approx([x.score for h in scanned for x in h.quotes], rel=1e-12)


@pytest.mark.parametrize("base", ["seed_kb", "examples_kb", "short_news_kb"])
def test_held_text_ranks_as_the_tables_do(base: str, request: pytest.FixtureRequest) -> None:
    """Text ranking and quote scores from the indexes held in memory (``held_text``) equal the SQL's,
    for every word of the base as a query, pairs of them, and a sentence; duplicate copies never."""
    db = request.getfixturevalue(base)
    with open_store(db, read_only=True) as store:
        words = sorted({w for (text,) in store.rows("SELECT text FROM articles") for w in re.findall(r"[^\W\d_]{3,}", text)})
        duplicates = {r[0] for r in store.rows("SELECT article_id FROM duplicates")}
    assert len(words) > 30
    queries = words[::2] + [f"{a} {b}" for a, b in zip(words[::7], words[3::7])] + [" ".join(words[::5][:12])]
    seen = 0
    with open_store(db, read_only=True) as store:
        for query in queries:
            for limit in (1, 10):
                try:
                    scanned = search(store, query, mode="text", limit=limit)
                except QueryError as err:  # only stopwords: refused the same way
                    assert err.code == "NG407"
                    with pytest.raises(QueryError, match="NG407"):
                        search(store, query, mode="text", limit=limit, keep_vectors=True)
                    continue
                held = search(store, query, mode="text", limit=limit, keep_vectors=True)
                _same_hits(held, scanned)
                assert not {h.article_id for h in held} & duplicates
                seen += len(held)
    assert seen > len(queries)
    if base == "short_news_kb":
        assert duplicates, "the base holds copies, which must never be ranked"


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
