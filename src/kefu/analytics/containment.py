"""Bot containment: how many bot conversations ended without a person.

Counted: conversations started in the period in which the user wrote at least once (the
greeting is the first turn, so ``turns > 1``). Each is, as it stands now:

- handed off: it went to a person (status ``handed_off``, or it has a ticket);
- resolved: the user confirmed an answer helped, or a guided check solved it;
- abandoned: still with the bot and idle for ``IDLE_MINUTES`` (the user left);
- active: with the bot and not idle yet; left out of the shares until it settles.

Containment = (resolved + abandoned) / (resolved + abandoned + handed off); the stricter
resolved share = resolved / the same total. Bot conversations come before routing, so the
team filter does not apply to them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import case, func, or_, select

from kefu.analytics.schemas import BotOut, ContainmentPoint
from kefu.analytics.scope import Scope
from kefu.analytics.sql import bucket_of
from kefu.bot.models import BotConversation, ConversationStatus

IDLE_MINUTES = 30


def containment(scope: Scope) -> BotOut:
    window = scope.window
    idle_since = window.end - timedelta(minutes=IDLE_MINUTES)
    outcome = case(
        (
            or_(
                BotConversation.status == ConversationStatus.handed_off,
                BotConversation.ticket_id.is_not(None),
            ),
            "handed_off",
        ),
        (BotConversation.status == ConversationStatus.resolved, "resolved"),
        (BotConversation.updated_at < idle_since, "abandoned"),
        else_="active",
    )
    bucket = bucket_of(BotConversation.created_at, window.edges, scope.dialect)
    rows = scope.db.execute(
        select(bucket, outcome, func.count())
        .where(
            BotConversation.created_at >= window.start,
            BotConversation.created_at < window.end,
            BotConversation.turns > 1,
        )
        .group_by(bucket, outcome)
    ).all()
    buckets = len(window.edges)
    tally = {name: [0] * buckets for name in ("handed_off", "resolved", "abandoned", "active")}
    for index, name, count in rows:
        tally[name][index] += count
    totals = {name: sum(values) for name, values in tally.items()}
    settled = totals["handed_off"] + totals["resolved"] + totals["abandoned"]
    contained = totals["resolved"] + totals["abandoned"]
    trend = []
    for index in range(buckets):
        kept = tally["resolved"][index] + tally["abandoned"][index]
        done = kept + tally["handed_off"][index]
        trend.append(
            ContainmentPoint(
                bucket=index,
                settled=done,
                contained=kept,
                containment=kept / done if done else None,
            )
        )
    return BotOut(
        conversations=settled + totals["active"],
        resolved=totals["resolved"],
        abandoned=totals["abandoned"],
        handed_off=totals["handed_off"],
        active=totals["active"],
        containment=contained / settled if settled else None,
        resolved_share=totals["resolved"] / settled if settled else None,
        trend=trend,
    )
