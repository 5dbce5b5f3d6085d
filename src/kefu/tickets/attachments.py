"""Uploading files and attaching them to messages. The bytes decide the type, not the name."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

import filetype
from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import Actor, ApiActor
from kefu.kit.clock import utcnow
from kefu.kit.storage import BlobStore
from kefu.tickets.errors import AttachmentNotFound, AttachmentTooLarge, AttachmentTypeNotAllowed
from kefu.tickets.models import Attachment, Message
from kefu.tickets.timeline import actor_columns

ALLOWED_TYPES = frozenset(
    {
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/heic",
        "video/mp4",
        "video/quicktime",
        "video/webm",
        "video/x-m4v",
        "application/pdf",
        "text/plain",
    }
)


def sniff_content_type(data: bytes) -> str:
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return str(kind.mime)
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return "application/octet-stream"
        return "text/plain"
    return "application/octet-stream"


def _uploader(actor: Actor) -> tuple[str, int | None]:
    if isinstance(actor, ApiActor):
        return "api", actor.token.id
    actor_type, staff_id, contact_id = actor_columns(actor)
    return actor_type, staff_id if staff_id is not None else contact_id


def uploaded_by(actor: Actor, attachment: Attachment) -> bool:
    return (attachment.uploader_type, attachment.uploader_id) == _uploader(actor)


def store_upload(
    db: Session, store: BlobStore, actor: Actor, *, filename: str, data: bytes, max_bytes: int
) -> Attachment:
    if len(data) > max_bytes:
        raise AttachmentTooLarge(limit=max_bytes)
    content_type = sniff_content_type(data)
    if content_type not in ALLOWED_TYPES:
        raise AttachmentTypeNotAllowed(detected=content_type)
    now = utcnow()
    key = f"{now:%Y/%m}/{uuid.uuid4().hex}"
    store.put(key, data)
    uploader_type, uploader_id = _uploader(actor)
    attachment = Attachment(
        storage_key=key,
        filename=(filename or "file").replace("/", "_").replace("\\", "_")[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploader_type=uploader_type,
        uploader_id=uploader_id,
        created_at=now,
    )
    db.add(attachment)
    db.flush()
    return attachment


def unused_uploads(db: Session, actor: Actor, attachment_ids: Iterable[int]) -> list[Attachment]:
    """The caller's own uploads that no message carries yet, in the order given."""
    ids = list(dict.fromkeys(attachment_ids))
    if not ids:
        return []
    rows = {
        row.id: row
        for row in db.scalars(select(Attachment).where(Attachment.id.in_(ids))).all()
        if row.message_id is None and uploaded_by(actor, row)
    }
    for attachment_id in ids:
        if attachment_id not in rows:
            raise AttachmentNotFound(id=attachment_id)
    return [rows[attachment_id] for attachment_id in ids]


def attach(db: Session, actor: Actor, message: Message, attachment_ids: Iterable[int]) -> None:
    """Link the caller's own, not yet used uploads to a message."""
    for attachment in unused_uploads(db, actor, attachment_ids):
        attachment.message_id = message.id
