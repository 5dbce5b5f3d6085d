"""GET /api/v1/help/verify: public, no sign-in (a worried person checks before anything else).

Not rate-limited yet: the answers come from the settings and one primary-key read, and the
list of official channels is public anyway; agent codes can be enumerated, which reveals
only the display names agents show in chats.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kefu.kit.http import AppSettings, DbSession, RequestLocale
from kefu.verification.present import verdict_out
from kefu.verification.schemas import VerifyOut
from kefu.verification.service import Kind, verify

router = APIRouter(prefix="/api/v1/help", tags=["help centre"])


@router.get(
    "/verify",
    response_model=VerifyOut,
    summary="Is this phone number, e-mail address, web address or agent ID really ours?",
)
def check(
    db: DbSession,
    settings: AppSettings,
    locale: RequestLocale,
    kind: Kind,
    value: Annotated[str, Query(max_length=2000)] = "",
) -> VerifyOut:
    return verdict_out(verify(db, settings, kind, value), locale)
