"""Exact cosine search over vectors held in memory, for a process that keeps a knowledge base open.

DuckDB's ``array_cosine_similarity`` reads every stored vector from the table at each query (about
45 ms for 45,000 articles on one core). A reader that stays open (a ``KnowledgeBase`` held
read-only, the web server) can read them once into one float32 matrix and answer each query with
one matrix-vector product (about 12 ms there): ``query/search.py`` keeps one ``VectorIndex`` per
knowledge base file and version, up to the ``vector_cache`` setting's number of vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class VectorIndex:
    """Vectors with their ids, searched exactly by cosine similarity.

    Args:
        ids: one id a row, in the order ties are broken (ascending).
        matrix: float32, one vector a row.
    """

    def __init__(self, ids: Sequence[str], matrix: np.ndarray) -> None:
        if matrix.ndim != 2 or len(ids) != matrix.shape[0]:
            raise ValueError(f"{len(ids)} ids for a matrix of shape {matrix.shape}")
        self.ids = list(ids)
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        norms = np.linalg.norm(self.matrix, axis=1)
        # a zero vector (none is stored: vectors are unit length) scores 0 against everything
        self.inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0).astype(np.float32)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return int(self.matrix.nbytes + self.inverse.nbytes)

    def top(self, vector: Sequence[float] | np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` ids most similar to ``vector`` with their cosine similarity, best first (ties at
        6 decimals: id order, as ``store.search.vector_top`` orders them)."""
        if not self.ids or k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        size = float(np.linalg.norm(query))
        if size == 0.0:
            scores = np.zeros(len(self.ids), dtype=np.float32)
        else:
            scores = (self.matrix @ (query / size)) * self.inverse
        k = min(k, len(self.ids))
        chosen = np.argpartition(-scores, k - 1)[:k] if k < len(self.ids) else np.arange(len(self.ids))
        chosen.sort()  # id order first, so that the stable sort below breaks ties by id
        # compared at 6 decimals (float32 keeps about 7): copies of one text tie whatever the rounding
        chosen = chosen[np.argsort(-np.round(scores[chosen], 6), kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in chosen]
