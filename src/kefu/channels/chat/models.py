"""What the user sees of a chat: one ordered stream per conversation, bot and people alike."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class Sender(StrEnum):
    user = "user"
    bot = "bot"
    agent = "agent"
    system = "system"


class ChatMessage(Base):
    """One message in a chat. ``seq`` counts from 1 in each conversation (taken under the
    conversation's row lock, so it has no gaps and commits in order): a client resumes after
    the last ``seq`` it saw. ``client_id`` makes a resent user message land once."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "seq"),
        UniqueConstraint("conversation_id", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("bot_conversations.id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(Integer)
    sender: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    attachment_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    client_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    # The ticket message an agent's reply came from (one chat message per ticket message).
    ticket_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
