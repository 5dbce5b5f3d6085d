"""Turning a submitted feedback form into a ticket, once per idempotency key.

Files arrive either with the form (multipart) or uploaded beforehand and named by id. Either
way only images and videos are taken, each under its own size limit, and the bytes decide
which is which (``tickets.attachments.sniff_content_type``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, ContactActor
from kefu.channels.webform.categories import BY_KEY
from kefu.channels.webform.errors import (
    FeedbackFileNotAllowed,
    FeedbackFileTooLarge,
    FeedbackTooManyFiles,
)
from kefu.channels.webform.models import FeedbackSubmission
from kefu.config import Settings
from kefu.kit.clock import utcnow
from kefu.kit.i18n import Text, as_locale, pick, text
from kefu.kit.storage import BlobStore
from kefu.tickets.attachments import ALLOWED_TYPES, sniff_content_type, store_upload, unused_uploads
from kefu.tickets.errors import IdempotencyKeyReused
from kefu.tickets.intake import NewTicket, add_message, create_ticket, request_fingerprint
from kefu.tickets.models import Channel, MessageKind, Ticket

CHUNK = 1024 * 1024
SNIFF_BYTES = 8192
SUBJECT_TEXT = 60
CONTACT_NOTE = text(
    "Contact details left with the feedback form: {details}",
    "用户在反馈表单中留下的联系方式：{details}",
)


@dataclass
class Upload:
    """A file sent with the form, not yet read."""

    filename: str
    file: BinaryIO


@dataclass
class Feedback:
    category: str
    text: str
    contact_email: str | None = None
    contact_phone: str | None = None
    locale: str | None = None
    attachment_ids: list[int] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)


@dataclass
class Submitted:
    submission: FeedbackSubmission
    ticket_number: int
    replayed: bool


@dataclass(frozen=True)
class _Checked:
    upload: Upload
    content_type: str
    limit: int
    sha256: str


IMAGE, VIDEO = text("an image", "图片"), text("a video", "视频")


def _limit_for(content_type: str, settings: Settings) -> tuple[Text, int] | None:
    """(kind, byte limit) for an image or video; None for anything else."""
    if content_type not in ALLOWED_TYPES:
        return None
    if content_type.startswith("image/"):
        return IMAGE, settings.feedback_image_max_bytes
    if content_type.startswith("video/"):
        return VIDEO, settings.feedback_video_max_bytes
    return None


def _check_upload(upload: Upload, settings: Settings) -> _Checked:
    """Type by the first bytes, size by reading to the end (in chunks), and a hash for the
    idempotency fingerprint. Leaves the file at its start."""
    head = upload.file.read(SNIFF_BYTES)
    content_type = sniff_content_type(head) if head else "application/x-empty"
    kind_limit = _limit_for(content_type, settings)
    if kind_limit is None:
        raise FeedbackFileNotAllowed(name=upload.filename, detected=content_type)
    kind, limit = kind_limit
    digest, size = hashlib.sha256(head), len(head)
    while chunk := upload.file.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise FeedbackFileTooLarge(name=upload.filename, kind=kind, limit=limit)
        digest.update(chunk)
    if size > limit:
        raise FeedbackFileTooLarge(name=upload.filename, kind=kind, limit=limit)
    upload.file.seek(0)
    return _Checked(upload, content_type, limit, digest.hexdigest())


def _check_preuploaded(
    db: Session, actor: ContactActor, ids: list[int], settings: Settings
) -> None:
    for attachment in unused_uploads(db, actor, ids):
        kind_limit = _limit_for(attachment.content_type, settings)
        if kind_limit is None:
            raise FeedbackFileNotAllowed(name=attachment.filename, detected=attachment.content_type)
        kind, limit = kind_limit
        if attachment.size > limit:
            raise FeedbackFileTooLarge(name=attachment.filename, kind=kind, limit=limit)


def _replay(db: Session, row: FeedbackSubmission, fingerprint: str) -> Submitted:
    if row.request_hash != fingerprint or row.ticket_id is None:
        raise IdempotencyKeyReused()
    number = db.scalar(select(Ticket.number).where(Ticket.id == row.ticket_id))
    assert number is not None
    return Submitted(row, number, replayed=True)


def submit_feedback(
    db: Session,
    store: BlobStore,
    settings: Settings,
    actor: ContactActor,
    data: Feedback,
    *,
    key: str | None,
) -> Submitted:
    """File the form as a web ticket of the requester ``actor``; with ``key``, a retry of the
    same submission returns the first ticket, and another submission under it is a 409."""
    if len(data.attachment_ids) + len(data.uploads) > settings.feedback_max_files:
        raise FeedbackTooManyFiles(limit=settings.feedback_max_files)
    checked = [_check_upload(upload, settings) for upload in data.uploads]
    fingerprint = request_fingerprint(
        {
            "category": data.category,
            "text": data.text,
            "email": data.contact_email,
            "phone": data.contact_phone,
            "locale": data.locale,
            "attachment_ids": data.attachment_ids,
            "files": [c.sha256 for c in checked],
        }
    )
    contact = actor.contact
    if key is not None:
        existing = db.scalar(
            select(FeedbackSubmission).where(
                FeedbackSubmission.contact_id == contact.id,
                FeedbackSubmission.idempotency_key == key,
            )
        )
        if existing is not None:
            return _replay(db, existing, fingerprint)
    _check_preuploaded(db, actor, data.attachment_ids, settings)
    row = FeedbackSubmission(
        contact_id=contact.id,
        idempotency_key=key,
        request_hash=fingerprint,
        category=data.category,
        contact_email=data.contact_email,
        contact_phone=data.contact_phone,
        created_at=utcnow(),
    )
    try:
        # The unique (contact, key) serialises simultaneous retries: the loser waits for the
        # winner's commit, fails here and replays the winner's ticket.
        with db.begin_nested():
            db.add(row)
    except IntegrityError:
        winner = db.scalars(
            select(FeedbackSubmission).where(
                FeedbackSubmission.contact_id == contact.id,
                FeedbackSubmission.idempotency_key == key,
            )
        ).one()
        return _replay(db, winner, fingerprint)
    stored = [
        store_upload(
            db,
            store,
            actor,
            filename=c.upload.filename,
            data=c.upload.file.read(c.limit + 1),
            max_bytes=c.limit,
        ).id
        for c in checked
    ]
    category = BY_KEY[data.category]
    locale = as_locale(data.locale or contact.locale)
    first_line = data.text.splitlines()[0][:SUBJECT_TEXT]
    ticket = create_ticket(
        db,
        actor,
        contact,
        NewTicket(
            subject=f"{pick(category.name, locale)}: {first_line}",
            body=data.text,
            type=category.ticket_type,
            category=category.category,
            channel=Channel.web,
            locale=data.locale,
            tags=["feedback", f"feedback:{category.key}"],
            attachment_ids=[*data.attachment_ids, *stored],
        ),
    )
    details = " · ".join(v for v in (data.contact_email, data.contact_phone) if v)
    if details:
        note = pick(CONTACT_NOTE, as_locale(ticket.locale)).format(details=details)
        add_message(db, ticket, SYSTEM, note, kind=MessageKind.internal)
    row.ticket_id = ticket.id
    db.flush()
    return Submitted(row, ticket.number, replayed=False)
