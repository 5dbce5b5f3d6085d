"""API shapes of the feedback form."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, EmailStr, Field, StringConstraints

from kefu.channels.webform.categories import CATEGORY_KEYS
from kefu.kit.phone import PhoneNumber
from kefu.kit.types import NoNul
from kefu.tickets.schemas import AttachmentIds, LocaleTag, Strict


def _known_category(value: str) -> str:
    if value not in CATEGORY_KEYS:
        raise ValueError(f"unknown category; use one of {', '.join(CATEGORY_KEYS)}")
    return value


CategoryKey = Annotated[
    str, AfterValidator(_known_category), Field(json_schema_extra={"enum": list(CATEGORY_KEYS)})
]
FeedbackText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000), NoNul
]
ClientToken = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255), NoNul
]


class FeedbackIn(Strict):
    category: CategoryKey
    text: FeedbackText
    contact_email: EmailStr | None = None
    contact_phone: PhoneNumber | None = None
    locale: LocaleTag | None = None
    attachment_ids: AttachmentIds = Field(
        default_factory=list,
        description="Images and videos uploaded first to /api/v1/attachments",
    )
    client_token: ClientToken | None = Field(
        None,
        description="Makes a retried submission safe, like the Idempotency-Key header (which "
        "wins when both are sent).",
    )


class FeedbackCategoryOut(BaseModel):
    key: str
    label: str  # in the language of the request
    labels: dict[str, str]  # {"en": ..., "zh-CN": ...}
    ticket_type: str


class FeedbackOut(BaseModel):
    id: int
    ticket_number: int
    category: str
    created_at: datetime
    replayed: bool = Field(description="A retry: the ticket the first submission created")
