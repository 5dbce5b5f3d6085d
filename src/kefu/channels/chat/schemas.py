from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from kefu.channels.chat.protocol import Say


class ChatFileOut(BaseModel):
    id: int
    filename: str
    content_type: str
    size: int
    url: str


class ChatMessageOut(BaseModel):
    seq: int
    sender: Literal["user", "bot", "agent", "system"]
    author: str | None  # the agent's display name
    body: str
    options: list[dict[str, str]]
    attachments: list[ChatFileOut]
    client_id: str | None
    created_at: str


class ChatOut(BaseModel):
    conversation_id: int
    status: str
    ticket_number: int | None
    locale: str
    last_seq: int
    messages: list[ChatMessageOut]


class OpenChatIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    locale: Literal["zh-CN", "en"] | None = None


class SayIn(Say):
    """As the socket's ``message`` frame; ``type`` may be left out."""

    type: Literal["message"] = "message"


class AckOut(BaseModel):
    client_id: str
    seq: int
    duplicate: bool


class SaidOut(ChatOut):
    ack: AckOut
