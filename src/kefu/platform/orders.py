"""Reading and recording the platform's orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.kit.clock import utcnow
from kefu.platform.models import PlatformOrder, RefundStatus


@dataclass(frozen=True)
class OrderUpdate:
    order_no: str
    platform_user_id: str
    title: str
    amount_cents: int
    currency: str = "CNY"
    refund_status: str = RefundStatus.none
    refund_method: str = ""
    refund_expected_at: datetime | None = None


def refunds_of(db: Session, platform_user_id: str, limit: int = 5) -> list[PlatformOrder]:
    """The user's orders with a refund in any state, latest change first."""
    return list(
        db.scalars(
            select(PlatformOrder)
            .where(
                PlatformOrder.platform_user_id == platform_user_id,
                PlatformOrder.refund_status != RefundStatus.none,
            )
            .order_by(PlatformOrder.updated_at.desc(), PlatformOrder.id.desc())
            .limit(limit)
        )
    )


def record_order(db: Session, update: OrderUpdate) -> PlatformOrder:
    """Create or replace the order as the platform describes it now."""
    order = db.scalar(
        select(PlatformOrder).where(PlatformOrder.order_no == update.order_no).with_for_update()
    )
    if order is None:
        order = PlatformOrder(order_no=update.order_no)
        db.add(order)
    for name, value in vars(update).items():
        setattr(order, name, value)
    order.updated_at = utcnow()
    db.flush()
    return order
