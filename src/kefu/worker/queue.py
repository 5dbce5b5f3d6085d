"""Enqueue, claim and settle jobs. Delivery is at least once: handlers must be idempotent.

A job kind is registered with its handler and retry policy. The handler gets the database, not a
session, because jobs talk to the outside world (SMTP, webhooks) and must not hold SQLite's one
write lock while they wait on it: each handler opens the short transactions it needs.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.worker.models import Job, JobStatus

Handler = Callable[[Database, dict[str, Any]], None]
LEASE = timedelta(minutes=5)  # a job running longer than this is presumed lost and runs again

log = logging.getLogger(__name__)


class PermanentFailure(Exception):
    """Raised by a handler when trying again cannot help (the job goes dead at once)."""


@dataclass(frozen=True)
class JobKind:
    name: str
    handler: Handler
    max_attempts: int = 8
    first_delay: timedelta = timedelta(seconds=10)
    max_delay: timedelta = timedelta(hours=1)

    def delay_after(self, attempts: int) -> timedelta:
        """Exponential backoff with ±20% jitter, so retries of one outage do not arrive as one."""
        base: timedelta = min(self.first_delay * 2 ** max(attempts - 1, 0), self.max_delay)
        return base * random.uniform(0.8, 1.2)


_kinds: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    _kinds[kind.name] = kind


def kind_of(name: str) -> JobKind | None:
    return _kinds.get(name)


def enqueue(
    db: Session, kind: str, payload: dict[str, Any], *, run_at: datetime | None = None
) -> Job:
    """Add a job to the caller's transaction: it runs only if that transaction commits."""
    registered = _kinds.get(kind)
    if registered is None:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job(
        kind=kind,
        payload=payload,
        max_attempts=registered.max_attempts,
        run_at=run_at or utcnow(),
        created_at=utcnow(),
    )
    db.add(job)
    db.flush()
    return job


def claim(db: Session, kinds: list[str] | None = None) -> Job | None:
    """Take the next due job (or one whose worker vanished) and lease it."""
    now = utcnow()
    query = (
        select(Job)
        .where(
            or_(
                (Job.status == JobStatus.queued) & (Job.run_at <= now),
                (Job.status == JobStatus.running) & (Job.locked_until < now),
            )
        )
        .order_by(Job.run_at, Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if kinds is not None:
        query = query.where(Job.kind.in_(kinds))
    while True:
        job = db.scalar(query)
        if job is None:
            return None
        if job.status == JobStatus.running and job.attempts >= job.max_attempts:
            # its worker vanished on the last attempt (perhaps the job kills it): no more tries
            job.status, job.finished_at, job.locked_until = JobStatus.dead, now, None
            job.last_error = "the worker running its last attempt vanished"
            db.flush()
            continue
        job.status, job.locked_until = JobStatus.running, now + LEASE
        job.attempts += 1
        db.flush()
        return job


def settle(db: Session, job_id: int, attempt: int, error: BaseException | None) -> Job | None:
    """Record the outcome of run number ``attempt``: done, retried later with backoff, or dead.

    The attempt count is the lease's fencing token: a run that outlived its lease may have been
    claimed again by another worker, and its late outcome must not overwrite that run's. Such a
    stale outcome is dropped (None); the job's handlers are idempotent, so running twice is safe.
    """
    job = db.get(Job, job_id, with_for_update=True)
    assert job is not None
    if job.status != JobStatus.running or job.attempts != attempt:
        log.warning("job %s: run %s finished after its lease was taken over", job_id, attempt)
        return None
    now = utcnow()
    job.locked_until = None
    if error is None:
        job.status, job.finished_at, job.last_error = JobStatus.done, now, None
        return job
    job.last_error = f"{type(error).__name__}: {error}"[:2000]
    kind = _kinds.get(job.kind)
    if kind is None or isinstance(error, PermanentFailure) or job.attempts >= job.max_attempts:
        job.status, job.finished_at = JobStatus.dead, now
    else:
        job.status, job.run_at = JobStatus.queued, now + kind.delay_after(job.attempts)
    db.flush()
    return job
