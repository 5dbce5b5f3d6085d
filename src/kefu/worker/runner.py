"""Runs jobs: in a thread of the web process by default, or as ``kefu worker`` processes."""

from __future__ import annotations

import importlib
import logging
import threading

from kefu.kit.db import Database
from kefu.worker.queue import PermanentFailure, claim, kind_of, settle

log = logging.getLogger(__name__)
# Modules that register job kinds; importing them is what makes their jobs runnable.
JOB_MODULES: list[str] = [
    "kefu.triage.service",
    "kefu.channels.webhooks.delivery",
    "kefu.channels.email.outbound",
]


def load_job_kinds() -> None:
    for module in JOB_MODULES:
        importlib.import_module(module)


def run_one(database: Database) -> bool:
    """Claim and run one due job; False when none is due."""
    with database.transaction() as db:
        job = claim(db)
        if job is None:
            return False
        job_id, attempt, kind_name, payload = job.id, job.attempts, job.kind, dict(job.payload)
    kind = kind_of(kind_name)
    error: BaseException | None = None
    try:
        if kind is None:
            raise PermanentFailure(f"no handler for job kind {kind_name!r} in this process")
        kind.handler(database, payload)
    except Exception as exc:
        log.warning("job %s (%s) failed: %s", job_id, kind_name, exc)
        error = exc
    with database.transaction() as db:
        settle(db, job_id, attempt, error)
    return True


def run_until_idle(database: Database, limit: int = 10_000) -> int:
    """Run due jobs until none is left; returns how many ran (tests and ``--once``)."""
    ran = 0
    while ran < limit and run_one(database):
        ran += 1
    return ran


class Worker:
    """A background thread that runs due jobs, polling when idle."""

    def __init__(self, database: Database, poll_seconds: float = 0.5) -> None:
        self.database = database
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="kefu-worker", daemon=True)

    def start(self) -> None:
        load_job_kinds()
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = run_one(self.database)
            except Exception:  # the database is away: wait and try again
                log.exception("worker could not reach the job queue")
                busy = False
            if not busy:
                self._stop.wait(self.poll_seconds)
