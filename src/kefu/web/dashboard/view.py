"""The dashboard's figures as the page shows them: numbers in words and units of the reader's
language, and the SVG charts. Used by the full page and by the fragment it refreshes with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from kefu.analytics.schemas import DashboardOut, Names
from kefu.kit.i18n import Locale, Text, pick
from kefu.web.dashboard import texts
from kefu.web.dashboard.charts import Line, Series, line_chart, paired_bars, stacked_bars

STATUS_COLORS = {"new": "#56B4E9", "open": "#0072B2", "pending": "#E69F00", "on_hold": "#CC79A7"}
PRIORITY_COLORS = {"urgent": "#D55E00", "high": "#E69F00", "normal": "#0072B2", "low": "#7f8b96"}
MEDIAN_COLOR, P90_COLOR = "#0072B2", "#D55E00"
GOOD_COLOR, BOT_COLOR, PREVIOUS_COLOR = "#009E73", "#0072B2", "#9aa4ae"
# A duration axis in the unit that keeps its numbers short: (seconds per unit, unit text)
UNITS: tuple[tuple[float, Text], ...] = (
    (60.0, texts.MINUTES),
    (3600.0, texts.HOURS),
    (86400.0, texts.DAYS),
)


@dataclass(frozen=True)
class Words:
    locale: Locale

    def __call__(self, value: Text, **params: Any) -> str:
        return pick(value, self.locale).format(**params)

    def name(self, names: Names) -> str:
        return names.zh if self.locale == "zh-CN" else names.en

    def duration(self, seconds: float | None) -> str:
        if seconds is None:
            return "–"
        if seconds < 60:
            return self(texts.SECONDS, n=round(seconds))
        if seconds < 5400:
            return self(texts.MINUTES, n=round(seconds / 60))
        if seconds < 2 * 86400:
            return self(texts.HOURS, n=_short(seconds / 3600))
        return self(texts.DAYS, n=_short(seconds / 86400))

    def share(self, value: float | None) -> str:
        return "–" if value is None else f"{value * 100:.0f}%"


def _short(value: float) -> str:
    """Whole numbers from ten up, one decimal below (without a trailing .0)."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")


def _unit(largest: float) -> tuple[float, Text]:
    for seconds, unit in UNITS:
        if largest < seconds * 120:
            return seconds, unit
    return UNITS[-1]


def local_time(moment: datetime, zone: str, with_date: bool = False) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M}" if with_date else f"{local:%H:%M:%S}"


def build(data: DashboardOut, locale: Locale) -> dict[str, Any]:
    """Everything the panels template shows, charts rendered."""
    w = Words(locale)
    labels = [bucket.label for bucket in data.window.buckets]
    bucket_word = w(texts.HOUR if data.window.period == "today" else texts.DAY)
    time_column = w(texts.TIME_COLUMN)
    queue, sla, csat, bot = data.queue, data.sla, data.satisfaction, data.bot
    charts: dict[str, Markup] = {}

    charts["by_team"] = stacked_bars(
        "chart-team",
        w(texts.QUEUE_BY_TEAM),
        w(texts.QUEUE_BY_TEAM_DESC),
        [(w.name(row.name), [row.by_status[s] for s in STATUS_COLORS]) for row in queue.by_team],
        [Series(w(texts.STATUS[s]), color) for s, color in STATUS_COLORS.items()],
        first_column=w(texts.TEAM),
        total_label=w(texts.TOTAL),
    )
    charts["by_category"] = stacked_bars(
        "chart-category",
        w(texts.QUEUE_BY_CATEGORY),
        w(texts.QUEUE_BY_CATEGORY_DESC),
        [
            (w.name(row.name), [row.by_priority[p] for p in PRIORITY_COLORS])
            for row in queue.by_category
        ],
        [Series(w(texts.PRIORITY_NAMES[p]), color) for p, color in PRIORITY_COLORS.items()],
        first_column=w(texts.CATEGORY),
        total_label=w(texts.TOTAL),
    )
    for key, timing, title, desc in (
        ("first_response", data.first_response, texts.FIRST_RESPONSE, texts.FIRST_RESPONSE_DESC),
        ("resolution", data.resolution, texts.RESOLUTION, texts.RESOLUTION_DESC),
    ):
        largest = max((p.p90_seconds or 0 for p in timing.trend), default=0)
        per, unit = _unit(largest)

        def in_unit(value: float, unit: Text = unit) -> str:
            return w(
                unit, n=_short(value) if value < 10 and value != int(value) else f"{value:.0f}"
            )

        charts[key] = line_chart(
            f"chart-{key}",
            w(title),
            w(desc, bucket=bucket_word),
            labels,
            [
                Line(
                    w(texts.MEDIAN),
                    MEDIAN_COLOR,
                    [
                        None if p.median_seconds is None else p.median_seconds / per
                        for p in timing.trend
                    ],
                ),
                Line(
                    w(texts.P90),
                    P90_COLOR,
                    [None if p.p90_seconds is None else p.p90_seconds / per for p in timing.trend],
                    dashed=True,
                ),
            ],
            first_column=time_column,
            fmt=in_unit,
        )
    charts["volume"] = line_chart(
        "chart-volume",
        w(texts.VOLUME),
        w(texts.VOLUME_DESC, bucket=bucket_word),
        labels,
        [
            Line(w(texts.CREATED), MEDIAN_COLOR, [p.created for p in data.volume]),
            Line(w(texts.SOLVED), GOOD_COLOR, [p.solved for p in data.volume], dashed=True),
        ],
        first_column=time_column,
        whole=True,
    )
    charts["sla"] = stacked_bars(
        "chart-sla",
        w(texts.SLA_MET),
        w(texts.SLA_MET_DESC),
        [(w(texts.PRIORITY_NAMES[row.priority]), [row.met, row.missed]) for row in sla.by_priority],
        [Series(w(texts.WITHIN), GOOD_COLOR), Series(w(texts.PAST), P90_COLOR)],
        first_column=w(texts.PRIORITY),
        total_label=w(texts.TOTAL),
    )
    charts["csat"] = line_chart(
        "chart-csat",
        w(texts.SATISFACTION),
        w(texts.SATISFACTION_DESC, bucket=bucket_word),
        labels,
        [Line(w(texts.CSAT), GOOD_COLOR, [_percent(p.csat) for p in csat.trend])],
        first_column=time_column,
        fmt=lambda v: f"{v:.0f}%",
        top_value=100,
    )
    charts["scores"] = stacked_bars(
        "chart-scores",
        w(texts.SCORES),
        w(texts.SCORES_DESC),
        [(w(texts.SCORE, score=s), [csat.by_score[str(s)]]) for s in range(5, 0, -1)],
        [Series(w(texts.COUNT), GOOD_COLOR)],
        first_column=w(texts.SCORES),
        total_label=w(texts.TOTAL),
    )
    charts["bot"] = line_chart(
        "chart-bot",
        w(texts.BOT),
        w(texts.BOT_DESC, bucket=bucket_word),
        labels,
        [Line(w(texts.CONTAINMENT), BOT_COLOR, [_percent(p.containment) for p in bot.trend])],
        first_column=time_column,
        fmt=lambda v: f"{v:.0f}%",
        top_value=100,
    )
    risers = data.trending.risers
    charts["trending"] = paired_bars(
        "chart-trending",
        w(texts.TRENDING),
        w(texts.TRENDING_DESC),
        [(w.name(row.name), row.previous, row.current) for row in risers],
        (Series(w(texts.PREVIOUS), PREVIOUS_COLOR), Series(w(texts.CURRENT), BOT_COLOR)),
        first_column=w(texts.CATEGORY),
    )
    targets = {row.priority: row.target_hours * 3600 for row in sla.by_priority}
    return {
        "data": data,
        "w": w,
        "charts": charts,
        "updated": local_time(data.generated_at, data.window.time_zone),
        "span": w(
            texts.PERIOD_SPAN,
            start=local_time(data.window.start, data.window.time_zone, with_date=True),
            end=local_time(data.window.end, data.window.time_zone, with_date=True),
            zone=data.window.time_zone,
        ),
        "sla_targets": {p: w.duration(s) for p, s in targets.items()},
    }


def _percent(value: float | None) -> float | None:
    return None if value is None else value * 100
