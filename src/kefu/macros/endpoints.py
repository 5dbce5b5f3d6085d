"""Macros over HTTP: supervisors and admins manage them; every agent lists and uses them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from kefu.auth.actors import StaffActor
from kefu.auth.deps import CurrentStaff, require_staff
from kefu.auth.models import Role
from kefu.kit.http import AppSettings, DbSession
from kefu.kit.types import Id
from kefu.macros import service
from kefu.macros.placeholders import KNOWN
from kefu.macros.schemas import (
    AppliedOut,
    ApplyIn,
    MacroIn,
    MacroOut,
    MacroPatch,
    PlaceholdersOut,
    RenderedMacroOut,
)
from kefu.tickets import queries
from kefu.tickets.present import present_detail

router = APIRouter(prefix="/api/v1", tags=["macros"])
Manager = Annotated[StaffActor, Depends(require_staff(Role.supervisor, Role.admin))]


@router.get("/macros", response_model=list[MacroOut], summary="Macros, by English name")
def list_macros(
    db: DbSession,
    actor: CurrentStaff,
    include_inactive: Annotated[
        bool, Query(description="Also switched-off macros (supervisors and admins)")
    ] = False,
) -> list[MacroOut]:
    rows = service.listing(db, include_inactive=include_inactive and actor.sees_all_teams)
    return [MacroOut.model_validate(row) for row in rows]


@router.get(
    "/macros/placeholders",
    response_model=PlaceholdersOut,
    summary="The placeholders a macro may use",
)
def placeholders(_: CurrentStaff) -> PlaceholdersOut:
    return PlaceholdersOut(names=list(KNOWN))


@router.post("/macros", response_model=MacroOut, status_code=201, summary="Write a macro")
def create_macro(body: MacroIn, db: DbSession, actor: Manager) -> MacroOut:
    return MacroOut.model_validate(service.create(db, actor, body.model_dump()))


@router.get("/macros/{macro_id}", response_model=MacroOut, summary="One macro")
def read_macro(macro_id: Id, db: DbSession, actor: CurrentStaff) -> MacroOut:
    # agents use active macros only; a switched-off one is a manager's draft or retired text
    return MacroOut.model_validate(service.get(db, macro_id, active_only=not actor.sees_all_teams))


@router.patch("/macros/{macro_id}", response_model=MacroOut, summary="Edit a macro")
def update_macro(macro_id: Id, body: MacroPatch, db: DbSession, actor: Manager) -> MacroOut:
    row = service.get(db, macro_id, for_update=True)
    return MacroOut.model_validate(
        service.update(db, row, actor, body.model_dump(exclude_unset=True))
    )


@router.delete("/macros/{macro_id}", status_code=204, summary="Delete a macro")
def delete_macro(macro_id: Id, db: DbSession, actor: Manager) -> Response:
    service.delete(db, service.get(db, macro_id, for_update=True), actor)
    return Response(status_code=204)


@router.get(
    "/tickets/{number}/macros/{macro_id}",
    response_model=RenderedMacroOut,
    summary="A macro filled in for a ticket, in the ticket's language (changes nothing)",
)
def render_macro(
    number: Id, macro_id: Id, db: DbSession, actor: CurrentStaff, settings: AppSettings
) -> RenderedMacroOut:
    ticket = queries.ticket_for_staff(db, actor, number)
    return service.render(db, service.get(db, macro_id), ticket, actor, settings)


@router.post(
    "/tickets/{number}/macros/{macro_id}/apply",
    response_model=AppliedOut,
    summary="Apply a macro: set its status, priority and tags; returns its text to send",
)
def apply_macro(
    number: Id,
    macro_id: Id,
    body: ApplyIn,
    db: DbSession,
    actor: CurrentStaff,
    settings: AppSettings,
) -> AppliedOut:
    ticket = queries.ticket_for_staff(db, actor, number, for_update=True)
    rendered = service.apply(
        db, service.get(db, macro_id), ticket, actor, settings, expected_version=body.version
    )
    return AppliedOut(ticket=present_detail(db, ticket), macro=rendered)
