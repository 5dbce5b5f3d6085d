"""Agents' saved views: a named filter of the queue, private or shared with one team.

Anyone may read the views shared with their teams; only the owner changes or deletes one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kefu.auth.actors import StaffActor
from kefu.auth.errors import UnknownTeam
from kefu.auth.models import Team
from kefu.kit.clock import utcnow
from kefu.tickets.errors import (
    NotYourTeam,
    SavedViewNameTaken,
    SavedViewNotFound,
    SavedViewNotYours,
    TooManySavedViews,
)
from kefu.tickets.models import SavedView
from kefu.tickets.view_schemas import SavedViewIn, SavedViewUpdateIn, ViewFilters

MAX_SAVED_VIEWS = 50  # per owner: each one is a COUNT on every visit to the queue


def visible_saved_views(db: Session, actor: StaffActor) -> list[SavedView]:
    """The actor's own views, then those their teams share, each group by name."""
    shared = SavedView.team_id.in_(sorted(actor.team_ids)) if actor.team_ids else None
    query = select(SavedView).where(
        or_(SavedView.owner_id == actor.user.id, shared)
        if shared is not None
        else SavedView.owner_id == actor.user.id
    )
    rows = db.scalars(query).all()
    return sorted(rows, key=lambda v: (v.owner_id != actor.user.id, v.name.casefold(), v.id))


def stored_filters(filters: ViewFilters) -> dict[str, Any]:
    """Only what was set, so a view saved today reads the same after new filters are added."""
    return filters.model_dump(mode="json", exclude_defaults=True)


def filters_of(view: SavedView) -> ViewFilters:
    return ViewFilters.model_validate(view.filters)


def saved_view_for(db: Session, actor: StaffActor, view_id: int) -> SavedView:
    view = db.get(SavedView, view_id)
    if view is None or not (
        view.owner_id == actor.user.id
        or (view.team_id is not None and view.team_id in actor.team_ids)
    ):
        raise SavedViewNotFound(id=view_id)
    return view


def _own(db: Session, actor: StaffActor, view_id: int) -> SavedView:
    view = saved_view_for(db, actor, view_id)
    if view.owner_id != actor.user.id:
        raise SavedViewNotYours(name=view.name)
    return view


def _check_team(db: Session, actor: StaffActor, team_id: int | None) -> None:
    if team_id is None:
        return
    if db.get(Team, team_id) is None:
        raise UnknownTeam(team=team_id)
    if team_id not in actor.team_ids:
        raise NotYourTeam()


def _check_name(db: Session, actor: StaffActor, name: str, except_id: int | None = None) -> None:
    query = select(SavedView.id).where(SavedView.owner_id == actor.user.id, SavedView.name == name)
    taken = db.scalar(query)
    if taken is not None and taken != except_id:
        raise SavedViewNameTaken(name=name)


def create_saved_view(db: Session, actor: StaffActor, data: SavedViewIn) -> SavedView:
    owned = db.scalar(select(func.count(SavedView.id)).where(SavedView.owner_id == actor.user.id))
    if (owned or 0) >= MAX_SAVED_VIEWS:
        raise TooManySavedViews(limit=MAX_SAVED_VIEWS)
    _check_name(db, actor, data.name)
    _check_team(db, actor, data.team_id)
    view = SavedView(
        owner_id=actor.user.id,
        name=data.name,
        filters=stored_filters(data.filters),
        team_id=data.team_id,
    )
    db.add(view)
    db.flush()
    return view


def update_saved_view(
    db: Session, actor: StaffActor, view_id: int, data: SavedViewUpdateIn
) -> SavedView:
    view = _own(db, actor, view_id)
    changes = data.model_fields_set
    if "name" in changes and data.name is not None and data.name != view.name:
        _check_name(db, actor, data.name, except_id=view.id)
        view.name = data.name
    if "filters" in changes and data.filters is not None:
        view.filters = stored_filters(data.filters)
    if "team_id" in changes and data.team_id != view.team_id:
        _check_team(db, actor, data.team_id)
        view.team_id = data.team_id
    view.updated_at = utcnow()
    db.flush()
    return view


def delete_saved_view(db: Session, actor: StaffActor, view_id: int) -> None:
    db.delete(_own(db, actor, view_id))
    db.flush()
