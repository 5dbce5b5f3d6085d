"""Input types shared by every API: bounded ids and text that every backend can store."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Ge, Le
from pydantic import AfterValidator

MAX_ID = 2**31 - 1  # PostgreSQL's integer; larger numbers name nothing and must not reach SQL

Id = Annotated[int, Ge(1), Le(MAX_ID)]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


NoNul = AfterValidator(_no_nul)


def parse_id(value: str) -> int | None:
    """An id written as ASCII digits within range, else None (so "²" or 10**20 never pass)."""
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_ID:
        return int(value)
    return None
