"""Triage of one message: category, priority, language, sentiment and anger, scam risk.

Every classifier reads the same sentence embedding, computed once per message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from kefu.triage import shipped
from kefu.triage.classifier import Prediction, TextClassifier, clip
from kefu.triage.encoder import shared_encoder
from kefu.triage.language import detect_language
from kefu.triage.priority import decide_priority
from kefu.triage.signals import SAFETY, SCAM, matches

SCAM_THRESHOLD = 0.5
SCAM_THRESHOLD_WITH_SIGNAL = 0.25


@dataclass(frozen=True)
class TriageResult:
    category: str
    category_confidence: float
    runner_up: str | None
    runner_up_confidence: float
    priority: str
    priority_reasons: list[str]
    language: str
    language_confidence: float
    sentiment: str
    sentiment_confidence: float
    angry: bool
    angry_confidence: float
    scam_risk: float
    scam_flagged: bool
    scam_signals: list[str]
    safety_signals: list[str]
    model_version: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TriagePipeline:
    category: TextClassifier
    sentiment: TextClassifier
    anger: TextClassifier
    scam: TextClassifier
    versions: dict[str, str] = field(default_factory=dict)  # model name -> version

    @classmethod
    def shipped(cls) -> TriagePipeline:
        models = {spec.name: shipped.load(spec) for spec in shipped.SPECS}
        return cls(
            category=models["category"].classifier,
            sentiment=models["sentiment"].classifier,
            anger=models["anger"].classifier,
            scam=models["scam"].classifier,
            versions={name: model.version for name, model in models.items()},
        )

    def with_category(self, classifier: TextClassifier, version: str) -> TriagePipeline:
        """The same pipeline with another category model (one trained from corrections)."""
        return TriagePipeline(
            classifier,
            self.sentiment,
            self.anger,
            self.scam,
            {**self.versions, "category": version},
        )

    @property
    def category_version(self) -> str:
        return self.versions["category"]

    @property
    def model_version(self) -> str:
        return " ".join(self.versions[name] for name in sorted(self.versions))

    def analyse(self, text: str, *, vip_level: int = 0) -> TriageResult:
        return self.analyse_many([text], vip_levels=[vip_level])[0]

    def analyse_many(
        self,
        texts: Sequence[str],
        *,
        vip_levels: Sequence[int] | None = None,
        embeddings: NDArray[np.float32] | None = None,
    ) -> list[TriageResult]:
        """``embeddings`` of the clipped texts, when the caller has them already."""
        texts = list(texts)
        if embeddings is None:
            embeddings = shared_encoder().encode(clip(texts))
        categories = self.category.predict(texts, embeddings)
        sentiments = self.sentiment.predict(texts, embeddings)
        anger_probs, _ = self.anger.probabilities(texts, embeddings)
        scam_probs, _ = self.scam.probabilities(texts, embeddings)
        angry_column = self.anger.labels.index("1")
        scam_column = self.scam.labels.index("scam")
        results = []
        for i, text in enumerate(texts):
            language, language_confidence = detect_language(text)
            sentiment: Prediction = sentiments[i]
            angry_p = float(anger_probs[i, angry_column])
            angry = angry_p >= 0.5 and sentiment.label == "negative"
            scam_p = float(scam_probs[i, scam_column])
            scam_signals = matches(SCAM, text)
            flagged = scam_p >= SCAM_THRESHOLD or (
                bool(scam_signals) and scam_p >= SCAM_THRESHOLD_WITH_SIGNAL
            )
            safety = matches(SAFETY, text)
            category = categories[i]
            priority, reasons = decide_priority(
                category.label,
                angry=angry,
                vip_level=vip_levels[i] if vip_levels else 0,
                safety_signals=safety,
                scam_flagged=flagged,
            )
            results.append(
                TriageResult(
                    category=category.label,
                    category_confidence=round(category.confidence, 4),
                    runner_up=category.runner_up,
                    runner_up_confidence=round(category.runner_up_confidence, 4),
                    priority=priority,
                    priority_reasons=reasons,
                    language=language,
                    language_confidence=round(language_confidence, 4),
                    sentiment=sentiment.label,
                    sentiment_confidence=round(sentiment.confidence, 4),
                    angry=angry,
                    angry_confidence=round(angry_p, 4),
                    scam_risk=round(scam_p, 4),
                    scam_flagged=flagged,
                    scam_signals=scam_signals,
                    safety_signals=safety,
                    model_version=self.model_version,
                )
            )
        return results
