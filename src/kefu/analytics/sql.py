"""SQL pieces that differ between SQLite and PostgreSQL: durations and percentiles.

Percentiles are continuous (linear interpolation between the two nearest ranks), as
PostgreSQL's ``percentile_cont``. PostgreSQL computes them itself; SQLite has no such
aggregate, so a window query numbers each group's values in order and returns only the (at
most two) rows around each wanted rank, and Python interpolates between them. Either way the
database sorts and only a few rows per group come back: no list of every duration.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, Integer, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

QUANTILES = (0.5, 0.9)
# A column of a model (Ticket.created_at) or any SQL expression.
Expr = ColumnElement[Any] | InstrumentedAttribute[Any]


def seconds_between(later: Expr, earlier: Expr, dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return cast(func.extract("epoch", later - earlier), Float)


def bucket_of(moment: Expr, edges: Sequence[datetime]) -> ColumnElement[Any]:
    """The index of the bucket ``moment`` falls in (edges ascending; rows are already filtered
    to the window): comparisons only, so it is exact in any time zone on both backends."""
    if len(edges) <= 1:  # still an expression over the row: GROUP BY refuses a constant
        return case((moment.is_(None), 0), else_=0)
    whens = [(moment < edge, index) for index, edge in enumerate(edges[1:])]
    return case(*whens, else_=len(edges) - 1)


@dataclass(frozen=True)
class Spread:
    count: int
    median: float | None
    p90: float | None


def spread(db: Session, value: ColumnElement[Any], *where: Any) -> Spread:
    """Count, median and p90 of ``value`` among rows matching ``where``."""
    return spreads(db, value, None, *where).get(0, Spread(0, None, None))


def spreads(
    db: Session, value: ColumnElement[Any], group: ColumnElement[Any] | None, *where: Any
) -> dict[int, Spread]:
    """Count, median and p90 of ``value`` per ``group`` (an integer; None: one group, 0)
    among rows matching ``where``."""
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        query = select(
            (group if group is not None else literal(0)).label("g"),
            func.count(),
            func.percentile_cont(0.5).within_group(value),
            func.percentile_cont(0.9).within_group(value),
        ).where(*where)
        if group is not None:
            query = query.group_by(group)
        rows = [row for row in db.execute(query).all() if row[1]]
        return {int(g): Spread(int(n), _round(median), _round(p90)) for g, n, median, p90 in rows}
    return _sqlite_spreads(db, value, group, *where)


def _sqlite_spreads(
    db: Session, value: ColumnElement[Any], group: ColumnElement[Any] | None, *where: Any
) -> dict[int, Spread]:
    ranked = (
        select(
            (group if group is not None else literal(0)).label("g"),
            value.label("v"),
            func.row_number().over(partition_by=group, order_by=value).label("rn"),
            func.count().over(partition_by=group).label("n"),
        )
        .where(*where)
        .subquery()
    )
    wanted = [
        and_(ranked.c.rn >= _floor(ranked.c.n, q) + 1, ranked.c.rn <= _floor(ranked.c.n, q) + 2)
        for q in QUANTILES
    ]
    rows = db.execute(
        select(ranked.c.g, ranked.c.v, ranked.c.rn, ranked.c.n).where(or_(*wanted))
    ).all()
    by_group: dict[int, tuple[int, dict[int, float]]] = {}
    for g, v, rn, n in rows:
        by_group.setdefault(int(g), (int(n), {}))[1][int(rn)] = float(v)
    result = {}
    for g, (n, ranks) in by_group.items():
        median, p90 = (_interpolate(ranks, n, q) for q in QUANTILES)
        result[g] = Spread(n, _round(median), _round(p90))
    return result


def _floor(count: ColumnElement[Any], q: float) -> ColumnElement[Any]:
    """floor((n - 1) * q) in SQL: CAST truncates toward zero, and the product is never
    negative. The same double arithmetic as ``_interpolate``, so both pick the same ranks."""
    return cast((count - 1) * q, Integer)


def _interpolate(ranks: dict[int, float], n: int, q: float) -> float:
    """percentile_cont over 1-based ranks: position (n - 1) * q, between two neighbours."""
    position = (n - 1) * q
    low = math.floor(position)
    below = ranks[low + 1]
    above = ranks.get(low + 2, below)
    return below + (position - low) * (above - below)


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)
