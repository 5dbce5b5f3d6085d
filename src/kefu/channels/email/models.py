"""What the e-mail channel keeps: every message received (raw, first), every message sent, and
the messages that could not be processed.

The Message-IDs of both directions, with the ticket each belongs to, are what threads a reply
onto its ticket (threading.py).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class InboundStatus(StrEnum):
    received = "received"  # stored, not yet processed (a crash here is picked up again)
    processed = "processed"  # became a ticket or a reply
    ignored = "ignored"  # an auto-reply, a bounce or a list mail: never answered
    quarantined = "quarantined"  # malformed or failed: see email_quarantine


class InboundMail(Base):
    """One message as it arrived. ``message_key`` (its Message-ID, or a hash of the bytes when it
    has none) is unique: the same message delivered twice is stored once."""

    __tablename__ = "email_inbound"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_key: Mapped[str] = mapped_column(String(255), unique=True)
    source: Mapped[str] = mapped_column(String(16))  # smtp, imap, file
    envelope_from: Mapped[str | None] = mapped_column(String(320))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(16), default=InboundStatus.received)
    outcome: Mapped[str | None] = mapped_column(Text)  # what happened, for people
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    kefu_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OutboundStatus(StrEnum):
    queued = "queued"
    sent = "sent"
    failed = "failed"  # refused for good (bad address, no server configured)


class OutboundMail(Base):
    """One staff reply on its way out. The Message-ID is chosen when the reply is queued, so
    every retry sends the same one and mail clients never show the reply twice."""

    __tablename__ = "email_outbound"
    __table_args__ = (Index("ix_email_outbound_ticket", "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    kefu_message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    message_key: Mapped[str] = mapped_column(String(255), unique=True)
    to_address: Mapped[str] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(16), default=OutboundStatus.queued)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class QuarantinedMail(Base):
    """A message kefu could not turn into a ticket message, with the reason. Its raw bytes stay
    in its email_inbound row."""

    __tablename__ = "email_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    inbound_id: Mapped[int] = mapped_column(
        ForeignKey("email_inbound.id", ondelete="CASCADE"), unique=True
    )
    reason: Mapped[str] = mapped_column(String(32))  # malformed, failed
    detail: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
