"""Mail in, through the same ``ingest`` the listener, the poller and the CLI use: new tickets,
replies threaded by headers or subject token (only from the requester), duplicates dropped,
machine mail ignored, malformed mail quarantined while the rest keeps flowing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from kefu.auth.actors import SYSTEM
from kefu.channels.email.inbound import (
    Intake,
    ingest,
    process,
    process_pending,
    retry_quarantined,
    store_raw,
)
from kefu.channels.email.models import InboundMail, InboundStatus, QuarantinedMail
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.storage import LocalBlobStore
from kefu.tickets.models import Attachment, Message, MessageKind, Ticket
from kefu.tickets.workflow import set_status
from tests.channels.email.conftest import eml


def _ticket(database: Database, number: int) -> Ticket:
    with database.transaction(write=False) as db:
        ticket = db.scalar(select(Ticket).where(Ticket.number == number))
        assert ticket is not None
        return ticket


def _messages(database: Database, number: int) -> list[Message]:
    with database.transaction(write=False) as db:
        return list(
            db.scalars(
                select(Message)
                .join(Ticket, Ticket.id == Message.ticket_id)
                .where(Ticket.number == number)
                .order_by(Message.id)
            )
        )


def _count(database: Database, model: type) -> int:
    with database.transaction(write=False) as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def test_a_new_mail_opens_an_email_ticket_for_a_contact_found_by_address(
    database: Database, intake: Intake
) -> None:
    outcome = ingest(database, eml("plain.eml"), intake, source="file")
    assert outcome.status == "new_ticket" and outcome.ticket_number == 10001
    ticket = _ticket(database, 10001)
    assert ticket.channel == "email" and ticket.locale == "en"
    assert ticket.subject == "Cannot log in after changing my phone"
    [message] = _messages(database, 10001)
    assert message.body.startswith("Hello,") and message.channel == "email"
    with database.transaction(write=False) as db:
        contact = db.get(Contact, ticket.requester_id)
        assert contact is not None
        assert (contact.email, contact.name) == ("alice@example.com", "Alice Walker")
    # the same sender writing about something else: a second ticket, the same contact
    second = ingest(
        database, eml("signature.eml").replace(b"erin@", b"alice@"), intake, source="file"
    )
    assert second.status == "new_ticket"
    assert _ticket(database, second.ticket_number or 0).requester_id == ticket.requester_id


def test_chinese_mail_makes_a_chinese_ticket(database: Database, intake: Intake) -> None:
    for name in ("gbk.eml", "gb18030.eml", "big5.eml"):
        outcome = ingest(database, eml(name), intake, source="file")
        assert outcome.status == "new_ticket", name
        ticket = _ticket(database, outcome.ticket_number or 0)
        assert ticket.locale == "zh-CN"
    assert _ticket(database, 10003).subject == "帳號無法登入"
    assert "驗證碼" in _messages(database, 10003)[0].body


def test_replies_thread_by_headers_and_by_token_only_from_the_requester(
    database: Database, intake: Intake
) -> None:
    assert ingest(database, eml("plain.eml"), intake, source="smtp").ticket_number == 10001
    by_header = ingest(database, eml("reply_in_reply_to.eml"), intake, source="smtp")
    assert (by_header.status, by_header.ticket_number) == ("reply", 10001)
    by_token = ingest(database, eml("reply_subject_token.eml"), intake, source="smtp")
    assert (by_token.status, by_token.ticket_number) == ("reply", 10001)
    bodies = [m.body for m in _messages(database, 10001)]
    assert bodies[1:] == [
        "I also tried reinstalling the app; no luck.",
        "Here is the screenshot you asked for (pasted below as text): error 403.",
    ]
    forged = ingest(database, eml("forged_token.eml"), intake, source="smtp")
    assert forged.status == "new_ticket" and forged.ticket_number == 10002
    assert "belongs to someone else" in forged.detail
    assert len(_messages(database, 10001)) == 3  # untouched
    assert _ticket(database, 10002).requester_id != _ticket(database, 10001).requester_id


def test_a_duplicate_message_id_lands_once(database: Database, intake: Intake) -> None:
    first = ingest(database, eml("plain.eml"), intake, source="smtp")
    again = ingest(database, eml("plain.eml"), intake, source="imap")
    other_body = ingest(database, eml("duplicate.eml"), intake, source="file")
    assert first.status == "new_ticket"
    assert (again.status, again.ticket_number) == ("duplicate", 10001)
    assert (other_body.status, other_body.ticket_number) == ("duplicate", 10001)
    assert _count(database, Ticket) == 1 and _count(database, InboundMail) == 1


def test_machine_mail_is_stored_but_never_becomes_a_ticket(
    database: Database, intake: Intake
) -> None:
    for name, reason in (("auto_reply.eml", "auto_reply"), ("bounce.eml", "bounce")):
        outcome = ingest(database, eml(name), intake, source="smtp")
        assert (outcome.status, outcome.detail) == ("ignored", reason)
    own = eml("plain.eml").replace(b"alice@example.com", intake.own_address.encode())
    own = own.replace(b"plain-1@", b"own-1@")
    assert ingest(database, own, intake, source="smtp").detail == "own_address"
    assert _count(database, Ticket) == 0
    with database.transaction(write=False) as db:
        statuses = db.scalars(select(InboundMail.status)).all()
    assert statuses == [InboundStatus.ignored] * 3


def test_malformed_mail_is_quarantined_with_its_bytes_and_the_rest_flows(
    database: Database, intake: Intake
) -> None:
    bad = ingest(database, eml("malformed.eml"), intake, source="smtp")
    no_sender = ingest(database, b"From: nobody\r\nSubject: x\r\n\r\nbody", intake, source="smtp")
    good = ingest(database, eml("html_only.eml"), intake, source="smtp")
    assert bad.status == no_sender.status == "quarantined"
    assert "malformed" in bad.detail
    assert good.status == "new_ticket"
    with database.transaction(write=False) as db:
        rows = db.execute(
            select(QuarantinedMail.reason, QuarantinedMail.detail, InboundMail.raw).join(
                InboundMail, InboundMail.id == QuarantinedMail.inbound_id
            )
        ).all()
    assert (rows[0].reason, rows[0].raw) == ("malformed", eml("malformed.eml"))
    assert "sender" in rows[1][1]


def test_a_processing_failure_quarantines_and_rolls_the_ticket_back(
    database: Database, intake: Intake
) -> None:
    # The attachment store cannot write (its root is a file): the whole attempt rolls back.
    blocked = intake.store
    assert isinstance(blocked, LocalBlobStore)
    blocked.root.parent.mkdir(parents=True, exist_ok=True)
    blocked.root.write_bytes(b"not a directory")
    outcome = ingest(database, eml("alternative_attachment.eml"), intake, source="smtp")
    assert outcome.status == "quarantined" and outcome.detail.startswith("failed:")
    assert _count(database, Ticket) == 0 and _count(database, QuarantinedMail) == 1
    assert ingest(database, eml("plain.eml"), intake, source="smtp").status == "new_ticket"
    # once the store is fixed, the quarantined message is processed again
    blocked.root.unlink()
    assert [o.status for o in retry_quarantined(database, intake)] == ["new_ticket"]
    assert _count(database, QuarantinedMail) == 0 and _count(database, Ticket) == 2
    assert retry_quarantined(database, intake) == []


def test_attachments_are_stored_and_a_refused_one_is_noted(
    database: Database, intake: Intake
) -> None:
    outcome = ingest(database, eml("alternative_attachment.eml"), intake, source="smtp")
    assert outcome.status == "new_ticket"
    assert "tool.exe" in outcome.detail
    messages = _messages(database, 10001)
    assert [m.kind for m in messages] == [MessageKind.public, MessageKind.internal]
    assert "tool.exe" in messages[1].body and "未接收" in messages[1].body
    with database.transaction(write=False) as db:
        files = db.scalars(select(Attachment).where(Attachment.message_id == messages[0].id)).all()
        assert [(f.filename, f.content_type) for f in files] == [("error.png", "image/png")]
        assert intake.store.get(files[0].storage_key).startswith(b"\x89PNG")


def test_too_large_attachment_is_noted_not_fatal(database: Database, intake: Intake) -> None:
    intake.max_attachment_bytes = 10
    outcome = ingest(database, eml("alternative_attachment.eml"), intake, source="smtp")
    assert outcome.status == "new_ticket"
    assert "error.png" in outcome.detail and "tool.exe" in outcome.detail


def test_a_message_stored_but_never_processed_is_picked_up(
    database: Database, intake: Intake
) -> None:
    inbound_id, new = store_raw(database, eml("plain.eml"), source="smtp")
    assert new  # ... and the process stopped here
    assert [o.status for o in process_pending(database, intake)] == ["new_ticket"]
    assert process(database, inbound_id, intake).status == "duplicate"
    assert process_pending(database, intake) == []
    # a redelivery of a message stored but not processed processes it, once
    inbound_id, _ = store_raw(database, eml("html_only.eml"), source="smtp")
    assert ingest(database, eml("html_only.eml"), intake, source="smtp").status == "new_ticket"
    assert _count(database, Ticket) == 2


def test_a_reply_to_a_closed_ticket_starts_a_follow_up(database: Database, intake: Intake) -> None:
    ingest(database, eml("plain.eml"), intake, source="smtp")
    with database.transaction() as db:
        ticket = db.scalars(select(Ticket).where(Ticket.number == 10001)).one()
        for status in ("open", "solved", "closed"):
            set_status(db, ticket, SYSTEM, status)
    outcome = ingest(database, eml("reply_subject_token.eml"), intake, source="smtp")
    assert (outcome.status, outcome.ticket_number) == ("follow_up", 10002)
    follow_up = _ticket(database, 10002)
    assert follow_up.channel == "email" and follow_up.follow_up_of_id == ticket.id


def test_simultaneous_deliveries_of_one_message_land_once(
    database: Database, intake: Intake
) -> None:
    raw = eml("plain.eml")
    with ThreadPoolExecutor(6) as pool:
        outcomes = list(
            pool.map(lambda _: ingest(database, raw, intake, source="smtp").status, range(6))
        )
    assert sorted(outcomes) == ["duplicate"] * 5 + ["new_ticket"]
    assert _count(database, Ticket) == 1 and _count(database, InboundMail) == 1


def test_hostile_bytes_are_stored_and_handled(database: Database, intake: Intake) -> None:
    raw = (
        b"From: Eve \x00 <eve@example.com>\r\nSubject: hi\x00there\r\n"
        b"Message-ID: <bad\x00id@example.com>\r\nIn-Reply-To: <\xff\xfe@x>\r\n\r\n"
        b"body with NUL \x00 and bytes \xff\xfe\r\n"
    )
    outcome = ingest(database, raw, intake, source="smtp")
    assert outcome.status == "new_ticket", outcome.detail
    assert _ticket(database, 10001).subject == "hithere"
    assert "\x00" not in _messages(database, 10001)[0].body
    assert ingest(database, raw, intake, source="smtp").status == "duplicate"
