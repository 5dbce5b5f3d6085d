"""Mail out. A public staff reply on an e-mail ticket (``ReplySent``) queues one outbound row
with its Message-ID, and a job in the same transaction; the job sends it by SMTP, retried with
backoff while the server is away. The row is marked sent once the server took it; a retry
after a crash in between sends the same Message-ID again, which mail clients show once."""

from __future__ import annotations

import logging
import smtplib
import ssl
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM
from kefu.channels.email.compose import Reply, compose, new_message_key
from kefu.channels.email.models import InboundMail, InboundStatus, OutboundMail, OutboundStatus
from kefu.config import Settings, get_settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.events import subscribe
from kefu.kit.storage import LocalBlobStore
from kefu.tickets.events import ReplySent
from kefu.tickets.intake import add_message
from kefu.tickets.models import Attachment, Channel, Message, MessageKind, Ticket
from kefu.worker.queue import JobKind, PermanentFailure, enqueue, register

log = logging.getLogger("kefu.email")
SEND_JOB = "email.send"
_configured: dict[str, Settings] = {}


def _settings() -> Settings:
    return _configured.get("settings") or get_settings()


def install(settings: Settings) -> None:
    """Carry public staff replies on e-mail tickets back out (called by the app factory)."""
    _configured["settings"] = settings
    subscribe(ReplySent, "email", _on_reply_sent)


def _on_reply_sent(db: Session, event: ReplySent) -> None:
    queue_reply(db, event)


def queue_reply(db: Session, event: ReplySent) -> OutboundMail | None:
    ticket = db.get(Ticket, event.ticket_id)
    if ticket is None or ticket.channel != Channel.email:
        return None
    requester = db.get(Contact, ticket.requester_id)
    if requester is None or not requester.email:
        return None
    existing = db.scalar(
        select(OutboundMail).where(OutboundMail.kefu_message_id == event.message_id)
    )
    if existing is not None:
        return existing
    settings = _settings()
    row = OutboundMail(
        ticket_id=ticket.id,
        kefu_message_id=event.message_id,
        message_key=new_message_key(ticket.number, settings.effective_email_from),
        to_address=requester.email,
        status=OutboundStatus.queued,
        created_at=utcnow(),
    )
    db.add(row)
    db.flush()
    enqueue(db, SEND_JOB, {"outbound_id": row.id})
    return row


def _thread(db: Session, mail: OutboundMail) -> tuple[list[str], str | None]:
    """The ticket's Message-IDs so far (oldest first) and the requester's latest one."""
    received = db.execute(
        select(InboundMail.received_at, InboundMail.message_key).where(
            InboundMail.ticket_id == mail.ticket_id,
            InboundMail.status == InboundStatus.processed,
            InboundMail.message_key.not_like("sha256:%"),
        )
    ).all()
    sent = db.execute(
        select(OutboundMail.created_at, OutboundMail.message_key).where(
            OutboundMail.ticket_id == mail.ticket_id,
            OutboundMail.status == OutboundStatus.sent,
            OutboundMail.id != mail.id,
        )
    ).all()
    thread = [key for _, key in sorted([*received, *sent])]
    latest_in = max(received)[1] if received else None
    return thread, latest_in or (thread[-1] if thread else None)


def _build(db: Session, mail: OutboundMail, settings: Settings) -> Reply:
    ticket = db.get(Ticket, mail.ticket_id)
    message = db.get(Message, mail.kefu_message_id)
    assert ticket is not None and message is not None
    requester = db.get(Contact, ticket.requester_id)
    thread, in_reply_to = _thread(db, mail)
    store = LocalBlobStore(settings.attachments_dir)
    files = db.scalars(
        select(Attachment).where(Attachment.message_id == message.id).order_by(Attachment.id)
    ).all()
    return Reply(
        number=ticket.number,
        subject=ticket.subject,
        body=message.body,
        locale=ticket.locale,
        to=mail.to_address,
        to_name=requester.name if requester else "",
        from_address=settings.effective_email_from,
        platform_name=settings.platform_name,
        message_key=mail.message_key,
        thread=thread,
        in_reply_to=in_reply_to,
        attachments=[(f.filename, f.content_type, store.get(f.storage_key)) for f in files],
    )


def _deliver(settings: Settings, reply: Reply) -> None:
    message = compose(reply)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout) as s:
        if settings.smtp_starttls:
            s.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            s.login(settings.smtp_user, settings.smtp_password)
        s.send_message(message, from_addr=reply.from_address, to_addrs=[reply.to])


def _refused_for_good(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return False  # a configuration fix lets a retry through
    return isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500


def send_reply(database: Database, payload: dict[str, Any]) -> None:
    settings = _settings()
    outbound_id = int(payload["outbound_id"])
    with database.transaction(write=False) as db:
        mail = db.get(OutboundMail, outbound_id)
        if mail is None or mail.status != OutboundStatus.queued:
            return  # sent (or given up) already: at-least-once delivery of the job
        reply = _build(db, mail, settings)
    if not settings.smtp_host:
        _give_up(database, outbound_id, "no outbound SMTP server (KEFU_SMTP_HOST) configured")
        raise PermanentFailure("KEFU_SMTP_HOST is not set")
    try:
        _deliver(settings, reply)
    except (OSError, smtplib.SMTPException) as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if _refused_for_good(exc):
            _give_up(database, outbound_id, error)
            raise PermanentFailure(error) from exc
        with database.transaction() as db:
            row = db.get(OutboundMail, outbound_id, with_for_update=True)
            if row is not None:
                row.last_error = error
        raise
    with database.transaction() as db:
        row = db.get(OutboundMail, outbound_id, with_for_update=True)
        assert row is not None
        row.status, row.sent_at, row.last_error = OutboundStatus.sent, utcnow(), None


def _give_up(database: Database, outbound_id: int, error: str) -> None:
    """Mark the mail failed and tell the agents on the ticket, in an internal note."""
    with database.transaction() as db:
        row = db.get(OutboundMail, outbound_id, with_for_update=True)
        if row is None or row.status != OutboundStatus.queued:
            return
        row.status, row.last_error = OutboundStatus.failed, error
        ticket = db.get(Ticket, row.ticket_id, with_for_update=True)
        if ticket is not None:
            note = (
                f"The reply could not be sent by e-mail to {row.to_address}: {error}\n"
                f"回复未能通过邮件发送至 {row.to_address}：{error}"
            )
            add_message(db, ticket, SYSTEM, note, kind=MessageKind.internal)


register(
    JobKind(
        SEND_JOB,
        send_reply,
        max_attempts=16,
        first_delay=timedelta(seconds=30),
        max_delay=timedelta(hours=1),
    )
)
