"""A month of past desk activity, so the supervisor dashboard has something to show: tickets
answered, solved and rated day by day (live streaming rising in the last week), a few still
waiting past or near their first-response target, and bot conversations that were resolved,
left, or handed to a person.

Tickets go through the same services as everywhere else; afterwards their timestamps (and
those of their messages, events and ratings) are moved into the past, which no service may do.
The figures come from a fixed random seed, so every demo desk looks the same.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kefu.auth.actors import SYSTEM, ContactActor, StaffActor
from kefu.auth.models import StaffUser, Team
from kefu.auth.service import team_ids_of
from kefu.bot.models import Action, BotConversation, BotTurn, ConversationStatus
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.tickets import conversation, workflow
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.tickets.models import Channel, Message, Rating, Status, Ticket, TicketEvent

DAYS = 30
# category: team, agents, (zh subject, zh body), (en subject, en body)
TOPICS: dict[str, tuple[str, tuple[str, ...], tuple[str, str], tuple[str, str]]] = {
    "account_login": (
        "technical_support",
        ("li.na@kefu.example", "emma@kefu.example"),
        ("登录不了", "换手机后一直登录失败，提示验证码错误。"),
        ("Cannot log in", "Since I changed phones the login code is always rejected."),
    ),
    "video_upload": (
        "technical_support",
        ("li.na@kefu.example",),
        ("视频审核太久", "视频发了半天还在审核中，能帮忙看看吗？"),
        ("Video stuck in review", "My video has been in review for hours."),
    ),
    "livestream": (
        "technical_support",
        ("emma@kefu.example", "li.na@kefu.example"),
        ("直播卡顿", "今晚直播一直卡，观众说画面糊。"),
        ("Live stream keeps lagging", "My live stream lags and the picture is blurry."),
    ),
    "app_bug": (
        "technical_support",
        ("emma@kefu.example",),
        ("应用闪退", "更新后打开应用就闪退。"),
        ("App crashes", "The app crashes on start since the update."),
    ),
    "refund_return": (
        "after_sales",
        ("wang.qiang@kefu.example",),
        ("退款进度", "申请退款一周了还没到账。"),
        ("Refund not received", "I asked for a refund a week ago and have not received it."),
    ),
    "payment_earnings": (
        "after_sales",
        ("wang.qiang@kefu.example",),
        ("充值未到账", "充值成功了但金币没有到账。"),
        ("Top-up missing", "My top-up went through but the coins never arrived."),
    ),
    "content_report": (
        "trust_safety",
        ("mod@kefu.example",),
        ("举报违规视频", "有个视频在传播虚假信息，请处理。"),
        ("Reporting a video", "This video spreads false information, please review it."),
    ),
}
# How often each topic comes up; live streaming doubles in the last week (the riser)
WEIGHTS = {
    "account_login": 5,
    "video_upload": 3,
    "livestream": 2,
    "app_bug": 2,
    "refund_return": 4,
    "payment_earnings": 2,
    "content_report": 2,
}
REOPEN_WINDOW = timedelta(days=7)  # solved longer ago: closed, as `kefu tickets close-solved` does
SCORES = (1, 2, 3, 4, 5)
SCORE_WEIGHTS = (4, 5, 9, 30, 52)


def seed_history(
    db: Session,
    contacts: list[Contact],
    staff: dict[str, StaffUser],
    teams: dict[str, Team],
    now: datetime | None = None,
) -> int:
    """Past tickets and bot conversations; returns the number of tickets made."""
    now = now or utcnow()
    rng = random.Random(2026)
    _spread_out_today(db, rng, now)
    actors = {
        email: StaffActor(user=u, team_ids=team_ids_of(db, u.id)) for email, u in staff.items()
    }
    lead = actors["lead@kefu.example"]
    made = 0
    for days_ago in range(DAYS, 0, -1):
        weights = dict(WEIGHTS)
        if days_ago <= 7:
            weights["livestream"] *= 3
        for _ in range(rng.randint(4, 8)):
            category = rng.choices(list(weights), list(weights.values()))[0]
            created = now - timedelta(days=days_ago, seconds=rng.randint(-6 * 3600, 8 * 3600))
            _past_ticket(db, rng, category, created, now, contacts, actors, teams, lead)
            made += 1
    for hours_ago, priority in ((30.0, "normal"), (2.5, "urgent"), (0.85, "urgent"), (3.4, "high")):
        _waiting_ticket(db, rng, now - timedelta(hours=hours_ago), priority, contacts, teams, lead)
        made += 1
    _bot_history(db, rng, contacts, now)
    db.flush()
    return made


def _spread_out_today(db: Session, rng: random.Random, now: datetime) -> None:
    """The demo's current tickets were all just made, and answered in the same instant: give
    them a morning's worth of arrival times and waits."""
    fresh = db.execute(
        select(Ticket.id, Ticket.first_response_at, Ticket.solved_at).where(
            Ticket.created_at > now - timedelta(minutes=10)
        )
    ).all()
    for ticket_id, replied, solved in fresh:
        created = now - timedelta(minutes=rng.randint(40, 300))
        wait = timedelta(minutes=rng.randint(3, 35))
        _retime(
            db,
            ticket_id,
            created,
            created + wait if replied else None,
            created + wait + timedelta(minutes=20) if solved else None,
        )


def _text(contact: Contact, category: str) -> tuple[str, str]:
    _, _, zh, en = TOPICS[category]
    return zh if contact.locale == "zh-CN" else en


def _past_ticket(
    db: Session,
    rng: random.Random,
    category: str,
    created: datetime,
    now: datetime,
    contacts: list[Contact],
    actors: dict[str, StaffActor],
    teams: dict[str, Team],
    lead: StaffActor,
) -> None:
    team, agents, _, _ = TOPICS[category]
    contact = rng.choice(contacts)
    subject, body = _text(contact, category)
    priority = rng.choices(("low", "normal", "high", "urgent"), (2, 10, 3, 1))[0]
    # chat first, as on a consumer app; the bot's hand-offs below take these tickets
    channel = rng.choice((Channel.chat, Channel.chat, Channel.chat, Channel.web, Channel.email))
    ticket = create_ticket(
        db,
        ContactActor(contact),
        contact,
        NewTicket(subject, body, category=category, priority=priority, channel=channel),
    )
    agent = actors[rng.choice(agents)]
    changes = {"team_id": teams[team].id, "assignee_id": agent.user.id}
    workflow.update_ticket(db, ticket, lead, changes, expected_version=None)
    # waits for the first reply: mostly minutes, sometimes hours
    wait = timedelta(
        minutes=rng.choice((4, 9, 15, 25, 40, 70, 120, 240, 600)) * rng.uniform(0.7, 1.3)
    )
    reply = "您好，我们已收到并在处理。" if contact.locale == "zh-CN" else "Hello, we are on it."
    workflow.reply_as_staff(db, ticket, agent, reply, internal=False, attachment_ids=[])
    solved_after = wait + timedelta(hours=rng.choice((0.5, 1, 2, 5, 12, 26, 50)))
    solved = created + solved_after < now - timedelta(hours=1) and rng.random() < 0.85
    rating: tuple[int, datetime] | None = None
    if solved:
        workflow.set_status(db, ticket, agent, Status.solved)
        if rng.random() < 0.6:
            score = rng.choices(SCORES, SCORE_WEIGHTS)[0]
            conversation.rate(db, ticket, ContactActor(contact), score, "")
            rating = (score, created + solved_after + timedelta(hours=rng.uniform(0.2, 6)))
    closed = solved and created + solved_after + REOPEN_WINDOW < now
    if closed:
        workflow.set_status(db, ticket, SYSTEM, Status.closed)
    db.flush()
    _retime(db, ticket.id, created, created + wait, created + solved_after if solved else None)
    if closed:
        db.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id)
            .values(closed_at=created + solved_after + REOPEN_WINDOW)
        )
    if rating:
        moment = min(rating[1], now)
        db.execute(
            update(Rating)
            .where(Rating.ticket_id == ticket.id)
            .values(created_at=moment, updated_at=moment)
        )


def _waiting_ticket(
    db: Session,
    rng: random.Random,
    created: datetime,
    priority: str,
    contacts: list[Contact],
    teams: dict[str, Team],
    lead: StaffActor,
) -> None:
    """A ticket nobody has answered yet: breached or at risk on the dashboard."""
    category = rng.choice(("livestream", "account_login", "refund_return"))
    contact = rng.choice(contacts)
    subject, body = _text(contact, category)
    ticket = create_ticket(
        db,
        ContactActor(contact),
        contact,
        NewTicket(subject, body, category=category, priority=priority),
    )
    workflow.update_ticket(
        db, ticket, lead, {"team_id": teams[TOPICS[category][0]].id}, expected_version=None
    )
    db.flush()
    _retime(db, ticket.id, created, None, None)


def _retime(
    db: Session,
    ticket_id: int,
    created: datetime,
    first_reply: datetime | None,
    solved: datetime | None,
) -> None:
    last = solved or first_reply or created
    db.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(
            created_at=created,
            updated_at=last,
            first_response_at=first_reply,
            solved_at=solved,
        )
    )
    messages = db.scalars(
        select(Message.id).where(Message.ticket_id == ticket_id).order_by(Message.id)
    ).all()
    for index, message_id in enumerate(messages):
        moment = created if index == 0 or first_reply is None else first_reply
        db.execute(update(Message).where(Message.id == message_id).values(created_at=moment))
    db.execute(
        update(TicketEvent).where(TicketEvent.ticket_id == ticket_id).values(created_at=last)
    )


def _bot_history(db: Session, rng: random.Random, contacts: list[Contact], now: datetime) -> None:
    """Conversations with a greeting, a question and how each ended (no model needed)."""
    # hand-offs take the chat tickets of the same days, each ticket once
    spare = list(
        db.execute(
            select(Ticket.id, Ticket.created_at)
            .where(Ticket.channel == Channel.chat)
            .order_by(Ticket.created_at)
        ).all()
    )
    for days_ago in range(DAYS, 0, -1):
        for _ in range(rng.randint(4, 8)):
            contact = rng.choice(contacts)
            started = now - timedelta(days=days_ago, minutes=rng.randint(-300, 600))
            outcome = rng.choices(("resolved", "left", "handed_off"), (5, 2, 3))[0]
            ticket_id = None
            if outcome == "handed_off":
                # a chat ticket of the same day, or none: its ticket was merged away
                later = [row for row in spare if started <= row[1] < started + timedelta(days=1)]
                if later:
                    spare.remove(later[0])
                    ticket_id = later[0][0]
            zh = contact.locale == "zh-CN"
            chat = BotConversation(
                contact_id=contact.id,
                locale="zh-CN" if zh else "en",
                status={
                    "resolved": ConversationStatus.resolved,
                    "left": ConversationStatus.bot,
                    "handed_off": ConversationStatus.handed_off,
                }[outcome],
                ticket_id=ticket_id,
                handoff_reason="human_requested" if outcome == "handed_off" else None,
                state={},
                turns=3,
                created_at=started,
                updated_at=started + timedelta(minutes=3),
            )
            db.add(chat)
            db.flush()
            question = "怎么修改密码？" if zh else "How do I change my password?"
            last = {
                "resolved": (
                    Action.close,
                    "solved",
                    "很高兴能帮到您！" if zh else "Glad I could help!",
                ),
                "left": (
                    Action.answer,
                    "answered",
                    "请在设置中修改密码。" if zh else "Go to Settings to change it.",
                ),
                "handed_off": (
                    Action.handoff,
                    "human_requested",
                    "正在为您转接人工客服。" if zh else "Connecting you to a person.",
                ),
            }[outcome]
            for seq, (text, action, reason, reply) in enumerate(
                (
                    (None, Action.greet, "greeting", "您好！" if zh else "Hello!"),
                    (
                        question,
                        Action.answer,
                        "answered",
                        "请在设置中修改密码。" if zh else "Go to Settings to change it.",
                    ),
                    ("好的" if zh else "ok", *last),
                ),
                start=1,
            ):
                db.add(
                    BotTurn(
                        conversation_id=chat.id,
                        seq=seq,
                        user_text=text,
                        reply=reply,
                        action=action,
                        reason=reason,
                        created_at=started + timedelta(minutes=seq),
                    )
                )
