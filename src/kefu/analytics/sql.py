"""SQL pieces that differ between SQLite and PostgreSQL: durations and percentiles.

Percentiles are continuous (linear interpolation between the two nearest ranks), as
PostgreSQL's ``percentile_cont``. PostgreSQL computes them itself; SQLite has no such
aggregate, so a window query numbers each group's values in order and returns only the (at
most two) rows around each wanted rank, and Python interpolates between them. Either way the
database sorts and only a few rows per group come back: no list of every duration.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from kefu.kit.db import UTCDateTime

QUANTILES = (0.5, 0.9)
# A column of a model (Ticket.created_at) or any SQL expression.
Expr = ColumnElement[Any] | InstrumentedAttribute[Any]


def seconds_between(later: Expr, earlier: Expr, dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return cast(func.extract("epoch", later - earlier), Float)


def bucket_of(moment: Expr, edges: Sequence[datetime], dialect: str) -> ColumnElement[Any]:
    """The index of the bucket ``moment`` falls in (edges ascending; rows are already filtered
    to the window). Equal buckets (any zone without a daylight-saving change in the window)
    are a division; otherwise a chain of comparisons, exact in any time zone."""
    if len(edges) <= 1:  # still an expression over the row: GROUP BY refuses a constant
        return case((moment.is_(None), 0), else_=0)
    steps = {later - earlier for earlier, later in itertools.pairwise(edges)}
    if len(steps) == 1:
        size = steps.pop().total_seconds()
        start = literal(edges[0], UTCDateTime())
        # half a millisecond forward: julianday's rounding must not put an edge a bucket early
        offset = (seconds_between(moment, start, dialect) + 0.0005) / size
        if dialect == "sqlite":
            return cast(offset, Integer)  # truncates; never negative here
        return cast(func.floor(offset), Integer)
    whens = [(moment < edge, index) for index, edge in enumerate(edges[1:])]
    return case(*whens, else_=len(edges) - 1)


@dataclass(frozen=True)
class Spread:
    count: int
    median: float | None
    p90: float | None


NOTHING = Spread(0, None, None)


def spreads(
    db: Session, value: ColumnElement[Any], group: ColumnElement[Any], *where: Any
) -> tuple[Spread, dict[int, Spread]]:
    """Count, median and p90 of ``value`` over all rows matching ``where`` and per ``group``
    (an integer), in one pass over the rows."""
    if db.get_bind().dialect.name == "postgresql":
        return _postgres_spreads(db, value, group, *where)
    return _sqlite_spreads(db, value, group, *where)


def _postgres_spreads(
    db: Session, value: ColumnElement[Any], group: ColumnElement[Any], *where: Any
) -> tuple[Spread, dict[int, Spread]]:
    rows = db.execute(
        select(
            group.label("g"),
            func.grouping(group),  # 1 on the row of the whole set
            func.count(),
            func.percentile_cont(0.5).within_group(value),
            func.percentile_cont(0.9).within_group(value),
        )
        .where(*where)
        .group_by(func.grouping_sets(tuple_(group), tuple_()))
    ).all()
    whole, per_group = NOTHING, {}
    for g, is_whole, n, median, p90 in rows:
        if not n:
            continue
        found = Spread(int(n), _round(median), _round(p90))
        if is_whole:
            whole = found
        else:
            per_group[int(g)] = found
    return whole, per_group


def _sqlite_spreads(
    db: Session, value: ColumnElement[Any], group: ColumnElement[Any], *where: Any
) -> tuple[Spread, dict[int, Spread]]:
    # The values are computed once in an inner query (SQLite would otherwise evaluate the
    # expressions again for every window), then numbered per group and overall.
    rows_in = select(group.label("g"), value.label("v")).where(*where).subquery()
    ranked = select(
        rows_in.c.g,
        rows_in.c.v,
        func.row_number().over(partition_by=rows_in.c.g, order_by=rows_in.c.v).label("rn"),
        func.count().over(partition_by=rows_in.c.g).label("n"),
        func.row_number().over(order_by=rows_in.c.v).label("rn_all"),
        func.count().over().label("n_all"),
    ).subquery()
    c = ranked.c
    near = [(c.rn, c.n), (c.rn_all, c.n_all)]
    wanted = [
        and_(rank >= _floor(count, q) + 1, rank <= _floor(count, q) + 2)
        for rank, count in near
        for q in QUANTILES
    ]
    rows = db.execute(select(c.g, c.v, c.rn, c.n, c.rn_all, c.n_all).where(or_(*wanted))).all()
    groups: dict[int, tuple[int, dict[int, float]]] = {}
    everything: dict[int, float] = {}
    total = 0
    for g, v, rn, n, rn_all, n_all in rows:
        groups.setdefault(int(g), (int(n), {}))[1][int(rn)] = float(v)
        everything[int(rn_all)] = float(v)
        total = int(n_all)
    return _spread(everything, total), {g: _spread(ranks, n) for g, (n, ranks) in groups.items()}


def _spread(ranks: dict[int, float], n: int) -> Spread:
    if not n:
        return NOTHING
    median, p90 = (_interpolate(ranks, n, q) for q in QUANTILES)
    return Spread(n, _round(median), _round(p90))


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
