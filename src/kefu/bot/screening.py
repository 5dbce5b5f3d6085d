"""Things the bot notices in a message before it tries to answer: a request for a person, and
secrets the user is about to give away."""

from __future__ import annotations

import re

# 转人工 and friends. In English, a short message naming a person ("agent", "human pls"), or
# asking to talk to one; "human verification failed" is not a request for a person.
_HUMAN_ZH = re.compile(r"转人工|人工客服|人工服务|人工(?!智能)|真人客服|找真人|要真人|找客服本人")
_PERSON = r"(human|person|agent|someone|somebody|representative|operator|staff|manager|supervisor)"
_HUMAN_EN = re.compile(
    rf"\b(talk|speak|chat|connect|transfer|put|get)\b.{{0,24}}\b(real |live |a |an )?{_PERSON}\b"
    rf"|\b(real|live) {_PERSON}\b",
    re.IGNORECASE,
)
_ONLY_PERSON = re.compile(
    rf"\W*(pls |please )?(a |an )?(real |live )?{_PERSON}( pls| please| now| asap)?\W*",
    re.IGNORECASE,
)
# A verification code or a card number pasted into the chat.
_CODE = re.compile(
    r"(验证码|校验码|动态码|code|otp)\D{0,12}\d{4,8}\b|\b\d{4,8}\D{0,6}(验证码|code)",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")
_PASSWORD = re.compile(r"(密码|password|passwd|pwd)\s*(是|is|[:：=])\s*\S{4,}", re.IGNORECASE)


def asks_for_person(text: str) -> bool:
    if _HUMAN_ZH.search(text) or _HUMAN_EN.search(text):
        return True
    return bool(_ONLY_PERSON.fullmatch(text.strip()))


def shared_secrets(text: str) -> list[str]:
    """Kinds of secrets the message seems to contain: code, card, password."""
    found = []
    if _CODE.search(text):
        found.append("code")
    if _CARD.search(text):
        found.append("card")
    if _PASSWORD.search(text):
        found.append("password")
    return found
