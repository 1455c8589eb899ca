"""Sentence embeddings: MiniLM-L6 through onnxruntime, WordPiece through ``tokenizers``.

``Encoder`` builds the ONNX graph in memory on first use (``search.graph``), so importing this
module is cheap and nothing is read from disk until a text is embedded. Texts are tokenised with
the model's own ``tokenizer.json``, truncated to ``max_tokens`` word pieces (the model was trained
on 256; an article vector is its title, deck and the start of its text, see ``article_text``),
sorted by length and run in batches so that padding stays small.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DIMENSIONS = 384
MODEL_NAME = "newsgraph.minilm-l6.v1"  # bumped whenever the vectors change (text, truncation, graph)
MAX_TOKENS = 256
BATCH = 32


class Encoder:
    """A loaded MiniLM encoder. Use ``encoder()`` for the shared one."""

    def __init__(self, folder: Path | None = None, *, max_tokens: int = MAX_TOKENS, threads: int = 0) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        from newsgraph.search.graph import build_model, load_weights, model_dir

        folder = folder or model_dir()
        config, weights = load_weights(folder)
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: shape-merge notes are not for users
        if threads:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(build_model(config, weights).SerializeToString(), options,
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
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            out[chunk] = self.run([ids[i] for i in chunk])
        return out


_SHARED: Encoder | None = None
_LOCK = threading.Lock()


def encoder() -> Encoder:
    """The process's shared encoder, built on first use (about a second)."""
    global _SHARED
    with _LOCK:
        if _SHARED is None:
            _SHARED = Encoder()
        return _SHARED


def article_text(title: str | None, deck: str | None, text: str) -> str:
    """What an article's vector is computed from: title, deck and text, in that order (the
    tokenizer keeps the first ``MAX_TOKENS`` word pieces, so long texts contribute their start)."""
    return "\n".join(part for part in (title, deck, text) if part and part.strip())
