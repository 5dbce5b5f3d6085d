"""What the chat itself says (the bot's own sentences live in bot/replies.py)."""

from __future__ import annotations

from kefu.kit.i18n import Text

FILES_NEED_PERSON: Text = {
    "en": "I can't look at files, but a person can. Choose “Talk to a person” and they will "
    "see what you sent.",
    "zh": "我还看不了文件，人工客服可以。选择“转人工”，客服会看到你发送的文件。",
}
FILES_FROM_CHAT: Text = {
    "en": "Files the user sent in the chat before the hand-off.",
    "zh": "用户在转人工之前于聊天中发送的文件。",
}
BOT_UNAVAILABLE: Text = {
    "en": "Sorry, something went wrong on our side. Your message is saved; "
    "type “agent” to reach a person.",
    "zh": "抱歉，我们这边出了点问题。你的消息已保存；输入“转人工”联系人工客服。",
}
