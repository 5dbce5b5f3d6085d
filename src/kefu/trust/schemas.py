"""API shapes for content reports and their cases."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from kefu.contacts.schemas import ContactOut
from kefu.kit.types import NoNul
from kefu.tickets.schemas import AttachmentIds, LocaleTag, PlatformRequesterIn, Strict
from kefu.trust.reasons import REASON_KEYS

TargetTypeName = Literal["video", "comment", "live", "account"]
TargetId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9_\-.:@]{1,128}$"),
    Field(description="The platform's id of the video, comment, live room or account"),
]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), NoNul]
OutcomeName = Literal["removed", "restricted", "no_violation"]


def _known_reason(value: str) -> str:
    if value not in REASON_KEYS:
        raise ValueError(f"unknown reason; use one of {', '.join(REASON_KEYS)}")
    return value


ReasonKey = Annotated[
    str, AfterValidator(_known_reason), Field(json_schema_extra={"enum": list(REASON_KEYS)})
]


class TargetIn(Strict):
    type: TargetTypeName
    id: TargetId


class ReportIn(Strict):
    target: TargetIn
    reason: ReasonKey
    note: Note = ""
    attachment_ids: AttachmentIds = Field(
        default_factory=list, description="Evidence uploaded first to /api/v1/attachments"
    )
    locale: LocaleTag | None = None


class PlatformReportIn(ReportIn):
    reporter: PlatformRequesterIn


class Label(BaseModel):
    key: str
    label: str  # in the language of the request
    labels: dict[str, str]  # {"en": ..., "zh-CN": ...}


class TargetOut(BaseModel):
    type: str
    id: str


class MyReportOut(BaseModel):
    id: int
    target: TargetOut
    reason: Label
    note: str
    created_at: datetime
    status: Literal["under_review", "decided"]
    outcome: OutcomeName | None
    outcome_name: str | None
    outcome_text: str  # what happened, in the language of the request
    decided_at: datetime | None


class MyReportPage(BaseModel):
    items: list[MyReportOut]
    next_cursor: str | None


class PlatformReportOut(BaseModel):
    report_id: int
    case_id: int
    case_status: Literal["open", "decided"]
    outcome: OutcomeName | None
    duplicate: bool = Field(description="The reporter had already reported this target")


class CaseReportOut(BaseModel):
    id: int
    reporter: ContactOut
    reason: str
    note: str
    channel: str
    created_at: datetime


class CaseOut(BaseModel):
    id: int
    target: TargetOut
    status: Literal["open", "decided"]
    report_count: int
    reasons: list[str]
    ticket_number: int | None
    outcome: OutcomeName | None
    decision_note: str
    decided_by_staff_id: int | None
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime


class CaseDetailOut(CaseOut):
    reports: list[CaseReportOut]


class CasePage(BaseModel):
    items: list[CaseOut]
    next_cursor: str | None


class DecisionIn(Strict):
    outcome: OutcomeName
    note: Note = ""
