"""/desk/admin/api-tokens: the platform backend's tokens (never their secrets), creating one
(shown once) and revoking, through /api/v1/admin/api-tokens."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from kefu.auth.models import StaffUser
from kefu.auth.service import API_SCOPES, list_api_tokens
from kefu.kit.http import DbSession
from kefu.web.admin import texts
from kefu.web.admin.common import render_admin
from kefu.web.desk.session import Admin

router = APIRouter()
CLIENT_TEXTS = {
    "saving": texts.SAVING,
    "confirmRevoke": texts.CONFIRM_REVOKE,
    "revoked": texts.TOKEN_REVOKED,
    "pickAScope": texts.PICK_A_SCOPE,
    "copied": texts.COPIED,
}


@router.get("/api-tokens", response_class=HTMLResponse)
def tokens(request: Request, db: DbSession, staff: Admin) -> HTMLResponse:
    rows = list_api_tokens(db)
    creator_ids = {row.created_by_id for row in rows if row.created_by_id}
    creators = dict(
        db.execute(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(creator_ids))).all()
    )
    return render_admin(
        request,
        "admin/tokens.html",
        staff,
        section="tokens",
        client_texts=CLIENT_TEXTS,
        tokens=rows,
        creators=creators,
        scopes=API_SCOPES,
    )
