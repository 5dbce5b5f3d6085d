"""API shapes for tickets. Inputs are strict; outputs carry everything a client needs to render."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kefu.auth.schemas import TeamOut
from kefu.contacts.schemas import ContactOut
from kefu.kit.types import Id, NoNul
from kefu.tickets.models import MAX_TAGS, Channel, Priority, Status, TicketType

Subject = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NoNul
]
Body = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000), NoNul
]
Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), NoNul]
Category = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Tag = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[\w\-:.]{1,48}$")
]
LocaleTag = Annotated[
    str, StringConstraints(max_length=16, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
]
AttachmentIds = Annotated[list[Id], Field(max_length=10)]
# Statuses staff may set by hand; "closed" is reached only through merging or auto-closing.
SettableStatus = Literal["open", "pending", "on_hold", "solved"]

# What an end user may file themselves; internal kinds (task) are for staff.
UserTicketType = Literal[
    "question",
    "incident",
    "complaint",
    "suggestion",
    "content_report",
    "appeal",
    "infringement",
    "after_sales",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- references -------------------------------------------------------------------------------


class StaffRef(BaseModel):
    id: int
    name: str


class AttachmentOut(BaseModel):
    id: int
    filename: str
    content_type: str
    size: int
    url: str


class RatingOut(BaseModel):
    score: int
    comment: str
    updated_at: datetime


# ---- agent views ------------------------------------------------------------------------------


class TicketOut(BaseModel):
    id: int
    number: int
    subject: str
    type: TicketType
    category: str | None
    status: Status
    priority: Priority
    channel: Channel
    locale: str
    requester: ContactOut
    assignee: StaffRef | None
    team: TeamOut | None
    tags: list[str]
    parent_number: int | None
    merged_into_number: int | None
    follow_up_of_number: int | None
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    solved_at: datetime | None
    closed_at: datetime | None
    version: int
    needs_triage: bool


class ChildTicketOut(BaseModel):
    number: int
    subject: str
    status: Status
    team: TeamOut | None


class TicketDetailOut(TicketOut):
    children: list[ChildTicketOut]
    rating: RatingOut | None


class MessageOut(BaseModel):
    id: int
    kind: Literal["public", "internal", "system"]
    author_type: Literal["contact", "staff", "api", "system"]
    author_name: str | None
    body: str
    channel: str
    created_at: datetime
    attachments: list[AttachmentOut]


class EventOut(BaseModel):
    id: int
    kind: str
    field: str | None
    old_value: str | None
    new_value: str | None
    actor_type: str
    actor_name: str | None
    created_at: datetime


class TicketPage(BaseModel):
    items: list[TicketOut]
    next_cursor: str | None


class TicketUpdateIn(Strict):
    """Fields to change; leave a field out to keep it. ``null`` clears assignee, team or
    category; the other fields cannot be null."""

    version: int = Field(description="The version you last read; a mismatch is a 409.")
    subject: Subject | None = None
    type: TicketType | None = None
    category: Category | None = None
    priority: Priority | None = None
    locale: LocaleTag | None = None
    team_id: Id | None = None
    assignee_id: Id | None = None
    tags: Annotated[list[Tag], Field(max_length=MAX_TAGS)] | None = None
    status: SettableStatus | None = Field(
        None, description="closed is set by kefu (merging, auto-closing), never by hand."
    )

    @model_validator(mode="after")
    def _required_fields_are_not_null(self) -> TicketUpdateIn:
        for name in ("subject", "type", "priority", "locale", "tags", "status"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class AssignIn(Strict):
    version: int
    assignee_id: Id | None
    team_id: Id | None = None


class StaffMessageIn(Strict):
    body: Body
    internal: bool = Field(False, description="An internal note only staff can read.")
    attachment_ids: AttachmentIds = []
    status: SettableStatus | None = Field(
        None, description="Status to set with the reply, e.g. pending."
    )


class EscalateIn(Strict):
    team_id: Id = Field(description="The department that receives the child ticket.")
    note: Body = Field(description="What the department needs to know and do.")
    subject: Subject | None = None
    priority: Priority | None = None
    version: int | None = None


class MergeIn(Strict):
    target_number: Id = Field(description="The ticket this one duplicates.")
    version: int | None = None


# ---- end-user views ---------------------------------------------------------------------------


class MyTicketOut(BaseModel):
    number: int
    subject: str
    type: TicketType
    status: Status
    channel: Channel
    merged_into_number: int | None
    follow_up_of_number: int | None
    created_at: datetime
    updated_at: datetime
    solved_at: datetime | None


class MyTicketPage(BaseModel):
    items: list[MyTicketOut]
    next_cursor: str | None


class MyTicketDetailOut(MyTicketOut):
    messages: list[MessageOut]
    events: list[EventOut]
    rating: RatingOut | None


class UserTicketIn(Strict):
    subject: Subject | None = Field(None, description="Defaults to the start of the text.")
    body: Body
    type: UserTicketType = "question"
    category: Category | None = None
    locale: LocaleTag | None = None
    attachment_ids: AttachmentIds = []


class ReplyIn(Strict):
    body: Body
    attachment_ids: AttachmentIds = []


class ReplyOut(BaseModel):
    ticket: MyTicketOut
    message: MessageOut
    follow_up: bool = Field(description="True when the reply started a follow-up ticket.")


class RatingIn(Strict):
    score: int = Field(ge=1, le=5)
    comment: Comment = ""


# ---- platform backend -------------------------------------------------------------------------


class PlatformRequesterIn(Strict):
    platform_user_id: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128), NoNul
    ]
    name: Annotated[str, StringConstraints(max_length=120), NoNul] | None = None
    locale: LocaleTag | None = None
    vip_level: int | None = Field(None, ge=0, le=10)


class PlatformTicketIn(Strict):
    requester: PlatformRequesterIn
    subject: Subject
    body: Body
    type: TicketType = TicketType.question
    category: Category | None = None
    priority: Priority = Priority.normal
    channel: Channel = Channel.api
    locale: LocaleTag | None = None
    tags: Annotated[list[Tag], Field(max_length=20)] = []
    attachment_ids: AttachmentIds = []
