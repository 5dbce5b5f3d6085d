"""Engines, sessions and column types shared by every module.

The request (or job) owns the transaction: services only flush. SQLite allows one writer at a
time, so the writing engine holds a single connection: writers queue for it in the pool (woken at
once when it is returned) instead of sleeping in SQLite's busy handler, and its transactions
start with ``BEGIN IMMEDIATE`` so they never fail on a lock upgrade. Reads use their own pool and
a plain deferred ``BEGIN``; in WAL mode they never wait for the writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from kefu.kit.notify import PUBLISHER, Publisher

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use kit.clock.utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_engine(url: str, *, immediate: bool, echo: bool) -> Engine:
    # Readers get as many pooled connections as the server has worker threads (40), so busy
    # moments reuse connections instead of opening (and setting up) new ones.
    pool: dict[str, Any] = (
        {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60}
        if immediate
        else {"pool_size": 40, "max_overflow": 20}
    )
    engine = create_engine(
        url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}, **pool
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """One database: a reading and a writing engine (the same engine outside SQLite)."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.read_engine = _sqlite_engine(url, immediate=False, echo=echo)
            self.write_engine = _sqlite_engine(url, immediate=True, echo=echo)
        else:
            self.read_engine = create_engine(url, echo=echo, pool_pre_ping=True, pool_size=10)
            self.write_engine = self.read_engine
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        # Where committed announcements go (kit/notify.py); the app sets its real-time bus.
        self.publisher: Publisher | None = None

    def session(self, *, write: bool = True) -> Session:
        session = (self._write if write else self._read)()
        session.info[PUBLISHER] = self.publisher
        return session

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """A unit of work for the CLI and jobs: commit on success, roll back on error."""
        session = self.session(write=write)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.read_engine.dispose()
        if self.write_engine is not self.read_engine:
            self.write_engine.dispose()
