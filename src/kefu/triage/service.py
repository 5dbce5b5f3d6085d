"""Triage in the life of a ticket: every requester message is analysed, the result is stored,
and the ticket is updated (category, priority, language, tags), or sent to the needs-triage queue
when the category model is unsure. A new ticket's first message is triaged before the request
ends (routing needs it); later messages by a background job."""

from __future__ import annotations

import gzip
import logging
import pickle
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kefu.auth.actors import SYSTEM
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.events import subscribe
from kefu.tickets.events import MessageReceived
from kefu.tickets.models import PRIORITY_RANK, Message, Priority, Status, Ticket
from kefu.tickets.workflow import update_ticket
from kefu.triage.classifier import TextClassifier
from kefu.triage.encoder import check_encoders
from kefu.triage.models import TriageModel, TriageRecord
from kefu.triage.pipeline import TriagePipeline, TriageResult
from kefu.triage.taxonomy import CATEGORY_KEYS
from kefu.worker.queue import JobKind, enqueue, register

LOCALES = {"zh": "zh-CN", "en": "en"}
log = logging.getLogger("kefu.triage")

_pipelines: dict[str, TriagePipeline] = {}
_lock = threading.Lock()


def _shipped() -> TriagePipeline:
    with _lock:
        if "shipped" not in _pipelines:
            _pipelines["shipped"] = TriagePipeline.shipped()
        return _pipelines["shipped"]


def current_pipeline(db: Session) -> TriagePipeline:
    """The shipped pipeline, with the active category model trained from corrections if any."""
    active = db.execute(
        select(TriageModel.id, TriageModel.version).where(TriageModel.active.is_(True))
    ).first()
    base = _shipped()
    if active is None:
        return base
    with _lock:
        if active.version not in _pipelines:
            artifact = db.scalar(select(TriageModel.artifact).where(TriageModel.id == active.id))
            try:
                classifier = load_artifact(artifact or b"")
            except Exception:
                log.exception(
                    "the active triage model %s cannot be loaded; using the shipped one",
                    active.version,
                )
                _pipelines[active.version] = base
            else:
                _pipelines[active.version] = base.with_category(classifier, active.version)
        return _pipelines[active.version]


def dump_artifact(classifier: TextClassifier) -> bytes:
    return gzip.compress(pickle.dumps(classifier, protocol=pickle.HIGHEST_PROTOCOL))


def load_artifact(data: bytes) -> TextClassifier:
    classifier = pickle.loads(gzip.decompress(data))
    if not isinstance(classifier, TextClassifier):
        raise TypeError("the stored triage model is not a TextClassifier")
    check_encoders(classifier.options.extra_encoders)  # trained where an extra was installed
    return classifier


def _ticket_with_tags(db: Session, ticket_id: int, *, for_update: bool = False) -> Ticket:
    # A select, not db.get: get returns an object already in the session as it is, without
    # loading its tags.
    query = select(Ticket).where(Ticket.id == ticket_id).options(selectinload(Ticket.tag_rows))
    return db.scalars(query.with_for_update(of=Ticket) if for_update else query).one()


def _text_of(db: Session, ticket: Ticket, message: Message, first: bool) -> tuple[str, int]:
    contact = db.get(Contact, ticket.requester_id)
    text = f"{ticket.subject}\n{message.body}" if first else message.body
    return text, contact.vip_level if contact else 0


def triage_message(db: Session, event: MessageReceived, *, min_confidence: float) -> TriageRecord:
    ticket = _ticket_with_tags(db, event.ticket_id)
    message = db.get(Message, event.message_id)
    assert message is not None
    text, vip_level = _text_of(db, ticket, message, event.first)
    result = current_pipeline(db).analyse(text, vip_level=vip_level)
    return _store(db, ticket, message, result, first=event.first, min_confidence=min_confidence)


def _store(
    db: Session,
    ticket: Ticket,
    message: Message,
    result: TriageResult,
    *,
    first: bool,
    min_confidence: float,
) -> TriageRecord:
    record = TriageRecord(
        ticket_id=ticket.id,
        message_id=message.id,
        category=result.category,
        category_confidence=result.category_confidence,
        runner_up=result.runner_up,
        runner_up_confidence=result.runner_up_confidence,
        priority=result.priority,
        language=result.language,
        language_confidence=result.language_confidence,
        sentiment=result.sentiment,
        sentiment_confidence=result.sentiment_confidence,
        angry=result.angry,
        scam_risk=result.scam_risk,
        scam_flagged=result.scam_flagged,
        details=result.as_dict(),  # the whole result; the columns above are for queries
        model_version=result.model_version,
    )
    db.add(record)
    if ticket.status != Status.closed:  # a closed ticket keeps the record, changes nothing
        _apply(db, ticket, result, first=first, min_confidence=min_confidence)
    db.flush()
    return record


def triage_later(database: Database, payload: dict[str, Any]) -> None:
    """Triage a follow-up message in the background: the models run outside any write
    transaction (on SQLite the one write lock is not held while they think), and a message
    already triaged is skipped, so a repeated job does nothing."""
    ticket_id, message_id = payload["ticket_id"], payload["message_id"]
    with database.transaction(write=False) as db:
        message = db.get(Message, message_id)
        if message is None or _triaged(db, message_id):
            return
        text, vip_level = _text_of(db, _ticket_with_tags(db, ticket_id), message, False)
        pipeline = current_pipeline(db)
    result = pipeline.analyse(text, vip_level=vip_level)
    with database.transaction() as db:
        ticket = _ticket_with_tags(db, ticket_id, for_update=True)
        message = db.get(Message, message_id)
        if message is not None and not _triaged(db, message_id):
            _store(db, ticket, message, result, first=False, min_confidence=0.0)


def _triaged(db: Session, message_id: int) -> bool:
    found = db.scalar(select(TriageRecord.id).where(TriageRecord.message_id == message_id))
    return found is not None


register(JobKind("triage.message", triage_later, max_attempts=5))


def _apply(
    db: Session, ticket: Ticket, result: TriageResult, *, first: bool, min_confidence: float
) -> None:
    changes: dict[str, object] = {}
    if first and ticket.category not in CATEGORY_KEYS:  # unset, or not a category we know
        if result.category_confidence >= min_confidence:
            changes["category"] = result.category
        else:
            ticket.needs_triage = True
    language_of_ticket = ticket.locale.split("-")[0].lower()  # zh-TW stays zh-TW
    if first and result.language in LOCALES and language_of_ticket != result.language:
        changes["locale"] = LOCALES[result.language]
    if PRIORITY_RANK[Priority(result.priority)] > PRIORITY_RANK[Priority(ticket.priority)]:
        changes["priority"] = result.priority  # triage raises priority, never lowers it
    tags = set(ticket.tags)
    tags |= {"scam_risk"} if result.scam_flagged else set()
    tags |= {"angry"} if result.angry else set()
    tags |= {f"safety_{name}" for name in result.safety_signals}
    if tags != set(ticket.tags):
        changes["tags"] = sorted(tags)
    if changes:
        update_ticket(db, ticket, SYSTEM, changes, expected_version=None)


@dataclass(frozen=True)
class _OnMessage:
    min_confidence: float

    def __call__(self, db: Session, event: MessageReceived) -> None:
        if not event.first:  # the ticket is routed already: a reply is triaged in the background
            enqueue(
                db, "triage.message", {"ticket_id": event.ticket_id, "message_id": event.message_id}
            )
            return
        # The user's message matters more than its triage: a failure here must never lose it.
        try:
            with db.begin_nested():
                triage_message(db, event, min_confidence=self.min_confidence)
        except Exception:
            log.exception("triage failed on ticket %s; a person will triage it", event.ticket_id)
            ticket = db.get(Ticket, event.ticket_id)
            if ticket is not None:
                ticket.needs_triage = True


def install(settings: Settings) -> None:
    """Triage every requester message from now on (called when the app or CLI starts)."""
    subscribe(MessageReceived, "triage", _OnMessage(settings.triage_min_confidence))


def warm_up() -> None:
    """Load models, encoder and tokenisers in the background, so the first ticket does not wait
    ~3 s for them."""
    threading.Thread(
        target=lambda: _shipped().analyse("warm up 预热"), name="triage-warm-up", daemon=True
    ).start()
