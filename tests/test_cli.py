"""The command line, run as a newcomer runs it: the real executable against a real database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kefu.kit.db import Database

KEFU = str(Path(sys.executable).with_name("kefu"))


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [KEFU, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def create_user(
    env: dict[str, str], email: str, password: str, *options: str
) -> subprocess.CompletedProcess[str]:
    return run(
        env,
        "user",
        "create",
        "--email",
        email,
        "--name",
        email.split("@")[0],
        "--password-stdin",
        *options,
        stdin=password + "\n",
    )


@pytest.fixture
def env(database: Database, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "KEFU_DATABASE_URL": database.url,
        "KEFU_DATA_DIR": str(tmp_path / "data"),
        "KEFU_ENV": "development",
        "LANG": "C.UTF-8",
    }


def test_help_is_useful_and_bilingual(env: dict[str, str]) -> None:
    out = run(env, "--help").stdout
    for command in ("serve", "db", "demo", "user", "token"):
        assert command in out
    assert "智能客服" in out
    assert "--password-stdin" in run(env, "user", "create", "--help").stdout


def test_db_upgrade_demo_and_user_create(env: dict[str, str]) -> None:
    upgraded = run(env, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    demo = run(env, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "195 tickets" in demo.stdout  # 12 of today and a month of history
    again = run(env, "demo")
    assert again.returncode == 0 and "already present" in again.stdout

    created = create_user(
        env, "Ops@Kefu.cn", "a long password", "--role", "admin", "--team", "after_sales"
    )
    assert created.returncode == 0, created.stderr
    assert "ops@kefu.cn" in created.stdout
    duplicate = create_user(env, "ops@kefu.cn", "another password")
    assert duplicate.returncode == 2
    assert "[email_taken]" in duplicate.stderr
    zh = create_user({**env, "LANG": "zh_CN.UTF-8"}, "ops@kefu.cn", "another password")
    assert "已被其他客服账号使用" in zh.stderr
    weak = create_user(env, "w@kefu.cn", "short")
    assert weak.returncode == 2 and "[weak_password]" in weak.stderr
    no_team = create_user(env, "t@kefu.cn", "long enough pw", "--team", "nope")
    assert no_team.returncode == 2 and "[unknown_team]" in no_team.stderr
    no_tty = run(env, "user", "create", "--email", "n@kefu.cn", "--name", "n")
    assert no_tty.returncode == 2 and "--password-stdin" in no_tty.stderr

    closed = run(env, "tickets", "close-solved")
    assert closed.returncode == 0 and "closed 0" in closed.stdout

    token = run(env, "token", "create", "--name", "backend")
    assert token.returncode == 0 and token.stdout.startswith("kat_")
    bad_scope = run(env, "token", "create", "--name", "x", "--scope", "root")
    assert bad_scope.returncode == 2 and "[unknown_scope]" in bad_scope.stderr


def test_production_refuses_default_secrets(env: dict[str, str]) -> None:
    refused = run({**env, "KEFU_ENV": "production"}, "db", "upgrade")
    assert refused.returncode == 2
    assert "KEFU_PLATFORM_USER_SECRET" in refused.stderr
    demo = run({**env, "KEFU_ENV": "production", "KEFU_PLATFORM_USER_SECRET": "p" * 40}, "demo")
    assert demo.returncode == 2 and "production" in demo.stderr
    # The development secret never listens beyond this machine.
    public = run(env, "serve", "--host", "0.0.0.0", "--port", "1")
    assert public.returncode == 2 and "KEFU_PLATFORM_USER_SECRET" in public.stderr


def test_serve_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    env = {**os.environ, "KEFU_DATA_DIR": str(tmp_path), "KEFU_DATABASE_URL": ""}
    result = run(env, "serve", "--port", "1")
    assert result.returncode == 2
    assert "kefu db upgrade" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_health_checks(env: dict[str, str]) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [KEFU, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "server did not start in 30 s"
                time.sleep(0.2)
        assert health.json()["status"] == "ok"
        spec = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/v1/tickets" in spec["paths"]
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
