"""Reading reports and cases: a reporter's own reports, the moderators' case list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.contacts.models import Contact
from kefu.contacts.schemas import ContactOut
from kefu.kit.i18n import Locale, pick
from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from kefu.kit.types import MAX_ID
from kefu.tickets.models import Ticket
from kefu.trust.errors import CaseNotFound, ReportNotFound
from kefu.trust.models import CaseStatus, ContentReport, ReportCase
from kefu.trust.outcomes import OUTCOME_NAMES, OUTCOME_TEXTS, UNDER_REVIEW
from kefu.trust.reasons import REPORT_REASONS
from kefu.trust.schemas import (
    CaseDetailOut,
    CaseOut,
    CaseReportOut,
    Label,
    MyReportOut,
    TargetOut,
)

_Row = TypeVar("_Row", ContentReport, ReportCase)
_REASONS = {reason.key: reason for reason in REPORT_REASONS}


def _after(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    last = decode_cursor(cursor).get("id")
    if type(last) is not int or not 0 < last <= MAX_ID:
        raise InvalidCursor()
    return last


def _one_page(rows: list[_Row], limit: int) -> tuple[list[_Row], str | None]:
    """The first ``limit`` of ``limit + 1`` rows, and a cursor when there were more."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1].id})


def reports_of(
    db: Session, reporter: Contact, *, limit: int, cursor: str | None
) -> tuple[list[ContentReport], str | None]:
    query = select(ContentReport).where(ContentReport.reporter_id == reporter.id)
    after = _after(cursor)
    if after is not None:
        query = query.where(ContentReport.id < after)
    rows = db.scalars(query.order_by(ContentReport.id.desc()).limit(limit + 1)).all()
    return _one_page(list(rows), limit)


def report_of(db: Session, reporter: Contact, report_id: int) -> ContentReport:
    report = db.get(ContentReport, report_id)
    if report is None or report.reporter_id != reporter.id:
        raise ReportNotFound(id=report_id)
    return report


def reason_label(key: str, locale: Locale) -> Label:
    name = _REASONS[key].name if key in _REASONS else {"en": key, "zh": key}
    return Label(key=key, label=pick(name, locale), labels={"en": name["en"], "zh-CN": name["zh"]})


def present_my_reports(
    db: Session, reports: Sequence[ContentReport], locale: Locale
) -> list[MyReportOut]:
    cases = {
        case.id: case
        for case in db.scalars(
            select(ReportCase).where(ReportCase.id.in_({r.case_id for r in reports}))
        ).all()
    }
    out = []
    for report in reports:
        case = cases[report.case_id]
        decided = case.status == CaseStatus.decided and case.outcome is not None
        out.append(
            MyReportOut(
                id=report.id,
                target=TargetOut(type=case.target_type, id=case.target_id),
                reason=reason_label(report.reason, locale),
                note=report.note,
                created_at=report.created_at,
                status="decided" if decided else "under_review",
                outcome=case.outcome if decided else None,
                outcome_name=pick(OUTCOME_NAMES[case.outcome], locale)
                if decided and case.outcome
                else None,
                outcome_text=pick(OUTCOME_TEXTS[case.outcome], locale)
                if decided and case.outcome
                else pick(UNDER_REVIEW, locale),
                decided_at=case.decided_at if decided else None,
            )
        )
    return out


def cases(
    db: Session, *, status: str | None, limit: int, cursor: str | None
) -> tuple[list[ReportCase], str | None]:
    query = select(ReportCase)
    if status is not None:
        query = query.where(ReportCase.status == status)
    after = _after(cursor)
    if after is not None:
        query = query.where(ReportCase.id < after)
    rows = db.scalars(query.order_by(ReportCase.id.desc()).limit(limit + 1)).all()
    return _one_page(list(rows), limit)


def case_by_id(db: Session, case_id: int) -> ReportCase:
    case = db.get(ReportCase, case_id)
    if case is None:
        raise CaseNotFound(id=case_id)
    return case


def present_cases(db: Session, rows: Sequence[ReportCase]) -> list[CaseOut]:
    ticket_ids = {c.ticket_id for c in rows if c.ticket_id is not None}
    numbers = {
        ticket_id: number
        for ticket_id, number in db.execute(
            select(Ticket.id, Ticket.number).where(Ticket.id.in_(ticket_ids))
        )
    }
    return [
        CaseOut(
            id=c.id,
            target=TargetOut(type=c.target_type, id=c.target_id),
            status=c.status,
            report_count=c.report_count,
            reasons=list(c.reasons),
            ticket_number=numbers.get(c.ticket_id) if c.ticket_id is not None else None,
            outcome=c.outcome,
            decision_note=c.decision_note,
            decided_by_staff_id=c.decided_by_staff_id,
            decided_at=c.decided_at,
            created_at=c.created_at,
            updated_at=c.updated_at,
        )
        for c in rows
    ]


def present_case_detail(db: Session, case: ReportCase) -> CaseDetailOut:
    reports = db.scalars(
        select(ContentReport).where(ContentReport.case_id == case.id).order_by(ContentReport.id)
    ).all()
    reporters = {
        c.id: c
        for c in db.scalars(
            select(Contact).where(Contact.id.in_({r.reporter_id for r in reports}))
        ).all()
    }
    return CaseDetailOut(
        **present_cases(db, [case])[0].model_dump(),
        reports=[
            CaseReportOut(
                id=r.id,
                reporter=ContactOut.model_validate(reporters[r.reporter_id]),
                reason=r.reason,
                note=r.note,
                channel=r.channel,
                created_at=r.created_at,
            )
            for r in reports
        ],
    )
