"""Polling an existing mailbox over IMAP. Each new message is fetched without marking it read,
ingested (stored first), and only then flagged, with the keyword $KefuImported where the server
allows keywords (a person reading the mailbox does not hide mail from kefu) or as \\Seen. A
crash between storing and flagging fetches the message again next time; inbound.py drops the
duplicate."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import threading
from collections.abc import Sequence
from typing import Any

from kefu.channels.email.inbound import Intake, Outcome, ingest, process_pending
from kefu.config import Settings
from kefu.kit.db import Database

log = logging.getLogger("kefu.email")
KEYWORD = "$KefuImported"


class ImapError(Exception):
    pass


def _check(result: tuple[str, Sequence[Any]], what: str) -> Sequence[Any]:
    status, data = result
    if status != "OK":
        raise ImapError(f"IMAP {what} failed: {data!r}")
    return data


def _connect(settings: Settings) -> imaplib.IMAP4:
    cls = imaplib.IMAP4_SSL if settings.imap_ssl else imaplib.IMAP4
    conn = cls(settings.imap_host, settings.imap_port, timeout=settings.smtp_timeout)
    _check(conn.login(settings.imap_user, settings.imap_password), "LOGIN")
    return conn


def _raw_message(data: Sequence[Any]) -> bytes | None:
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    return None


def poll_once(database: Database, intake: Intake, settings: Settings) -> list[Outcome]:
    """Import the folder's new messages; returns what happened to each."""
    conn = _connect(settings)
    outcomes: list[Outcome] = []
    try:
        folder = '"' + settings.imap_folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
        _check(conn.select(folder), "SELECT")
        _, permanent = conn.response("PERMANENTFLAGS")
        keywords = any(isinstance(f, bytes) and b"\\*" in f for f in permanent or [])
        criterion, flag = (f"UNKEYWORD {KEYWORD}", KEYWORD) if keywords else ("UNSEEN", "\\Seen")
        found = _check(conn.uid("SEARCH", criterion), "SEARCH")
        uids = found[0].decode().split() if found and isinstance(found[0], bytes) else []
        for uid in uids:
            raw = _raw_message(_check(conn.uid("FETCH", uid, "(BODY.PEEK[])"), "FETCH"))
            if raw is None:
                continue  # expunged meanwhile
            outcomes.append(ingest(database, raw, intake, source="imap"))
            _check(conn.uid("STORE", uid, "+FLAGS", f"({flag})"), "STORE")
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()
    return outcomes


class ImapPoller:
    """Polls in a thread every ``imap_poll_seconds``; a failed poll is logged and retried."""

    def __init__(self, database: Database, intake: Intake, settings: Settings) -> None:
        self.database, self.intake, self.settings = database, intake, settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="kefu-imap", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        process_pending(self.database, self.intake)
        while not self._stop.is_set():
            try:
                for outcome in poll_once(self.database, self.intake, self.settings):
                    log.info("IMAP e-mail: %s", outcome.describe())
            except Exception:
                log.exception("IMAP poll of %s failed", self.settings.imap_host)
            self._stop.wait(self.settings.imap_poll_seconds)
