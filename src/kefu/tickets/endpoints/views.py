"""The queue's views for agents: built-in and saved, each with its filter and live count."""

from __future__ import annotations

from fastapi import APIRouter, Response

from kefu.auth.deps import CurrentStaff
from kefu.kit.http import DbSession, RequestLocale
from kefu.kit.types import Id
from kefu.tickets import saved_views
from kefu.tickets.view_schemas import SavedViewIn, SavedViewUpdateIn, ViewOut, ViewsOut
from kefu.tickets.views import present_saved, present_views

router = APIRouter(prefix="/api/v1/views", tags=["agent: views"])


@router.get("", response_model=ViewsOut, summary="Built-in and saved views, with counts")
def list_views(db: DbSession, actor: CurrentStaff, locale: RequestLocale) -> ViewsOut:
    return present_views(db, actor, locale)


@router.post("/saved", response_model=ViewOut, status_code=201, summary="Save a filter as a view")
def create_view(body: SavedViewIn, db: DbSession, actor: CurrentStaff) -> ViewOut:
    view = saved_views.create_saved_view(db, actor, body)
    return present_saved(db, actor, [view])[0]


@router.get("/saved/{view_id}", response_model=ViewOut, summary="One saved view")
def get_view(view_id: Id, db: DbSession, actor: CurrentStaff) -> ViewOut:
    return present_saved(db, actor, [saved_views.saved_view_for(db, actor, view_id)])[0]


@router.patch("/saved/{view_id}", response_model=ViewOut, summary="Rename, refilter or share")
def update_view(
    view_id: Id, body: SavedViewUpdateIn, db: DbSession, actor: CurrentStaff
) -> ViewOut:
    view = saved_views.update_saved_view(db, actor, view_id, body)
    return present_saved(db, actor, [view])[0]


@router.delete("/saved/{view_id}", status_code=204, summary="Delete one of your views")
def delete_view(view_id: Id, db: DbSession, actor: CurrentStaff) -> Response:
    saved_views.delete_saved_view(db, actor, view_id)
    return Response(status_code=204)
