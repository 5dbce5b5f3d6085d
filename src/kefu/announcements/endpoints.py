"""Announcements over HTTP: the current ones for readers, and editing for staff."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from kefu.announcements import service
from kefu.announcements.schemas import (
    AnnouncementIn,
    AnnouncementOut,
    AnnouncementPage,
    AnnouncementPatch,
    PublicAnnouncementOut,
    PublicAnnouncements,
    State,
)
from kefu.auth.actors import StaffActor
from kefu.auth.deps import CurrentStaff, require_staff
from kefu.auth.models import Role
from kefu.kit.http import DbSession, RequestLocale
from kefu.kit.i18n import Locale
from kefu.kit.types import Id

public_router = APIRouter(prefix="/api/v1/help", tags=["help centre"])
staff_router = APIRouter(prefix="/api/v1/announcements", tags=["announcements (staff)"])
Editor = Annotated[StaffActor, Depends(require_staff(Role.supervisor, Role.admin))]


@public_router.get(
    "/announcements",
    response_model=PublicAnnouncements,
    summary="Announcements running now, pinned first, then newest",
)
def current_announcements(
    db: DbSession, reader: RequestLocale, lang: Locale | None = None
) -> PublicAnnouncements:
    locale = lang or reader
    items = []
    for row in service.current(db):
        title, body = service.localized(row, locale)
        items.append(
            PublicAnnouncementOut(
                id=row.id,
                kind=row.kind,
                locale=locale,
                title=title,
                body=body,
                pinned=row.pinned,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
            )
        )
    return PublicAnnouncements(items=items)


@staff_router.get("", response_model=AnnouncementPage, summary="Every announcement, newest first")
def list_announcements(
    db: DbSession,
    _: CurrentStaff,
    status: State | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: str | None = Query(None, max_length=500),
) -> AnnouncementPage:
    rows, next_cursor = service.page(db, status=status, limit=limit, cursor=cursor)
    return AnnouncementPage(
        items=[AnnouncementOut.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@staff_router.post(
    "", response_model=AnnouncementOut, status_code=201, summary="Write an announcement"
)
def create_announcement(body: AnnouncementIn, db: DbSession, actor: Editor) -> AnnouncementOut:
    return AnnouncementOut.model_validate(service.create(db, actor, body.model_dump()))


@staff_router.get("/{announcement_id}", response_model=AnnouncementOut, summary="One announcement")
def read_announcement(announcement_id: Id, db: DbSession, _: CurrentStaff) -> AnnouncementOut:
    return AnnouncementOut.model_validate(service.get(db, announcement_id))


@staff_router.patch(
    "/{announcement_id}", response_model=AnnouncementOut, summary="Edit, publish or withdraw"
)
def update_announcement(
    announcement_id: Id, body: AnnouncementPatch, db: DbSession, actor: Editor
) -> AnnouncementOut:
    row = service.get(db, announcement_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    return AnnouncementOut.model_validate(service.update(db, row, actor, changes))


@staff_router.delete("/{announcement_id}", status_code=204, summary="Delete an announcement")
def delete_announcement(announcement_id: Id, db: DbSession, actor: Editor) -> Response:
    service.delete(db, service.get(db, announcement_id, for_update=True), actor)
    return Response(status_code=204)
