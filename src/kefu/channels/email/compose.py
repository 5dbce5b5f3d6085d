"""A staff reply as an e-mail: threaded (Message-ID, In-Reply-To, References), the ticket token
in the subject, kefu's own words in the ticket's language."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from kefu.channels.email.threading import clean_subject, subject_token
from kefu.kit.clock import utcnow

MAX_REFERENCES = 12

_FOOTER = {
    "zh-CN": "——\n直接回复此邮件即可继续沟通，请保留主题中的 {token}。",
    "en": "--\nReply to this e-mail to continue; please keep {token} in the subject.",
}
_SENDER_NAME = {"zh-CN": "{platform}客服", "en": "{platform} Support"}


def new_message_key(number: int, from_address: str) -> str:
    domain = from_address.rpartition("@")[2] or "kefu.invalid"
    return f"kefu.{number}.{uuid.uuid4().hex}@{domain}"


def reply_subject(subject: str, number: int) -> str:
    return f"Re: {clean_subject(subject)} {subject_token(number)}"


@dataclass
class Reply:
    number: int
    subject: str
    body: str
    locale: str
    to: str
    to_name: str
    from_address: str
    platform_name: str
    message_key: str
    thread: list[str]  # Message-IDs of the ticket's mail so far, oldest first
    in_reply_to: str | None
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)


def compose(reply: Reply) -> EmailMessage:
    locale = "zh-CN" if reply.locale == "zh-CN" else "en"
    token = subject_token(reply.number)
    message = EmailMessage(policy=SMTP)
    name = _SENDER_NAME[locale].format(platform=reply.platform_name)
    message["From"] = formataddr((name, reply.from_address))
    message["To"] = formataddr((reply.to_name, reply.to))
    message["Subject"] = reply_subject(reply.subject, reply.number)
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = f"<{reply.message_key}>"
    if reply.in_reply_to:
        message["In-Reply-To"] = f"<{reply.in_reply_to}>"
    thread = reply.thread
    if len(thread) > MAX_REFERENCES:  # the first and the latest, as RFC 5322 suggests
        thread = [thread[0], *thread[-(MAX_REFERENCES - 1) :]]
    if thread:
        message["References"] = " ".join(f"<{key}>" for key in thread)
    message["X-Auto-Response-Suppress"] = "OOF, AutoReply"  # no out-of-office mail back, please
    message["X-Kefu-Ticket"] = str(reply.number)
    message.set_content(f"{reply.body.rstrip()}\n\n{_FOOTER[locale].format(token=token)}\n")
    for filename, content_type, data in reply.attachments:
        maintype, _, subtype = content_type.partition("/")
        message.add_attachment(
            data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename
        )
    return message
