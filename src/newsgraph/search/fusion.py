"""Fusing the text (BM25) and semantic (cosine) rankings into one.

Reciprocal rank fusion (Cormack et al., 2009): a document's fused score is the sum over the
rankings it appears in of ``weight / (k + rank)`` (rank 1-based). It needs no score calibration
between BM25 and cosine, which live on different scales. ``K`` and ``SEMANTIC_WEIGHT`` were tuned
on the ECB+ train split (`newsgraph eval search`, see docs/search.md); dev is reported, not tuned on.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

K = 10.0  # ECB+ train nDCG@10: 0.816 at k=10, 0.813 at the usual 60 (scripts/tune_search_fusion.py)
SEMANTIC_WEIGHT = 1.0  # the text ranking weighs 1


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Hashable]], *, k: float = K, weights: Sequence[float] | None = None,
) -> list[tuple[Hashable, float]]:
    """Items of ``rankings`` (each best first) by fused score, best first; ties keep first-seen order."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[Hashable, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])
