"""What kefu knows of the platform's shop orders, kept in local tables: the platform pushes
updates through its API (an HTTP connector to the platform's own order service can replace
these tables without changing the readers in ``orders.py``)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class RefundStatus(StrEnum):
    none = "none"
    requested = "requested"  # the buyer asked; the seller has not answered
    approved = "approved"  # money is on its way back
    refunded = "refunded"  # money has arrived
    rejected = "rejected"


class PlatformOrder(Base):
    __tablename__ = "platform_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_no: Mapped[str] = mapped_column(String(64), unique=True)
    platform_user_id: Mapped[str] = mapped_column(String(128), index=True)
    title: Mapped[str] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    refund_status: Mapped[str] = mapped_column(String(16), default=RefundStatus.none)
    refund_method: Mapped[str] = mapped_column(String(64), default="")
    refund_expected_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
