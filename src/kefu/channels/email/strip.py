"""Keep what the sender wrote this time: cut the quoted earlier mail ("On … wrote:",
"在 … 写道：", Outlook's "-----Original Message-----" and "From:/发件人:" header blocks, "> "
lines) and the signature ("-- ", "Sent from my iPhone", "发自我的iPhone" …)."""

from __future__ import annotations

import re

_REPLY_HEADER = [
    re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", re.IGNORECASE),
    re.compile(r"^\s*在.{0,300}写道\s*[:：]\s*$"),
    re.compile(r"^\s*-{2,}\s*(Original Message|原始邮件|原邮件)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*-{2,}\s*(回复的原邮件)\s*-{2,}\s*$"),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above the quoted header block
]
# Lines of a quoted header block (Outlook, Foxmail, QQ Mail): a block starts with From/发件人
# and at least one more of these follows at once.
_BLOCK_FIRST = re.compile(r"^\s*\**\s*(From|发件人)\s*\**\s*[:：]", re.IGNORECASE)
_BLOCK_MORE = re.compile(
    r"^\s*\**\s*(Sent|Date|To|Cc|Subject|发送时间|日期|时间|收件人|抄送|主题)\s*\**\s*[:：]",
    re.IGNORECASE,
)
_SIGNATURE_LINE = re.compile(
    r"^\s*("
    r"Sent from my \w+.*|Sent from (Mail|Outlook|Yahoo Mail|Samsung|my mobile).*"
    r"|Get Outlook for (iOS|Android).*|Sent via .{0,40}"
    r"|发自我的\s*\S{0,12}|来自我的\s*\S{0,12}|从我的\s*\S{0,12}\s*发送"
    r"|发自\s*(网易邮箱|QQ邮箱|手机|Mail).{0,20}|来自\s*(网易邮箱|QQ邮箱).{0,20}"
    r")\s*$",
    re.IGNORECASE,
)


def _quote_starts(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if any(pattern.match(line) for pattern in _REPLY_HEADER):
            return index
        # "On Tue, 3 Mar 2026, Someone <a@b.c>" with "wrote:" wrapped onto the next line
        if index + 1 < len(lines) and re.match(r"^\s*On\b", line, re.I):
            joined = f"{line.rstrip()} {lines[index + 1].strip()}"
            if _REPLY_HEADER[0].match(joined):
                return index
        if _BLOCK_FIRST.match(line):
            following = [ln for ln in lines[index + 1 : index + 5] if ln.strip()]
            if following and _BLOCK_MORE.match(following[0]):
                return index
    return None


def _signature_starts(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.rstrip() == "--" or line == "-- ":
            return index
    tail = [i for i, line in enumerate(lines) if line.strip()][-4:]
    for index in tail:
        if _SIGNATURE_LINE.match(lines[index]):
            return index
    return None


def strip_reply(text: str) -> str:
    """The new part of a message. When cutting leaves nothing (the sender only forwarded or
    quoted), the whole text is kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_starts(lines)
    if cut is not None:
        lines = lines[:cut]
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    cut = _signature_starts(lines)
    if cut is not None:
        lines = lines[:cut]
    kept = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    return kept or text.strip()
