"""Report content (/help/report) and one report's status (/help/reports/{id}); the scripts use
/api/v1/reports/reasons and /api/v1/me/reports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kefu.kit.http import AppSettings
from kefu.kit.types import Id
from kefu.web.help import texts
from kefu.web.help.layout import ClientTexts, help_page

router = APIRouter(prefix="/help", include_in_schema=False)
CLIENT_TEXTS: ClientTexts = {
    "choose": texts.CHOOSE,
    "targetBad": texts.REPORT_TARGET_BAD,
    "targets": texts.TARGET_NAMES,
    "status": texts.REPORT_STATUS,
    "number": texts.REPORT_NUMBER,
    "filed": texts.REPORT_FILED,
    "already": texts.REPORT_ALREADY,
    "none": texts.NO_REPORTS,
    "notFound": texts.REPORT_NOT_FOUND,
}


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(
        request,
        settings,
        "help/report.html",
        nav="report",
        client_texts=CLIENT_TEXTS,
        targets=list(texts.TARGET_NAMES.items()),
        target_type=request.query_params.get("type", ""),
        target_id=request.query_params.get("id", ""),
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_status(report_id: Id, request: Request, settings: AppSettings) -> HTMLResponse:
    return help_page(
        request,
        settings,
        "help/report_status.html",
        nav="report",
        client_texts=CLIENT_TEXTS,
        report_id=report_id,
    )
