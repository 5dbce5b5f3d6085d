"""API shapes of logged phone calls."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, StringConstraints

from kefu.kit.phone import PhoneNumber
from kefu.kit.types import Id, NoNul
from kefu.tickets.schemas import Strict, Subject

MAX_DURATION = 24 * 3600


def _recording_ref(value: str) -> str:
    """An http(s) URL of the call recording, or the key it has in a recording store."""
    if value.startswith(("http://", "https://")):
        parts = urlsplit(value)
        if not parts.netloc or any(c.isspace() for c in value):
            raise ValueError("not a usable URL")
        return value
    if "://" in value or ".." in value.split("/") or value.startswith("/"):
        raise ValueError("use an http(s) URL or a relative storage key")
    return value


RecordingRef = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    StringConstraints(pattern=r"^[A-Za-z0-9_\-./:?=&%~+]+$"),
    AfterValidator(_recording_ref),
]
Notes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10000), NoNul]


class CallIn(Strict):
    number: PhoneNumber = Field(description="+8613812345678, 138 1234 5678, 400-123-4567 ...")
    direction: Literal["inbound", "outbound"]
    started_at: AwareDatetime
    duration_seconds: int = Field(ge=0, le=MAX_DURATION)
    notes: Notes = ""
    recording_ref: RecordingRef | None = None
    contact_id: Id | None = Field(
        None,
        description="Whose call it was; defaults to the ticket's requester, or to the contact "
        "with this phone number (created when there is none).",
    )
    ticket_number: Id | None = None
    create_ticket: bool = Field(
        False, description="For an inbound call without a ticket: open a phone ticket for it."
    )
    subject: Subject | None = Field(None, description="Subject of the new ticket")


class CallOut(BaseModel):
    id: int
    contact_id: int
    ticket_number: int | None
    number: str
    direction: Literal["inbound", "outbound"]
    started_at: datetime
    duration_seconds: int
    notes: str
    recording_ref: str | None
    logged_by_staff_id: int | None
    created_at: datetime
