"""Real SMTP both ways: mail sent with smtplib to kefu's listener becomes tickets (once, even
when delivered twice); a staff reply goes out through a real SMTP sink, threaded, and waits and
retries while the server is down."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.message import Message as MailMessage

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.channels.email.inbound import Intake
from kefu.channels.email.models import InboundMail, OutboundMail, OutboundStatus
from kefu.channels.email.outbound import SEND_JOB
from kefu.channels.email.smtp_server import SmtpListener
from kefu.config import Settings
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.tickets.models import Message, MessageKind, Ticket
from kefu.worker.models import Job, JobStatus
from kefu.worker.runner import run_until_idle
from tests.channels.email.conftest import Sink, eml, free_port
from tests.conftest import Desk, new_ticket


@pytest.fixture
def listener(database: Database, intake: Intake) -> Iterator[int]:
    port = free_port()
    server = SmtpListener(database, intake, host="127.0.0.1", port=port, max_bytes=1 << 20)
    server.start()
    yield port
    server.stop()


def _send(port: int, raw: bytes, sender: str = "alice@example.com") -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.sendmail(sender, ["support@kefu.example"], raw)


def _tickets(database: Database) -> list[Ticket]:
    with database.transaction(write=False) as db:
        return list(db.scalars(select(Ticket).order_by(Ticket.id)))


def test_the_listener_accepts_mail_into_tickets_once(database: Database, listener: int) -> None:
    _send(listener, eml("plain.eml"))
    _send(listener, eml("plain.eml"))  # the sender did not see our 250 and delivered again
    _send(listener, eml("gbk.eml"), sender="wang@example.cn")
    _send(listener, eml("bounce.eml"), sender="")  # null sender: a bounce
    tickets = _tickets(database)
    assert [(t.number, t.channel) for t in tickets] == [(10001, "email"), (10002, "email")]
    assert tickets[1].subject == "账号被封申诉（镕）"
    with database.transaction(write=False) as db:
        rows = db.execute(select(InboundMail.source, InboundMail.envelope_from)).all()
    assert rows == [("smtp", "alice@example.com"), ("smtp", "wang@example.cn"), ("smtp", "")]


def test_the_listener_asks_to_retry_when_it_cannot_store(
    database: Database, intake: Intake
) -> None:
    broken = Database("sqlite:////nonexistent-dir/kefu.db")  # nothing can be stored here
    port = free_port()
    server = SmtpListener(broken, intake, host="127.0.0.1", port=port, max_bytes=1 << 20)
    server.start()
    try:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            _send(port, eml("plain.eml"))
        assert refused.value.smtp_code == 451
    finally:
        server.stop()
        broken.dispose()


def _email_ticket(database: Database, listener: int) -> int:
    _send(listener, eml("plain.eml"))
    return _tickets(database)[-1].number


def _reply(client: TestClient, desk: Desk, number: int, body: str) -> None:
    lead = desk.staff("lead", Role.supervisor)
    response = client.post(
        f"/api/v1/tickets/{number}/messages", headers=lead.headers, json={"body": body}
    )
    assert response.status_code == 201, response.text


@pytest.fixture
def app_client(mail_settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(mail_settings, database)) as test_client:
        yield test_client


def test_a_staff_reply_goes_out_threaded_and_the_answer_comes_back(
    database: Database, listener: int, sink: Sink, app_client: TestClient, desk: Desk
) -> None:
    number = _email_ticket(database, listener)
    _reply(app_client, desk, number, "Please send us a screenshot of the error.")
    assert run_until_idle(database) == 1
    [(mail_from, rcpt, sent)] = sink.received
    assert mail_from == "support@kefu.example" and rcpt == ["alice@example.com"]
    assert sent["Subject"] == f"Re: Cannot log in after changing my phone [#{number}]"
    assert sent["In-Reply-To"] == "<plain-1@mail.example.com>"
    assert sent["References"] == "<plain-1@mail.example.com>"
    kefu_id = sent["Message-ID"]
    assert kefu_id.startswith(f"<kefu.{number}.") and kefu_id.endswith("@kefu.example>")
    body = _text(sent)
    assert "Please send us a screenshot" in body and f"keep [#{number}]" in body
    assert "Support" in sent["From"]

    # The customer answers from their mail client: threaded by In-Reply-To, quote stripped.
    answer = EmailMessage()
    answer["From"], answer["To"] = "Alice <alice@example.com>", "support@kefu.example"
    answer["Subject"] = f"Re: {sent['Subject']}".replace(f" [#{number}]", "")
    answer["Message-ID"] = "<answer-1@mail.example.com>"
    answer["In-Reply-To"] = kefu_id
    answer["References"] = f"<plain-1@mail.example.com> {kefu_id}"
    answer.set_content("Attached below.\n\nOn Sat, Support wrote:\n> Please send us a screenshot")
    _send(listener, answer.as_bytes())
    with database.transaction(write=False) as db:
        bodies = db.scalars(
            select(Message.body).join(Ticket).where(Ticket.number == number).order_by(Message.id)
        ).all()
    assert bodies[-1] == "Attached below."
    assert len(_tickets(database)) == 1

    # The next reply references the whole thread and answers the latest customer mail.
    _reply(app_client, desk, number, "Thanks, we are on it.")
    run_until_idle(database)
    second = sink.received[-1][2]
    assert second["In-Reply-To"] == "<answer-1@mail.example.com>"
    assert second["References"].split() == [
        "<plain-1@mail.example.com>",
        kefu_id,
        "<answer-1@mail.example.com>",
    ]


def test_chinese_ticket_gets_chinese_words(
    database: Database, listener: int, sink: Sink, app_client: TestClient, desk: Desk
) -> None:
    _send(listener, eml("quoted_reply_zh.eml"), sender="zhangsan@example.cn")
    number = _tickets(database)[-1].number
    _reply(app_client, desk, number, "收到，我们会尽快处理退款。")
    run_until_idle(database)
    sent = sink.received[-1][2]
    assert sent["Subject"] == f"Re: 退款 [#{number}]"  # the header decodes back
    body = _text(sent)
    assert "请保留主题中的" in body and "客服" in sent["From"]


def test_only_public_replies_on_email_tickets_are_mailed(
    database: Database, listener: int, sink: Sink, app_client: TestClient, desk: Desk
) -> None:
    number = _email_ticket(database, listener)
    lead = desk.staff("lead", Role.supervisor)
    note = {"body": "internal only", "internal": True}
    assert (
        app_client.post(
            f"/api/v1/tickets/{number}/messages", headers=lead.headers, json=note
        ).status_code
        == 201
    )
    web = new_ticket(app_client, desk.user())
    _reply(app_client, desk, web["number"], "A reply on a web ticket")
    assert run_until_idle(database) == 0
    assert sink.received == []


def _text(message: MailMessage) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _job(database: Database) -> Job:
    with database.transaction(write=False) as db:
        job = db.scalars(select(Job).where(Job.kind == SEND_JOB)).one()
        return job


def test_a_reply_waits_while_the_server_is_down_then_goes_once(
    database: Database, listener: int, sink: Sink, app_client: TestClient, desk: Desk
) -> None:
    number = _email_ticket(database, listener)
    sink.stop()
    _reply(app_client, desk, number, "We have reset your SMS code.")
    assert run_until_idle(database) == 1
    job = _job(database)
    assert job.status == JobStatus.queued and job.attempts == 1
    assert job.run_at - utcnow() > timedelta(seconds=20)  # backing off
    assert "Connection refused" in (job.last_error or "")
    with database.transaction(write=False) as db:
        queued = db.scalars(select(OutboundMail)).one()
    assert queued.status == OutboundStatus.queued and queued.last_error
    assert run_until_idle(database) == 0  # not due yet

    sink.start()
    with database.transaction() as db:
        db.execute(update(Job).where(Job.id == job.id).values(run_at=utcnow()))
    assert run_until_idle(database) == 1
    [(_, _, sent)] = sink.received
    assert sent["Message-ID"] == f"<{queued.message_key}>"  # chosen once, kept on retry
    with database.transaction(write=False) as db:
        done = db.scalars(select(OutboundMail)).one()
    assert done.status == OutboundStatus.sent and done.sent_at is not None
    # the job running again (at-least-once) sends nothing more
    with database.transaction() as db:
        db.execute(update(Job).values(status=JobStatus.queued, run_at=utcnow()))
    run_until_idle(database)
    assert len(sink.received) == 1


def test_a_refused_recipient_is_given_up_and_noted_for_agents(
    database: Database, listener: int, mail_settings: Settings, desk: Desk
) -> None:
    class Refusing(Sink):
        async def handle_RCPT(
            self,
            server: object,
            session: object,
            envelope: object,
            address: str,
            options: list[str],
        ) -> str:
            return "550 5.1.1 No such user"

    refusing = Refusing(free_port())
    refusing.start()
    settings = mail_settings.model_copy(update={"smtp_port": refusing.port})
    try:
        with TestClient(create_app(settings, database)) as client:
            number = _email_ticket(database, listener)
            _reply(client, desk, number, "Hello?")
            run_until_idle(database)
    finally:
        refusing.stop()
    assert _job(database).status == JobStatus.dead
    with database.transaction(write=False) as db:
        assert db.scalars(select(OutboundMail.status)).one() == OutboundStatus.failed
        note = db.scalars(
            select(Message).where(Message.kind == MessageKind.internal).order_by(Message.id)
        ).all()[-1]
    assert "550" in note.body and "未能通过邮件发送" in note.body


def test_the_app_runs_the_listener_when_configured(database: Database, settings: Settings) -> None:
    port = free_port()
    configured = settings.model_copy(update={"smtp_listen_port": port})
    with TestClient(create_app(configured, database)):
        _send(port, eml("html_only.eml"), sender="bob@example.org")
    with database.transaction(write=False) as db:
        assert db.scalar(select(func.count()).select_from(Ticket)) == 1


def test_a_bounce_of_a_reply_is_noted_on_its_ticket_and_not_answered(
    database: Database, listener: int, sink: Sink, app_client: TestClient, desk: Desk
) -> None:
    number = _email_ticket(database, listener)
    _reply(app_client, desk, number, "Here is your answer.")
    run_until_idle(database)
    kefu_id = sink.received[-1][2]["Message-ID"]
    bounce = eml("bounce.eml").replace(
        b"Subject: Re: Your ticket [#10001]\r\n",
        b"Subject: Re: Your ticket\r\nMessage-ID: " + kefu_id.encode() + b"\r\n",
    )
    _send(listener, bounce, sender="")
    with database.transaction(write=False) as db:
        notes = db.scalars(select(Message.body).where(Message.kind == MessageKind.internal)).all()
        inbound = db.scalars(select(InboundMail).order_by(InboundMail.id.desc())).first()
    assert len(notes) == 1 and "bounced" in notes[0] and "被退回" in notes[0]
    assert inbound is not None and inbound.status == "ignored"
    assert run_until_idle(database) == 0 and len(sink.received) == 1  # nothing sent back


def test_a_second_web_process_leaves_the_listener_to_the_first(
    database: Database, settings: Settings, listener: int
) -> None:
    configured = settings.model_copy(update={"smtp_listen_port": listener})  # port taken
    with TestClient(create_app(configured, database)) as client:
        assert client.get("/healthz").status_code == 200
    _send(listener, eml("plain.eml"))  # the first one still takes mail
    assert len(_tickets(database)) == 1
