"""Bot conversations: each user message gets one stored turn with the bot's reply, the
decision behind it and how long it took. Options the bot offers (quick replies) can be chosen
by id or typed ("1", "yes", "转人工")."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import ContactActor
from kefu.bot import replies
from kefu.bot.answers import compose, title_of
from kefu.bot.brain import BotBrain, Decision
from kefu.bot.flows import FLOWS, FlowContext, Option, Step
from kefu.bot.handoff import hand_off
from kefu.bot.intents import ARTICLE_FLOWS, current_intents
from kefu.bot.llm import writer_from
from kefu.bot.models import Action, BotConversation, BotTurn, ConversationStatus
from kefu.bot.screening import asks_for_person
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.db import Database
from kefu.kit.i18n import Locale, Text, as_locale, pick
from kefu.knowledge.index import Vector, current_index
from kefu.tickets.conversation import reply_as_requester
from kefu.tickets.models import Ticket
from kefu.triage.service import current_pipeline

# The bot's second miss (an answer that did not help, or a message it did not understand)
# hands the user to a person; only a solved question starts the count again.
MAX_FAILURES = 2
log = logging.getLogger(__name__)
_YES = {
    "yes",
    "y",
    "yeah",
    "yep",
    "ok",
    "solved",
    "是",
    "是的",
    "对",
    "好",
    "好的",
    "解决了",
    "已解决",
    "可以",
}
_NO = {
    "no",
    "n",
    "nope",
    "not really",
    "否",
    "不",
    "不是",
    "没有",
    "没用",
    "没解决",
    "不行",
    "都不是",
}
_CANCEL = {"cancel", "stop", "quit", "取消", "算了", "退出"}


@dataclass(frozen=True)
class TurnResult:
    turn: BotTurn
    conversation: BotConversation


def brain_for(db: Session, settings: Settings) -> BotBrain:
    intents = current_intents(db, settings.bot_handoff_recall)
    return BotBrain(intents, current_pipeline(db), settings.bot_min_confidence)


def start(db: Session, contact: Contact, locale: Locale, settings: Settings) -> TurnResult:
    conversation = BotConversation(contact_id=contact.id, locale=locale, state={})
    db.add(conversation)
    db.flush()
    greeting = pick(replies.GREETING, locale).format(platform_name=settings.platform_name)
    note = pick(replies.SAFETY_NOTE, locale)
    offered = [_option(locale, "human", replies.OPTION_HUMAN)]
    conversation.state = {"offered": offered}  # the greeting's button works like any other
    turn = _store(
        db,
        conversation,
        user_text=None,
        option=None,
        reply=f"{greeting}\n{note}",
        options=offered,
        action=Action.greet,
        reason="greeting",
    )
    return TurnResult(turn, conversation)


def _option(locale: Locale, key: str, label: Text) -> Option:
    return {"id": key, "label": pick(label, locale)}


def _chosen(conversation: BotConversation, text: str | None, option: str | None) -> str | None:
    """The offered option the user picked: by id, by number, by label or by yes/no."""
    offered: list[Option] = conversation.state.get("offered", [])
    ids = [o["id"] for o in offered]
    if option is not None:
        return option if option in ids else None
    typed = (text or "").strip().lower().rstrip(".!。！")
    if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(offered):
        return ids[int(typed) - 1]
    for o in offered:
        if typed == o["label"].lower():
            return o["id"]
    if typed in _YES and "yes" in ids:
        return "yes"
    if typed in _NO and "no" in ids:
        return "no"
    if typed in _NO and "none" in ids:
        return "none"
    if typed in _CANCEL and "cancel" in ids:
        return "cancel"
    return None


class _Turn:
    """One message being handled: collects the reply, the options and the decision."""

    def __init__(
        self,
        db: Session,
        conversation: BotConversation,
        contact: Contact,
        settings: Settings,
        text: str | None,
        option: str | None,
    ) -> None:
        self.db, self.conversation, self.contact, self.settings = (
            db,
            conversation,
            contact,
            settings,
        )
        self.text, self.option = text, option
        self.locale: Locale = as_locale(conversation.locale)
        self.reply: list[str] = []
        self.options: list[Option] = []
        self.action, self.reason = Action.answer, "intent"
        self.decision: Decision | None = None
        self.article_id: int | None = None
        self.intent: str | None = None
        self.model_version = ""

    def say(self, value: Text, **params: Any) -> None:
        self.reply.append(
            pick(value, self.locale).format(platform_name=self.settings.platform_name, **params)
        )

    def offer(self, key: str, label: Text) -> None:
        self.options.append(_option(self.locale, key, label))

    def flow_context(self) -> FlowContext:
        return FlowContext(self.db, self.contact, self.settings, self.locale)

    # -- actions ---------------------------------------------------------------------------

    def hand_off(self, reason: str) -> None:
        self.action, self.reason = Action.handoff, reason
        category = self.decision.analysis.get("category") if self.decision else None
        message, _ = hand_off(
            self.db,
            self.conversation,
            self.contact,
            reason,
            self.text,
            self.settings,
            self.locale,
            category=category,
        )
        self.reply.append(message)

    def miss(self, first: Text) -> None:
        """The bot did not help; the second miss in a row goes to a person."""
        self.conversation.failures += 1
        if self.conversation.failures >= MAX_FAILURES:
            self.hand_off("failed_twice")
            return
        self.say(first)
        self.offer("human", replies.OPTION_HUMAN)

    def run_flow(self, name: str, step: Step) -> None:
        self.action, self.reason = Action.flow, name
        if step.reply:
            self.reply.append(step.reply)
        self.options.extend(step.options)
        if step.handoff:
            self.conversation.flow = None
            self.hand_off("flow")
            return
        if step.solved:
            self.conversation.status, self.conversation.failures = ConversationStatus.resolved, 0
        if step.state is None:
            self.conversation.flow = None
            self.conversation.state = {}
        else:
            self.conversation.flow = name
            self.conversation.state = {"flow_state": step.state}

    def answer(self, slug: str, question: str, embedding: Vector | None = None) -> None:
        found = compose(
            self.db,
            current_index(self.db),
            slug,
            question,
            self.locale,
            self.settings,
            embedding=embedding,
            writer=writer_from(self.settings),
        )
        if found is None:  # the article went away since the model was trained
            self.action, self.reason = Action.rephrase, "article_gone"
            self.miss(replies.REPHRASE)
            return
        self.action, self.intent, self.article_id = Action.answer, slug, found.article_id
        self.reply.append(found.text)
        flow = ARTICLE_FLOWS.get(slug)
        if flow:
            self.say(replies.OFFER_FLOW)
            self.offer(f"flow:{flow}", replies.FLOW_NAME[flow])
        self.say(replies.DID_IT_HELP)
        self.offer("yes", replies.OPTION_YES)
        self.offer("no", replies.OPTION_NO)
        self.offer("human", replies.OPTION_HUMAN)

    def clarify(self, decision: Decision) -> None:
        self.action, self.reason = Action.clarify, decision.reason
        self.say(replies.CLARIFY)
        for slug, _ in decision.candidates[:2]:
            title = title_of(self.db, slug, self.locale, self.settings)
            self.options.append({"id": f"intent:{slug}", "label": title})
        self.offer("none", replies.OPTION_NONE)

    def warn(self, warnings: list[str]) -> None:
        if "scam" in warnings:
            self.say(replies.SCAM_WARNING)
        if any(w.startswith("secret:") for w in warnings):
            self.say(replies.SECRET_WARNING)


def handle(
    db: Session,
    conversation: BotConversation,
    contact: Contact,
    settings: Settings,
    *,
    text: str | None,
    option: str | None,
) -> TurnResult:
    started = time.perf_counter()
    turn = _Turn(db, conversation, contact, settings, text, option)
    ticket = None
    if conversation.status == ConversationStatus.handed_off and conversation.ticket_id:
        ticket = db.get(Ticket, conversation.ticket_id, with_for_update=True)
    if ticket is not None:
        _relay(turn, ticket)
    else:  # with the bot, or its ticket is gone and the bot takes the conversation back
        conversation.status = ConversationStatus.bot
        _converse(turn)
    offered = turn.options
    if conversation.status != ConversationStatus.handed_off and conversation.flow is None:
        conversation.state = {"offered": offered}
    elif conversation.flow is not None:
        conversation.state = {**conversation.state, "offered": offered}
    decision = turn.decision
    stored = _store(
        db,
        conversation,
        user_text=text,
        option=option,
        reply="\n\n".join(part for part in turn.reply if part),
        options=offered,
        action=turn.action,
        reason=turn.reason,
        intent=turn.intent,
        confidence=decision.confidence if decision else None,
        candidates=[list(c) for c in decision.candidates] if decision else [],
        article_id=turn.article_id,
        warnings=decision.warnings if decision else [],
        analysis=decision.analysis if decision else {},
        model_version=turn.model_version,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
    return TurnResult(stored, conversation)


def _relay(turn: _Turn, ticket: Ticket) -> None:
    """After a hand-off the conversation is the ticket's: messages go onto it (the ticket is
    locked, so a reply and an agent's status change cannot cross)."""
    turn.action, turn.reason = Action.relay, "handed_off"
    if not turn.text:  # a quick reply means nothing to a person: ask for words
        turn.say(replies.TYPE_FOR_PERSON, number=ticket.number)
        return
    reply = reply_as_requester(
        turn.db,
        ticket,
        ContactActor(turn.contact),
        turn.text,
        attachment_ids=[],
        reopen_window=timedelta(days=turn.settings.reopen_window_days),
    )
    turn.conversation.ticket_id = reply.ticket.id
    turn.say(replies.RELAYED, number=reply.ticket.number)


def _converse(turn: _Turn) -> None:
    conversation = turn.conversation
    chosen = _chosen(conversation, turn.text, turn.option)
    if chosen == "human" or (chosen is None and turn.text and asks_for_person(turn.text)):
        turn.hand_off("human_requested")
        return
    if conversation.flow is not None:
        if chosen == "cancel":
            conversation.flow, conversation.state = None, {}
            turn.action, turn.reason = Action.flow, "cancelled"
            turn.say(replies.CANCELLED)
            return
        flow = FLOWS[conversation.flow]
        state = conversation.state.get("flow_state", {})
        turn.run_flow(
            conversation.flow, flow.advance(turn.flow_context(), state, turn.text, chosen)
        )
        return
    if chosen == "yes":
        conversation.status, conversation.failures = ConversationStatus.resolved, 0
        turn.action, turn.reason = Action.close, "solved"
        turn.say(replies.GLAD)
        return
    if chosen in ("no", "none"):
        turn.action, turn.reason = Action.rephrase, "not_helpful"
        turn.miss(replies.TRY_AGAIN)
        return
    if chosen and chosen.startswith("flow:") and chosen[5:] in FLOWS:
        turn.run_flow(chosen[5:], FLOWS[chosen[5:]].start(turn.flow_context()))
        return
    if chosen and chosen.startswith("intent:"):
        turn.reason = "chosen"
        turn.answer(chosen[7:], turn.text or "")
        return
    if not turn.text:
        turn.action, turn.reason = Action.rephrase, "empty"
        turn.say(replies.REPHRASE)
        return
    _decide(turn, turn.text)


def _decide(turn: _Turn, text: str) -> None:
    brain = brain_for(turn.db, turn.settings)
    turn.model_version = brain.version
    decision = brain.decide(text, vip_level=turn.contact.vip_level)
    turn.decision = decision
    if decision.locale:
        turn.locale = as_locale(decision.locale)
    turn.warn(decision.warnings)
    turn.intent = decision.intent
    if decision.action == Action.handoff:
        turn.hand_off(decision.reason)
    elif decision.action == Action.rephrase:
        turn.action, turn.reason = Action.rephrase, decision.reason
        turn.miss(replies.REPHRASE)
    elif decision.action == Action.flow and decision.intent:
        turn.run_flow(decision.intent, FLOWS[decision.intent].start(turn.flow_context()))
    elif decision.action == Action.clarify:
        turn.clarify(decision)
    elif decision.intent:
        turn.answer(decision.intent, text, decision.embedding)


def _store(
    db: Session,
    conversation: BotConversation,
    *,
    user_text: str | None,
    option: str | None,
    reply: str,
    options: list[Option],
    action: str,
    reason: str,
    **decision: Any,
) -> BotTurn:
    conversation.turns += 1
    conversation.updated_at = utcnow()
    turn = BotTurn(
        conversation_id=conversation.id,
        seq=conversation.turns,
        user_text=user_text,
        option=option,
        reply=reply,
        options=options,
        action=action,
        reason=reason,
        created_at=conversation.updated_at,
        **decision,
    )
    db.add(turn)
    db.flush()
    return turn


def conversation_for(
    db: Session, contact: Contact, conversation_id: int, *, for_update: bool = False
) -> BotConversation | None:
    """The contact's conversation; ``for_update`` locks it, and first its ticket once it has
    been handed off. Everywhere a ticket and its conversation are both locked, the ticket comes
    first (a staff reply locks the ticket, then writes into the chat), so the two never wait
    on each other (a deadlock on PostgreSQL)."""
    query = select(BotConversation).where(
        BotConversation.id == conversation_id, BotConversation.contact_id == contact.id
    )
    if not for_update:
        return db.scalar(query)
    locked = query.with_for_update().execution_options(populate_existing=True)
    for _ in range(3):
        peek = db.scalar(query)
        if peek is None:
            return None
        ticket_id = _ticket_id_of(peek)
        if ticket_id is not None:
            db.execute(select(Ticket.id).where(Ticket.id == ticket_id).with_for_update())
        conversation = db.scalar(locked)
        if conversation is None or _ticket_id_of(conversation) == ticket_id:
            return conversation
        # handed off meanwhile: lock its new ticket first, then the conversation again
    return conversation


def _ticket_id_of(conversation: BotConversation) -> int | None:
    if conversation.status != ConversationStatus.handed_off:
        return None
    return conversation.ticket_id


def warm_up(database: Database, settings: Settings) -> None:
    """Train the bot's intent model in the background at start-up, so the first chat does not
    wait for it."""

    def run() -> None:
        try:
            with database.transaction() as db:
                current_intents(db, settings.bot_handoff_recall)
        except Exception:  # a missing table before `kefu db upgrade`; the first chat retries
            log.warning("bot warm-up skipped", exc_info=True)

    threading.Thread(target=run, name="bot-warm-up", daemon=True).start()
