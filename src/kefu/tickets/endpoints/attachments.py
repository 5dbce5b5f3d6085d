"""Uploading files (then referencing them by id) and downloading them with access checks."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from kefu.auth.actors import Actor, ApiActor, ContactActor, StaffActor
from kefu.auth.deps import SignedIn
from kefu.config import Settings
from kefu.kit.http import DbSession
from kefu.kit.storage import BlobStore
from kefu.kit.types import Id
from kefu.tickets import queries
from kefu.tickets.attachments import store_upload, uploaded_by
from kefu.tickets.errors import AttachmentNotFound, AttachmentTooLarge
from kefu.tickets.models import Attachment, Message, MessageKind, Ticket
from kefu.tickets.present import attachment_out
from kefu.tickets.schemas import AttachmentOut

router = APIRouter(prefix="/api/v1/attachments", tags=["attachments"])
CHUNK = 1024 * 1024


def _read_limited(upload: UploadFile, limit: int) -> bytes:
    chunks, size = [], 0
    while chunk := upload.file.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise AttachmentTooLarge(limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "",
    response_model=AttachmentOut,
    status_code=201,
    summary="Upload a file; pass its id in attachment_ids when creating or replying",
)
def upload(file: UploadFile, request: Request, db: DbSession, actor: SignedIn) -> AttachmentOut:
    settings: Settings = request.app.state.settings
    data = _read_limited(file, settings.attachment_max_bytes)
    store: BlobStore = request.app.state.blob_store
    row = store_upload(
        db,
        store,
        actor,
        filename=file.filename or "file",
        data=data,
        max_bytes=settings.attachment_max_bytes,
    )
    return attachment_out(row)


def _may_read(db: Session, actor: Actor, attachment: Attachment) -> bool:
    if attachment.message_id is None:
        return uploaded_by(actor, attachment)
    message = db.get(Message, attachment.message_id)
    ticket = db.get(Ticket, message.ticket_id) if message else None
    if message is None or ticket is None:
        return False
    if isinstance(actor, StaffActor):
        return queries.staff_can_see(db, actor, ticket)
    if isinstance(actor, ContactActor):
        return (
            ticket.requester_id == actor.contact.id
            and ticket.parent_id is None
            and message.kind == MessageKind.public
        )
    return isinstance(actor, ApiActor) and "tickets:read" in actor.token.scope_set


@router.get("/{attachment_id}", summary="Download a file you may see")
def download(attachment_id: Id, request: Request, db: DbSession, actor: SignedIn) -> Response:
    attachment = db.get(Attachment, attachment_id)
    if attachment is None or not _may_read(db, actor, attachment):
        raise AttachmentNotFound(id=attachment_id)
    store: BlobStore = request.app.state.blob_store
    disposition = "inline" if attachment.content_type.startswith("image/") else "attachment"
    return Response(
        store.get(attachment.storage_key),
        media_type=attachment.content_type,
        headers={
            "Content-Disposition": (
                f"{disposition}; filename*=UTF-8''{quote(attachment.filename, safe='')}"
            ),
            "X-Content-Type-Options": "nosniff",
        },
    )
