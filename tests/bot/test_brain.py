"""The bot's decision for one message: how anger weighs against what the bot recognises.

The intent model and the triage are stand-ins here, so each case sets exactly the confidence
and the anger it is about; the real models are measured by ``kefu bot benchmark``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pytest

from kefu.bot.brain import ANSWER_DESPITE_ANGER, HANDOFF_ANGER, BotBrain
from kefu.bot.intents import HANDOFF, IntentModel
from kefu.bot.models import Action
from kefu.triage.classifier import Prediction
from kefu.triage.pipeline import TriagePipeline, TriageResult


class _Intents:
    def __init__(self, label: str, confidence: float) -> None:
        self.prediction = Prediction(label, confidence, None, 0.0, out_of_scope=False)

    def predict(self, texts: Sequence[str], embeddings: Any = None) -> list[Prediction]:
        return [self.prediction]


def _brain(label: str, confidence: float, anger: float) -> BotBrain:
    pipeline = TriagePipeline.shipped()
    calm = pipeline.analyse("where is my refund")
    upset = dataclasses.replace(
        calm, sentiment="negative", angry=anger >= 0.5, angry_confidence=anger
    )

    class _Triage(TriagePipeline):
        def analyse_many(self, texts: Sequence[str], **_: Any) -> list[TriageResult]:
            return [upset for _ in texts]

    triage = _Triage(pipeline.category, pipeline.sentiment, pipeline.anger, pipeline.scam)
    intents = IntentModel(_Intents(label, confidence), "test", 0)  # type: ignore[arg-type]
    return BotBrain(intents, triage)


@pytest.mark.parametrize(
    ("confidence", "anger", "action"),
    [
        (0.6, 0.3, Action.answer),  # calm enough: no anger flag at all
        (0.6, HANDOFF_ANGER - 0.1, Action.answer),  # annoyed, and the bot knows the question
        (0.6, HANDOFF_ANGER + 0.1, Action.handoff),  # angry, and the bot is not sure
        (ANSWER_DESPITE_ANGER + 0.05, 0.95, Action.answer),  # furious, with a clear question
    ],
)
def test_anger_weighs_against_what_the_bot_recognises(
    confidence: float, anger: float, action: Action
) -> None:
    decision = _brain("coins-gifts-recharge", confidence, anger).decide("my coins")
    assert decision.action == action
    if action == Action.handoff:
        assert decision.reason == "angry"


def test_an_angry_user_with_nothing_the_bot_recognises_goes_to_a_person() -> None:
    decision = _brain(HANDOFF, 0.9, HANDOFF_ANGER - 0.1).decide("ugh")
    assert decision.action == Action.handoff and decision.reason == "angry"
