"""Helpers for the e-mail channel's tests: the .eml fixtures, free ports, a real SMTP sink
(aiosmtpd) that records what kefu sends, and a real IMAP server (Dovecot) when installed."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from kefu.channels.email.inbound import Intake
from kefu.channels.email.outbound import install
from kefu.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
DOVECOT = shutil.which("dovecot") or (
    "/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None
)


def eml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def intake(settings: Settings) -> Intake:
    return Intake.from_settings(settings)


@dataclass
class Sink:
    """A real SMTP server on localhost that keeps every message it accepts."""

    port: int
    received: list[tuple[str, list[str], Message]] = field(default_factory=list)
    controller: Controller | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            (
                envelope.mail_from,
                list(envelope.rcpt_tos),
                message_from_bytes(envelope.content, policy=policy.default),
            )
        )
        return "250 OK"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def sink() -> Iterator[Sink]:
    server = Sink(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_settings(settings: Settings, sink: Sink) -> Settings:
    """Settings that send through the sink; installed as the outbound channel's settings."""
    configured = settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": sink.port, "smtp_starttls": False}
    )
    install(configured)
    return configured


@dataclass
class Imap:
    port: int
    user: str
    password: str


def _dovecot_config(root: Path, port: int, passwd: Path) -> str:
    if os.geteuid() == 0:  # Dovecot refuses to run its login processes as root
        internal, login = "dovecot", "dovenull"
    else:
        internal = login = pwd.getpwuid(os.geteuid()).pw_name
    mail_user = pwd.getpwnam(internal)
    home = root / "home"
    home.mkdir()
    os.chown(home, mail_user.pw_uid, mail_user.pw_gid)
    return f"""
base_dir = {root}/run
state_dir = {root}/state
instance_name = kefu-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
default_internal_group = {internal}
default_login_user = {login}
first_valid_uid = 0
first_valid_gid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={home}/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""


@pytest.fixture
def imap_server() -> Iterator[Imap]:
    """A real Dovecot IMAP server, run from a throw-away configuration (scripts/test installs
    the dovecot-imapd package when it is missing)."""
    if DOVECOT is None:
        pytest.skip("Dovecot is not installed (scripts/test installs dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="kefu-dovecot-"))
    root.chmod(0o755)  # the mail user reads its home below it
    for name in ("run", "state"):
        (root / name).mkdir()
    passwd = root / "passwd"
    passwd.write_text("kefu:{PLAIN}mailbox-secret\n")
    port = free_port()
    config = root / "dovecot.conf"
    config.write_text(_dovecot_config(root, port, passwd))
    process = subprocess.Popen([DOVECOT, "-F", "-c", str(config)])
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    log = (
                        (root / "dovecot.log").read_text()
                        if (root / "dovecot.log").exists()
                        else ""
                    )
                    pytest.fail(f"Dovecot did not start: {log}")
                time.sleep(0.05)
        yield Imap(port, "kefu", "mailbox-secret")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(root, ignore_errors=True)
