"""Charts as server-rendered SVG: horizontal stacked bars, paired bars and line charts.

Each chart is a ``<figure>`` holding an SVG (``role="img"``, named by its ``<title>`` and
described by its ``<desc>``) and a visually hidden table of the same numbers for screen
readers. Texts arrive already in the page's language; values are plain numbers, formatted by
the ``fmt`` the caller gives. The SVG scales to its container (viewBox, width 100 %).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
ROW = 30  # height of one bar row
LEGEND = 28
Format = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    label: str
    color: str


@dataclass(frozen=True)
class Line:
    label: str
    color: str
    values: Sequence[float | None]
    dashed: bool = False


def plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def nice_ceiling(value: float, *, whole: bool = False) -> float:
    """The top of an axis with four round steps (1, 2, 2.5 or 5 times a power of ten; whole
    steps only for counts) that reaches ``value``."""
    if value <= 0:
        return 4.0 if whole else 1.0
    quarter = value / 4
    power = 10 ** math.floor(math.log10(quarter))
    for step in (1, 2, 2.5, 5, 10):
        size = step * power
        if whole and (size < 1 or size != int(size)):
            continue
        if quarter <= size:
            return float(4 * size)
    return float(40 * power)


def _svg_open(chart_id: str, title: str, desc: str, height: float) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )


def _legend(series: Sequence[Series | Line], y: float) -> str:
    parts, x = [], 0.0
    for item in series:
        dash = ' stroke-dasharray="6 4"' if isinstance(item, Line) and item.dashed else ""
        if isinstance(item, Line):
            mark = (
                f'<line x1="{x:.0f}" y1="{y - 5:.0f}" x2="{x + 18:.0f}" y2="{y - 5:.0f}" '
                f'stroke="{item.color}" stroke-width="3"{dash}/>'
            )
        else:
            mark = (
                f'<rect x="{x:.0f}" y="{y - 12:.0f}" width="14" height="14" fill="{item.color}"/>'
            )
        parts.append(
            f'{mark}<text class="legend" x="{x + 22:.0f}" y="{y:.0f}">{escape(item.label)}</text>'
        )
        x += 34 + 8.5 * _width(item.label)
    return "".join(parts)


def _width(label: str) -> float:
    """Rough advance in 'narrow characters': CJK characters count double."""
    return sum(2 if ord(char) > 0x2E80 else 1 for char in label)


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in header)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="visually-hidden"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _figure(svg: str, table: str) -> Markup:
    return Markup(f'<figure class="chart-box">{svg}{table}</figure>')


def stacked_bars(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[Series],
    *,
    first_column: str,
    total_label: str,
    fmt: Format = plain,
) -> Markup:
    """One horizontal bar per row, its segments in ``series`` order, the total at its end."""
    label_width = 200
    bar_space = WIDTH - label_width - 60
    top = LEGEND + 6
    height = top + ROW * max(len(rows), 1) + 4
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    parts = [_svg_open(chart_id, title, desc, height), _legend(series, 16)]
    for index, (label, values) in enumerate(rows):
        y = top + index * ROW
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 19}" text-anchor="end">'
            f"{escape(_clip(label, 24))}</text>"
        )
        x = float(label_width)
        for value, item in zip(values, series, strict=True):
            width = bar_space * value / biggest
            if width > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 5}" width="{width:.1f}" height="{ROW - 10}" '
                    f'fill="{item.color}"><title>{escape(item.label)}: {escape(fmt(value))}'
                    "</title></rect>"
                )
            x += width
        parts.append(
            f'<text class="value" x="{x + 6:.1f}" y="{y + 19}">{escape(fmt(sum(values)))}</text>'
        )
    parts.append("</svg>")
    table = _table(
        title,
        [first_column, *(item.label for item in series), total_label],
        [[label, *(fmt(value) for value in values), fmt(sum(values))] for label, values in rows],
    )
    return _figure("".join(parts), table)


def paired_bars(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, float, float]],
    series: tuple[Series, Series],
    *,
    first_column: str,
    fmt: Format = plain,
) -> Markup:
    """Two bars per row (say the previous and this period), each with its number."""
    label_width = 200
    bar_space = WIDTH - label_width - 60
    top, row = LEGEND + 6, 40
    height = top + row * max(len(rows), 1) + 4
    biggest = max((max(a, b) for _, a, b in rows), default=0) or 1
    parts = [_svg_open(chart_id, title, desc, height), _legend(series, 16)]
    for index, (label, first, second) in enumerate(rows):
        y = top + index * row
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 24}" text-anchor="end">'
            f"{escape(_clip(label, 24))}</text>"
        )
        for offset, value, item in ((3, first, series[0]), (20, second, series[1])):
            width = bar_space * value / biggest
            parts.append(
                f'<rect x="{label_width}" y="{y + offset}" width="{width:.1f}" height="15" '
                f'fill="{item.color}"/>'
                f'<text class="value" x="{label_width + width + 6:.1f}" y="{y + offset + 13}">'
                f"{escape(fmt(value))}</text>"
            )
    parts.append("</svg>")
    table = _table(
        title,
        [first_column, series[0].label, series[1].label],
        [[label, fmt(a), fmt(b)] for label, a, b in rows],
    )
    return _figure("".join(parts), table)


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    lines: Sequence[Line],
    *,
    first_column: str,
    fmt: Format = plain,
    top_value: float | None = None,
    whole: bool = False,
) -> Markup:
    """Lines over the buckets; a missing value (None) breaks its line. The y axis starts at
    zero and ends at a round value (or ``top_value``, e.g. 100 % for shares); ``whole`` keeps
    its steps whole numbers (counts)."""
    left, right, top, bottom = 64, 16, LEGEND + 10, 28
    height = 260
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    known = [v for line in lines for v in line.values if v is not None]
    ceiling = (
        top_value if top_value is not None else nice_ceiling(max(known, default=0), whole=whole)
    )
    count = max(len(labels), 1)

    def x_of(index: int) -> float:
        return left + (plot_w * (index + 0.5) / count)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - min(value, ceiling) / ceiling)

    parts = [_svg_open(chart_id, title, desc, height), _legend(lines, 16)]
    for step in range(5):  # grid lines and y labels at 0, 1/4, ... of the ceiling
        value = ceiling * step / 4
        y = y_of(value)
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(fmt(value))}</text>"
        )
    every = max(1, math.ceil(len(labels) / 10))  # at most about ten x labels
    for index, label in enumerate(labels):
        if index % every == 0 or index == len(labels) - 1:
            parts.append(
                f'<text class="axis" x="{x_of(index):.1f}" y="{height - 8}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for line in lines:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        segments: list[list[tuple[float, float]]] = [[]]
        for index, point in enumerate(line.values):
            if point is None:
                segments.append([])
            else:
                segments[-1].append((x_of(index), y_of(point)))
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{line.color}" '
                    f'stroke-width="2.5"{dash}/>'
                )
            for x, y in segment:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{line.color}"/>')
    parts.append("</svg>")
    table = _table(
        title,
        [first_column, *(line.label for line in lines)],
        [
            [
                label,
                *("–" if line.values[i] is None else fmt(line.values[i] or 0) for line in lines),
            ]
            for i, label in enumerate(labels)
        ],
    )
    return _figure("".join(parts), table)


def _clip(label: str, limit: int) -> str:
    """Long labels are cut for the SVG (the table keeps them whole)."""
    if _width(label) <= limit:
        return label
    kept, used = "", 0.0
    for char in label:
        used += _width(char)
        if used > limit - 1:
            break
        kept += char
    return kept + "…"
