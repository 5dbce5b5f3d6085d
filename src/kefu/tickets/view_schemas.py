"""API shapes of the queue's views: the built-in ones and the agents' saved filters."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from kefu.auth.schemas import TeamOut
from kefu.kit.text import query_tokens
from kefu.kit.types import Id, NoNul
from kefu.tickets.models import Channel, Priority, Status
from kefu.tickets.schemas import Category, LocaleTag, StaffRef, Tag

ViewName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), NoNul
]
Query = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), NoNul]


class ViewFilters(BaseModel):
    """The filter of a view, with the meaning of ``GET /api/v1/tickets``'s query parameters."""

    model_config = ConfigDict(extra="forbid")

    status: Annotated[list[Status], Field(max_length=6)] = []
    priority: Annotated[list[Priority], Field(max_length=4)] = []
    team: Id | Literal["mine", "none"] | None = Field(
        None, description="A team id, `mine` (my teams) or `none` (no team yet)"
    )
    assignee: Id | Literal["me", "none"] | None = Field(
        None, description="A staff id, `me` or `none` (unassigned)"
    )
    category: Category | None = None
    channel: Channel | None = None
    locale: LocaleTag | None = None
    tag: Tag | None = None
    needs_triage: bool | None = None
    q: Query | None = None
    sort: Literal["updated_at", "created_at", "priority", "number"] | None = None
    order: Literal["asc", "desc"] | None = None

    @field_validator("q")
    @classmethod
    def _searchable(cls, value: str | None) -> str | None:
        """A saved search must find words, or every count of the view would fail."""
        if not value:
            return None
        if not query_tokens(value):
            raise ValueError("the search text has no words to search for")
        return value


class ViewOut(BaseModel):
    key: str = Field(description="`mine`, `unassigned`, … or `saved:<id>`")
    id: int | None = Field(description="The saved view's id; null for a built-in view")
    name: str
    builtin: bool
    shortcut: str | None = Field(description="The console's key after `g`, for built-in views")
    filters: ViewFilters
    count: int = Field(description="Tickets you may see that match")
    team: TeamOut | None = Field(description="The team a saved view is shared with")
    owner: StaffRef | None
    editable: bool = Field(description="Whether you may rename, change or delete it")
    updated_at: datetime | None


class ViewsOut(BaseModel):
    builtin: list[ViewOut]
    saved: list[ViewOut]


class SavedViewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: ViewName
    filters: ViewFilters = ViewFilters()
    team_id: Id | None = Field(None, description="Share with this team (one you belong to)")


class SavedViewUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: ViewName | None = None
    filters: ViewFilters | None = None
    team_id: Id | None = Field(None, description="A team to share with; null stops sharing")
