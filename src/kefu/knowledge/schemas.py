from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kefu.kit.types import NoNul

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
LocaleIn = Literal["zh-CN", "en"]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NoNul
]
Body = Annotated[str, StringConstraints(min_length=1, max_length=200_000), NoNul]
Question = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), NoNul
]
TagIn = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=48), NoNul]
Visibility = Literal["public", "agent_only"]
Status = Literal["draft", "published", "archived"]


class ArticleSummary(BaseModel):
    slug: str
    locale: str
    title: str
    category: str | None
    tags: list[str]
    url: str
    updated_at: datetime
    helpful_yes: int
    helpful_no: int


class ArticleOut(ArticleSummary):
    body: str  # markdown with the site's facts filled in
    translations: list[str]  # the other locales this article exists in


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class SearchHitOut(BaseModel):
    slug: str
    locale: str
    title: str
    heading: str
    snippet: str
    url: str
    score: float


class SearchOut(BaseModel):
    query: str
    locale: str
    hits: list[SearchHitOut]


class VoteIn(BaseModel):
    helpful: bool


class VoteOut(BaseModel):
    helpful_yes: int
    helpful_no: int


class StaffArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slug: Slug
    locale: LocaleIn
    title: Title
    body: Body
    category: str | None = None
    tags: list[TagIn] = Field(default_factory=list, max_length=30)
    questions: list[Question] = Field(default_factory=list, max_length=200)
    visibility: Visibility = "public"
    status: Status = "draft"


class StaffArticlePatch(BaseModel):
    """Fields to change; ``version`` is the one the editor started from."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=1)
    title: Title | None = None
    body: Body | None = None
    category: str | None = None
    tags: list[TagIn] | None = Field(None, max_length=30)
    questions: list[Question] | None = Field(None, max_length=200)
    visibility: Visibility | None = None
    status: Status | None = None


class StaffArticleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    locale: str
    title: str
    body: str  # as written, placeholders unfilled
    category: str | None
    tags: list[str]
    questions: list[str]
    visibility: str
    status: str
    version: int
    helpful_yes: int
    helpful_no: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


class StaffArticlePage(BaseModel):
    items: list[StaffArticleOut]
    next_cursor: str | None


class RevisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    title: str
    body: str
    category: str | None
    tags: list[str]
    questions: list[str]
    visibility: str
    status: str
    edited_by_staff_id: int | None
    created_at: datetime


class StaffSearchHitOut(SearchHitOut):
    article_id: int
    visibility: str


class PreviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: Annotated[str, StringConstraints(max_length=200_000), NoNul]
    locale: LocaleIn = "zh-CN"


class PreviewOut(BaseModel):
    html: str = Field(description="Safe HTML: raw HTML in the markdown is escaped.")
