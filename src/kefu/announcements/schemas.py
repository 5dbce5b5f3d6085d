from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, StringConstraints

from kefu.kit.types import NoNul

Kind = Literal["feature", "event", "policy", "notice"]
State = Literal["draft", "published"]
Title = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), NoNul]
Body = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), NoNul]


class AnnouncementIn(BaseModel):
    """A draft may leave one language empty; publishing needs both (title and body)."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind = "notice"
    title_zh: Title = ""
    body_zh: Body = ""
    title_en: Title = ""
    body_en: Body = ""
    status: State = "draft"
    pinned: bool = False
    starts_at: AwareDatetime | None = None  # now when left out
    ends_at: AwareDatetime | None = None  # shown until withdrawn when left out


class AnnouncementPatch(BaseModel):
    """Fields to change; ``ends_at: null`` removes the end time."""

    model_config = ConfigDict(extra="forbid")

    kind: Kind | None = None
    title_zh: Title | None = None
    body_zh: Body | None = None
    title_en: Title | None = None
    body_en: Body | None = None
    status: State | None = None
    pinned: bool | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None


class AnnouncementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    title_zh: str
    body_zh: str
    title_en: str
    body_en: str
    status: str
    pinned: bool
    starts_at: datetime
    ends_at: datetime | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class AnnouncementPage(BaseModel):
    items: list[AnnouncementOut]
    next_cursor: str | None


class PublicAnnouncementOut(BaseModel):
    id: int
    kind: str
    locale: str
    title: str
    body: str  # markdown
    pinned: bool
    starts_at: datetime
    ends_at: datetime | None


class PublicAnnouncements(BaseModel):
    items: list[PublicAnnouncementOut]
