"""Patterns worth a person's attention whatever the classifiers say: safety risks and the
tell-tale requests of scams. Each signal has a stable name shown to agents with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Signal:
    name: str
    pattern: re.Pattern[str]


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Jokes ("想死在第三关了哈哈", "kill me now, the upload failed", "gonna shoot a new stream") are
# left out on purpose: a false "urgent" costs a real emergency its place in line.
SAFETY = (
    Signal(
        "self_harm",
        _any(
            r"自杀|轻生|不想活|活不下去|活着没意思|割腕|跳楼|安眠药|结束(我的)?生命",
            r"想(去)?死(?!在)(?![^，。！？]{0,10}(哈哈|笑死|开玩笑))",
            r"\b(kill(ing)? my ?self|hurt(ing)? my ?self|suicidal|commit suicide|self[- ]?harm)\b",
            r"\bend (it all|my life)\b|\bdon'?t want to (live|be alive)\b|\bcan'?t go on\b",
            r"\bwant to die\b(?! of)",
        ),
    ),
    Signal(
        "minor_at_risk",
        _any(
            r"(未成年|小学生|初中生|儿童|小孩|孩子|幼女|幼童).{0,12}"
            r"(色情|裸|猥亵|性侵|引诱|约见|虐待|打骂|私下见面)",
            r"(色情|裸|猥亵|性侵|引诱|虐待).{0,12}(未成年|小学生|初中生|儿童|小孩|孩子)",
            r"\b(child|kid|minor|underage|[0-9]{1,2}[- ]?(yo|year[- ]old))\b.{0,40}"
            r"\b(nude|naked|sexual|groom|abuse|explicit|meet (up|in person))",
            r"\b(nude|naked|sexual|groom|abuse|explicit)\w*\b.{0,40}"
            r"\b(child|kid|minor|underage|[0-9]{1,2}[- ]?(yo|year[- ]old))",
        ),
    ),
    # A person must be the target.
    Signal(
        "violence_threat",
        _any(
            r"(要|去|准备).{0,6}(杀了|砍死|弄死)(你|他|她|他们|你们|那个|主播|客服)",
            r"\b(going to|gonna|will) (kill|shoot|stab)\b (you|him|her|them|that (guy|woman|man)"
            r"|the (streamer|agent|seller))\b",
        ),
    ),
)

SCAM = (
    Signal(
        "asks_verification_code",
        _any(
            r"(发|告诉|报|提供|给).{0,8}验证码|验证码.{0,6}(发给|告诉|报给)",
            r"\b(send|give|tell|share|read)\b.{0,20}\b(verification|security|otp|sms) ?code",
        ),
    ),
    Signal(
        "asks_card_or_password",
        _any(
            r"(银行卡号|卡号|密码|CVV|安全码).{0,8}(发|告诉|提供|填)|(提供|填写|告诉我).{0,8}(银行卡|卡号|密码)",
            r"\b(card number|cvv|pin|password)\b.{0,20}\b(send|give|tell|enter|provide)|"
            r"\b(send|give|tell|provide)\b.{0,20}\b(card number|cvv|password)",
        ),
    ),
    Signal(
        "screen_sharing",
        _any(
            r"共享屏幕|屏幕共享|会议(软件|app)|下载.{0,6}(会议|远程)",
            r"\bscreen ?shar|\bshar\w* (your |my |the )?screen\b|\bremote (access|desktop|control)|"
            r"\bmeeting app\b",
        ),
    ),
    Signal(
        "safe_account_transfer",
        _any(
            r"安全账户|安全账号|资金(核查|清查)|转(到|入|给).{0,8}(指定|安全|对方|他的)?账户",
            r"\bsafe account\b|\bsecure account\b|\btransfer\b.{0,30}\b(account|wallet)\b.{0,20}"
            r"\b(verify|protect|secure|unfreeze)",
        ),
    ),
    Signal(
        "off_platform_refund",
        _any(
            r"(加|添加).{0,6}(私人|私聊|微信|QQ|好友).{0,10}(退款|理赔|赔付)|(退款|理赔).{0,10}(加|添加).{0,6}(私人号|好友)",
            r"\b(refund|compensation)\b.{0,40}\b(add me|contact me on|outside the app|"
            r"other app|whatsapp|telegram)\b",
        ),
    ),
    Signal(
        "prize_fee",
        _any(
            r"(中奖|奖品|领奖|奖金).{0,12}(手续费|保证金|税费|邮费|先交|先付)",
            r"\b(prize|won|winnings|reward)\b.{0,40}\b(fee|deposit|tax|pay first|processing)\b",
        ),
    ),
)


def matches(signals: tuple[Signal, ...], text: str) -> list[str]:
    return [signal.name for signal in signals if signal.pattern.search(text)]
