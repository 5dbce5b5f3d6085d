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
    """Counts of the unsolved tickets (a partial index holds them). The breakdown groups in the
    index's own column order (status, team, category, priority), so the database streams the
    groups without sorting tens of thousands of rows; they are folded into the two views here.
    Unassigned and needs-triage are two more counts that indexes answer directly."""
    db = scope.db
    unsolved_here = (unsolved_tickets(db), scope.team())
    rows = db.execute(
        select(Ticket.status, Ticket.team_id, Ticket.category, Ticket.priority, func.count())
        .where(*unsolved_here)
        .group_by(Ticket.status, Ticket.team_id, Ticket.category, Ticket.priority)
    ).all()
    unassigned = db.scalar(select(func.count()).where(*unsolved_here, Ticket.assignee_id.is_(None)))
    needs_triage = db.scalar(select(func.count()).where(*unsolved_here, Ticket.needs_triage))
    teams: dict[int | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    categories: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PRIORITIES, 0))
    unsolved = no_team = 0
    for status, team_id, category, priority, count in rows:
        teams[team_id][status] = teams[team_id].get(status, 0) + count
        categories[category][priority] = categories[category].get(priority, 0) + count
        unsolved += count
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
        unassigned=unassigned or 0,
        needs_triage=needs_triage or 0,
        no_team=no_team,
        by_team=by_team,
        by_category=by_category,
    )
