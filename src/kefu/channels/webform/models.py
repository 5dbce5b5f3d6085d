from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class FeedbackSubmission(Base):
    """One submitted feedback form: what was chosen, how to reach the sender, and the ticket
    it became. A retried submission with the same key finds this row instead of a new ticket."""

    __tablename__ = "feedback_submissions"
    __table_args__ = (
        UniqueConstraint("contact_id", "idempotency_key"),
        Index("ix_feedback_submissions_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    idempotency_key: Mapped[str | None] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(32))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
