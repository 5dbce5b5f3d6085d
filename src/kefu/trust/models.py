"""Content reports and the cases they gather onto: one open case per reported target."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class TargetType(StrEnum):
    video = "video"
    comment = "comment"
    live = "live"
    account = "account"


class CaseStatus(StrEnum):
    open = "open"  # gathering reports, waiting for a moderator
    decided = "decided"


class Outcome(StrEnum):
    removed = "removed"
    restricted = "restricted"
    no_violation = "no_violation"


class ReportCase(Base):
    """Everything reported about one target until a moderator decides.

    ``open_key`` is ``type:id`` while the case is open and NULL once decided: the unique index
    on it makes simultaneous first reports meet on one case, and lets a target reported again
    after a decision start a new one.
    """

    __tablename__ = "report_cases"
    __table_args__ = (Index("ix_report_cases_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(128))
    open_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=CaseStatus.open, index=True)
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)  # distinct, first seen first
    outcome: Mapped[str | None] = mapped_column(String(16))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_by_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ContentReport(Base):
    """One person's report: their reason, note and evidence. One per person and case."""

    __tablename__ = "content_reports"
    __table_args__ = (
        UniqueConstraint("case_id", "reporter_id"),
        Index("ix_content_reports_reporter", "reporter_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("report_cases.id", ondelete="CASCADE"))
    reporter_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
