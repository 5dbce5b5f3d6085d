"""First-response and resolution times over the period (median, p90, per bucket), and the
tickets created and solved per bucket.

- First response: first public staff replies sent in the period; the wait is from the
  ticket's creation to that reply. Escalation tasks (channel ``internal``) take no public
  replies and are left out.
- Resolution: tickets solved in the period (``solved_at``, which a reopen clears and the next
  solve sets again), from creation to that solve.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from kefu.analytics.schemas import TimingOut, TimingPoint, VolumePoint
from kefu.analytics.scope import Scope
from kefu.analytics.sql import Expr, bucket_of, seconds_between, spreads
from kefu.tickets.models import Channel, Ticket


def first_response(scope: Scope) -> TimingOut:
    moment = Ticket.first_response_at
    return _timing(
        scope,
        moment,
        moment >= scope.window.start,
        moment < scope.window.end,
        Ticket.channel != Channel.internal,
    )


def resolution(scope: Scope) -> TimingOut:
    moment = Ticket.solved_at
    return _timing(scope, moment, moment >= scope.window.start, moment < scope.window.end)


def _timing(scope: Scope, moment: Expr, *where: Any) -> TimingOut:
    window = scope.window
    wait = seconds_between(moment, Ticket.created_at, scope.dialect)
    conditions = (*where, scope.team())
    total, per_bucket = spreads(
        scope.db, wait, bucket_of(moment, window.edges, scope.dialect), *conditions
    )
    trend = []
    for index in range(len(window.edges)):
        point = per_bucket.get(index)
        trend.append(
            TimingPoint(
                bucket=index,
                count=point.count if point else 0,
                median_seconds=point.median if point else None,
                p90_seconds=point.p90 if point else None,
            )
        )
    return TimingOut(
        count=total.count, median_seconds=total.median, p90_seconds=total.p90, trend=trend
    )


def volume(scope: Scope) -> list[VolumePoint]:
    window = scope.window
    created: dict[int, int] = {}
    solved: dict[int, int] = {}
    for moment, into in ((Ticket.created_at, created), (Ticket.solved_at, solved)):
        bucket = bucket_of(moment, window.edges, scope.dialect)
        rows = scope.db.execute(
            select(bucket, func.count())
            .where(moment >= window.start, moment < window.end, scope.team())
            .group_by(bucket)
        ).all()
        into.update({int(index): int(count) for index, count in rows})
    return [
        VolumePoint(bucket=index, created=created.get(index, 0), solved=solved.get(index, 0))
        for index in range(len(window.edges))
    ]
