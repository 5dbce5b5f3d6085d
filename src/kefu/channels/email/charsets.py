"""Bytes to text for mail written in any of the charsets kefu's users send: UTF-8, the GB family
(declared gb2312 or gbk is read as GB18030, its superset: senders declare gb2312 and use GBK
characters) and Big5 (read as Big5-HKSCS, its superset). A wrong declaration falls back to the
others; nothing raises."""

from __future__ import annotations

import codecs
import re
from email.header import decode_header

ALIASES = {
    "gb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "x-euc-cn": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
}
FALLBACKS = ("utf-8", "gb18030", "big5hkscs")


def codec_for(charset: str | None) -> str | None:
    """The Python codec to read ``charset`` with, or None when it is unknown."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None) -> str:
    declared = codec_for(charset)
    for name in (declared, *FALLBACKS):
        if name is None:
            continue
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "utf-8", errors="replace")


def _unescape_8bit(value: str) -> str:
    """Undo the surrogate escapes the parser leaves for raw 8-bit bytes in a header."""
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    return decode_bytes(value.encode("ascii", "surrogateescape"), None)


def decode_header_value(value: str | None) -> str:
    """A header's text: unfolded, RFC 2047 encoded words decoded, raw 8-bit bytes read too."""
    if not value:
        return ""
    value = _unescape_8bit(re.sub(r"\r?\n(?=[ \t])", "", str(value)))
    try:
        chunks = decode_header(value)
    except Exception:  # a broken encoded word: keep the header as written
        return value.strip()
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:  # text between encoded words, as decode_header encoded it
            out.append(chunk.decode("raw-unicode-escape"))
        else:
            out.append(decode_bytes(chunk, charset))
    return " ".join("".join(out).split())
