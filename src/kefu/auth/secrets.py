"""Opaque tokens: random, recognisable by prefix, stored only as a SHA-256 hash.

A hash without salt is right here (unlike passwords): the tokens carry 256 random bits.
"""

from __future__ import annotations

import hashlib
import secrets

STAFF_SESSION_PREFIX = "kss_"
API_TOKEN_PREFIX = "kat_"
CONTACT_SESSION_PREFIX = "kcs_"


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
