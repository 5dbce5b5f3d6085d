"""The queue's views: the built-in ones every agent has, turning a view's filter into the
queue's query, and counting what each view holds for one agent (SQL COUNTs over indexes)."""

from __future__ import annotations

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


def count_view(db: Session, actor: StaffActor, filters: ViewFilters) -> int:
    """Tickets that ``actor`` may see and that match: one COUNT within their visibility."""
    return queries.count_tickets(db, queries.visible_to(actor), ticket_filters(filters, actor))


def present_saved(
    db: Session, actor: StaffActor, rows: list[SavedView], *, with_counts: bool = True
) -> list[ViewOut]:
    teams = {
        t.id: t
        for t in db.scalars(select(Team).where(Team.id.in_({r.team_id for r in rows if r.team_id})))
    }
    owners = {
        u.id: u
        for u in db.scalars(select(StaffUser).where(StaffUser.id.in_({r.owner_id for r in rows})))
    }
    out = []
    for row in rows:
        filters = saved_views.filters_of(row)
        owner = owners.get(row.owner_id)
        team = teams.get(row.team_id) if row.team_id else None
        out.append(
            ViewOut(
                key=f"saved:{row.id}",
                id=row.id,
                name=row.name,
                builtin=False,
                shortcut=None,
                filters=filters,
                count=count_view(db, actor, filters) if with_counts else 0,
                team=TeamOut.model_validate(team) if team else None,
                owner=StaffRef(id=owner.id, name=owner.name) if owner else None,
                editable=row.owner_id == actor.user.id,
                updated_at=row.updated_at,
            )
        )
    return out


def present_views(db: Session, actor: StaffActor, locale: Locale) -> ViewsOut:
    """Every view the actor has, each with the number of tickets it holds for them."""
    builtin = [
        ViewOut(
            key=view.key,
            id=None,
            name=pick(view.name, locale),
            builtin=True,
            shortcut=view.shortcut,
            filters=view.filters,
            count=count_view(db, actor, view.filters),
            team=None,
            owner=None,
            editable=False,
            updated_at=None,
        )
        for view in BUILTIN_VIEWS
    ]
    saved = present_saved(db, actor, saved_views.visible_saved_views(db, actor))
    return ViewsOut(builtin=builtin, saved=saved)
