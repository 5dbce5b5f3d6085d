from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kefu.kit.types import NoNul

EventName = Literal[
    "ticket.created",
    "ticket.status_changed",
    "ticket.assigned",
    "message.created",
    "ticket.rated",
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), NoNul]
Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    NoNul,
    Field(description="https:// address that receives the POSTs"),
]
Events = Annotated[list[EventName], Field(min_length=1, max_length=len(get_args(EventName)))]
DeliveryState = Literal["pending", "delivered", "failed", "cancelled"]


class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    url: Url
    events: Events
    is_active: bool = True


class WebhookPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    url: Url | None = None
    events: Events | None = None
    is_active: bool | None = None


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    url: str
    events: list[str]
    is_active: bool
    disabled_reason: str | None  # "gone" (the receiver answered 410) or "switched_off"
    created_at: datetime
    updated_at: datetime
    secret_rotated_at: datetime | None


class WebhookCreatedOut(WebhookOut):
    secret: str = Field(description="Shown only now; store it to verify X-Kefu-Signature.")


class SecretOut(BaseModel):
    secret: str = Field(description="Shown only now; it signs every delivery from now on.")


class AttemptOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    url: str
    status_code: int | None
    duration_ms: int
    error: str | None
    response_excerpt: str | None
    outcome: Literal["delivered", "retry", "failed"]
    attempted_at: datetime


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str = Field(description="The X-Kefu-Delivery header")
    event_id: str = Field(description="The body's id: the same for every copy of one event")
    event_type: str
    status: DeliveryState
    attempts: int
    last_status_code: int | None
    redelivery_of_id: int | None
    created_at: datetime
    finished_at: datetime | None


class DeliveryDetailOut(DeliveryOut):
    payload: dict[str, Any]
    attempt_log: list[AttemptOut]


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    next_cursor: str | None
