"""Measuring the bot's answer-or-hand-off decision on labelled messages, one turn each, with the
same ``BotBrain`` the conversations use.

Each label is an intent the bot should answer (an article slug, a guided check, or any intent
of a training file); the hand-off label means the right move is a person. A clarifying question
counts as an answer with its first choice; "please rephrase" counts as neither.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from kefu.bot.brain import BotBrain, Decision
from kefu.bot.intents import HANDOFF, IntentModel, shipped_examples, train
from kefu.bot.models import Action
from kefu.knowledge.documents import STARTER_FOLDER, read_folder
from kefu.triage.dataset import Example
from kefu.triage.pipeline import TriagePipeline

ANSWERING = (Action.answer, Action.clarify, Action.flow)


def starter_examples() -> list[Example]:
    """What a fresh install learns from: the starter help centre's questions and titles."""
    examples = []
    for document in read_folder(STARTER_FOLDER):
        if document.visibility != "public" or document.status != "published":
            continue
        if document.questions:
            examples.append(Example(document.title, document.slug))
            examples.extend(Example(q, document.slug) for q in document.questions)
    return examples + shipped_examples()


def _scores(
    rows: Sequence[tuple[Example, Decision]], handoff_label: str
) -> dict[str, float | int | None]:
    in_scope = [(e, d) for e, d in rows if e.label != handoff_label]
    out_scope = [(e, d) for e, d in rows if e.label == handoff_label]
    handed = [(e, d) for e, d in rows if d.action == Action.handoff]

    def share(items: Sequence[tuple[Example, Decision]], test: Any) -> float | None:
        return float(np.mean([bool(test(e, d)) for e, d in items])) if items else None

    return {
        "rows": len(rows),
        "answer_accuracy": share(
            in_scope, lambda e, d: d.action in ANSWERING and d.intent == e.label
        ),
        "handoff_recall": share(out_scope, lambda e, d: d.action == Action.handoff),
        "handoff_precision": share(handed, lambda e, d: e.label == handoff_label),
        "clarify_rate": share(rows, lambda e, d: d.action == Action.clarify),
        "rephrase_rate": share(rows, lambda e, d: d.action == Action.rephrase),
    }


def evaluate(
    brain: BotBrain, test: Sequence[Example], *, handoff_label: str = HANDOFF
) -> dict[str, Any]:
    brain.decide(test[0].text)  # warm up: models load on first use
    decisions, timings = [], []
    for example in test:
        started = time.perf_counter()
        decisions.append(brain.decide(example.text))
        timings.append((time.perf_counter() - started) * 1000)
    rows = list(zip(test, decisions, strict=True))
    report: dict[str, Any] = _scores(rows, handoff_label)
    langs = sorted({e.lang for e in test if e.lang})
    if langs:
        report["per_lang"] = {
            lang: _scores([(e, d) for e, d in rows if e.lang == lang], handoff_label)
            for lang in langs
        }
    reasons: dict[str, int] = {}
    for _, decision in rows:
        key = f"{decision.action}:{decision.reason}"
        reasons[key] = reasons.get(key, 0) + 1
    report["decisions"] = dict(sorted(reasons.items()))
    report["latency_ms_p50"] = float(np.percentile(timings, 50))
    report["latency_ms_p99"] = float(np.percentile(timings, 99))
    report["model_version"] = brain.version
    return report


def benchmark(
    test: Sequence[Example],
    train_rows: Sequence[Example] | None,
    *,
    oos_label: str | None,
    min_confidence: float,
    recall_floor: float,
    extra_encoders: Sequence[str] = (),
) -> dict[str, Any]:
    started = time.perf_counter()
    handoff_label = oos_label or HANDOFF
    # Without training rows: what a fresh install learns from, with its own hand-off label.
    rows, label = (starter_examples(), HANDOFF) if train_rows is None else (train_rows, oos_label)
    model: IntentModel = train(
        rows, oos_label=label, recall_floor=recall_floor, extra_encoders=extra_encoders
    )
    seconds = time.perf_counter() - started
    brain = BotBrain(model, TriagePipeline.shipped(), min_confidence)
    report = evaluate(brain, test, handoff_label=handoff_label)
    report["train_seconds"] = seconds
    report["train_rows"] = model.examples
    return report
