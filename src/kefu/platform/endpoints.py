"""The platform's backend keeps kefu's copy of its shop orders current."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from kefu.auth.actors import ApiActor
from kefu.auth.deps import require_scope
from kefu.kit.http import DbSession
from kefu.kit.types import NoNul
from kefu.platform.orders import OrderUpdate, record_order

router = APIRouter(prefix="/api/v1/platform", tags=["platform backend"])
OrderWriter = Annotated[ApiActor, Depends(require_scope("orders:write"))]
OrderNo = Annotated[str, Path(pattern=r"^[A-Za-z0-9_\-]{1,64}$")]


class OrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platform_user_id: Annotated[str, Field(min_length=1, max_length=128), NoNul]
    title: Annotated[str, Field(min_length=1, max_length=200), NoNul]
    amount_cents: int = Field(ge=0, le=2**31 - 1)
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$")
    refund_status: Literal["none", "requested", "approved", "refunded", "rejected"] = "none"
    refund_method: Annotated[str, Field(max_length=64), NoNul] = ""
    refund_expected_at: AwareDatetime | None = None


class OrderOut(OrderIn):
    order_no: str
    updated_at: datetime


@router.put("/orders/{order_no}", response_model=OrderOut, summary="Record an order as it is now")
def put_order(order_no: OrderNo, body: OrderIn, db: DbSession, _: OrderWriter) -> OrderOut:
    order = record_order(db, OrderUpdate(order_no=order_no, **body.model_dump()))
    return OrderOut(
        order_no=order.order_no,
        updated_at=order.updated_at,
        **{name: getattr(order, name) for name in OrderIn.model_fields},
    )
