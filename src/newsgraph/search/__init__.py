"""Search: MiniLM sentence embeddings through onnxruntime and the fusion of rankings.

Pure: no store, readers, nlp or resolve here. The fts and vector tables and their SQL live in
``store/search.py``; ``query/search.py`` joins them with what this package computes.
"""

from newsgraph.search.embed import DIMENSIONS, MAX_TOKENS, MODEL_NAME, Encoder, article_text, encoder
from newsgraph.search.fusion import reciprocal_rank_fusion
from newsgraph.search.vectors import VectorIndex

__all__ = ["DIMENSIONS", "MAX_TOKENS", "MODEL_NAME", "Encoder", "article_text", "encoder", "reciprocal_rank_fusion", "VectorIndex"]
