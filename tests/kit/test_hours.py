from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kefu.config import Settings
from kefu.kit.hours import DailyHours

SHANGHAI_9_TO_22 = DailyHours.parse("09:00-22:00", "Asia/Shanghai")


def test_open_and_closed_follow_the_local_clock() -> None:
    assert SHANGHAI_9_TO_22.is_open(datetime(2026, 11, 21, 2, 0, tzinfo=UTC))  # 10:00 local
    evening = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)  # 23:30 local
    assert not SHANGHAI_9_TO_22.is_open(evening)
    opening = SHANGHAI_9_TO_22.next_opening(evening)
    assert opening == datetime(2026, 11, 22, 1, 0, tzinfo=UTC)  # 09:00 local, next day
    early = datetime(2026, 11, 20, 23, 0, tzinfo=UTC)  # 07:00 local
    assert SHANGHAI_9_TO_22.next_opening(early) == datetime(2026, 11, 21, 1, 0, tzinfo=UTC)


def test_windows_across_midnight_and_around_the_clock() -> None:
    night = DailyHours.parse("20:00-02:00", "UTC")
    assert night.is_open(datetime(2026, 1, 1, 1, 0, tzinfo=UTC))
    assert not night.is_open(datetime(2026, 1, 1, 12, 0, tzinfo=UTC))
    always = DailyHours.parse("00:00-24:00", "UTC")
    assert always.is_open(datetime(2026, 1, 1, 23, 59, tzinfo=UTC))
    assert always.describe("en") == "00:00–24:00 every day (UTC)"
    assert SHANGHAI_9_TO_22.describe("zh-CN") == "每天 09:00–22:00（北京时间）"


@pytest.mark.parametrize(
    "fields",
    [
        {"service_hours": "9-22"},
        {"service_hours": "25:00-26:00"},
        {"service_timezone": "Mars/Base"},
    ],
)
def test_bad_hours_are_refused_at_start(fields: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        Settings(env="test", **fields)  # type: ignore[arg-type]
