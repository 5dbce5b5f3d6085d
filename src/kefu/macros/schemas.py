from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kefu.kit.types import NoNul
from kefu.tickets.models import Priority
from kefu.tickets.schemas import SettableStatus, Tag, TicketDetailOut

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), NoNul]
Body = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000), NoNul
]
Tags = Annotated[list[Tag], Field(max_length=10)]


class MacroIn(BaseModel):
    """A macro is written in both languages; placeholders such as ``{{requester.name}}`` are
    checked when it is saved."""

    model_config = ConfigDict(extra="forbid")

    name_zh: Name
    name_en: Name
    body_zh: Body
    body_en: Body
    set_status: SettableStatus | None = None
    set_priority: Priority | None = None
    add_tags: Tags = []
    is_active: bool = True


class MacroPatch(BaseModel):
    """Fields to change; ``set_status`` / ``set_priority`` may be null to stop setting them."""

    model_config = ConfigDict(extra="forbid")

    name_zh: Name | None = None
    name_en: Name | None = None
    body_zh: Body | None = None
    body_en: Body | None = None
    set_status: SettableStatus | None = None
    set_priority: Priority | None = None
    add_tags: Tags | None = None
    is_active: bool | None = None


class MacroOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name_zh: str
    name_en: str
    body_zh: str
    body_en: str
    set_status: str | None
    set_priority: str | None
    add_tags: list[str] = Field(validation_alias="tags")
    is_active: bool
    created_at: datetime
    updated_at: datetime


class PlaceholdersOut(BaseModel):
    names: list[str]


class RenderedMacroOut(BaseModel):
    """A macro filled in for one ticket, in the ticket's language."""

    macro_id: int
    name: str
    locale: str
    body: str
    set_status: str | None
    set_priority: str | None
    add_tags: list[str]


class ApplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(description="The ticket version you last read; a mismatch is a 409.")


class AppliedOut(BaseModel):
    ticket: TicketDetailOut
    macro: RenderedMacroOut
