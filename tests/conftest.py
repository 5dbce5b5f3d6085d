"""Test harness: real databases, the real app, real tokens.

Every test that uses ``database`` runs on SQLite, and also on PostgreSQL when
``KEFU_TEST_POSTGRES_URL`` names a server (CI sets it). Each test gets a freshly migrated,
empty database: SQLite copies a migrated template file; PostgreSQL truncates and restores the
reference rows the migrations wrote.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, select, text, update
from sqlalchemy.engine import make_url

from kefu.app import create_app
from kefu.auth.actors import StaffActor
from kefu.auth.identity import sign_user_token
from kefu.auth.models import Role, StaffUser, Team, TeamMembership
from kefu.auth.passwords import hash_password
from kefu.auth.service import create_api_token, open_session, team_ids_of
from kefu.config import Settings
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.knowledge.documents import STARTER_FOLDER, read_folder
from kefu.knowledge.service import import_documents
from kefu.models import metadata
from kefu.tickets.models import Ticket

PG_URL = os.environ.get("KEFU_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per run


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "kefu.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db.write_engine)
    db.dispose()
    return path


@dataclass
class PgServer:
    url: str
    reference: dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    admin_url = make_url(PG_URL).set(drivername="postgresql+psycopg")
    name = f"kefu_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    upgrade(db.write_engine)
    with db.write_engine.connect() as conn:
        reference = {
            table.name: [dict(row._mapping) for row in conn.execute(select(table))]
            for table in metadata.sorted_tables
        }
    db.dispose()
    yield PgServer(url=url, reference={k: v for k, v in reference.items() if v})
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(server: PgServer) -> Database:
    db = Database(server.url)
    tables = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with db.write_engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        for table in metadata.sorted_tables:
            rows = server.reference.get(table.name)
            if rows:
                conn.execute(insert(table), rows)
        conn.execute(text("ALTER SEQUENCE ticket_number_seq RESTART WITH 10001"))
        for table in metadata.sorted_tables:  # keep serials ahead of the restored rows
            if "id" in table.c and server.reference.get(table.name):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f'(SELECT max(id) FROM "{table.name}"))'
                    )
                )
    return db


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        path = tmp_path / "kefu.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        db = Database(f"sqlite:///{path}")
    else:
        db = _reset_postgres(request.getfixturevalue("pg_server"))
    yield db
    db.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        env="test",
        data_dir=tmp_path / "data",
        attachment_max_bytes=64 * 1024,
        inline_worker=False,  # tests run due jobs themselves (worker.runner.run_until_idle)
    )


@pytest.fixture
def client(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database)) as test_client:
        yield test_client


class Desk:
    """Makes the people of a test: staff with sessions, end users with platform tokens."""

    def __init__(self, database: Database, settings: Settings, password_hash: str) -> None:
        self.database = database
        self.settings = settings
        self.password_hash = password_hash

    def team_id(self, slug: str) -> int:
        with self.database.transaction() as db:
            team_id = db.scalar(select(Team.id).where(Team.slug == slug))
        assert team_id is not None, slug
        return team_id

    def staff(
        self, name: str = "agent", role: Role = Role.agent, teams: tuple[str, ...] = ()
    ) -> StaffHandle:
        with self.database.transaction() as db:
            user = StaffUser(
                email=f"{name}-{uuid.uuid4().hex[:6]}@example.test",
                name=name,
                role=role,
                password_hash=self.password_hash,
            )
            db.add(user)
            db.flush()
            for slug in teams:
                team_id = db.scalar(select(Team.id).where(Team.slug == slug))
                db.add(TeamMembership(team_id=team_id, user_id=user.id))
            db.flush()
            token, _ = open_session(db, user, hours=1)
            actor = StaffActor(user=user, team_ids=team_ids_of(db, user.id))
        return StaffHandle(user.id, user.email, {"Authorization": f"Bearer {token}"}, actor)

    def user(self, uid: str | None = None, **claims: Any) -> dict[str, str]:
        """Headers for an end user signed in by the platform."""
        payload = {"sub": uid or f"u-{uuid.uuid4().hex[:8]}", "exp": int(time.time()) + 3600}
        payload.update(claims)
        return {
            "Authorization": "Bearer "
            + sign_user_token(payload, self.settings.platform_user_secret)
        }

    def api_token(self, *scopes: str) -> dict[str, str]:
        with self.database.transaction() as db:
            token, _ = create_api_token(db, name="platform", scopes=list(scopes))
        return {"Authorization": f"Bearer {token}"}


@dataclass
class StaffHandle:
    id: int
    email: str
    headers: dict[str, str]
    actor: StaffActor


@pytest.fixture
def desk(database: Database, settings: Settings, password_hash: str) -> Desk:
    return Desk(database, settings, password_hash)


def new_ticket(client: TestClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"body": "我的账号登录不了，一直提示密码错误", **fields}
    response = client.post("/api/v1/me/tickets", json=body, headers=headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def edit_ticket(
    client: TestClient, headers: dict[str, str], number: int, **fields: object
) -> httpx.Response:
    """PATCH a ticket with the version the caller has just read, as the console does."""
    version = client.get(f"/api/v1/tickets/{number}", headers=headers).json()["version"]
    response: httpx.Response = client.patch(
        f"/api/v1/tickets/{number}", headers=headers, json={"version": version, **fields}
    )
    return response


def solved_long_ago(database: Database, number: int, *, days: int = 30) -> None:
    """Move a solved ticket's solved time into the past (past the reopen window)."""
    with database.transaction() as db:
        db.execute(
            update(Ticket)
            .where(Ticket.number == number)
            .values(solved_at=utcnow() - timedelta(days=days))
        )


def route_to(
    client: TestClient, staff: StaffHandle, number: int, team_id: int | None
) -> dict[str, Any]:
    """Put a ticket in a team's queue, as a supervisor would."""
    response = edit_ticket(client, staff.headers, number, team_id=team_id)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


@pytest.fixture
def help_centre(database: Database) -> Database:
    """The database with the starter help centre imported, as ``kefu demo`` leaves it."""
    with database.transaction() as db:
        import_documents(db, read_folder(STARTER_FOLDER))
    return database
