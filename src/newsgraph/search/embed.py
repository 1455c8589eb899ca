"""Sentence embeddings: MiniLM-L6 through onnxruntime, WordPiece through ``tokenizers``.

``Encoder`` builds the ONNX graph in memory on first use (``search.graph``), so importing this
module is cheap and nothing is read from disk until a text is embedded. Texts are tokenised with
the model's own ``tokenizer.json``, truncated to ``max_tokens`` word pieces (128, the length the
model was trained on; an article vector is its title, deck and the start of its text, see
``article_text``) and run through the int8 graph one text at a time (``INT8``, ``BATCH``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIMENSIONS = 384
MODEL_NAME = "newsgraph.minilm-l6-int8.v3"  # bumped whenever the vectors change (text, truncation, graph)
# Word pieces an article's vector reads: the model was trained on sequences cut at 128 (its model
# card; its tokenizer.json truncates there), and at 128 an article costs 28 ms of one core against
# 62 ms at 256, with search nDCG@10 no lower (BBC News semantic 0.955 -> 0.960, hybrid 0.967 ->
# 0.977; ECB+ dev semantic 0.807 -> 0.815, hybrid 0.826 -> 0.836: README, "Accuracy, measured").
MAX_TOKENS = 128
# Texts a model run. One: an article is mostly 128 pieces, so padding saves nothing, and one text a
# run was the fastest on one core for both graphs (200 BBC articles: float32 12.6 s at 1 against
# 18.8 s at 32; int8 4.6 s against 8.6 s).
BATCH = 1
# The linear layers' weights as int8, inputs quantised on the fly (``search.graph``): four times as
# fast on one core as the float32 graph in batches of 32, cosine 0.996 to its vectors on BBC
# articles; search and story figures measured with it (README). The inputs' scale is one per run,
# so an int8 vector would depend on the texts run with it: ``embed`` runs int8 one text at a time,
# whatever ``batch`` says. ``Encoder(int8=False)`` is the float32 graph.
INT8 = True


class Encoder:
    """A loaded MiniLM encoder. Use ``encoder()`` for the shared one."""

    def __init__(self, folder: Path | None = None, *, max_tokens: int = MAX_TOKENS, threads: int = 0,
                 int8: bool = INT8) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        from newsgraph.search.graph import build_model, load_weights, model_dir

        folder = folder or model_dir()
        config, weights = load_weights(folder)
        self.int8 = int8
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: shape-merge notes are not for users
        if threads:
            options.intra_op_num_threads = threads
            # idle threads sleep: onnxruntime's spin-waiting burns the cores that other processes
            # (a server's other workers, DuckDB) need (see ``share_cores``)
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(build_model(config, weights, int8=int8).SerializeToString(), options,
                                                    providers=["CPUExecutionProvider"])

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids of each text, with [CLS] and [SEP], truncated to ``max_tokens``."""
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def run(self, ids: Sequence[Sequence[int]]) -> np.ndarray:
        """The raw model on already tokenised inputs (one padded batch): unit vectors [n, 384]."""
        width = max((len(i) for i in ids), default=1)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, seq in enumerate(ids):
            input_ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        return self.session.run(["embedding"], {"input_ids": input_ids, "attention_mask": mask})[0]

    def embed(self, texts: Sequence[str], *, batch: int = BATCH) -> np.ndarray:
        """Unit vectors ``[len(texts), 384]`` (float32) in the order of ``texts``."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        ids = self.tokenize(texts)
        if self.int8:
            batch = 1  # each vector a function of its own text alone (see INT8)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            out[chunk] = self.run([ids[i] for i in chunk])
        return out


_SHARED: Encoder | None = None
_SHARED_THREADS = 0  # the shared encoder's intra-op threads (0: onnxruntime's default, one a core, spinning)
_LOCK = threading.Lock()


def share_cores(threads: int) -> None:
    """Build the shared encoder with at most ``threads`` threads that sleep when idle: for a
    process that shares the cores with others (a server's workers). With onnxruntime's default
    (a spinning thread a core in each of two workers on two cores) a search answered 18 to 20
    requests a second under 16 clients, 27 to 29 with one sleeping thread, 45 to 51 with the BLAS
    threads limited too (``newsgraph serve`` sets both; ``benchmarks/serve.py``, 2026-12-01)."""
    global _SHARED, _SHARED_THREADS
    with _LOCK:
        if threads != _SHARED_THREADS:
            _SHARED_THREADS, _SHARED = threads, None


def encoder() -> Encoder:
    """The process's shared encoder, built on first use (about a second)."""
    global _SHARED
    with _LOCK:
        if _SHARED is None:
            _SHARED = Encoder(threads=_SHARED_THREADS)
        return _SHARED


def article_text(title: str | None, deck: str | None, text: str) -> str:
    """What an article's vector is computed from: title, deck and text, in that order (the
    tokenizer keeps the first ``MAX_TOKENS`` word pieces, so long texts contribute their start)."""
    return "\n".join(part for part in (title, deck, text) if part and part.strip())
