"""Learning from agents: their category corrections become labelled examples.

Corrections are read from the timeline (a staff member changing ``category``; the last change
per ticket counts). A deterministic hash holds back one in five examples that no model trains on,
so every model version is judged on the same unseen slice (held-back seed examples and held-back
corrections). A new model becomes active only with at least MIN_HELD_CORRECTIONS corrections
held back and a macro-F1 on that slice not worse than the model in use.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sklearn.metrics import f1_score
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kefu.kit.clock import utcnow
from kefu.tickets.models import ActorType, Message, Ticket, TicketEvent
from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.dataset import Example
from kefu.triage.models import TriageModel
from kefu.triage.service import current_pipeline, dump_artifact
from kefu.triage.shipped import CATEGORY
from kefu.triage.taxonomy import CATEGORY_KEYS

HOLD_BACK_ONE_IN = 5
MIN_HELD_CORRECTIONS = 10


def held_back(text: str) -> bool:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % HOLD_BACK_ONE_IN == 0


def corrections(db: Session) -> list[Example]:
    """The category each corrected ticket ended with, on the text the requester first sent."""
    latest: dict[int, str] = {}
    for ticket_id, label in db.execute(
        select(TicketEvent.ticket_id, TicketEvent.new_value)
        .where(TicketEvent.field == "category", TicketEvent.actor_type == ActorType.staff)
        .order_by(TicketEvent.id)
    ):
        if label in CATEGORY_KEYS:
            latest[ticket_id] = label
        else:
            latest.pop(ticket_id, None)  # cleared or set to something outside the taxonomy
    examples = []
    for ticket_id, label in latest.items():
        subject = db.scalar(select(Ticket.subject).where(Ticket.id == ticket_id))
        body = db.scalar(
            select(Message.body).where(Message.ticket_id == ticket_id).order_by(Message.id).limit(1)
        )
        if subject is not None and body is not None:
            examples.append(Example(f"{subject}\n{body}", label))
    return examples


@dataclass(frozen=True)
class TrainingOutcome:
    version: str
    activated: bool
    metrics: dict[str, Any]


def _macro_f1(classifier: TextClassifier, examples: list[Example]) -> float:
    predicted = [p.label for p in classifier.predict([e.text for e in examples])]
    return float(f1_score([e.label for e in examples], predicted, average="macro", zero_division=0))


def train_category_model(db: Session, *, extra_encoders: Sequence[str] = ()) -> TrainingOutcome:
    """Train a candidate (with ``extra_encoders`` after USE, if given) and activate it when it
    is not worse than the model in use."""
    seed = CATEGORY.examples()
    fixes = corrections(db)
    train = [e for e in seed + fixes if not held_back(e.text)]
    held_fixes = [e for e in fixes if held_back(e.text)]
    # Corrections are the current model's mistakes, so judging on them alone would favour any
    # newcomer: the held-back seed examples (ordinary traffic) are always judged too.
    held = [e for e in seed if held_back(e.text)] + held_fixes
    started = time.perf_counter()
    options = ClassifierOptions(extra_encoders=tuple(extra_encoders))
    candidate = TextClassifier(options).fit([e.text for e in train], [e.label for e in train])
    train_seconds = time.perf_counter() - started
    pipeline = current_pipeline(db)
    current = pipeline.category
    if pipeline.category_version.startswith(f"{CATEGORY.name}-seed-"):
        # The shipped model has seen the held-back seed examples, so it stands in by its own
        # recipe trained without them; trained versions follow the hold-back rule already.
        seed_train = [e for e in seed if not held_back(e.text)]
        current = TextClassifier().fit([e.text for e in seed_train], [e.label for e in seed_train])
    new_f1 = _macro_f1(candidate, held)
    current_f1 = _macro_f1(current, held)
    enough = len(held_fixes) >= MIN_HELD_CORRECTIONS
    activated = enough and new_f1 >= current_f1
    version = f"category-{utcnow():%Y%m%d%H%M%S}-{len(fixes)}fix"
    metrics: dict[str, Any] = {
        "judged_on": "held-back seed examples and corrections",
        "held_back": len(held),
        "held_back_corrections": len(held_fixes),
        "enough_corrections": enough,
        "macro_f1": round(new_f1, 4),
        "corrections_macro_f1": round(_macro_f1(candidate, held_fixes), 4) if held_fixes else None,
        "previous_version": pipeline.category_version,
        "previous_macro_f1": round(current_f1, 4),
        "previous_corrections_macro_f1": (
            round(_macro_f1(current, held_fixes), 4) if held_fixes else None
        ),
        "train_seconds": round(train_seconds, 1),
        "extra_encoders": list(options.extra_encoders),
    }
    if activated:
        db.execute(update(TriageModel).values(active=False))
    db.add(
        TriageModel(
            version=version,
            trained_rows=len(train),
            corrections=len(fixes),
            metrics=metrics,
            active=activated,
            artifact=dump_artifact(candidate),
        )
    )
    db.flush()
    return TrainingOutcome(version, activated, metrics)
