from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kefu.kit.errors import Invalid

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("kefu-dummy-password")


class WeakPassword(Invalid):
    code = "weak_password"
    en = "The password must have at least {min} characters."
    zh = "密码至少需要 {min} 个字符。"


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(min=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A first password an admin hands over once: 16 URL-safe characters (96 random bits)."""
    return secrets.token_urlsafe(12)
