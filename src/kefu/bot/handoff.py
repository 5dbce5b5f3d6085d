"""Handing a conversation to a person: a ticket with the user's own words as its first
message, and an internal note with the transcript, the triage and what the bot tried, so
nobody has to ask twice. The user is told honestly when to expect a reply."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, ContactActor
from kefu.bot import replies
from kefu.bot.models import BotConversation, BotTurn, ConversationStatus
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.i18n import Locale, pick
from kefu.knowledge.facts import staffed_hours
from kefu.tickets.intake import NewTicket, add_message, create_ticket
from kefu.tickets.models import Channel, MessageKind, Priority, Ticket

URGENT_REASONS = {"sensitive", "angry", "vip"}
SUBJECT_CHARS = 60
WAIT_SAMPLE = 200  # recent chat hand-offs the typical wait is measured on
WAIT_MIN_SAMPLES = 5


def hand_off(
    db: Session,
    conversation: BotConversation,
    contact: Contact,
    reason: str,
    current_text: str | None,
    settings: Settings,
    locale: Locale,
    *,
    category: str | None = None,
) -> tuple[str, Ticket]:
    """Create the ticket (or reuse the conversation's) and say what happens next."""
    turns = list(
        db.scalars(
            select(BotTurn).where(BotTurn.conversation_id == conversation.id).order_by(BotTurn.seq)
        )
    )
    said = [turn.user_text for turn in turns if turn.user_text] + (
        [current_text] if current_text else []
    )
    body = "\n".join(said) or pick(replies.HANDOFF_REASON[reason], locale)
    ticket = db.get(Ticket, conversation.ticket_id) if conversation.ticket_id else None
    actor = ContactActor(contact)
    if ticket is None:
        ticket = create_ticket(
            db,
            actor,
            contact,
            NewTicket(
                subject=_subject(said) or pick(replies.HANDOFF_REASON[reason], locale),
                body=body,
                category=category,
                priority=Priority.high if reason in URGENT_REASONS else Priority.normal,
                channel=Channel.chat,
                locale=locale,
                tags=["bot_handoff", f"handoff:{reason}"] + (["vip"] if contact.vip_level else []),
            ),
        )
    add_message(
        db,
        ticket,
        SYSTEM,
        _note(reason, turns, current_text),
        kind=MessageKind.internal,
        channel=Channel.chat,
    )
    conversation.status = ConversationStatus.handed_off
    conversation.ticket_id = ticket.id
    conversation.handoff_reason = reason
    conversation.flow, conversation.state = None, {}
    db.flush()
    return _what_next(db, ticket, settings, locale, reason), ticket


def _subject(said: list[str]) -> str:
    """The first line the user wrote with something on it."""
    for message in said:
        for line in message.splitlines():
            if line.strip():
                return line.strip()[:SUBJECT_CHARS]
    return ""


def _note(reason: str, turns: list[BotTurn], current_text: str | None) -> str:
    """The internal note agents read first: why the bot stepped back and what it tried."""
    lines = [f"Bot hand-off: {reason}", "", "Transcript:"]
    for turn in turns:
        if turn.user_text or turn.option:
            lines.append(f"user: {turn.user_text or '[' + str(turn.option) + ']'}")
        decided = f"{turn.action}/{turn.reason}"
        if turn.intent:
            decided += f" intent={turn.intent} ({turn.confidence or 0:.2f})"
        if turn.warnings:
            decided += f" warnings={','.join(turn.warnings)}"
        lines.append(f"bot [{decided}]: {turn.reply}")
    if current_text:
        lines.append(f"user: {current_text}")
    last = next((t.analysis for t in reversed(turns) if t.analysis), None)
    if last:
        lines += [
            "",
            "Triage of the last message: " + ", ".join(f"{k}={v}" for k, v in last.items()),
        ]
    return "\n".join(lines)


def _what_next(db: Session, ticket: Ticket, settings: Settings, locale: Locale, reason: str) -> str:
    hours = staffed_hours(settings)
    now = utcnow()
    lead = pick(replies.HANDOFF_REASON[reason], locale)
    if hours.is_open(now):
        minutes = typical_wait_minutes(db)
        wait = pick(replies.HANDOFF_WAIT, locale).format(minutes=minutes) if minutes else ""
        follow = pick(replies.HANDOFF_OPEN, locale).format(number=ticket.number, wait=wait)
    else:
        opening = hours.next_opening(now).astimezone(hours.zone)
        follow = pick(replies.HANDOFF_CLOSED, locale).format(
            hours=hours.describe(locale), number=ticket.number, opening=_when(opening, locale)
        )
    return f"{lead} {follow}"


def _when(moment: datetime, locale: Locale) -> str:
    if locale == "zh-CN":
        return f"{moment.month}月{moment.day}日 {moment:%H:%M}"
    return f"{moment:%H:%M} on {moment:%d %b}"


def typical_wait_minutes(db: Session) -> int | None:
    """The median wait for a first reply on recent chat hand-offs, or None with too few."""
    since = utcnow() - timedelta(days=7)
    rows = db.execute(
        select(Ticket.created_at, Ticket.first_response_at)
        .where(
            Ticket.channel == Channel.chat,
            Ticket.created_at >= since,
            Ticket.first_response_at.is_not(None),
        )
        .order_by(Ticket.created_at.desc())
        .limit(WAIT_SAMPLE)
    ).all()
    waits = [(answered - created).total_seconds() / 60 for created, answered in rows if answered]
    if len(waits) < WAIT_MIN_SAMPLES:
        return None
    return max(1, round(statistics.median(waits)))
