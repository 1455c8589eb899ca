"""Exact cosine search over vectors held in memory, for a process that keeps a knowledge base open.

DuckDB's ``array_cosine_similarity`` reads every stored vector from the table at each query (about
45 ms for 45,000 articles on one core). A reader that stays open (a ``KnowledgeBase`` held
read-only, the web server) can read them once into one float32 matrix and answer each query with
one matrix-vector product (about 12 ms there): ``query/search.py`` keeps one ``VectorIndex`` per
knowledge base file and version, up to the ``vector_cache`` setting's number of vectors.

That product reads the whole float32 matrix (1.5 KB a vector: 64 MB at 41,000 articles, about 6
ms on one core, bound by memory). From ``COARSE_FROM`` vectors on, an index also keeps every
vector as int8 (one scale a vector) and first scores the query against those with onnxruntime's
integer product (a quarter of the bytes, under a millisecond there); each coarse score comes with
a bound on its error (``_Coarse``), so only the vectors whose best possible score can reach the
``k``-th best worst possible one are scored again in float32. The ranking is the float32 one,
exactly: a test compares the two ways on vectors made to tie and crowd.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

COARSE_FROM = 20_000  # vectors from which an index ranks in two stages (int8, then float32)
_SLACK = 1e-5  # added to every error bound: float32 rounding of the exact scores, and ties at 6 decimals


class VectorIndex:
    """Vectors with their ids, searched exactly by cosine similarity.

    Args:
        ids: one id a row, in the order ties are broken (ascending).
        matrix: float32, one vector a row.
    """

    def __init__(self, ids: Sequence[str], matrix: np.ndarray, *, coarse_from: int = COARSE_FROM) -> None:
        if matrix.ndim != 2 or len(ids) != matrix.shape[0]:
            raise ValueError(f"{len(ids)} ids for a matrix of shape {matrix.shape}")
        self.ids = list(ids)
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        norms = np.linalg.norm(self.matrix, axis=1)
        # a zero vector (none is stored: vectors are unit length) scores 0 against everything
        self.inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0).astype(np.float32)
        self._coarse = _Coarse(self.matrix * self.inverse[:, None]) if len(self.ids) >= max(1, coarse_from) else None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return int(self.matrix.nbytes + self.inverse.nbytes + (self._coarse.nbytes if self._coarse else 0))

    def top(self, vector: Sequence[float] | np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` ids most similar to ``vector`` with their cosine similarity, best first (ties at
        6 decimals: id order, as ``store.search.vector_top`` orders them)."""
        if not self.ids or k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        size = float(np.linalg.norm(query))
        k = min(k, len(self.ids))
        if size == 0.0:
            pool = np.arange(len(self.ids))
            scores = np.zeros(len(self.ids), dtype=np.float32)
        else:  # the rows scored in float32: the coarse stage's candidates, or all
            unit = query / size
            pool = self._coarse.candidates(unit, k) if self._coarse is not None and k < len(self.ids) else None
            if pool is None:
                pool, scores = np.arange(len(self.ids)), (self.matrix @ unit) * self.inverse
            else:
                scores = (self.matrix[pool] @ unit) * self.inverse[pool]
        # compared at 6 decimals (float32 keeps about 7): copies of one text tie whatever the rounding,
        # and every row tying with the k-th goes on to the id order (rows are in id order)
        rounded = np.round(scores, 6)
        if k < len(pool):
            keep = rounded >= -np.partition(-rounded, k - 1)[k - 1]
            pool, scores, rounded = pool[keep], scores[keep], rounded[keep]
        chosen = np.lexsort((pool, -rounded))[:k]
        return [(self.ids[pool[i]], float(scores[i])) for i in chosen]


class _Coarse:
    """Unit vectors as int8 (``x ≈ scale · q``, one scale a vector) with each one's rounding error
    ``‖x − scale · q‖``, scored against a query with onnxruntime's ``MatMulInteger``.

    For a unit query ``u`` quantised to ``û`` (7 bits around 64), ``|u·x − û·x̂| ≤ ‖x − x̂‖ +
    ‖u − û‖ · ‖x̂‖``, so every vector's float32 score lies within its bound of its coarse score."""

    def __init__(self, unit: np.ndarray) -> None:
        import onnxruntime
        from onnx import TensorProto, helper, numpy_helper

        peak = np.abs(unit).max(axis=1)
        self.scale = np.where(peak > 0, peak / 127, 1.0).astype(np.float64)
        quantised = np.clip(np.rint(unit / self.scale[:, None]), -127, 127).astype(np.int8)
        rebuilt = quantised.astype(np.float64) * self.scale[:, None]
        self.error = np.linalg.norm(unit.astype(np.float64) - rebuilt, axis=1)
        self.norm = np.linalg.norm(rebuilt, axis=1)
        self.nbytes = int(quantised.nbytes + self.scale.nbytes + self.error.nbytes + self.norm.nbytes)
        dims = unit.shape[1]
        graph = helper.make_graph(
            [helper.make_node("MatMulInteger", ["query", "vectors", "zero"], ["product"])], "coarse",
            [helper.make_tensor_value_info("query", TensorProto.UINT8, [1, dims]),
             helper.make_tensor_value_info("zero", TensorProto.UINT8, [])],
            [helper.make_tensor_value_info("product", TensorProto.INT32, [1, len(unit)])],
            initializer=[numpy_helper.from_array(np.ascontiguousarray(quantised.T), "vectors")])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # a product of a millisecond: the server's workers share the cores
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(model.SerializeToString(), options,
                                                    providers=["CPUExecutionProvider"])

    def estimate(self, unit_query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(coarse score, bound on its error) of every vector for the unit ``unit_query``."""
        query = unit_query.astype(np.float64)
        # 7 bits for the query, stored as 1..127 around 64: on CPUs without VNNI onnxruntime multiplies
        # uint8 by int8 in pairs summed into int16 (VPMADDUBSW), which saturates past 255 · 127 · 2
        step = float(np.abs(query).max()) / 63 or 1.0
        codes = np.clip(np.rint(query / step), -63, 63)
        off = float(np.linalg.norm(query - codes * step))
        product = self.session.run(None, {"query": (codes + 64).astype(np.uint8).reshape(1, -1),
                                          "zero": np.array(64, dtype=np.uint8)})[0][0]
        return product.astype(np.float64) * (step * self.scale), self.error + off * self.norm + _SLACK

    def candidates(self, unit_query: np.ndarray, k: int) -> np.ndarray:
        """Row numbers, ascending, of every vector that can be among the ``k`` best for the unit
        ``unit_query``: those whose coarse score plus its bound reaches the ``k``-th best coarse
        score less its bound."""
        coarse, bound = self.estimate(unit_query)
        floor = np.partition(coarse - bound, len(coarse) - k)[len(coarse) - k]  # the k-th best worst case
        return np.flatnonzero(coarse + bound >= floor)
