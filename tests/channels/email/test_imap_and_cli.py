"""The IMAP poller against a real Dovecot server, and the ``kefu email`` commands through the
real executable."""

from __future__ import annotations

import imaplib
import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kefu.app import create_app
from kefu.channels.email.imap_poll import KEYWORD, poll_once
from kefu.channels.email.inbound import Intake
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.tickets.models import Ticket
from tests.channels.email.conftest import FIXTURES, Imap, eml
from tests.test_cli import run


def _imap_settings(settings: Settings, imap: Imap) -> Settings:
    return settings.model_copy(
        update={
            "imap_host": "127.0.0.1",
            "imap_port": imap.port,
            "imap_ssl": False,
            "imap_user": imap.user,
            "imap_password": imap.password,
        }
    )


def _append(imap: Imap, *messages: bytes) -> None:
    conn = imaplib.IMAP4("127.0.0.1", imap.port)
    conn.login(imap.user, imap.password)
    for raw in messages:
        assert conn.append("INBOX", None, None, raw)[0] == "OK"
    conn.logout()


def _flags(imap: Imap) -> list[bytes]:
    conn = imaplib.IMAP4("127.0.0.1", imap.port)
    conn.login(imap.user, imap.password)
    conn.select("INBOX")
    _, data = conn.fetch("1:*", "(FLAGS)")
    conn.logout()
    return [item for item in data if isinstance(item, bytes)]


def _count(database: Database) -> int:
    with database.transaction(write=False) as db:
        return int(db.scalar(select(func.count()).select_from(Ticket)) or 0)


def test_polling_imports_each_message_once(
    database: Database, intake: Intake, settings: Settings, imap_server: Imap
) -> None:
    configured = _imap_settings(settings, imap_server)
    _append(imap_server, eml("plain.eml"), eml("big5.eml"), eml("auto_reply.eml"))
    outcomes = poll_once(database, intake, configured)
    assert [o.status for o in outcomes] == ["new_ticket", "new_ticket", "ignored"]
    assert all(KEYWORD.encode() in flags for flags in _flags(imap_server))
    assert poll_once(database, intake, configured) == []  # nothing new
    # The same message arriving again (a second copy in the mailbox) lands once.
    _append(imap_server, eml("plain.eml"), eml("reply_in_reply_to.eml"))
    again = poll_once(database, intake, configured)
    assert [(o.status, o.ticket_number) for o in again] == [("duplicate", 10001), ("reply", 10001)]
    assert _count(database) == 2


def test_a_crash_before_flagging_fetches_again_but_lands_once(
    database: Database, intake: Intake, settings: Settings, imap_server: Imap
) -> None:
    configured = _imap_settings(settings, imap_server)
    _append(imap_server, eml("plain.eml"))
    assert [o.status for o in poll_once(database, intake, configured)] == ["new_ticket"]
    conn = imaplib.IMAP4("127.0.0.1", imap_server.port)  # as if kefu died before STORE
    conn.login(imap_server.user, imap_server.password)
    conn.select("INBOX")
    conn.store("1", "-FLAGS", f"({KEYWORD})")
    conn.logout()
    assert [o.status for o in poll_once(database, intake, configured)] == ["duplicate"]
    assert _count(database) == 1
    assert b"\\Seen" not in _flags(imap_server)[0]  # a person still sees it as unread


def test_the_app_polls_the_mailbox_when_configured(
    database: Database, settings: Settings, imap_server: Imap
) -> None:
    _append(imap_server, eml("gb18030.eml"))
    configured = _imap_settings(settings, imap_server).model_copy(update={"imap_poll_seconds": 1.0})
    with TestClient(create_app(configured, database)):
        deadline = time.monotonic() + 60  # the first poll runs at start-up
        while _count(database) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert _count(database) == 1


@pytest.fixture
def env(database: Database, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "KEFU_DATABASE_URL": database.url,
        "KEFU_DATA_DIR": str(tmp_path / "data"),
        "KEFU_ENV": "test",
        "LANG": "C.UTF-8",
    }


def test_cli_import_prints_what_happened_to_each_file(env: dict[str, str]) -> None:
    names = ["plain.eml", "duplicate.eml", "bounce.eml", "malformed.eml", "gbk.eml"]
    result = run(env, "email", "import", *(str(FIXTURES / n) for n in names))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "new ticket #10001 / 新工单 #10001",
        "duplicate, received before / 重复邮件，之前已收到",
        "ignored (bounce), not answered / 已忽略（bounce），不回复",
        "quarantined: malformed: no headers: not an e-mail message "
        "/ 已隔离：malformed: no headers: not an e-mail message",
        "new ticket #10002 / 新工单 #10002",
    ]


def test_cli_poll_imap_once_and_bilingual_help(env: dict[str, str], imap_server: Imap) -> None:
    _append(imap_server, eml("html_only.eml"))
    env = {
        **env,
        "KEFU_IMAP_HOST": "127.0.0.1",
        "KEFU_IMAP_PORT": str(imap_server.port),
        "KEFU_IMAP_SSL": "false",
        "KEFU_IMAP_USER": imap_server.user,
        "KEFU_IMAP_PASSWORD": imap_server.password,
    }
    result = run(env, "email", "poll-imap", "--once")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "new ticket #10001 / 新工单 #10001",
        "1 message(s) / 共 1 封",
    ]
    helps = run(env, "email", "--help").stdout
    for command in ("serve-smtp", "poll-imap", "import", "邮件渠道"):
        assert command in helps
    unset = run({**env, "KEFU_IMAP_HOST": ""}, "email", "poll-imap", "--once")
    assert unset.returncode == 2 and "KEFU_IMAP_HOST" in unset.stderr
