from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC; the one clock every module reads."""
    return datetime.now(UTC)
