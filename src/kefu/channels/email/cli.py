"""``kefu email``: run the SMTP listener or the IMAP poller on their own, or ingest .eml files."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from kefu.channels.email.inbound import Intake
    from kefu.config import Settings
    from kefu.kit.db import Database


@click.group(help="The e-mail channel. / 邮件渠道。")
def email() -> None:
    pass


def _open() -> tuple[Settings, Database, Intake]:
    from kefu.channels.email.inbound import Intake
    from kefu.cli import _database, _ensure_migrated, _settings
    from kefu.wiring import connect_bus, install_listeners

    settings = _settings()
    database = _database(settings)
    _ensure_migrated(database)
    install_listeners(settings)  # mail is triaged, announced and hooked like any message
    connect_bus(database, settings)
    return settings, database, Intake.from_settings(settings)


def _log_to_stderr() -> None:
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


def _wait_for_signal() -> None:
    stopped = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopped.set())
    stopped.wait()


@email.command(
    "serve-smtp",
    help="Receive mail with kefu's SMTP listener until stopped. / 运行 SMTP 收信服务，直到停止。",
)
@click.option("--host", default=None, help="Address to bind (default KEFU_SMTP_LISTEN_HOST).")
@click.option("--port", default=None, type=int, help="Port (default KEFU_SMTP_LISTEN_PORT).")
def serve_smtp(host: str | None, port: int | None) -> None:
    from kefu.channels.email.inbound import process_pending
    from kefu.channels.email.runtime import listener_for
    from kefu.kit.cli import fail

    settings, database, intake = _open()
    port = port or settings.smtp_listen_port
    if not port:
        fail("give --port or set KEFU_SMTP_LISTEN_PORT / 请指定 --port 或 KEFU_SMTP_LISTEN_PORT")
    settings = settings.model_copy(
        update={"smtp_listen_port": port, "smtp_listen_host": host or settings.smtp_listen_host}
    )
    process_pending(database, intake)
    listener = listener_for(database, settings, intake)
    _log_to_stderr()
    listener.start()
    click.echo(
        f"SMTP listener on {settings.smtp_listen_host}:{port}; Ctrl-C stops it "
        f"/ SMTP 收信服务运行中，Ctrl-C 停止",
        err=True,
    )
    try:
        _wait_for_signal()
    finally:
        listener.stop()
        database.dispose()


@email.command(
    "poll-imap",
    help="Import new mail from the IMAP mailbox (KEFU_IMAP_*), every KEFU_IMAP_POLL_SECONDS. "
    "/ 从 IMAP 邮箱收取新邮件。",
)
@click.option("--once", is_flag=True, help="Poll once, print what happened, exit. / 只收取一次。")
def poll_imap(once: bool) -> None:
    from kefu.channels.email.imap_poll import ImapPoller, poll_once
    from kefu.channels.email.inbound import process_pending
    from kefu.cli import _settings
    from kefu.kit.cli import fail

    if not _settings().imap_host:
        fail("set KEFU_IMAP_HOST (and _USER, _PASSWORD) / 请设置 KEFU_IMAP_HOST 等")
    settings, database, intake = _open()
    try:
        if once:
            outcomes = [*process_pending(database, intake), *poll_once(database, intake, settings)]
            for outcome in outcomes:
                click.echo(outcome.describe())
            click.echo(f"{len(outcomes)} message(s) / 共 {len(outcomes)} 封")
            return
        poller = ImapPoller(database, intake, settings)
        _log_to_stderr()
        poller.start()
        click.echo(
            f"polling {settings.imap_host} every {settings.imap_poll_seconds:g} s; Ctrl-C stops "
            f"/ 正在轮询 IMAP 邮箱，Ctrl-C 停止",
            err=True,
        )
        _wait_for_signal()
        poller.stop()
    finally:
        database.dispose()


@email.command(
    "import",
    help="Ingest .eml files as if they had been received; prints what happened to each. "
    "/ 导入 .eml 邮件文件，并显示每封的处理结果。",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def import_files(files: tuple[str, ...]) -> None:
    from kefu.channels.email.inbound import ingest

    _, database, intake = _open()
    try:
        for name in files:
            outcome = ingest(database, Path(name).read_bytes(), intake, source="file")
            click.echo(f"{name}: {outcome.describe()}")
    finally:
        database.dispose()


@email.command(
    "retry",
    help="Process quarantined mail again (all, or the given email_inbound ids), e.g. after a fix. "
    "/ 重新处理被隔离的邮件。",
)
@click.argument("ids", nargs=-1, type=int)
def retry(ids: tuple[int, ...]) -> None:
    from kefu.channels.email.inbound import retry_quarantined

    _, database, intake = _open()
    try:
        outcomes = retry_quarantined(database, intake, list(ids) or None)
        for outcome in outcomes:
            click.echo(f"{outcome.inbound_id}: {outcome.describe()}")
        click.echo(f"{len(outcomes)} message(s) / 共 {len(outcomes)} 封")
    finally:
        database.dispose()
