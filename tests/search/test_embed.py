"""The ONNX MiniLM graph against a plain numpy forward pass of the same weights, and sanity checks."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newsgraph.search import Encoder, encoder, reciprocal_rank_fusion
from newsgraph.search.graph import load_weights

SENTENCES = [
    "The central bank raised interest rates by half a point on Thursday.",
    "Floods forced thousands of families from their homes in the river valley.",
    "a",
    "The striker scored twice as the home side won the cup final 3-1 in front of a record crowd of 80,000 fans.",
    "Ministers said the new law would take effect next year.",
]


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * g + b


def _erf(x: np.ndarray) -> np.ndarray:
    return np.vectorize(math.erf)(x)


def _reference(ids: list[int], config: dict, w: dict[str, np.ndarray]) -> np.ndarray:
    """BERT forward pass for one unpadded sequence in float64 numpy, mean-pooled and normalised."""
    w = {k: v.astype(np.float64) for k, v in w.items() if v.dtype.kind == "f"}
    eps = config["layer_norm_eps"]
    heads, hidden = config["num_attention_heads"], config["hidden_size"]
    d = hidden // heads
    n = len(ids)
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)

    def lin(h: np.ndarray, p: str) -> np.ndarray:
        return h @ w[f"{p}.weight"].T + w[f"{p}.bias"]

    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}"
        q, k, v = (lin(x, f"{p}.attention.self.{m}").reshape(n, heads, d).transpose(1, 0, 2)
                   for m in ("query", "key", "value"))
        s = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        ctx = ((s / s.sum(-1, keepdims=True)) @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = _layer_norm(lin(ctx, f"{p}.attention.output.dense") + x,
                        w[f"{p}.attention.output.LayerNorm.weight"], w[f"{p}.attention.output.LayerNorm.bias"], eps)
        h = lin(x, f"{p}.intermediate.dense")
        h = 0.5 * h * (1 + _erf(h / math.sqrt(2)))
        x = _layer_norm(lin(h, f"{p}.output.dense") + x,
                        w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"], eps)
    mean = x.mean(0)
    return mean / np.linalg.norm(mean)


def test_embed_graph_matches_numpy_reference() -> None:
    config, weights = load_weights()
    exact = Encoder(int8=False)
    got = exact.embed(SENTENCES)  # padded batches: the mask must hide the padding
    int8 = encoder().embed(SENTENCES)  # the shipped graph: int8 weights
    for text, vec, small in zip(SENTENCES, got, int8):
        ref = _reference(exact.tokenize([text])[0], config, weights)
        assert float(np.dot(vec, ref)) >= 0.999, text
        assert 0.98 <= float(np.dot(small, ref)) < 0.99999, text  # close, and really quantised


def test_embed_vectors_are_unit_length_and_order_kept() -> None:
    enc = encoder()
    together = enc.embed(SENTENCES, batch=2)
    alone = np.stack([enc.embed([s])[0] for s in SENTENCES])
    assert together.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together, alone, atol=1e-4)


@pytest.mark.parametrize(("anchor", "paraphrase", "unrelated"), [
    ("The company reported a sharp fall in quarterly profit.", "Quarterly earnings at the firm dropped steeply.",
     "The orchestra performed a new symphony last night."),
    ("Police arrested a man after the robbery.", "A suspect was detained by officers following the hold-up.",
     "Wheat prices rose on strong export demand."),
    ("The president won a second term in the election.", "Voters re-elected the head of state.",
     "The new smartphone has a larger battery."),
])
def test_embed_paraphrase_closer_than_unrelated(anchor: str, paraphrase: str, unrelated: str) -> None:
    a, p, u = encoder().embed([anchor, paraphrase, unrelated])
    assert float(a @ p) > float(a @ u) + 0.2


def test_embed_truncates_long_text_and_handles_empty_list() -> None:
    enc = encoder()
    assert len(enc.tokenize(["word " * 5000])[0]) == enc.max_tokens == 128
    assert enc.embed([]).shape == (0, 384)


def test_embed_short_truncation_changes_long_vectors_only() -> None:
    short = Encoder(max_tokens=16)
    long_text = "Officials said the bridge would reopen in spring. " * 20
    assert float(short.embed([SENTENCES[2]])[0] @ encoder().embed([SENTENCES[2]])[0]) > 0.9999
    assert float(short.embed([long_text])[0] @ encoder().embed([long_text])[0]) < 0.9999


def test_fusion_rrf_orders_by_summed_reciprocal_ranks() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a"]], k=1)
    assert [item for item, _ in fused] == ["a", "c", "b"]
    assert fused[0][1] == pytest.approx(1 / 2 + 1 / 3)


def test_a_server_worker_shares_the_cores_with_the_query_encoder(tmp_path) -> None:
    """A server's worker builds the shared query encoder with its share of the cores and idle
    threads asleep (onnxruntime's default spins a thread a core), and gives the same vectors."""
    from newsgraph.search import embed
    from newsgraph.web import create_app
    from newsgraph.web.app import threads_per_worker

    from newsgraph.store import open_store

    before = embed.encoder().embed(SENTENCES[:2])
    open_store(tmp_path / "kb.duckdb").close()
    try:
        create_app(tmp_path / "kb.duckdb", workers=2)
        shared = embed.encoder()
        options = shared.session.get_session_options()
        assert options.intra_op_num_threads == threads_per_worker(2)
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
        assert np.allclose(shared.embed(SENTENCES[:2]), before, atol=1e-6)
    finally:
        embed.share_cores(0)
    assert embed.encoder().session.get_session_options().intra_op_num_threads == 0
