from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class Status(StrEnum):
    new = "new"
    open = "open"
    pending = "pending"  # waiting on the user
    on_hold = "on_hold"  # waiting on another department
    solved = "solved"
    closed = "closed"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"


# Unsolved tickets, for the partial index the dashboard reads the live queue from
UNSOLVED_SQL = "status IN ('new', 'open', 'pending', 'on_hold')"

PRIORITY_RANK = {Priority.low: 1, Priority.normal: 2, Priority.high: 3, Priority.urgent: 4}


class TicketType(StrEnum):
    question = "question"
    incident = "incident"
    complaint = "complaint"
    suggestion = "suggestion"
    content_report = "content_report"
    appeal = "appeal"
    infringement = "infringement"
    after_sales = "after_sales"
    task = "task"  # internal work, e.g. an escalation to another department


class Channel(StrEnum):
    web = "web"
    chat = "chat"
    email = "email"
    phone = "phone"
    api = "api"
    report = "report"
    internal = "internal"


class MessageKind(StrEnum):
    public = "public"  # a reply the requester sees
    internal = "internal"  # a note only staff see
    system = "system"  # written by kefu itself


class ActorType(StrEnum):
    contact = "contact"
    staff = "staff"
    api = "api"
    system = "system"


class Counter(Base):
    """Named sequences that work the same on every backend (ticket numbers)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_updated", "status", "updated_at"),
        Index("ix_tickets_team_updated", "team_id", "updated_at"),
        Index("ix_tickets_assignee_updated", "assignee_id", "updated_at"),
        Index("ix_tickets_updated", "updated_at"),
        # The console's view counts: an equality and a status list, then the columns an
        # agent's visibility reads (team, assignee), so each count reads only the index
        Index("ix_tickets_assignee_status", "assignee_id", "status", "team_id"),
        Index("ix_tickets_team_status", "team_id", "status", "assignee_id"),
        Index("ix_tickets_triage_status", "needs_triage", "status", "team_id", "assignee_id"),
        # the dashboard's time ranges, carrying the columns it reads (analytics/, 0011)
        Index("ix_tickets_created", "created_at", "category", "team_id", "parent_id"),
        Index(
            "ix_tickets_first_response",
            "first_response_at",
            "created_at",
            "priority",
            "channel",
            "team_id",
        ),
        Index("ix_tickets_solved", "solved_at", "created_at", "team_id"),
        Index(
            "ix_tickets_unsolved",
            "status",
            "team_id",
            "category",
            "priority",
            "assignee_id",
            "needs_triage",
            "first_response_at",
            "channel",
            "parent_id",
            "created_at",
            sqlite_where=text(UNSOLVED_SQL),
            postgresql_where=text(UNSOLVED_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    subject: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(24), default=TicketType.question)
    category: Mapped[str | None] = mapped_column(String(48), index=True)
    status: Mapped[str] = mapped_column(String(16), default=Status.new)
    priority: Mapped[str] = mapped_column(String(16), default=Priority.normal)
    channel: Mapped[str] = mapped_column(String(16), default=Channel.web)
    locale: Mapped[str] = mapped_column(String(16), default="zh-CN")
    requester_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    follow_up_of_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    solved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The edit version: field and status changes bump it (timeline.record_event), appended
    # messages do not. Clients send the version they last read with an edit.
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Triage was not sure of the category: a person should look before it is routed.
    needs_triage: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    tag_rows: Mapped[list[TicketTag]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="TicketTag.tag"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


MAX_TAGS = 20  # per ticket: tags are for filtering, not a second description


class TicketTag(Base):
    __tablename__ = "ticket_tags"

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(48), primary_key=True, index=True)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_ticket", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), default=MessageKind.public)
    author_type: Mapped[str] = mapped_column(String(16))
    author_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    author_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    body: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16), default=Channel.web)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attachments: Mapped[list[Attachment]] = relationship(lazy="raise", order_by="Attachment.id")


class Attachment(Base):
    """A stored file: uploaded first, then linked to the message that carries it."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    uploader_type: Mapped[str] = mapped_column(String(16))
    uploader_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TicketEvent(Base):
    """One change on a ticket: who did what, from which value to which, and when."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    actor_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    kind: Mapped[str] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        Index("ix_ratings_updated", "updated_at", "score", "ticket_id"),  # analytics/
    )

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdempotencyKey(Base):
    """Remembers which ticket a platform request created, so a retry returns the same one."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("api_token_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    api_token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TicketSearch(Base):
    """Segmented text of a ticket (subject and messages), indexed per backend.

    SQLite indexes it with an external-content FTS5 table kept in step by triggers; PostgreSQL
    with a GIN index over its tokens. Both are created by the migrations.
    """

    __tablename__ = "ticket_search"

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    content: Mapped[str] = mapped_column(Text, default="")


class SavedView(Base):
    """An agent's saved filter of the queue, shown beside the built-in views; shared with one
    team when ``team_id`` is set. ``filters`` holds the API's query (see tickets/views.py)."""

    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    filters: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
