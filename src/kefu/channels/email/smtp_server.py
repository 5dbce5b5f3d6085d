"""kefu's own SMTP listener (aiosmtpd). It answers 250 only once the message is stored: the
sending server keeps (and retries) anything kefu did not confirm, so nothing accepted is lost,
and a retried delivery lands once (inbound.py drops the duplicate)."""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import Any

from aiosmtpd.controller import Controller

from kefu.channels.email.inbound import Intake, ingest
from kefu.kit.db import Database

log = logging.getLogger("kefu.email")


class _Handler:
    def __init__(self, database: Database, intake: Intake) -> None:
        self.database = database
        self.intake = intake

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        sender = envelope.mail_from or ""
        sender = "" if sender.strip() == "<>" else sender  # the null sender of bounces
        work = functools.partial(
            ingest,
            self.database,
            raw,
            self.intake,
            source="smtp",
            envelope_from=sender,
        )
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(None, work)
        except Exception:  # the database is away: the sender keeps the message and retries
            log.exception("could not store an incoming e-mail; asked the sender to retry")
            return "451 4.3.0 Message not stored, please try again later"
        log.info("e-mail from %s: %s", envelope.mail_from, outcome.describe())
        return "250 2.0.0 Message accepted"


class SmtpListener:
    """Runs the listener in a thread of its own (aiosmtpd's controller)."""

    def __init__(
        self, database: Database, intake: Intake, *, host: str, port: int, max_bytes: int
    ) -> None:
        self.controller = Controller(
            _Handler(database, intake), hostname=host, port=port, data_size_limit=max_bytes
        )

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()
