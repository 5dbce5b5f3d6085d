"""Measuring a classifier on labelled data: quality, speed and (optionally) out-of-scope handling.

The same ``TextClassifier`` that serves production is trained and measured here, never a copy.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.dataset import Example

LATENCY_SAMPLE = 300
BATCH = 256


def _quality(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {
        "accuracy": float(np.mean([a == b for a, b in zip(truth, predicted, strict=True)])),
        "macro_f1": float(f1_score(list(truth), list(predicted), average="macro", zero_division=0)),
    }


def _latency(classifier: TextClassifier, texts: Sequence[str]) -> dict[str, float]:
    sample = list(texts[:LATENCY_SAMPLE])
    classifier.predict(sample[:5])  # warm up: models load on first use
    timings = []
    for text in sample:
        started = time.perf_counter()
        classifier.predict([text])
        timings.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        classifier.predict(list(texts[i : i + BATCH]))
    elapsed = time.perf_counter() - started
    return {
        "latency_ms_p50": float(np.percentile(timings, 50)),
        "latency_ms_p99": float(np.percentile(timings, 99)),
        "throughput_per_s": len(texts) / elapsed if elapsed else 0.0,
    }


def evaluate(
    classifier: TextClassifier, test: Sequence[Example], *, oos_label: str | None = None
) -> dict[str, Any]:
    texts = [example.text for example in test]
    truth = [example.label for example in test]
    predictions = classifier.predict(texts)
    predicted = [p.label for p in predictions]
    report: dict[str, Any] = {"test_rows": len(test), **_quality(truth, predicted)}
    langs = sorted({example.lang for example in test if example.lang})
    if langs:
        report["per_lang"] = {
            lang: _quality(
                [t for t, e in zip(truth, test, strict=True) if e.lang == lang],
                [p for p, e in zip(predicted, test, strict=True) if e.lang == lang],
            )
            for lang in langs
        }
    if oos_label is not None:
        in_scope = [i for i, label in enumerate(truth) if label != oos_label]
        out_scope = [i for i, label in enumerate(truth) if label == oos_label]
        report["in_scope_accuracy"] = (
            float(np.mean([predicted[i] == truth[i] for i in in_scope])) if in_scope else None
        )
        report["oos_recall"] = (
            float(np.mean([predictions[i].out_of_scope for i in out_scope])) if out_scope else None
        )
    report.update(_latency(classifier, texts))
    return report


def train_and_evaluate(
    train: Sequence[Example],
    test: Sequence[Example],
    *,
    oos_label: str | None = None,
    extra_encoders: Sequence[str] = (),
) -> dict[str, Any]:
    started = time.perf_counter()
    options = ClassifierOptions(extra_encoders=tuple(extra_encoders))
    classifier = TextClassifier(options).fit(
        [e.text for e in train], [e.label for e in train], oos_label=oos_label
    )
    train_seconds = time.perf_counter() - started
    report = evaluate(classifier, test, oos_label=oos_label)
    report["train_rows"] = len(train)
    report["train_seconds"] = train_seconds
    report["embedding_weight"] = classifier.embedding_weight  # chosen by cross-validation
    report["extra_encoders"] = list(options.extra_encoders)
    return report
