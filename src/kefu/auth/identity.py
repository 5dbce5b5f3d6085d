"""End users arrive with a token the platform signed (HS256 JWT with the shared secret).

Claims: ``sub`` (platform user id, required), ``exp`` (required), ``name``, ``locale`` and
``vip_level``. The platform is the source of truth for who the user is; kefu mirrors the claims
onto its contact record on every visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt

from kefu.auth.errors import InvalidUserToken


@dataclass(frozen=True)
class PlatformUserClaims:
    platform_user_id: str
    name: str | None
    locale: str | None
    vip_level: int | None


def verify_user_token(token: str, secret: str) -> PlatformUserClaims:
    try:
        claims: dict[str, Any] = jwt.decode(
            token, secret, algorithms=["HS256"], options={"require": ["sub", "exp"]}
        )
    except jwt.PyJWTError as exc:
        raise InvalidUserToken(reason=str(exc)) from exc
    vip = claims.get("vip_level")
    if vip is not None and (not isinstance(vip, int) or not 0 <= vip <= 10):
        raise InvalidUserToken(reason="vip_level must be an integer from 0 to 10")
    sub = str(claims["sub"]).strip()
    if not sub or len(sub) > 128 or "\x00" in sub:
        raise InvalidUserToken(reason="sub must be 1 to 128 characters")
    name = claims.get("name")
    name = str(name).replace("\x00", "") if name is not None else None
    locale = claims.get("locale")
    return PlatformUserClaims(
        platform_user_id=sub,
        name=name[:120] if name is not None else None,
        locale=str(locale) if locale is not None else None,
        vip_level=vip,
    )


def sign_user_token(claims: dict[str, Any], secret: str) -> str:
    """What the platform does; used by the demo and the tests."""
    return jwt.encode(claims, secret, algorithm="HS256")
