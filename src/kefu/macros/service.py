"""Writing macros (supervisors and admins), and rendering and applying them to a ticket."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.audit.service import record
from kefu.auth.actors import StaffActor
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.i18n import Locale, as_locale
from kefu.macros.errors import MacroInactive, MacroNotFound, UnknownPlaceholder
from kefu.macros.models import Macro
from kefu.macros.placeholders import KNOWN, Context, fill, unknown_in
from kefu.macros.schemas import RenderedMacroOut
from kefu.tickets import workflow
from kefu.tickets.models import Ticket

TEXT_FIELDS = ("name_zh", "name_en", "body_zh", "body_en")
FIELDS = (*TEXT_FIELDS, "set_status", "set_priority", "is_active")


def _check_placeholders(row: Macro) -> None:
    unknown = unknown_in(row.body_zh, row.body_en, row.name_zh, row.name_en)
    if unknown:
        raise UnknownPlaceholder(
            details={"unknown": unknown, "known": list(KNOWN)},
            names=", ".join(unknown),
            known=", ".join(KNOWN),
        )


def _audit(db: Session, action: str, row: Macro, actor: StaffActor) -> None:
    record(
        db,
        action,
        actor_type="staff",
        actor_id=actor.user.id,
        target_type="macro",
        target_id=row.id,
        name_en=row.name_en,
    )


def create(db: Session, actor: StaffActor, data: dict[str, Any]) -> Macro:
    now = utcnow()
    row = Macro(
        **{name: data[name] for name in FIELDS if name in data},
        add_tags=" ".join(dict.fromkeys(data.get("add_tags") or [])),
        created_by_staff_id=actor.user.id,
        created_at=now,
        updated_at=now,
    )
    _check_placeholders(row)
    db.add(row)
    db.flush()
    _audit(db, "macro.created", row, actor)
    return row


def update(db: Session, row: Macro, actor: StaffActor, changes: dict[str, Any]) -> Macro:
    for name in FIELDS:
        if name not in changes:
            continue
        nullable = name in ("set_status", "set_priority")
        if changes[name] is not None or nullable:
            setattr(row, name, changes[name])
    if changes.get("add_tags") is not None:
        row.add_tags = " ".join(dict.fromkeys(changes["add_tags"]))
    _check_placeholders(row)
    row.updated_at = utcnow()
    db.flush()
    _audit(db, "macro.updated", row, actor)
    return row


def delete(db: Session, row: Macro, actor: StaffActor) -> None:
    _audit(db, "macro.deleted", row, actor)
    db.delete(row)
    db.flush()


def get(
    db: Session, macro_id: int, *, for_update: bool = False, active_only: bool = False
) -> Macro:
    """The macro; ``active_only`` treats a switched-off one as missing."""
    query = select(Macro).where(Macro.id == macro_id)
    row = db.scalar(query.with_for_update() if for_update else query)
    if row is None or (active_only and not row.is_active):
        raise MacroNotFound(id=macro_id)
    return row


def listing(db: Session, *, include_inactive: bool) -> list[Macro]:
    query = select(Macro).order_by(Macro.name_en, Macro.id)
    if not include_inactive:
        query = query.where(Macro.is_active.is_(True))
    return list(db.scalars(query))


def render(
    db: Session, row: Macro, ticket: Ticket, actor: StaffActor, settings: Settings
) -> RenderedMacroOut:
    """The macro's text in the ticket's language, its placeholders filled for this ticket."""
    if not row.is_active:
        raise MacroInactive(id=row.id)
    locale: Locale = as_locale(ticket.locale)
    requester = db.get(Contact, ticket.requester_id)
    context = Context(
        requester_name=requester.name if requester else "",
        ticket_number=ticket.number,
        ticket_subject=ticket.subject,
        agent_name=actor.user.name,
    )
    zh = locale == "zh-CN"
    return RenderedMacroOut(
        macro_id=row.id,
        name=row.name_zh if zh else row.name_en,
        locale=locale,
        body=fill(row.body_zh if zh else row.body_en, context, settings, locale),
        set_status=row.set_status,
        set_priority=row.set_priority,
        add_tags=row.tags,
    )


def apply(
    db: Session,
    row: Macro,
    ticket: Ticket,
    actor: StaffActor,
    settings: Settings,
    *,
    expected_version: int,
) -> RenderedMacroOut:
    """Make the macro's changes to the ticket as one versioned edit (a timeline event per
    field, by the agent); the text is returned for the agent to review and send."""
    rendered = render(db, row, ticket, actor, settings)
    changes: dict[str, Any] = {}
    if row.set_status:
        changes["status"] = row.set_status
    if row.set_priority:
        changes["priority"] = row.set_priority
    if row.tags:
        changes["tags"] = sorted({*ticket.tags, *row.tags})
    workflow.update_ticket(db, ticket, actor, changes, expected_version=expected_version)
    return rendered
