"""Integer products computed exactly on every CPU: ``search.graph.unsigned_weights`` stores int8
weights as uint8 (shifted with their zero points), which onnxruntime multiplies without the 16-bit
pair sums that saturate on x86 CPUs with AVX2 but no VNNI (where uint8 x int8 gave other outputs)."""

from __future__ import annotations

import numpy as np
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

from newsgraph.search.graph import unsigned_weights


def _model(weights: np.ndarray, zero: np.ndarray) -> object:
    node = helper.make_node("MatMulInteger", ["x", "w", "x_zero", "w_zero"], ["y"])
    graph = helper.make_graph(
        [node], "mm", [helper.make_tensor_value_info("x", TensorProto.UINT8, [None, weights.shape[0]])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [None, weights.shape[1]])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(zero, "w_zero"),
         numpy_helper.from_array(np.array(0, dtype=np.uint8), "x_zero")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def _run(model: object, x: np.ndarray) -> np.ndarray:
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])  # type: ignore[attr-defined]
    return session.run(None, {"x": x})[0]


def test_uint8_weights_give_the_exact_integer_products_even_where_int8_pairs_saturate() -> None:
    rng = np.random.default_rng(3)
    weights = rng.integers(-127, 128, size=(64, 16), dtype=np.int8)
    weights[:, 0] = 127  # with inputs near 255, two products sum past 32,767: int16 pairs saturate
    zero = np.zeros(16, dtype=np.int8)
    x = rng.integers(200, 256, size=(8, 64), dtype=np.uint8)
    exact = x.astype(np.int64) @ weights.astype(np.int64)
    model = unsigned_weights(_model(weights, zero))
    assert {i.name: i.data_type for i in model.graph.initializer}["w"] == TensorProto.UINT8
    assert np.array_equal(_run(model, x), exact)


def test_weights_without_a_zero_point_stay_int8() -> None:
    weights = np.ones((4, 2), dtype=np.int8)
    model = _model(weights, np.zeros(2, dtype=np.int8))
    del model.graph.node[0].input[3]  # no zero point: 0 would mean 128 for uint8
    assert {i.name: i.data_type for i in unsigned_weights(model).graph.initializer}["w"] == TensorProto.INT8
