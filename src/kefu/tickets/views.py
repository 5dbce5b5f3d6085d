"""The queue's views: the built-in ones every agent has, turning a view's filter into the
queue's query, and counting what each view holds for one agent (SQL COUNTs over indexes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import StaffActor
from kefu.auth.models import StaffUser, Team
from kefu.auth.schemas import TeamOut
from kefu.kit.i18n import Locale, Text, pick, text
from kefu.tickets import queries, saved_views
from kefu.tickets.models import SavedView, Status
from kefu.tickets.schemas import StaffRef
from kefu.tickets.view_schemas import ViewFilters, ViewOut, ViewsOut

UNSOLVED = [Status.new, Status.open, Status.pending, Status.on_hold]


@dataclass(frozen=True)
class BuiltinView:
    key: str
    name: Text
    shortcut: str  # pressed after "g" in the console
    filters: ViewFilters


BUILTIN_VIEWS: tuple[BuiltinView, ...] = (
    BuiltinView("mine", text("Mine", "我的工单"), "m", ViewFilters(status=UNSOLVED, assignee="me")),
    BuiltinView(
        "unassigned",
        text("Unassigned", "未分配"),
        "u",
        ViewFilters(status=UNSOLVED, assignee="none"),
    ),
    BuiltinView(
        "my_teams", text("My teams", "我的团队"), "t", ViewFilters(status=UNSOLVED, team="mine")
    ),
    BuiltinView(
        "needs_triage",
        text("Needs triage", "待分拣"),
        "n",
        ViewFilters(status=UNSOLVED, needs_triage=True),
    ),
    BuiltinView("all_open", text("All open", "全部未解决"), "a", ViewFilters(status=UNSOLVED)),
)
BUILTIN_BY_KEY = {view.key: view for view in BUILTIN_VIEWS}


def ticket_filters(filters: ViewFilters, actor: StaffActor) -> queries.TicketFilters:
    """The queue's query for ``filters`` as ``actor`` reads them ("me", "mine")."""
    team, assignee = filters.team, filters.assignee
    return queries.TicketFilters(
        status=[s.value for s in filters.status],
        team_id=team if isinstance(team, int) else None,
        unassigned_team=team == "none",
        team_ids=actor.team_ids if team == "mine" else None,
        assignee_id=actor.user.id
        if assignee == "me"
        else assignee
        if isinstance(assignee, int)
        else None,
        unassigned=assignee == "none",
        category=filters.category,
        priority=[p.value for p in filters.priority],
        channel=filters.channel.value if filters.channel else None,
        locale=filters.locale,
        tag=filters.tag,
        needs_triage=filters.needs_triage,
        q=filters.q or None,
    )


def count_views(db: Session, actor: StaffActor, filters: Sequence[ViewFilters]) -> list[int]:
    """For each filter, the tickets that ``actor`` may see and that match (one statement)."""
    return queries.count_tickets(
        db, queries.visible_to(actor), [ticket_filters(f, actor) for f in filters]
    )


def present_saved(
    db: Session, actor: StaffActor, rows: list[SavedView], counts: Sequence[int] | None = None
) -> list[ViewOut]:
    """Saved views as the API shows them; ``counts`` when the caller has counted already."""
    if not rows:
        return []
    filters = [saved_views.filters_of(row) for row in rows]
    if counts is None:
        counts = count_views(db, actor, filters)
    teams = {
        t.id: t
        for t in db.scalars(select(Team).where(Team.id.in_({r.team_id for r in rows if r.team_id})))
    }
    owners = {
        u.id: u
        for u in db.scalars(select(StaffUser).where(StaffUser.id.in_({r.owner_id for r in rows})))
    }
    out = []
    for row, row_filters, count in zip(rows, filters, counts, strict=True):
        owner = owners.get(row.owner_id)
        team = teams.get(row.team_id) if row.team_id else None
        out.append(
            ViewOut(
                key=f"saved:{row.id}",
                id=row.id,
                name=row.name,
                builtin=False,
                shortcut=None,
                filters=row_filters,
                count=count,
                team=TeamOut.model_validate(team) if team else None,
                owner=StaffRef(id=owner.id, name=owner.name) if owner else None,
                editable=row.owner_id == actor.user.id,
                updated_at=row.updated_at,
            )
        )
    return out


def present_views(db: Session, actor: StaffActor, locale: Locale) -> ViewsOut:
    """Every view the actor has, each with the number of tickets it holds for them."""
    rows = saved_views.visible_saved_views(db, actor)
    filters = [view.filters for view in BUILTIN_VIEWS] + [saved_views.filters_of(r) for r in rows]
    counts = count_views(db, actor, filters)
    builtin = [
        ViewOut(
            key=view.key,
            id=None,
            name=pick(view.name, locale),
            builtin=True,
            shortcut=view.shortcut,
            filters=view.filters,
            count=count,
            team=None,
            owner=None,
            editable=False,
            updated_at=None,
        )
        for view, count in zip(BUILTIN_VIEWS, counts, strict=False)
    ]
    saved = present_saved(db, actor, rows, counts[len(BUILTIN_VIEWS) :])
    return ViewsOut(builtin=builtin, saved=saved)
