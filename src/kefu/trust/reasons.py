"""Why content is reported: the fixed list the "..." button, the bot and moderators share."""

from __future__ import annotations

from dataclasses import dataclass

from kefu.kit.i18n import Text, text


@dataclass(frozen=True)
class ReportReason:
    key: str
    name: Text


REPORT_REASONS: tuple[ReportReason, ...] = (
    ReportReason("spam", text("Spam or misleading ads", "垃圾广告或虚假宣传")),
    ReportReason("fraud", text("Fraud or scam", "诈骗或欺诈")),
    ReportReason("sexual", text("Pornography or sexual content", "色情低俗")),
    ReportReason("violence", text("Violence or dangerous acts", "暴力或危险行为")),
    ReportReason("harassment", text("Harassment, bullying or hate", "骚扰、霸凌或仇恨言论")),
    ReportReason("minors", text("Harm to minors", "危害未成年人")),
    ReportReason("misinformation", text("False information", "不实信息")),
    ReportReason("illegal", text("Illegal goods or activities", "违法违规商品或行为")),
    ReportReason("other", text("Something else", "其他")),
)
REASON_KEYS: tuple[str, ...] = tuple(reason.key for reason in REPORT_REASONS)
