"""Staffed hours: a daily window in a time zone, and when it next opens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class DailyHours:
    opens: time
    closes: time  # 24:00 is written as time.max
    zone: ZoneInfo

    @classmethod
    def parse(cls, window: str, zone: str) -> DailyHours:
        start, end = window.split("-")
        return cls(_clock(start), time.max if end == "24:00" else _clock(end), ZoneInfo(zone))

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(self.zone).time()
        if self.opens <= self.closes:
            return self.opens <= local < self.closes
        return local >= self.opens or local < self.closes  # a window across midnight

    def next_opening(self, moment: datetime) -> datetime:
        """The moment the desk is next staffed (``moment`` itself when it is open)."""
        if self.is_open(moment):
            return moment
        local = moment.astimezone(self.zone)
        opening = datetime.combine(local.date(), self.opens, self.zone)
        if opening <= local:
            opening = datetime.combine(local.date() + timedelta(days=1), self.opens, self.zone)
        return opening

    def describe(self, locale: str) -> str:
        opens, closes = self.opens.strftime("%H:%M"), _end(self.closes)
        if locale == "zh-CN":
            return f"每天 {opens}–{closes}（{_zone_zh(self.zone)}）"
        return f"{opens}–{closes} every day ({_zone_en(self.zone)})"


def _clock(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _end(value: time) -> str:
    return "24:00" if value == time.max else value.strftime("%H:%M")


def _zone_en(zone: ZoneInfo) -> str:
    return "Beijing time" if zone.key in ("Asia/Shanghai", "Asia/Chongqing") else zone.key


def _zone_zh(zone: ZoneInfo) -> str:
    return "北京时间" if zone.key in ("Asia/Shanghai", "Asia/Chongqing") else zone.key
