"""Reading mail: charsets, encoded headers, HTML, attachments, quoted replies, signatures and
machine-written mail, on the .eml fixtures."""

from __future__ import annotations

import base64

import pytest

from kefu.channels.email.loops import machine_written
from kefu.channels.email.parse import MalformedMail, ParsedMail, message_key, parse
from kefu.channels.email.strip import strip_reply
from kefu.channels.email.threading import clean_subject
from tests.channels.email.conftest import eml


def _read(name: str) -> ParsedMail:
    return parse(eml(name))


@pytest.mark.parametrize(
    ("name", "subject", "sender", "text"),
    [
        ("gbk.eml", "账号被封申诉（镕）", ("王小明", "wang@example.cn"), "朱镕基同名"),
        ("gb18030.eml", "生僻字𠮷变成问号", ("", "li@example.cn"), "生僻字𠮷"),
        ("big5.eml", "帳號無法登入", ("陳大文", "chan@example.hk"), "驗證碼一直收不到"),
        ("rfc2047_subject.eml", "视频 upload 失败 (urgent)", ("Zoë Martin", "zoe@example.fr"), ""),
    ],
)
def test_charsets_and_encoded_headers(
    name: str, subject: str, sender: tuple[str, str], text: str
) -> None:
    mail = _read(name)
    assert mail.subject == subject
    assert (mail.from_name, mail.from_address) == sender
    assert text in mail.text
    assert "\ufffd" not in mail.text + mail.subject


def test_gb2312_declared_but_gbk_used_is_read_as_gb18030() -> None:
    raw = (
        "Subject: =?gb2312?B?{}?=\r\nFrom: a@b.cn\r\n"
        "Content-Type: text/plain; charset=gb2312\r\n\r\n"
    )
    encoded = base64.b64encode("镕".encode("gbk")).decode()
    mail = parse(raw.format(encoded).encode() + "朱镕基".encode("gbk"))
    assert mail.subject == "镕" and mail.text == "朱镕基"


def test_raw_8bit_headers_in_utf8_or_gbk_are_read() -> None:
    for codec in ("utf-8", "gbk"):
        raw = "From: 张三 <zs@example.cn>\r\nSubject: 退款问题\r\n\r\nbody".encode(codec)
        mail = parse(raw)
        assert (mail.subject, mail.from_name) == ("退款问题", "张三")


def test_html_only_becomes_readable_text() -> None:
    mail = _read("html_only.eml")
    assert mail.text.splitlines()[0] == "Hi team,"
    assert "order 7788 on Monday & still" in mail.text
    assert "see here (https://track.example/7788)" in mail.text
    for hidden in ("color: red", "alert", "ignored title", "<"):
        assert hidden not in mail.text


def test_alternative_prefers_plain_and_keeps_attachments() -> None:
    mail = _read("alternative_attachment.eml")
    assert mail.text == "Uploading my video fails at 99%. Screenshot attached."
    assert [(a.filename, len(a.data)) for a in mail.attachments] == [
        ("error.png", 70),
        ("tool.exe", 216),
    ]
    assert mail.attachments[0].data.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("quoted_reply_en.eml", "Yes, please send the invoice to my company address."),
        ("quoted_reply_zh.eml", "好的，我已经把商品寄回了，快递单号 SF123456。"),
        ("outlook_reply_zh.eml", "换了网络还是卡，手机是华为 Mate 60。"),
        ("signature.eml", "My live stream stops after ten minutes every time."),
        ("signature_zh.eml", "充值了 68 元，金币没有到账。"),
        ("reply_in_reply_to.eml", "I also tried reinstalling the app; no luck."),
    ],
)
def test_quoted_replies_and_signatures_are_cut(name: str, kept: str) -> None:
    assert strip_reply(_read(name).text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Thanks!\n\n-----Original Message-----\nFrom: support@kefu.example\nSent: Monday\n",
        "Thanks!\n\nFrom: Support <support@kefu.example>\nSent: Monday\nTo: me\n\nold text",
        "Thanks!\n\n在 2026-11-19 10:00, 客服 写道:\n> 旧内容",
        "Thanks!\nOn 19 Nov 2026, at 10:00, Support <s@k.example> wrote:\n\n> old",
        "Thanks!\n\nSent from my iPhone",
        "Thanks!\n\n发自我的 iPhone",
        "Thanks!\n> quoted line\n> another",
        "Thanks!\n--\nJane Roe\nACME",
    ],
)
def test_strip_patterns(text: str) -> None:
    assert strip_reply(text) == "Thanks!"


def test_strip_keeps_text_that_only_looks_like_a_header_and_keeps_everything_when_all_quoted() -> (
    None
):
    text = "From: my old phone I could log in.\nNow I cannot."
    assert strip_reply(text) == text
    assert strip_reply("> only a quote") == "> only a quote"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("auto_reply.eml", "auto_reply"), ("bounce.eml", "bounce"), ("plain.eml", None)],
)
def test_machine_written_mail_is_recognised(name: str, reason: str | None) -> None:
    mail = _read(name)
    assert mail.message is not None
    assert machine_written(mail.message, mail.from_address, None) == reason


@pytest.mark.parametrize(
    "extra",
    [
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",
        "Precedence: junk",
        "Precedence: list",
        "X-Autoreply: yes",
    ],
)
def test_each_robot_header_counts(extra: str) -> None:
    mail = parse(f"From: a@example.com\r\n{extra}\r\nSubject: hi\r\n\r\nbody".encode())
    assert mail.message is not None
    assert machine_written(mail.message, mail.from_address, None) is not None
    assert machine_written(mail.message, mail.from_address, "") == "bounce"  # null sender


def test_malformed_messages_raise() -> None:
    with pytest.raises(MalformedMail):
        parse(eml("malformed.eml"))
    with pytest.raises(MalformedMail, match="sender"):
        parse(b"From: nobody\r\nSubject: x\r\n\r\nbody")


def test_message_key_is_the_message_id_or_a_hash() -> None:
    assert message_key(eml("plain.eml")) == message_key(eml("duplicate.eml"))
    assert message_key(eml("plain.eml")) == "plain-1@mail.example.com"
    assert message_key(eml("malformed.eml")).startswith("sha256:")
    long_id = b"Message-ID: <" + b"x" * 300 + b"@example.com>\r\n\r\nbody"
    assert message_key(long_id).startswith("sha256:")


def test_clean_subject_drops_reply_prefixes_and_tokens() -> None:
    assert clean_subject("Re: RE: 回复：Fwd: Refund [#10023]") == "Refund"


def test_an_address_hidden_in_an_encoded_name_stays_a_name() -> None:
    raw = (
        b"From: =?utf-8?q?victim=40bank=2Ecom?= <attacker@evil.example>\r\n"
        b"To: support@kefu.example\r\nSubject: Re: [#10001]\r\n"
        b"Message-ID: <forged@evil.example>\r\n\r\nplease refund to my new card\r\n"
    )
    mail = parse(raw)
    assert mail.from_address == "attacker@evil.example"
    assert mail.from_name == "victim@bank.com"
