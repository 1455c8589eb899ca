"""What the runner tests share: comparing the search vectors and the fts index of two knowledge bases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from newsgraph.store import open_store
from newsgraph.store.search import SearchFilter, index_state, quote_top, text_top


def _vectors(db: Path) -> dict[str, np.ndarray]:
    with open_store(db, read_only=True) as store:
        return {aid: np.asarray(vec, dtype=np.float32) for aid, vec in store.rows("SELECT article_id, vector FROM embeddings")}


@pytest.fixture
def same_vectors() -> Callable[[Path, Path], None]:
    """Assert that two knowledge bases hold vectors for the same articles, equal within float noise
    (1e-5: they are computed in other processes, by onnxruntime with the same single thread)."""
    def check(db: Path, reference: Path) -> None:
        got, want = _vectors(db), _vectors(reference)
        assert got.keys() == want.keys() and len(got) == 8
        for aid, vec in want.items():
            assert np.allclose(got[aid], vec, atol=1e-5), aid
    return check


QUERIES = ("harbour", "rail strike", "Lena Ortiz", "union drivers wages")


def _text_hits(db: Path) -> dict[str, list]:
    with open_store(db, read_only=True) as store:
        assert index_state(store, "").fts_current
        ids = [r[0] for r in store.rows("SELECT id FROM articles")]
        return {q: [*text_top(store, q, SearchFilter(), 20), *[(r[0], r[2]) for r in quote_top(store, q, ids, 20)]] for q in QUERIES}


@pytest.fixture
def same_text_index() -> Callable[[Path, Path], None]:
    """Assert that two knowledge bases' fts indexes are current and rank articles and quotes the
    same (ids in order, BM25 scores to 1e-9), whichever runner appended the batches."""
    def check(db: Path, reference: Path) -> None:
        got, want = _text_hits(db), _text_hits(reference)
        assert any(want.values())
        for q in QUERIES:
            assert [h[0] for h in got[q]] == [h[0] for h in want[q]], q
            assert [h[1] for h in got[q]] == pytest.approx([h[1] for h in want[q]], abs=1e-9), q
    return check
