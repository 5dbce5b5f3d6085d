"""Content reports from outside: the app's "..." button (end users, signed in or anonymous) and
the platform's backend (API token with ``reports:write``). Both file through
``kefu.trust.service.file_report``, as the bot's report flow does."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from kefu.auth.actors import ApiActor
from kefu.auth.deps import CurrentContact, require_scope
from kefu.auth.identity import PlatformUserClaims
from kefu.contacts.service import upsert_platform_contact
from kefu.kit.http import DbSession, RequestLocale
from kefu.kit.types import Id
from kefu.tickets.models import Channel
from kefu.trust import queries
from kefu.trust.reasons import REPORT_REASONS
from kefu.trust.schemas import (
    Label,
    MyReportOut,
    MyReportPage,
    PlatformReportIn,
    PlatformReportOut,
    ReportIn,
)
from kefu.trust.service import NewReport, file_report

reasons_router = APIRouter(prefix="/api/v1/reports", tags=["content reports"])
user_router = APIRouter(prefix="/api/v1/me/reports", tags=["end user: my reports"])
platform_router = APIRouter(prefix="/api/v1/platform", tags=["platform backend"])
ReportWriter = Annotated[ApiActor, Depends(require_scope("reports:write"))]
FILED: dict[int | str, dict[str, Any]] = {
    200: {"description": "Already reported by this person: their earlier report"}
}


def _new_report(body: ReportIn, channel: str) -> NewReport:
    return NewReport(
        target_type=body.target.type,
        target_id=body.target.id,
        reason=body.reason,
        note=body.note,
        attachment_ids=body.attachment_ids,
        channel=channel,
        locale=body.locale,
    )


@reasons_router.get("/reasons", response_model=list[Label], summary="Why content can be reported")
def reasons(locale: RequestLocale) -> list[Label]:
    return [queries.reason_label(reason.key, locale) for reason in REPORT_REASONS]


@user_router.post(
    "", response_model=MyReportOut, status_code=201, summary="Report content", responses=FILED
)
def report(
    body: ReportIn, response: Response, db: DbSession, actor: CurrentContact, locale: RequestLocale
) -> MyReportOut:
    filed = file_report(db, actor, actor.contact, _new_report(body, Channel.report))
    if not filed.created:
        response.status_code = 200
    return queries.present_my_reports(db, [filed.report], locale)[0]


@user_router.get("", response_model=MyReportPage, summary="My reports and their outcomes")
def my_reports(
    db: DbSession,
    actor: CurrentContact,
    locale: RequestLocale,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> MyReportPage:
    rows, next_cursor = queries.reports_of(db, actor.contact, limit=limit, cursor=cursor)
    return MyReportPage(items=queries.present_my_reports(db, rows, locale), next_cursor=next_cursor)


@user_router.get("/{report_id}", response_model=MyReportOut, summary="One of my reports")
def my_report(
    report_id: Id, db: DbSession, actor: CurrentContact, locale: RequestLocale
) -> MyReportOut:
    found = queries.report_of(db, actor.contact, report_id)
    return queries.present_my_reports(db, [found], locale)[0]


@platform_router.post(
    "/reports",
    response_model=PlatformReportOut,
    status_code=201,
    summary="File a user's content report",
    responses=FILED,
)
def platform_report(
    body: PlatformReportIn, response: Response, db: DbSession, actor: ReportWriter
) -> PlatformReportOut:
    r = body.reporter
    reporter = upsert_platform_contact(
        db, PlatformUserClaims(r.platform_user_id, r.name, r.locale, r.vip_level)
    )
    filed = file_report(db, actor, reporter, _new_report(body, Channel.api))
    if not filed.created:
        response.status_code = 200
    return PlatformReportOut(
        report_id=filed.report.id,
        case_id=filed.case.id,
        case_status=filed.case.status,
        outcome=filed.case.outcome,
        duplicate=not filed.created,
    )
