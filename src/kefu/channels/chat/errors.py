from __future__ import annotations

from kefu.kit.errors import NotFound


class ChatNotFound(NotFound):
    code = "chat_not_found"
    en = "There is no such chat."
    zh = "没有这个聊天会话。"
