"""Mail in. Every entry point (SMTP listener, IMAP poller, ``kefu email import``) calls
``ingest``: it first stores the raw bytes in email_inbound in a transaction of their own (a
Message-ID seen before is a duplicate and stops here), then processes them in a second one.
Processing makes a ticket or a reply through the tickets services, ignores machine-written mail,
and quarantines what it cannot handle, so one bad message never holds up the rest and nothing
accepted is lost."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, ContactActor
from kefu.channels.email.bounces import note_bounce
from kefu.channels.email.loops import machine_written
from kefu.channels.email.models import InboundMail, InboundStatus, QuarantinedMail
from kefu.channels.email.parse import MailAttachment, MalformedMail, ParsedMail, message_key, parse
from kefu.channels.email.strip import strip_reply
from kefu.channels.email.threading import clean_subject, find_ticket
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.contacts.service import contact_by_email
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.errors import KefuError
from kefu.kit.storage import BlobStore, LocalBlobStore
from kefu.tickets.attachments import store_upload
from kefu.tickets.conversation import reply_as_requester
from kefu.tickets.intake import NewTicket, add_message, create_ticket
from kefu.tickets.models import Channel, Message, MessageKind, Ticket

log = logging.getLogger("kefu.email")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Intake:
    """What processing needs from the settings."""

    store: BlobStore
    max_attachment_bytes: int
    reopen_window: timedelta
    own_address: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Intake:
        return cls(
            store=LocalBlobStore(settings.attachments_dir),
            max_attachment_bytes=settings.attachment_max_bytes,
            reopen_window=timedelta(days=settings.reopen_window_days),
            own_address=settings.effective_email_from.lower(),
        )


@dataclass(frozen=True)
class Outcome:
    status: str  # new_ticket, reply, follow_up, duplicate, ignored, quarantined
    inbound_id: int
    ticket_number: int | None = None
    detail: str = ""

    def describe(self) -> str:
        """One bilingual line for people (the CLI)."""
        n, detail = self.ticket_number, self.detail
        return {
            "new_ticket": f"new ticket #{n} / 新工单 #{n}",
            "reply": f"reply on ticket #{n} / 已追加到工单 #{n}",
            "follow_up": f"follow-up ticket #{n} / 新建跟进工单 #{n}",
            "duplicate": "duplicate, received before / 重复邮件，之前已收到",
            "ignored": f"ignored ({detail}), not answered / 已忽略（{detail}），不回复",
            "quarantined": f"quarantined: {detail} / 已隔离：{detail}",
        }.get(self.status, self.status) + (
            f" [{detail}]" if detail and self.status in ("new_ticket", "reply", "follow_up") else ""
        )


def store_raw(
    database: Database, raw: bytes, *, source: str, envelope_from: str | None = None
) -> tuple[int, bool]:
    """Keep the message before anything else; returns its row id and whether it is new."""
    key = message_key(raw)
    lookup = select(InboundMail.id).where(InboundMail.message_key == key)
    with database.transaction() as db:
        existing = db.scalar(lookup)
        if existing is not None:
            return existing, False
        row = InboundMail(
            message_key=key,
            source=source,
            envelope_from=envelope_from[:320] if envelope_from is not None else None,
            raw=raw,
            status=InboundStatus.received,
            received_at=utcnow(),
        )
        try:
            with db.begin_nested():  # the unique key: a concurrent delivery waits, then fails
                db.add(row)
        except IntegrityError:
            found = db.scalar(lookup)
            assert found is not None
            return found, False
        return row.id, True


def ingest(
    database: Database,
    raw: bytes,
    intake: Intake,
    *,
    source: str,
    envelope_from: str | None = None,
) -> Outcome:
    """Store, then process. A message received before reports "duplicate", unless it was stored
    but never processed (then it is processed now)."""
    inbound_id, _ = store_raw(database, raw, source=source, envelope_from=envelope_from)
    return process(database, inbound_id, intake)


def process(database: Database, inbound_id: int, intake: Intake) -> Outcome:
    """Process a stored message once; a message processed before reports what happened then."""
    stored: list[str] = []
    try:
        with database.transaction() as db:
            row = db.get(InboundMail, inbound_id, with_for_update=True)
            assert row is not None
            if row.status != InboundStatus.received:
                return _earlier(db, row)
            return _process(db, row, intake, stored)
    except MalformedMail as exc:
        return _quarantine(database, inbound_id, "malformed", str(exc), stored, intake)
    except Exception as exc:
        log.exception("e-mail %s could not be processed; quarantined", inbound_id)
        detail = f"{type(exc).__name__}: {exc}"
        return _quarantine(database, inbound_id, "failed", detail, stored, intake)


def process_pending(database: Database, intake: Intake, limit: int = 1000) -> list[Outcome]:
    """Process messages stored but never processed (the process stopped in between)."""
    with database.transaction(write=False) as db:
        ids = db.scalars(
            select(InboundMail.id)
            .where(InboundMail.status == InboundStatus.received)
            .order_by(InboundMail.id)
            .limit(limit)
        ).all()
    return [process(database, inbound_id, intake) for inbound_id in ids]


def retry_quarantined(
    database: Database, intake: Intake, inbound_ids: list[int] | None = None
) -> list[Outcome]:
    """Process quarantined messages again (all of them, or the given email_inbound ids), e.g.
    after fixing what made them fail; each one that fails again goes back to quarantine."""
    with database.transaction() as db:
        query = select(QuarantinedMail).order_by(QuarantinedMail.inbound_id)
        if inbound_ids is not None:
            query = query.where(QuarantinedMail.inbound_id.in_(inbound_ids))
        rows = db.scalars(query.with_for_update()).all()
        ids = [row.inbound_id for row in rows]
        for row in rows:
            db.delete(row)
        for mail in db.scalars(select(InboundMail).where(InboundMail.id.in_(ids))):
            mail.status, mail.outcome, mail.processed_at = InboundStatus.received, None, None
    return [process(database, inbound_id, intake) for inbound_id in ids]


def _earlier(db: Session, row: InboundMail) -> Outcome:
    number = db.scalar(select(Ticket.number).where(Ticket.id == row.ticket_id))
    return Outcome("duplicate", row.id, number)


def _process(db: Session, row: InboundMail, intake: Intake, stored: list[str]) -> Outcome:
    mail = parse(row.raw)
    assert mail.message is not None
    robot = machine_written(mail.message, mail.from_address, row.envelope_from)
    if robot is None and mail.from_address == intake.own_address:
        robot = "own_address"  # our own mail came back: answering it would loop
    if robot is not None:
        bounced = note_bounce(db, mail) if robot == "bounce" else None
        row.ticket_id = bounced.id if bounced is not None else None
        _settle(row, InboundStatus.ignored, f"ignored: {robot}")
        return Outcome("ignored", row.id, bounced.number if bounced else None, robot)
    match = find_ticket(db, mail)
    body = strip_reply(mail.text)
    locale = "zh-CN" if _CJK.search(mail.subject + body) else "en"
    if match.ticket is not None:
        contact = db.get(Contact, match.ticket.requester_id)
        assert contact is not None
    else:
        contact = contact_by_email(db, mail.from_address, name=mail.from_name, locale=locale)
    actor = ContactActor(contact)
    attachment_ids, refused = _store_attachments(db, intake, actor, mail.attachments, stored)
    body = body or ("(attachments only / 仅附件)" if attachment_ids else "(empty / 空白邮件)")
    if match.ticket is not None:
        reply = reply_as_requester(
            db,
            match.ticket,
            actor,
            body,
            attachment_ids=attachment_ids,
            reopen_window=intake.reopen_window,
        )
        ticket = reply.ticket
        message_id: int | None = reply.message.id
        status = "follow_up" if reply.follow_up else "reply"
    else:
        ticket = create_ticket(db, actor, contact, _new_ticket(mail, body, locale, attachment_ids))
        message_id = db.scalars(
            select(Message.id).where(Message.ticket_id == ticket.id).order_by(Message.id)
        ).first()
        status = "new_ticket"
    if refused:
        note = "Attachments not accepted / 未接收的附件:\n" + "\n".join(refused)
        add_message(db, ticket, SYSTEM, note, kind=MessageKind.internal)
    detail = "; ".join(filter(None, [match.refused, *refused]))
    row.ticket_id, row.kefu_message_id = ticket.id, message_id
    _settle(
        row, InboundStatus.processed, f"{status} #{ticket.number}" + (f": {detail}" * bool(detail))
    )
    return Outcome(status, row.id, ticket.number, detail)


def _new_ticket(mail: ParsedMail, body: str, locale: str, attachment_ids: list[int]) -> NewTicket:
    subject = clean_subject(mail.subject) or body.strip().split("\n", 1)[0][:80]
    return NewTicket(
        subject=(subject or "(no subject) / （无主题）")[:200],
        body=body,
        channel=Channel.email,
        locale=locale,
        attachment_ids=attachment_ids,
    )


def _store_attachments(
    db: Session,
    intake: Intake,
    actor: ContactActor,
    attachments: list[MailAttachment],
    stored: list[str],
) -> tuple[list[int], list[str]]:
    """Store what the tickets module accepts; the rest is noted, never fatal."""
    ids: list[int] = []
    refused: list[str] = []
    for item in attachments:
        try:
            row = store_upload(
                db,
                intake.store,
                actor,
                filename=item.filename,
                data=item.data,
                max_bytes=intake.max_attachment_bytes,
            )
        except KefuError as exc:
            refused.append(f"- {item.filename}: {exc.message('en')} / {exc.message('zh-CN')}")
            continue
        stored.append(row.storage_key)
        ids.append(row.id)
    return ids, refused


def _settle(row: InboundMail, status: InboundStatus, outcome: str) -> None:
    row.status, row.outcome, row.processed_at = status, outcome[:4000], utcnow()


def _quarantine(
    database: Database,
    inbound_id: int,
    reason: str,
    detail: str,
    stored: list[str],
    intake: Intake,
) -> Outcome:
    for key in stored:  # files of the rolled-back attempt
        intake.store.delete(key)
    with database.transaction() as db:
        row = db.get(InboundMail, inbound_id, with_for_update=True)
        assert row is not None
        if row.status == InboundStatus.received:
            _settle(row, InboundStatus.quarantined, f"{reason}: {detail}")
            db.add(
                QuarantinedMail(
                    inbound_id=row.id, reason=reason, detail=detail[:4000], created_at=utcnow()
                )
            )
    return Outcome("quarantined", inbound_id, detail=f"{reason}: {detail}")
