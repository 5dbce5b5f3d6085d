"""Bot conversations and every turn in them, with what the bot decided and why."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class ConversationStatus(StrEnum):
    bot = "bot"  # the bot is answering
    handed_off = "handed_off"  # a person has it, as a ticket
    resolved = "resolved"  # the user said the bot's answer solved it


class Action(StrEnum):
    greet = "greet"
    answer = "answer"
    clarify = "clarify"
    rephrase = "rephrase"
    flow = "flow"
    handoff = "handoff"
    relay = "relay"  # after a handoff: the message went onto the ticket
    close = "close"


class BotConversation(Base):
    __tablename__ = "bot_conversations"
    __table_args__ = (
        Index("ix_bot_conversations_status", "status", "id"),
        # conversations started in a period, with what the dashboard reads (analytics/)
        Index(
            "ix_bot_conversations_created",
            "created_at",
            "turns",
            "status",
            "ticket_id",
            "updated_at",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    locale: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default=ConversationStatus.bot)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    handoff_reason: Mapped[str | None] = mapped_column(String(48))
    # What the bot waits for: a flow and its step, or the options it just offered.
    flow: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    turns: Mapped[int] = mapped_column(Integer, default=0)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)  # of its chat messages
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class BotTurn(Base):
    """One exchange: what the user wrote, what the bot answered, and the decision behind it."""

    __tablename__ = "bot_turns"
    __table_args__ = (UniqueConstraint("conversation_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("bot_conversations.id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(Integer)
    user_text: Mapped[str | None] = mapped_column(Text)
    option: Mapped[str | None] = mapped_column(String(80))  # a quick reply the user chose
    reply: Mapped[str] = mapped_column(Text)
    options: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # offered next
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(48))
    intent: Mapped[str | None] = mapped_column(String(120))
    confidence: Mapped[float | None] = mapped_column(Float)
    candidates: Mapped[list[Any]] = mapped_column(JSON, default=list)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="SET NULL")
    )
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # triage of the text
    model_version: Mapped[str] = mapped_column(String(255), default="")
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
