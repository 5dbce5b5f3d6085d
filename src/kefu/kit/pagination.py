"""Opaque cursors for keyset pagination: a page ends with the key of its last row."""

from __future__ import annotations

import base64
import json
from typing import Any

from kefu.kit.errors import KefuError


class InvalidCursor(KefuError):
    status = 400
    code = "invalid_cursor"
    en = "The page cursor is not valid; start again from the first page."
    zh = "分页游标无效，请从第一页重新开始。"


def encode_cursor(key: dict[str, Any]) -> str:
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidCursor() from exc
    if not isinstance(value, dict):
        raise InvalidCursor()
    return value
