"""Agents' public codes ("KF1024"): what an agent tells a customer so the customer can check,
on the help centre's "Is this really kefu?" page, that they are talking to real staff.

The code is derived from the staff id, so it is stable, needs no column and cannot collide;
it reveals nothing an agent's name in the chat does not already show.
"""

from __future__ import annotations

import re

PREFIX = "KF"
OFFSET = 1000  # codes start at KF1001: four digits look like an employee number
_CODE = re.compile(r"^KF(\d{4,10})$")


def agent_code(staff_id: int) -> str:
    return f"{PREFIX}{staff_id + OFFSET}"


def staff_id_of(code: str) -> int | None:
    """The staff id an upper-cased, compact code names, or None when it names none."""
    match = _CODE.match(code)
    if match is None:
        return None
    staff_id = int(match.group(1)) - OFFSET
    return staff_id if 1 <= staff_id <= 2**31 - 1 else None


def looks_like_code(code: str) -> bool:
    return _CODE.match(code) is not None
