"""Trending categories: tickets created in the period against the same span one period
earlier, by category (top-level tickets: escalation tasks are not new demand). Risers are the
categories with the largest increase in count, then the larger count, then the key."""

from __future__ import annotations

from sqlalchemy import func, select

from kefu.analytics.queue import category_names
from kefu.analytics.schemas import CategoryTrend, TrendingOut
from kefu.analytics.scope import Scope
from kefu.tickets.models import Ticket

RISERS = 5


def trending(scope: Scope) -> TrendingOut:
    window = scope.window
    counts: list[dict[str | None, int]] = []
    for start, end in ((window.start, window.end), (window.previous_start, window.previous_end)):
        rows = scope.db.execute(
            select(Ticket.category, func.count())
            .where(
                Ticket.created_at >= start,
                Ticket.created_at < end,
                Ticket.parent_id.is_(None),
                scope.team(),
            )
            .group_by(Ticket.category)
        ).all()
        counts.append({category: int(count) for category, count in rows})
    current, previous = counts
    categories = [
        CategoryTrend(
            category=key,
            name=category_names(key),
            current=current.get(key, 0),
            previous=previous.get(key, 0),
            change=current.get(key, 0) - previous.get(key, 0),
            change_share=(
                (current.get(key, 0) - previous[key]) / previous[key] if previous.get(key) else None
            ),
        )
        for key in set(current) | set(previous)
    ]
    categories.sort(key=lambda row: (-row.change, -row.current, row.category or ""))
    return TrendingOut(
        current_total=sum(current.values()),
        previous_total=sum(previous.values()),
        categories=categories,
        risers=[row for row in categories if row.change > 0][:RISERS],
    )
