"""One raw message to the facts kefu needs: who wrote, about what, which messages it answers,
its text (plain preferred, HTML made readable) and its attachments. Headers in RFC 2047 and
bodies in UTF-8, GB18030/GBK or Big5 are decoded (charsets.py). A message without a usable
sender is malformed."""

from __future__ import annotations

import email
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses

from kefu.channels.email.charsets import decode_bytes, decode_header_value
from kefu.channels.email.html_text import html_to_text

MAX_KEY = 255
_ID = re.compile(r"<([^<>\s]+)>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Without NUL and other control characters (PostgreSQL refuses NUL in text)."""
    return _CONTROL.sub("", value)


class MalformedMail(Exception):
    """The message cannot become a ticket message; ``reason`` says why (for people)."""


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content_type: str  # as declared; kefu sniffs the bytes again when it stores them
    data: bytes


@dataclass
class ParsedMail:
    message_id: str | None
    in_reply_to: list[str]
    references: list[str]
    subject: str
    from_name: str
    from_address: str
    text: str
    attachments: list[MailAttachment] = field(default_factory=list)
    message: Message | None = None  # the parsed tree, for the auto-reply checks


def message_ids(value: str | None) -> list[str]:
    """The ids in a Message-ID, In-Reply-To or References header, without angle brackets."""
    if not value:
        return []
    value = re.sub(r"\r?\n[ \t]", " ", value)
    found = _ID.findall(value)
    if not found and value.strip() and " " not in value.strip():
        found = [value.strip()]  # a bare id some clients write without brackets
    return [key for key in found if _printable(key)]


def _printable(key: str) -> bool:
    return all(33 <= ord(ch) <= 126 for ch in key)


def header(message: Message, name: str) -> str | None:
    """The raw value of the first ``name`` header (8-bit bytes surrogate-escaped)."""
    wanted = name.lower()
    for key, value in message.raw_items():
        if key.lower() == wanted:
            return str(value)
    return None


def message_key(raw: bytes) -> str:
    """What makes a delivery a duplicate: its Message-ID, or a hash of the bytes without one."""
    try:
        headers = email.message_from_bytes(raw.split(b"\r\n\r\n", 1)[0][:65536], policy=compat32)
        ids = message_ids(header(headers, "Message-ID"))
    except Exception:
        ids = []
    if ids and len(ids[0]) <= MAX_KEY:
        return ids[0]
    digest = hashlib.sha256(ids[0].encode() if ids else raw).hexdigest()
    return f"sha256:{digest}"


def _filename(part: Message) -> str:
    name = part.get_param("filename", header="content-disposition") or part.get_param("name")
    if isinstance(name, tuple):  # RFC 2231: (charset, language, value)
        charset, _, value = name
        return decode_bytes(value.encode("latin-1", "replace"), charset)
    return decode_header_value(str(name)) if name else ""


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _collect(
    part: Message, plain: list[str], html: list[str], attachments: list[MailAttachment]
) -> None:
    ctype = part.get_content_type()
    if ctype == "message/rfc822":  # a forwarded message travels as one attachment
        inner = part.get_payload()
        first = inner[0] if isinstance(inner, list) and inner else None
        data = first.as_bytes() if isinstance(first, Message) else _payload(part)
        attachments.append(MailAttachment(_filename(part) or "forwarded.eml", ctype, data))
        return
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, Message):
                _collect(child, plain, html, attachments)
        return
    filename = _filename(part)
    disposition = part.get_content_disposition()
    if (
        disposition == "attachment"
        or not ctype.startswith("text/")
        or (filename and ctype not in ("text/plain", "text/html"))
    ):
        data = _payload(part)
        if data:
            attachments.append(MailAttachment(filename or "attachment", ctype, data))
        return
    text = decode_bytes(_payload(part), part.get_content_charset())
    if ctype == "text/html":
        html.append(html_to_text(text))
    elif ctype == "text/plain":
        plain.append(text.replace("\r\n", "\n"))


def parse(raw: bytes) -> ParsedMail:
    message = email.message_from_bytes(raw, policy=compat32)
    if not message.keys():
        raise MalformedMail("no headers: not an e-mail message")
    # Split the raw header first and decode only the names: an encoded word may hide an
    # address ("=?utf-8?q?victim=40bank=2Ecom?= <attacker@evil.example>") that must stay a name.
    senders = [
        (clean_text(decode_header_value(name)), address.strip().lower())
        for name, address in getaddresses([header(message, "From") or ""])
    ]
    senders = [(name, address) for name, address in senders if _valid_address(address)]
    if not senders:
        raise MalformedMail("no valid sender address (From)")
    plain: list[str] = []
    html: list[str] = []
    attachments: list[MailAttachment] = []
    _collect(message, plain, html, attachments)
    ids = message_ids(header(message, "Message-ID"))
    return ParsedMail(
        message_id=ids[0] if ids else None,
        in_reply_to=message_ids(header(message, "In-Reply-To")),
        references=message_ids(header(message, "References")),
        subject=clean_text(decode_header_value(header(message, "Subject"))),
        from_name=senders[0][0],
        from_address=senders[0][1],
        text=clean_text("\n\n".join(t.strip("\n") for t in (plain or html) if t.strip())),
        attachments=attachments,
        message=message,
    )


def _valid_address(address: str) -> bool:
    local, at, domain = address.rpartition("@")
    return bool(at and local and "." in domain and len(address) <= 254 and _printable(address))
