"""Writing announcements and choosing the ones readers see now.

Every announcement readers see exists in both languages: a draft may be written one language at a
time, but publishing needs a title and a body in zh-CN and in en, so the help centre and the chat
widget never fall back to a language the reader did not ask for.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kefu.announcements.errors import (
    AnnouncementDates,
    AnnouncementIncomplete,
    AnnouncementNotFound,
)
from kefu.announcements.models import Announcement, AnnouncementStatus
from kefu.audit.service import record
from kefu.auth.actors import StaffActor
from kefu.kit.clock import utcnow
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor

TEXT_FIELDS = ("title_zh", "body_zh", "title_en", "body_en")
FIELDS = (*TEXT_FIELDS, "kind", "status", "pinned", "starts_at", "ends_at")
CURRENT_LIMIT = 20


def _check(row: Announcement) -> None:
    if row.ends_at is not None and row.ends_at <= row.starts_at:
        raise AnnouncementDates()
    if row.status == AnnouncementStatus.published:
        missing = [name for name in TEXT_FIELDS if not getattr(row, name).strip()]
        if missing:
            raise AnnouncementIncomplete(missing=", ".join(missing))


def _audit(db: Session, action: str, row: Announcement, actor: StaffActor) -> None:
    record(
        db,
        action,
        actor_type="staff",
        actor_id=actor.user.id,
        target_type="announcement",
        target_id=row.id,
        status=row.status,
        title_en=row.title_en,
        title_zh=row.title_zh,
    )


def _publish_time(row: Announcement, was: str | None) -> None:
    if row.status == AnnouncementStatus.published and was != AnnouncementStatus.published:
        row.published_at = utcnow()


def create(db: Session, actor: StaffActor, data: dict[str, Any]) -> Announcement:
    now = utcnow()
    row = Announcement(
        **{name: data[name] for name in FIELDS if name in data and data[name] is not None},
        created_by_staff_id=actor.user.id,
        updated_by_staff_id=actor.user.id,
        created_at=now,
        updated_at=now,
    )
    row.starts_at = row.starts_at or now
    for name in TEXT_FIELDS:  # column defaults apply only at INSERT; _check reads them now
        setattr(row, name, getattr(row, name) or "")
    row.status = row.status or AnnouncementStatus.draft
    _check(row)
    _publish_time(row, None)
    db.add(row)
    db.flush()
    _audit(db, "announcement.created", row, actor)
    return row


def update(
    db: Session, row: Announcement, actor: StaffActor, changes: dict[str, Any]
) -> Announcement:
    was = row.status
    for name in FIELDS:
        if name in changes and (changes[name] is not None or name == "ends_at"):
            setattr(row, name, changes[name])
    _check(row)
    _publish_time(row, was)
    row.updated_at, row.updated_by_staff_id = utcnow(), actor.user.id
    db.flush()
    _audit(db, "announcement.updated", row, actor)
    return row


def delete(db: Session, row: Announcement, actor: StaffActor) -> None:
    _audit(db, "announcement.deleted", row, actor)
    db.delete(row)
    db.flush()


def get(db: Session, announcement_id: int, *, for_update: bool = False) -> Announcement:
    query = select(Announcement).where(Announcement.id == announcement_id)
    row = db.scalar(query.with_for_update() if for_update else query)
    if row is None:
        raise AnnouncementNotFound()
    return row


def page(
    db: Session, *, status: str | None, limit: int, cursor: str | None
) -> tuple[list[Announcement], str | None]:
    """Every announcement, newest first."""
    query = select(Announcement)
    if status:
        query = query.where(Announcement.status == status)
    if cursor:
        before = decode_cursor(cursor).get("id")
        if not isinstance(before, int) or isinstance(before, bool):
            raise InvalidCursor()
        query = query.where(Announcement.id < before)
    rows = list(db.scalars(query.order_by(Announcement.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1].id}) if more and rows else None


def current(db: Session, now: datetime | None = None) -> list[Announcement]:
    """Published announcements running now: pinned first, then the newest."""
    now = now or utcnow()
    query = (
        select(Announcement)
        .where(
            Announcement.status == AnnouncementStatus.published,
            Announcement.starts_at <= now,
            or_(Announcement.ends_at.is_(None), Announcement.ends_at > now),
        )
        .order_by(Announcement.pinned.desc(), Announcement.starts_at.desc(), Announcement.id.desc())
        .limit(CURRENT_LIMIT)
    )
    return list(db.scalars(query))


def localized(row: Announcement, locale: str) -> tuple[str, str]:
    """Title and body in ``locale`` (zh-CN or en)."""
    if locale == "zh-CN":
        return row.title_zh, row.body_zh
    return row.title_en, row.body_en
