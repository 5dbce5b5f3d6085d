"""The time a dashboard looks at: today, the last 7 or 30 days (local days in the service time
zone), the same span just before it, and the buckets of its trend lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Period(StrEnum):
    today = "today"
    week = "7d"
    month = "30d"


DAYS = {Period.today: 1, Period.week: 7, Period.month: 30}


@dataclass(frozen=True)
class Window:
    period: Period
    start: datetime  # local midnight, in UTC
    end: datetime  # now
    previous_start: datetime  # the same span, one period earlier
    previous_end: datetime
    edges: tuple[datetime, ...]  # bucket starts (hours today, days otherwise), in UTC
    labels: tuple[str, ...]  # one per bucket, in local time: "14" (hour) or "11-21" (day)
    hourly: bool

    def bucket_end(self, index: int) -> datetime:
        return self.edges[index + 1] if index + 1 < len(self.edges) else self.end


def window_for(period: Period, now: datetime, zone: ZoneInfo) -> Window:
    """Buckets are real local hours and days, so a day across a change of daylight saving
    time still ends at local midnight."""
    local_now = now.astimezone(zone)
    days = DAYS[period]
    first_day = local_now.date() - timedelta(days=days - 1)
    start_local = datetime.combine(first_day, datetime.min.time(), zone)
    start = start_local.astimezone(now.tzinfo)
    span = now - start
    if period == Period.today:
        hours = int(span.total_seconds() // 3600) + 1
        edges = tuple(start + timedelta(hours=h) for h in range(hours))
        labels = tuple(f"{edge.astimezone(zone):%H}" for edge in edges)
    else:
        days_list = [first_day + timedelta(days=d) for d in range(days)]
        edges = tuple(
            datetime.combine(day, datetime.min.time(), zone).astimezone(now.tzinfo)
            for day in days_list
        )
        labels = tuple(f"{day:%m-%d}" for day in days_list)
    # The previous span is as long as the period in whole local days and as far into its last
    # day as now is into today: a morning is compared with the morning a period ago. Counted
    # on the local calendar, so a daylight-saving change in between moves no boundary.
    previous_first_day = first_day - timedelta(days=days)
    previous_start = datetime.combine(previous_first_day, datetime.min.time(), zone).astimezone(
        now.tzinfo
    )
    local_elapsed = local_now.replace(tzinfo=None) - start_local.replace(tzinfo=None)
    previous_end = (
        (datetime.combine(previous_first_day, datetime.min.time()) + local_elapsed)
        .replace(tzinfo=zone)
        .astimezone(now.tzinfo)
    )
    return Window(
        period=period,
        start=start,
        end=now,
        previous_start=previous_start,
        previous_end=previous_end,
        edges=edges,
        labels=labels,
        hourly=period == Period.today,
    )
