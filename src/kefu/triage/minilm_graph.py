"""all-MiniLM-L6-v2's forward pass as an ONNX graph, written from the checkpoint's weights and
run by ONNX Runtime on one thread.

Why not numpy, which ran it before: for one short message the products are skinny (a dozen rows
by 384 or 1,536 columns), and OpenBLAS was slow there: 12 ms a message on one core, against 4 ms
for ONNX Runtime with the same float32 weights (same results to 1e-7) and about 2 ms with int8
weights, which kefu serves. int8 keeps a scale per output column of each weight matrix and
quantizes the input per call (DynamicQuantizeMatMul); its embeddings have a cosine of 0.990 on
average with the exact ones, and CLINC150's accuracy did not move (docs/architecture.md).

The graph is plain BERT: embeddings, then six layers of self-attention and a GELU feed-forward
block, each closed by a residual layer norm.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import onnx
import onnxruntime
from numpy.typing import NDArray
from onnx import helper, numpy_helper

from kefu.triage.minilm import DIM, HEADS, LAYERS, Array

IR_VERSION = 8


def _ints(*values: int) -> Array:
    """A shape or index constant: int64, as Reshape, Split and Slice require."""
    return np.array(values, dtype=np.int64)


class _Graph:
    """Writes the ONNX graph of the model's forward pass, node by node, weights included."""

    def __init__(self, quantized: bool) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.weights: list[onnx.TensorProto] = []
        self.quantized = quantized

    def constant(self, name: str, value: NDArray[np.generic] | float) -> str:
        array = np.asarray(value, dtype=np.float32 if isinstance(value, float) else None)
        self.weights.append(numpy_helper.from_array(array, name))
        return name

    def op(self, kind: str, inputs: list[str], output: str, **attributes: Any) -> str:
        self.nodes.append(helper.make_node(kind, inputs, [output], **attributes))
        return output

    def linear(self, x: str, weight: Array, bias: Array, name: str) -> str:
        """x @ W.T + b, with W as the checkpoint stores it (out × in)."""
        w = weight.T.copy()
        if not self.quantized:
            product = self.op("MatMul", [x, self.constant(f"{name}.w", w)], f"{name}.xw")
            return self.op("Add", [product, self.constant(f"{name}.b", bias)], name)
        # int8 weights with a scale per output column; x is quantized per call. Codes keep to
        # ±63 (7 bits), as ONNX Runtime's own reduce_range does: CPUs without VNNI add pairs of
        # products in 16 bits, which full-range codes could overflow, so a model trained on one
        # machine would read other embeddings on another.
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 63
        codes = np.clip(np.rint(w / scale), -63, 63).astype(np.int8)
        inputs = [x, self.constant(f"{name}.codes", codes), self.constant(f"{name}.scales", scale)]
        inputs += ["", self.constant(f"{name}.b", bias)]  # no zero point: symmetric
        return self.op("DynamicQuantizeMatMul", inputs, name, domain="com.microsoft")

    def layer_norm(self, x: str, weight: Array, bias: Array, name: str) -> str:
        scale, shift = self.constant(f"{name}.w", weight), self.constant(f"{name}.b", bias)
        return self.op("LayerNormalization", [x, scale, shift], name, axis=-1, epsilon=1e-12)

    def attention(self, x: str, w: dict[str, Array], p: str, name: str) -> str:
        """Multi-head self-attention of one layer, through its output projection."""
        head = DIM // HEADS
        parts = ("query", "key", "value")
        qkv = self.linear(
            x,
            np.concatenate([w[f"{p}attention.self.{k}.weight"] for k in parts]),
            np.concatenate([w[f"{p}attention.self.{k}.bias"] for k in parts]),
            f"{name}.qkv",
        )
        thirds = self.constant(f"{name}.thirds", _ints(DIM, DIM, DIM))
        q, k, v = (f"{name}.{n}" for n in "qkv")
        self.nodes.append(helper.make_node("Split", [qkv, thirds], [q, k, v], axis=-1))
        heads = self.constant(f"{name}.heads", _ints(0, 0, HEADS, head))
        q, k, v = (  # [B, heads, T, head], k as [B, heads, head, T]
            self.op("Transpose", [self.op("Reshape", [t, heads], f"{t}.h")], f"{t}.t", perm=perm)
            for t, perm in ((q, [0, 2, 1, 3]), (k, [0, 2, 3, 1]), (v, [0, 2, 1, 3]))
        )
        scores = self.op("MatMul", [q, k], f"{name}.qk")
        scaled = self.op(
            "Mul", [scores, self.constant(f"{name}.scale", 1 / math.sqrt(head))], f"{name}.scaled"
        )
        weights = self.op(
            "Softmax",
            [scaled],
            f"{name}.attn",
            axis=-1,
        )
        context = self.op(
            "Transpose",
            [self.op("MatMul", [weights, v], f"{name}.ctx")],
            f"{name}.ctx.t",
            perm=[0, 2, 1, 3],
        )
        joined = self.op(
            "Reshape",
            [context, self.constant(f"{name}.joined", _ints(0, 0, DIM))],
            f"{name}.context",
        )
        return self.linear(
            joined,
            w[f"{p}attention.output.dense.weight"],
            w[f"{p}attention.output.dense.bias"],
            f"{name}.out",
        )


def _build(w: dict[str, Array], quantized: bool) -> onnx.ModelProto:
    """BERT's forward pass from one text's token ids to its last layer's states (no padding, so
    no attention mask)."""
    g = _Graph(quantized)
    one = g.constant("1.0", 1.0)
    # Embeddings: word + position (the first T rows) + token type 0, then a layer norm.
    shape = g.op("Shape", ["ids"], "ids.shape")
    length = g.op("Slice", [shape, g.constant("1", _ints(1)), g.constant("2", _ints(2))], "length")
    positions = g.constant("positions", w["embeddings.position_embeddings.weight"])
    placed = g.op("Slice", [positions, g.constant("0", _ints(0)), length], "placed")
    tokens = g.op(
        "Gather", [g.constant("words", w["embeddings.word_embeddings.weight"]), "ids"], "tokens"
    )
    x = g.op("Add", [tokens, placed], "embedded")
    x = g.op(
        "Add", [x, g.constant("type0", w["embeddings.token_type_embeddings.weight"][0])], "typed"
    )
    x = g.layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], "x")
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        attended = g.attention(x, w, p, f"l{i}")
        x = g.layer_norm(
            g.op("Add", [attended, x], f"l{i}.res1"),
            w[f"{p}attention.output.LayerNorm.weight"],
            w[f"{p}attention.output.LayerNorm.bias"],
            f"l{i}.x1",
        )
        up = g.linear(
            x, w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"], f"l{i}.up"
        )
        # The exact GELU BERT uses: x / 2 * (1 + erf(x / sqrt 2)).
        scaled = g.op("Mul", [up, g.constant(f"l{i}.rsqrt2", 1 / math.sqrt(2.0))], f"l{i}.up.s")
        erf = g.op("Add", [g.op("Erf", [scaled], f"l{i}.erf"), one], f"l{i}.erf1")
        half = g.op("Mul", [up, g.constant(f"l{i}.0.5", 0.5)], f"l{i}.half")
        gelu = g.op("Mul", [half, erf], f"l{i}.gelu")
        down = g.linear(
            gelu, w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"], f"l{i}.down"
        )
        x = g.layer_norm(
            g.op("Add", [down, x], f"l{i}.res2"),
            w[f"{p}output.LayerNorm.weight"],
            w[f"{p}output.LayerNorm.bias"],
            "states" if i == LAYERS - 1 else f"l{i}.x2",
        )
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("ids", onnx.TensorProto.INT64, [None, None]),
        ],
        [helper.make_tensor_value_info("states", onnx.TensorProto.FLOAT, [None, None, DIM])],
        g.weights,
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    # IR version 8 is all opset 17 needs; onnx stamps its newest, which older runtimes refuse.
    return helper.make_model(graph, opset_imports=opsets, ir_version=IR_VERSION)


def session(weights: dict[str, Array], quantized: bool) -> onnxruntime.InferenceSession:
    """An inference session over the graph: input ``ids`` (int64, [1, length]), output ``states``
    ([1, length, 384]); ``quantized`` runs the weight products in int8."""
    options = onnxruntime.SessionOptions()
    # One message is one core's work, as the latency budget counts it.
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        _build(weights, quantized).SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
