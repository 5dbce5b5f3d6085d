"""What the feedback form asks "what is it about?", and where each answer lands in triage."""

from __future__ import annotations

from dataclasses import dataclass

from kefu.kit.i18n import Text, text
from kefu.tickets.models import TicketType


@dataclass(frozen=True)
class FeedbackCategory:
    key: str
    name: Text
    ticket_type: str
    category: str | None  # a key of triage.taxonomy; None lets triage choose


FEEDBACK_CATEGORIES: tuple[FeedbackCategory, ...] = (
    # Account problems span three triage categories (login, bans, hacked accounts): triage
    # reads the text and picks one.
    FeedbackCategory("account", text("Account & login", "账号与登录"), TicketType.question, None),
    FeedbackCategory(
        "video", text("Videos & publishing", "视频与发布"), TicketType.question, "video_upload"
    ),
    FeedbackCategory("live", text("Live streaming", "直播"), TicketType.question, "livestream"),
    FeedbackCategory(
        "shop_refund",
        text("Shopping & refunds", "购物与退款"),
        TicketType.after_sales,
        "refund_return",
    ),
    FeedbackCategory(
        "earnings",
        text("Recharge & earnings", "充值与收益"),
        TicketType.question,
        "payment_earnings",
    ),
    FeedbackCategory("bug", text("App problem or bug", "功能异常"), TicketType.incident, "app_bug"),
    FeedbackCategory(
        "scam", text("Scams & fraud", "诈骗与欺诈"), TicketType.complaint, "fraud_report"
    ),
    FeedbackCategory("privacy", text("Privacy", "隐私"), TicketType.question, "privacy"),
    FeedbackCategory(
        "service",
        text("Complaint about customer service", "投诉客服服务"),
        TicketType.complaint,
        "service_complaint",
    ),
    FeedbackCategory(
        "suggestion",
        text("Suggestions", "产品建议"),
        TicketType.suggestion,
        "suggestion",
    ),
    FeedbackCategory("other", text("Something else", "其他"), TicketType.question, None),
)
BY_KEY: dict[str, FeedbackCategory] = {c.key: c for c in FEEDBACK_CATEGORIES}
CATEGORY_KEYS: tuple[str, ...] = tuple(BY_KEY)
