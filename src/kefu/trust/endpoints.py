"""Moderators' API: report cases, newest first, and deciding them."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from kefu.auth.deps import CurrentStaff
from kefu.kit.http import DbSession
from kefu.kit.types import Id
from kefu.trust import queries, service
from kefu.trust.schemas import CaseDetailOut, CasePage, DecisionIn

router = APIRouter(prefix="/api/v1/trust", tags=["trust & safety"])


@router.get("/cases", response_model=CasePage, summary="Report cases, newest first")
def list_cases(
    db: DbSession,
    actor: CurrentStaff,
    status: Literal["open", "decided"] | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> CasePage:
    service.require_moderator(db, actor)
    rows, next_cursor = queries.cases(db, status=status, limit=limit, cursor=cursor)
    return CasePage(items=queries.present_cases(db, rows), next_cursor=next_cursor)


@router.get("/cases/{case_id}", response_model=CaseDetailOut, summary="A case and its reports")
def get_case(case_id: Id, db: DbSession, actor: CurrentStaff) -> CaseDetailOut:
    service.require_moderator(db, actor)
    return queries.present_case_detail(db, queries.case_by_id(db, case_id))


@router.post(
    "/cases/{case_id}/decision",
    response_model=CaseDetailOut,
    summary="Decide a case: removed, restricted or no violation; every reporter is told",
)
def decide(case_id: Id, body: DecisionIn, db: DbSession, actor: CurrentStaff) -> CaseDetailOut:
    case = service.decide(db, actor, case_id, body.outcome, body.note)
    return queries.present_case_detail(db, case)
