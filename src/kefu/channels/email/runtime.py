"""Starting the e-mail channel with the app: the SMTP listener and the IMAP poller, each only
when its settings are given."""

from __future__ import annotations

import logging

from kefu.channels.email.imap_poll import ImapPoller
from kefu.channels.email.inbound import Intake, process_pending
from kefu.channels.email.smtp_server import SmtpListener
from kefu.config import Settings
from kefu.kit.db import Database

log = logging.getLogger("kefu.email")


def listener_for(database: Database, settings: Settings, intake: Intake) -> SmtpListener:
    assert settings.smtp_listen_port is not None
    return SmtpListener(
        database,
        intake,
        host=settings.smtp_listen_host,
        port=settings.smtp_listen_port,
        max_bytes=settings.attachment_max_bytes * 2 + 1024 * 1024,
    )


class EmailChannel:
    def __init__(self, database: Database, settings: Settings) -> None:
        intake = Intake.from_settings(settings)
        self.database, self.intake = database, intake
        self.listener = (
            listener_for(database, settings, intake) if settings.smtp_listen_port else None
        )
        self.poller = ImapPoller(database, intake, settings) if settings.imap_host else None

    @property
    def enabled(self) -> bool:
        return self.listener is not None or self.poller is not None

    def start(self) -> None:
        if self.listener is not None:
            process_pending(self.database, self.intake)
            try:
                self.listener.start()
            except OSError as exc:  # another web worker of this server listens already
                log.warning("SMTP listener not started here: %s", exc)
                self.listener = None
        if self.poller is not None:
            self.poller.start()

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        if self.poller is not None:
            self.poller.stop()
