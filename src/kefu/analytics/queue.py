"""Live queue sizes: unsolved tickets right now, by team and status, by category and priority."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from kefu.analytics.schemas import CategoryQueue, Names, QueueOut, TeamQueue
from kefu.analytics.scope import Scope, unsolved_tickets
from kefu.auth.models import Team
from kefu.tickets.models import Priority, Status, Ticket
from kefu.triage.taxonomy import BY_KEY

STATUSES = (Status.new, Status.open, Status.pending, Status.on_hold)
PRIORITIES = (Priority.urgent, Priority.high, Priority.normal, Priority.low)
NO_TEAM = Names(en="No team yet", zh="未分配团队")
UNCATEGORISED = Names(en="Uncategorised", zh="未分类")


def category_names(key: str | None) -> Names:
    category = BY_KEY.get(key) if key else None
    if category is None:
        return UNCATEGORISED if key is None else Names(en=key, zh=key)
    return Names(en=category.name["en"], zh=category.name["zh"])


def live_queue(scope: Scope) -> QueueOut:
    """One GROUP BY over the unsolved tickets (a small partial index holds them); the groups, a few
    hundred at most, are folded into the two views here."""
    db = scope.db
    rows = db.execute(
        select(
            Ticket.team_id,
            Ticket.category,
            Ticket.status,
            Ticket.priority,
            Ticket.assignee_id.is_(None),
            Ticket.needs_triage,
            func.count(),
        )
        .where(unsolved_tickets(db), scope.team())
        .group_by(
            Ticket.team_id,
            Ticket.category,
            Ticket.status,
            Ticket.priority,
            Ticket.assignee_id.is_(None),
            Ticket.needs_triage,
        )
    ).all()
    teams: dict[int | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    categories: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PRIORITIES, 0))
    unsolved = unassigned = needs_triage = no_team = 0
    for team_id, category, status, priority, is_unassigned, triage, count in rows:
        teams[team_id][status] = teams[team_id].get(status, 0) + count
        categories[category][priority] = categories[category].get(priority, 0) + count
        unsolved += count
        unassigned += count if is_unassigned else 0
        needs_triage += count if triage else 0
        no_team += count if team_id is None else 0
    names = {
        team.id: Names(en=team.name_en, zh=team.name_zh)
        for team in db.scalars(select(Team).where(Team.id.in_([t for t in teams if t])))
    }
    by_team = [
        TeamQueue(
            team_id=team_id,
            name=names.get(team_id, NO_TEAM) if team_id else NO_TEAM,
            total=sum(counts.values()),
            by_status=counts,
        )
        for team_id, counts in teams.items()
    ]
    by_category = [
        CategoryQueue(
            category=key,
            name=category_names(key),
            total=sum(counts.values()),
            by_priority=counts,
        )
        for key, counts in categories.items()
    ]
    by_team.sort(key=lambda row: (-row.total, row.name.en))
    by_category.sort(key=lambda row: (-row.total, row.category or ""))
    return QueueOut(
        unsolved=unsolved,
        unassigned=unassigned,
        needs_triage=needs_triage,
        no_team=no_team,
        by_team=by_team,
        by_category=by_category,
    )
