"""Telephone numbers as people write them: international (E.164) and Chinese formats."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

_SEPARATORS = re.compile(r"[\s\-().]")
_FORMATS = (
    re.compile(r"^\+[1-9]\d{6,14}$"),  # E.164: + country code, at most 15 digits
    re.compile(r"^1[3-9]\d{9}$"),  # Chinese mobile
    re.compile(r"^0\d{9,11}$"),  # Chinese landline with its area code (010-12345678)
    re.compile(r"^[48]00\d{7}$"),  # 400 / 800 service numbers (400-123-4567)
    re.compile(r"^(1\d{4}|9\d{4})$"),  # short service numbers (12315, 95588)
)


def normalize_phone(value: str) -> str | None:
    """The number without spaces, dashes, dots or brackets, or None when it is not a phone
    number kefu accepts. ``00`` before a country code is read as ``+``."""
    compact = _SEPARATORS.sub("", value.strip())
    if compact.startswith("00") and len(compact) > 8:
        compact = "+" + compact[2:]
    if not compact.isascii():
        return None
    return compact if any(pattern.match(compact) for pattern in _FORMATS) else None


def _valid_phone(value: str) -> str:
    normalized = normalize_phone(value)
    if normalized is None:
        raise ValueError(
            "not a phone number: use +<country code><number>, a Chinese mobile or landline "
            "number, or a 400/800 number"
        )
    return normalized


PhoneNumber = Annotated[str, StringConstraints(max_length=32), AfterValidator(_valid_phone)]
