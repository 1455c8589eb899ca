"""What the runner tests share: comparing the search vectors of two knowledge bases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from newsgraph.store import open_store


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
