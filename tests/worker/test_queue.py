"""Jobs: enqueued with the caller's transaction, run at least once, retried with backoff."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.worker.models import Job, JobStatus
from kefu.worker.queue import JobKind, PermanentFailure, claim, enqueue, register, settle
from kefu.worker.runner import run_one, run_until_idle

calls: list[dict[str, Any]] = []
failures_left = {"n": 0}


def _record(_: Database, payload: dict[str, Any]) -> None:
    if failures_left["n"] > 0:
        failures_left["n"] -= 1
        raise ConnectionError("server down")
    calls.append(payload)


def _refuse(_: Database, payload: dict[str, Any]) -> None:
    raise PermanentFailure("address does not exist")


register(JobKind("test.record", _record, max_attempts=3))
register(JobKind("test.refuse", _refuse))
taken_over: list[int] = []


def _outlive_the_lease(database: Database, payload: dict[str, Any]) -> None:
    """Runs so long that the lease runs out and another worker claims the job meanwhile."""
    with database.transaction() as db:
        db.execute(update(Job).values(locked_until=utcnow() - timedelta(seconds=1)))
    with database.transaction() as db:
        other = claim(db)
        assert other is not None
        taken_over.append(other.attempts)
    raise ConnectionError("finally gave up")


register(JobKind("test.slow", _outlive_the_lease, max_attempts=5))


@pytest.fixture(autouse=True)
def _fresh() -> None:
    calls.clear()
    taken_over.clear()
    failures_left["n"] = 0


def _job(database: Database, job_id: int) -> Job:
    with database.transaction(write=False) as db:
        job = db.get(Job, job_id)
        assert job is not None
        return job


def _make_due(database: Database, job_id: int) -> None:
    with database.transaction() as db:
        db.execute(update(Job).where(Job.id == job_id).values(run_at=utcnow()))


def test_a_job_runs_only_if_its_transaction_commits(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as db:
        enqueue(db, "test.record", {"n": 1})
        raise RuntimeError("the request failed")
    with database.transaction() as db:
        job_id = enqueue(db, "test.record", {"n": 2}).id
    assert run_until_idle(database) == 1
    assert calls == [{"n": 2}]
    job = _job(database, job_id)
    assert job.status == JobStatus.done and job.attempts == 1 and job.finished_at is not None


def test_a_failed_job_waits_longer_each_time_then_dies(database: Database) -> None:
    failures_left["n"] = 5
    with database.transaction() as db:
        job_id = enqueue(db, "test.record", {"n": 1}).id
    assert run_one(database)
    first = _job(database, job_id)
    assert first.status == JobStatus.queued and first.attempts == 1
    assert "server down" in (first.last_error or "")
    wait_1 = first.run_at - utcnow()
    assert timedelta(seconds=7) < wait_1 < timedelta(seconds=13)
    assert not run_one(database)  # not due yet
    _make_due(database, job_id)
    assert run_one(database)
    wait_2 = _job(database, job_id).run_at - utcnow()
    assert wait_2 > wait_1  # exponential
    _make_due(database, job_id)
    assert run_one(database)
    dead = _job(database, job_id)
    assert dead.status == JobStatus.dead and dead.attempts == 3 and calls == []


def test_a_retried_job_succeeds_once_the_server_is_back(database: Database) -> None:
    failures_left["n"] = 1
    with database.transaction() as db:
        job_id = enqueue(db, "test.record", {"n": 7}).id
    run_one(database)
    _make_due(database, job_id)
    run_one(database)
    assert calls == [{"n": 7}] and _job(database, job_id).status == JobStatus.done


def test_a_permanent_failure_is_not_retried(database: Database) -> None:
    with database.transaction() as db:
        job_id = enqueue(db, "test.refuse", {}).id
    run_one(database)
    job = _job(database, job_id)
    assert job.status == JobStatus.dead and job.attempts == 1
    assert "address does not exist" in (job.last_error or "")


def test_a_job_whose_worker_vanished_runs_again(database: Database) -> None:
    with database.transaction() as db:
        job_id = enqueue(db, "test.record", {"n": 3}).id
        # another worker claimed it and died: its lease ran out a minute ago
        db.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(status=JobStatus.running, locked_until=utcnow() - timedelta(minutes=1))
        )
    assert run_until_idle(database) == 1
    assert calls == [{"n": 3}]


def test_an_unknown_kind_is_refused_when_enqueued(database: Database) -> None:
    with pytest.raises(ValueError, match="unknown job kind"), database.transaction() as db:
        enqueue(db, "test.nobody", {})


def test_a_job_whose_worker_vanished_on_its_last_attempt_dies(database: Database) -> None:
    with database.transaction() as db:
        job_id = enqueue(db, "test.record", {"n": 4}).id
        db.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                status=JobStatus.running,
                attempts=3,  # the kind's max_attempts
                locked_until=utcnow() - timedelta(minutes=1),
            )
        )
    assert run_until_idle(database) == 0
    job = _job(database, job_id)
    assert job.status == JobStatus.dead and calls == [] and "vanished" in (job.last_error or "")


def test_a_run_that_outlived_its_lease_does_not_overwrite_the_next_one(
    database: Database,
) -> None:
    with database.transaction() as db:
        job_id = enqueue(db, "test.slow", {}).id
    run_one(database)  # run 1 fails late, after the other worker took the job as run 2
    job = _job(database, job_id)
    assert taken_over == [2]
    assert (job.status, job.attempts, job.last_error) == (JobStatus.running, 2, None)
    with database.transaction() as db:
        assert settle(db, job_id, 2, None) is not None  # run 2 finishes: it holds the lease
    assert _job(database, job_id).status == JobStatus.done
