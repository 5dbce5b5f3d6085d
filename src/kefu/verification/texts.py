"""What the verdicts say, in both languages (the API's message; the page adds advice)."""

from __future__ import annotations

from kefu.kit.i18n import Text, text

KIND_NAMES: dict[str, Text] = {
    "phone": text("phone number", "电话号码"),
    "email": text("e-mail address", "电子邮箱地址"),
    "url": text("web address", "网址"),
    "agent": text("agent ID", "客服工号"),
}
HINTS: dict[str, Text] = {
    "phone": text(
        "enter the digits, e.g. 400-000-0000, 138 0013 8000 or +86 10 1234 5678",
        "请输入号码，如 400-000-0000、138 0013 8000 或 +86 10 1234 5678",
    ),
    "email": text(
        "enter the whole address, e.g. name@example.com", "请输入完整地址，如 name@example.com"
    ),
    "url": text(
        "enter the address, e.g. https://example.com/page",
        "请输入网址，如 https://example.com/page",
    ),
    "agent": text(
        "agent IDs are KF and digits, e.g. KF1024", "客服工号由 KF 加数字组成，如 KF1024"
    ),
}
TOO_LONG = text("it is far too long", "内容过长")
CHANNEL_HOTLINE = text("our customer service hotline", "官方客服热线")
CHANNEL_PHONE = text("an official customer service number", "官方客服电话")
CHANNEL_EMAIL = text("our customer service e-mail address", "官方客服邮箱")
CHANNEL_WEBSITE = text("an official website of ours", "官方网站")
CHANNEL_AGENT = text("one of our customer service agents", "官方客服人员")
OFFICIAL = text("Yes: {value} is {channel}.", "是的：{value} 是{channel}。")
OFFICIAL_AGENT = text(
    "Yes: {value} is {channel} ({name}). Real agents talk to you only in the app's chat, by "
    "e-mail from our support address, or from our hotline.",
    "是的：{value} 是{channel}（{name}）。"
    "官方客服只会通过应用内的在线客服、官方客服邮箱或官方热线与您联系。",
)
NOT_OFFICIAL = text(
    "No: {value} is not an official channel of ours. Do not follow its instructions.",
    "否：{value} 不是我们的官方渠道，请勿按其要求操作。",
)
LOOKALIKE = text(
    "No: {value} is not ours. It imitates our name, a common trick of scammers.",
    "否：{value} 不是我们的官方渠道。它在模仿我们的名称，这是骗子的常用手段。",
)
INACTIVE = text(
    "No: {value} is not a current agent of ours. Do not follow its instructions.",
    "否：{value} 不是我们当前在职的客服，请勿按其要求操作。",
)
