"""What the bot understands: one intent per help-centre article (learned from the article's
title and the questions written for it), two guided checks, and "a person should take this".

The model is trained from the knowledge base as it is, once per process and again whenever the
published articles' questions change; identical training data reuses the trained model.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.knowledge.index import database_key, kb_generation
from kefu.knowledge.models import Article, ArticleStatus, Visibility
from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.dataset import Example, read_examples

DATA = Path(__file__).parent / "data"
HANDOFF = "handoff"
TICKET_STATUS = "ticket_status"
REFUND_STATUS = "refund_status"
FLOW_INTENTS = (TICKET_STATUS, REFUND_STATUS)
# Articles whose answer comes with a guided flow the user can start from it.
ARTICLE_FLOWS = {
    "password-recovery": "reset_password",
    "report-content": "report_content",
    "ban-restriction-appeals": "ban_appeal",
}
CACHE_SIZE = 4


@dataclass(frozen=True)
class IntentModel:
    classifier: TextClassifier
    version: str
    examples: int


def shipped_examples() -> list[Example]:
    """The team-written examples of the guided checks and of hand-offs, in zh and en."""
    return [
        row for name in ("intents_zh.csv", "intents_en.csv") for row in read_examples(DATA / name)
    ]


def article_examples(db: Session) -> list[Example]:
    rows = db.execute(
        select(Article.slug, Article.title, Article.questions).where(
            Article.status == ArticleStatus.published, Article.visibility == Visibility.public
        )
    ).all()
    examples = []
    for slug, title, questions in rows:
        if not questions:  # an article nobody wrote questions for is found by search only
            continue
        examples.append(Example(title, slug))
        examples.extend(Example(question, slug) for question in questions)
    return examples


def training_key(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for example in sorted(examples, key=lambda e: (e.label, e.text)):
        digest.update(f"{example.label}\x1f{example.text}\x1e".encode())
    return digest.hexdigest()[:16]


def train(
    examples: Sequence[Example],
    *,
    oos_label: str | None = HANDOFF,
    recall_floor: float,
    extra_encoders: Sequence[str] = (),
) -> IntentModel:
    # The embedding weight is fixed rather than cross-validated: on eval/bot's tuning sets the
    # heavier weight that cross-validation on the articles' questions prefers answered fewer
    # of the users' own phrasings and handed off more of them wrongly.
    options = ClassifierOptions(
        embedding_weights=(1.0,),
        oos_recall_floor=recall_floor,
        extra_encoders=tuple(extra_encoders),
    )
    classifier = TextClassifier(options)
    classifier.fit([e.text for e in examples], [e.label for e in examples], oos_label=oos_label)
    return IntentModel(classifier, f"bot-intents-{training_key(examples)}", len(examples))


class _ModelCache:
    """Trained models by training-data key. A database whose articles changed keeps getting
    its previous model while the new one trains in the background, so no user waits for it;
    only the very first model of a process is trained while the caller waits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._training = threading.Lock()
        self._models: OrderedDict[str, IntentModel] = OrderedDict()
        self._latest: dict[str, str] = {}  # database -> key of the model it last used
        self._pending: set[str] = set()

    def get(
        self, database: str, examples: Sequence[Example], key: str, recall_floor: float
    ) -> IntentModel:
        with self._lock:
            model = self._models.get(key)
            previous = self._models.get(self._latest.get(database, ""))
            if model is None and previous is not None:
                if key not in self._pending:
                    self._pending.add(key)
                    threading.Thread(
                        target=self._train, args=(examples, key, recall_floor), daemon=True
                    ).start()
                return previous
        if model is None:
            model = self._train(examples, key, recall_floor)
        with self._lock:
            self._latest[database] = key
        return model

    def _train(self, examples: Sequence[Example], key: str, recall_floor: float) -> IntentModel:
        try:
            with self._training:  # one training at a time: they share the CPU
                model = self._models.get(key)
                if model is None:
                    model = train(examples, recall_floor=recall_floor)
                with self._lock:
                    self._models[key] = model
                    self._models.move_to_end(key)
                    while len(self._models) > CACHE_SIZE:
                        self._models.popitem(last=False)
                return model
        finally:
            with self._lock:
                self._pending.discard(key)  # a failed training is tried again on next use


_cache = _ModelCache()


_examples: dict[str, tuple[tuple[object, ...], list[Example], str]] = {}


def current_intents(db: Session, recall_floor: float) -> IntentModel:
    """The intent model for the published knowledge base (its examples are read again only
    when an article changed)."""
    generation, key = (*kb_generation(db), recall_floor), database_key(db)
    entry = _examples.get(key)
    if entry is None or entry[0] != generation:
        examples = article_examples(db) + shipped_examples()
        entry = (generation, examples, f"{training_key(examples)}-{recall_floor}")
        _examples[key] = entry
    return _cache.get(key, entry[1], entry[2], recall_floor)
