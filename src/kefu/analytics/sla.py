"""Interim SLA: first-response targets per priority from settings
(``KEFU_SLA_FIRST_RESPONSE_HOURS_{URGENT,HIGH,NORMAL,LOW}``), until the sla module brings
policies and business-hours calendars. Targets run on the clock, around the clock.

- Breached: an unsolved ticket (new, open or on hold; pending waits on the requester) without
  a first public reply, waiting longer than its priority's target.
- At risk: waiting at least 80 % of the target (within 20 % of it), not yet breached.
- Met in the period: of the first replies sent in the period, those within the target.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select

from kefu.analytics.schemas import SlaOut, SlaPriority, TicketAtRisk
from kefu.analytics.scope import Scope, likely, unsolved_tickets
from kefu.analytics.sql import seconds_between
from kefu.config import Settings
from kefu.kit.db import UTCDateTime
from kefu.tickets.models import Channel, Priority, Status, Ticket

LIST_LIMIT = 10
AT_RISK_SHARE = 0.8  # "within 20 % of the target"
PRIORITIES = (Priority.urgent, Priority.high, Priority.normal, Priority.low)


def targets(settings: Settings) -> dict[str, timedelta]:
    return {
        Priority.urgent: timedelta(hours=settings.sla_first_response_hours_urgent),
        Priority.high: timedelta(hours=settings.sla_first_response_hours_high),
        Priority.normal: timedelta(hours=settings.sla_first_response_hours_normal),
        Priority.low: timedelta(hours=settings.sla_first_response_hours_low),
    }


def _target_seconds(goals: dict[str, timedelta]) -> ColumnElement[Any]:
    normal = goals[Priority.normal].total_seconds()
    whens = [(Ticket.priority == p, goal.total_seconds()) for p, goal in goals.items()]
    return case(*whens, else_=normal)


def sla_risk(scope: Scope, settings: Settings) -> SlaOut:
    goals = targets(settings)
    now = scope.window.end
    state = case(
        *[
            (and_(Ticket.priority == p, Ticket.created_at <= now - goal), "breached")
            for p, goal in goals.items()
        ],
        *[
            (and_(Ticket.priority == p, Ticket.created_at <= now - goal * AT_RISK_SHARE), "at_risk")
            for p, goal in goals.items()
        ],
        else_="ok",
    )
    waiting = (
        # the partial index's own condition, so it serves; then pending left out
        unsolved_tickets(scope.db),
        Ticket.status != Status.pending,
        likely(Ticket.first_response_at.is_(None), scope.db),
        Ticket.channel != Channel.internal,
        Ticket.parent_id.is_(None),
        scope.team(),
    )
    # Soonest due first: the ticket's age relative to a fixed moment, plus its target. One
    # pass: each state's tickets numbered in that order and counted, the first few returned.
    anchor = literal(scope.window.start, UTCDateTime())
    due_order = seconds_between(Ticket.created_at, anchor, scope.dialect) + _target_seconds(goals)
    late = (
        select(
            Ticket.id,
            state.label("state"),
            due_order.label("due"),
        )
        .where(*waiting)
        .subquery()
    )
    ranked = (
        select(
            late,
            func.row_number()
            .over(partition_by=late.c.state, order_by=(late.c.due, late.c.id))
            .label("rn"),
            func.count().over(partition_by=late.c.state).label("n"),
        )
        .where(late.c.state != "ok")
        .subquery()
    )
    first = select(ranked).where(ranked.c.rn <= LIST_LIMIT).subquery()
    rows = scope.db.execute(
        select(
            first.c.state,
            first.c.n,
            Ticket.number,
            Ticket.subject,
            Ticket.priority,
            Ticket.team_id,
            Ticket.created_at,
        )
        .join(Ticket, Ticket.id == first.c.id)
        .order_by(first.c.state, first.c.rn)
    ).all()
    counts: dict[str, int] = {}
    lists: dict[str, list[TicketAtRisk]] = {"breached": [], "at_risk": []}
    for row in rows:
        counts[row.state] = row.n
        lists[row.state].append(
            TicketAtRisk(
                number=row.number,
                subject=row.subject,
                priority=row.priority,
                team_id=row.team_id,
                created_at=row.created_at,
                due_at=row.created_at + goals.get(row.priority, goals[Priority.normal]),
                waited_seconds=round((now - row.created_at).total_seconds(), 1),
            )
        )
    by_priority, met_total, answered = _met_in_period(scope, goals)
    return SlaOut(
        breached_count=int(counts.get("breached", 0)),
        at_risk_count=int(counts.get("at_risk", 0)),
        breached=lists["breached"],
        at_risk=lists["at_risk"],
        met_share=met_total / answered if answered else None,
        by_priority=by_priority,
    )


def _met_in_period(scope: Scope, goals: dict[str, timedelta]) -> tuple[list[SlaPriority], int, int]:
    window = scope.window
    wait = seconds_between(Ticket.first_response_at, Ticket.created_at, scope.dialect)
    met = wait <= _target_seconds(goals)
    rows = scope.db.execute(
        select(Ticket.priority, met, func.count())
        .where(
            Ticket.first_response_at >= window.start,
            Ticket.first_response_at < window.end,
            Ticket.channel != Channel.internal,
            scope.team(),
        )
        .group_by(Ticket.priority, met)
    ).all()
    tally: dict[str, list[int]] = {p: [0, 0] for p in PRIORITIES}
    for priority, was_met, count in rows:
        tally.setdefault(priority, [0, 0])[0 if was_met else 1] += count
    by_priority = [
        SlaPriority(
            priority=p,
            target_hours=goals[p].total_seconds() / 3600,
            met=tally[p][0],
            missed=tally[p][1],
        )
        for p in PRIORITIES
    ]
    met_total = sum(row.met for row in by_priority)
    answered = met_total + sum(row.missed for row in by_priority)
    return by_priority, met_total, answered
