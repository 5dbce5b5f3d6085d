from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kefu.kit.types import NoNul

MessageText = Annotated[str, StringConstraints(min_length=1, max_length=4000), NoNul]


class StartIn(BaseModel):
    locale: Literal["zh-CN", "en"] | None = None


class SayIn(BaseModel):
    """A typed message, a chosen quick reply (an ``options[].id`` from the last turn), or both."""

    model_config = ConfigDict(extra="forbid")

    text: MessageText | None = None
    option: str | None = Field(None, pattern=r"^[a-z0-9_:\-]{1,80}$")

    @model_validator(mode="after")
    def _something(self) -> SayIn:
        if self.text is None and self.option is None:
            raise ValueError("send text, an option, or both")
        return self


class OptionOut(BaseModel):
    id: str
    label: str


class TurnOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    user_text: str | None
    option: str | None
    reply: str
    options: list[OptionOut]
    action: str
    created_at: datetime


class ConversationOut(BaseModel):
    id: int
    status: str
    locale: str
    ticket_number: int | None
    turns: list[TurnOut]


class StaffTurnOut(TurnOut):
    reason: str
    intent: str | None
    confidence: float | None
    candidates: list[Any]
    article_id: int | None
    warnings: list[str]
    analysis: dict[str, Any]
    model_version: str
    latency_ms: float


class StaffConversationSummary(BaseModel):
    id: int
    contact_id: int
    status: str
    locale: str
    handoff_reason: str | None
    ticket_number: int | None
    failures: int
    turn_count: int
    created_at: datetime
    updated_at: datetime


class StaffConversationOut(StaffConversationSummary):
    turns: list[StaffTurnOut]


class StaffConversationPage(BaseModel):
    items: list[StaffConversationSummary]
    next_cursor: str | None


class AssistArticle(BaseModel):
    article_id: int
    slug: str
    locale: str
    title: str
    heading: str
    snippet: str
    url: str
    visibility: str
    score: float


class AssistOut(BaseModel):
    query: str
    articles: list[AssistArticle]
    draft: str  # a reply the agent can edit; empty when no article fits
    draft_source: Literal["article", "llm", "none"]
