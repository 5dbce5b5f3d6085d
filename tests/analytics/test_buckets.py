"""Trend buckets with a fixed clock: local days and hours in the service time zone, also
across a change of daylight-saving time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from kefu.analytics.periods import Period, window_for
from kefu.analytics.service import dashboard
from kefu.config import Settings
from kefu.kit.db import Database
from tests.analytics.records import Records

M = timedelta(minutes=1)


def test_daily_trend_in_beijing_time(database: Database, settings: Settings) -> None:
    now = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)  # 12:00 in Beijing
    records = Records(database, now)
    for wait in (10, 20, 30):  # created 15:30 on 03-09
        records.ticket(timedelta(hours=20, minutes=30), replied_after=wait * M)
    records.ticket(timedelta(hours=1), replied_after=60 * M)  # answered at now: not yet counted
    records.ticket(timedelta(hours=2), replied_after=110 * M)  # 10:00, answered 11:50
    with database.transaction(write=False) as db:
        figures = dashboard(db, settings, Period.week, now=now)
    labels = [bucket.label for bucket in figures.window.buckets]
    assert labels == ["03-04", "03-05", "03-06", "03-07", "03-08", "03-09", "03-10"]
    assert figures.window.start == datetime(2026, 3, 3, 16, 0, tzinfo=UTC)
    trend = figures.first_response.trend
    # 03-09: waits of 10, 20 and 30 minutes; p90 at 1.8 → 20 + 0.8 * 10 = 28 minutes
    assert (trend[5].count, trend[5].median_seconds, trend[5].p90_seconds) == (3, 1200, 1680)
    assert (trend[6].count, trend[6].median_seconds) == (1, 6600)
    assert [point.created for point in figures.volume] == [0, 0, 0, 0, 0, 3, 2]
    today = window_for(Period.today, now, ZoneInfo("Asia/Shanghai"))
    assert today.labels[0] == "00" and today.labels[-1] == "12" and len(today.edges) == 13


def test_days_keep_local_midnight_across_daylight_saving(
    database: Database, settings: Settings
) -> None:
    berlin = settings.model_copy(update={"service_timezone": "Europe/Berlin"})
    now = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)  # Berlin moved to summer time on 03-29
    window = window_for(Period.week, now, ZoneInfo("Europe/Berlin"))
    assert window.edges[-2:] == (
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),  # 03-29 00:00, still winter time
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),  # 03-30 00:00, summer time
    )
    records = Records(database, now)
    # 22:30 UTC on 03-29 is 00:30 on 03-30 in Berlin: the last day, not the one before
    records.ticket(now - datetime(2026, 3, 29, 22, 30, tzinfo=UTC), replied_after=5 * M)
    records.ticket(now - datetime(2026, 3, 29, 21, 30, tzinfo=UTC), replied_after=5 * M)
    with database.transaction(write=False) as db:
        figures = dashboard(db, berlin, Period.week, now=now)
    assert [point.count for point in figures.first_response.trend][-2:] == [1, 1]


def test_the_previous_period_starts_at_local_midnight_across_daylight_saving() -> None:
    now = datetime(2026, 3, 30, 10, 0, tzinfo=UTC)  # 12:00 summer time in Berlin
    window = window_for(Period.week, now, ZoneInfo("Europe/Berlin"))
    berlin = ZoneInfo("Europe/Berlin")
    # this week starts 03-24 00:00 (winter time); the week before on 03-17 00:00, not 23:00
    assert window.start.astimezone(berlin) == datetime(2026, 3, 24, 0, 0, tzinfo=berlin)
    assert window.previous_start.astimezone(berlin) == datetime(2026, 3, 17, 0, 0, tzinfo=berlin)
    # ... and runs as far into its last day as now is into today: to 03-23 12:00 local
    assert window.previous_end.astimezone(berlin) == datetime(2026, 3, 23, 12, 0, tzinfo=berlin)
