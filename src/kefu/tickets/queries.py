"""Finding tickets: who may see which, look-ups by number, and the filtered, sorted queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from kefu.auth.actors import StaffActor
from kefu.contacts.models import Contact
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.kit.types import MAX_ID, parse_id
from kefu.tickets.errors import TicketForbidden, TicketNotFound
from kefu.tickets.models import PRIORITY_RANK, Priority, Status, Ticket, TicketTag
from kefu.tickets.search import matching_ticket_ids

_Q = TypeVar("_Q", bound=Any)
SortKey = Literal["updated_at", "created_at", "priority", "number"]
Order = Literal["asc", "desc"]

_PRIORITY_RANK_SQL = case(
    {name.value: rank for name, rank in PRIORITY_RANK.items()}, value=Ticket.priority, else_=0
)


def visible_to(actor: StaffActor) -> ColumnElement[bool]:
    """Supervisors and admins see every queue; agents and moderators their teams', their own
    tickets, and the untriaged inbox that has no team yet."""
    if actor.sees_all_teams:
        return true()
    return or_(
        Ticket.team_id.in_(list(actor.team_ids)) if actor.team_ids else false(),
        Ticket.team_id.is_(None),
        Ticket.assignee_id == actor.user.id,
    )


def _with_tags(query: Select[Ticket]) -> Select[Ticket]:
    return query.options(selectinload(Ticket.tag_rows))


def select_by_number(number: int, *, for_update: bool = False) -> Select[Ticket]:
    """The ticket with this number; ``for_update`` locks its row until the transaction ends,
    so concurrent writers to one ticket take turns instead of failing (a no-op on SQLite,
    whose writers are serialised already)."""
    query = select(Ticket).where(Ticket.number == number)
    return _with_tags(query.with_for_update(of=Ticket) if for_update else query)


def ticket_for_staff(
    db: Session, actor: StaffActor, number: int, *, for_update: bool = False
) -> Ticket:
    ticket = db.scalar(select_by_number(number, for_update=for_update))
    if ticket is None:
        raise TicketNotFound(number=number)
    if not staff_can_see(db, actor, ticket):
        raise TicketForbidden(number=number)
    return ticket


def staff_can_see(db: Session, actor: StaffActor, ticket: Ticket) -> bool:
    return bool(db.scalar(select(visible_to(actor)).where(Ticket.id == ticket.id)))


def ticket_for_requester(
    db: Session, contact: Contact, number: int, *, for_update: bool = False
) -> Ticket:
    """A requester's own ticket; internal child tickets are not theirs to see."""
    ticket = db.scalar(select_by_number(number, for_update=for_update))
    if ticket is None or ticket.requester_id != contact.id or ticket.parent_id is not None:
        raise TicketNotFound(number=number)
    return ticket


@dataclass
class TicketFilters:
    status: list[str] = field(default_factory=list)
    team_id: int | None = None
    unassigned_team: bool = False
    # "my teams": any of these teams (an empty set matches nothing)
    team_ids: frozenset[int] | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    category: str | None = None
    priority: list[str] = field(default_factory=list)
    channel: str | None = None
    locale: str | None = None
    tag: str | None = None
    requester_id: int | None = None
    parent_number: int | None = None
    needs_triage: bool | None = None
    q: str | None = None


def _sort_column(sort: SortKey) -> ColumnElement[Any]:
    if sort == "priority":
        return _PRIORITY_RANK_SQL
    column: ColumnElement[Any] = getattr(Ticket, sort)
    return column


def _cursor_value(ticket: Ticket, sort: SortKey) -> Any:
    if sort == "priority":
        return PRIORITY_RANK.get(Priority(ticket.priority), 0)
    value = getattr(ticket, sort)
    return value.isoformat() if isinstance(value, datetime) else value


def _decode_position(cursor: str, sort: SortKey, order: Order) -> tuple[Any, int]:
    key = decode_cursor(cursor)
    last_id, value = key.get("id"), key.get("v")
    if key.get("s") != sort or key.get("o") != order:
        raise InvalidCursor()
    if type(last_id) is not int or not 0 < last_id <= MAX_ID:  # bool is an int subclass
        raise InvalidCursor()
    if sort in ("updated_at", "created_at"):
        try:
            moment = datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                raise ValueError("naive")
            return moment.astimezone(UTC), last_id
        except (ValueError, OverflowError) as exc:
            raise InvalidCursor() from exc
    if type(value) is not int or not 0 <= value <= MAX_ID:
        raise InvalidCursor()
    return value, last_id


def _apply_filters(db: Session, query: Select[_Q], filters: TicketFilters) -> Select[_Q]:
    conditions: list[ColumnElement[bool]] = []
    if filters.status:
        conditions.append(Ticket.status.in_(filters.status))
    if filters.unassigned_team:
        conditions.append(Ticket.team_id.is_(None))
    elif filters.team_id is not None:
        conditions.append(Ticket.team_id == filters.team_id)
    elif filters.team_ids is not None:
        conditions.append(
            Ticket.team_id.in_(sorted(filters.team_ids)) if filters.team_ids else false()
        )
    if filters.unassigned:
        conditions.append(Ticket.assignee_id.is_(None))
    elif filters.assignee_id is not None:
        conditions.append(Ticket.assignee_id == filters.assignee_id)
    for name in ("category", "channel", "locale", "requester_id"):
        value = getattr(filters, name)
        if value is not None:
            conditions.append(getattr(Ticket, name) == value)
    if filters.priority:
        conditions.append(Ticket.priority.in_(filters.priority))
    if filters.needs_triage is not None:
        conditions.append(Ticket.needs_triage.is_(filters.needs_triage))
    if filters.tag:
        conditions.append(
            Ticket.id.in_(select(TicketTag.ticket_id).where(TicketTag.tag == filters.tag))
        )
    if filters.parent_number is not None:
        parent_id = select(Ticket.id).where(Ticket.number == filters.parent_number)
        conditions.append(Ticket.parent_id == parent_id.scalar_subquery())
    if filters.q:
        text_match = Ticket.id.in_(matching_ticket_ids(db, filters.q))
        number = parse_id(filters.q.strip().lstrip("#"))
        conditions.append(or_(text_match, Ticket.number == number) if number else text_match)
    return query.where(and_(true(), *conditions))


def list_tickets(
    db: Session,
    scope: ColumnElement[bool],
    filters: TicketFilters,
    *,
    sort: SortKey = "updated_at",
    order: Order = "desc",
    limit: int = 25,
    cursor: str | None = None,
) -> tuple[list[Ticket], str | None]:
    """One page of tickets within ``scope``, and the cursor of the next page (None at the end)."""
    column = _sort_column(sort)
    query = _apply_filters(db, _with_tags(select(Ticket).where(scope)), filters)
    if cursor:
        value, last_id = _decode_position(cursor, sort, order)
        if order == "desc":
            query = query.where(or_(column < value, and_(column == value, Ticket.id < last_id)))
        else:
            query = query.where(or_(column > value, and_(column == value, Ticket.id > last_id)))
    direction = (column.desc(), Ticket.id.desc()) if order == "desc" else (column, Ticket.id)
    rows = list(db.scalars(query.order_by(*direction).limit(limit + 1)).all())
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(
            {"s": sort, "o": order, "v": _cursor_value(last, sort), "id": last.id}
        )
    return rows, next_cursor


def count_tickets(
    db: Session, scope: ColumnElement[bool], filters: Sequence[TicketFilters]
) -> list[int]:
    """How many tickets within ``scope`` match each of ``filters``: SQL COUNTs, one scalar
    subquery each (so each uses its own index), sent as one statement; never rows in Python."""
    if not filters:
        return []
    counts = [
        _apply_filters(db, select(func.count(Ticket.id)).where(scope), f).scalar_subquery()
        for f in filters
    ]
    row = db.execute(select(*counts)).one()
    return [int(value or 0) for value in row]


def recent_tickets_of(db: Session, contact: Contact, *, limit: int = 5) -> list[Ticket]:
    """The requester's own tickets that are not closed yet, latest activity first."""
    return list(
        db.scalars(
            select(Ticket)
            .where(
                Ticket.requester_id == contact.id,
                Ticket.parent_id.is_(None),
                Ticket.status != Status.closed,
            )
            .order_by(Ticket.updated_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
    )
