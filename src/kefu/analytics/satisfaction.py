"""CSAT: the share of good ratings (4 or 5 of 5) among the ratings given in the period. A
rating counts at the time its current score was given (``updated_at``: a changed rating
moves to when it was changed)."""

from __future__ import annotations

from sqlalchemy import func, select

from kefu.analytics.schemas import CsatPoint, SatisfactionOut
from kefu.analytics.scope import Scope
from kefu.analytics.sql import bucket_of
from kefu.tickets.models import Rating, Ticket

GOOD_SCORE = 4


def satisfaction(scope: Scope) -> SatisfactionOut:
    window = scope.window
    bucket = bucket_of(Rating.updated_at, window.edges, scope.dialect)
    rows = scope.db.execute(
        select(bucket, Rating.score, func.count())
        .join(Ticket, Ticket.id == Rating.ticket_id)
        .where(Rating.updated_at >= window.start, Rating.updated_at < window.end, scope.team())
        .group_by(bucket, Rating.score)
    ).all()
    by_score = {str(score): 0 for score in range(1, 6)}
    rated_in = [0] * len(window.edges)
    good_in = [0] * len(window.edges)
    for index, score, count in rows:
        by_score[str(score)] += count
        rated_in[index] += count
        good_in[index] += count if score >= GOOD_SCORE else 0
    rated, good = sum(rated_in), sum(good_in)
    return SatisfactionOut(
        rated=rated,
        good=good,
        csat=good / rated if rated else None,
        by_score=by_score,
        trend=[
            CsatPoint(
                bucket=index,
                rated=rated_in[index],
                good=good_in[index],
                csat=good_in[index] / rated_in[index] if rated_in[index] else None,
            )
            for index in range(len(window.edges))
        ],
    )
