"""What reporters are told about their report, and what the report targets are called."""

from __future__ import annotations

from kefu.kit.i18n import Text, text
from kefu.trust.models import Outcome, TargetType

UNDER_REVIEW = text(
    "Under review: our review team is checking the content.", "审核中：审核团队正在核实该内容。"
)
OUTCOME_NAMES: dict[str, Text] = {
    Outcome.removed: text("Removed", "已删除"),
    Outcome.restricted: text("Restricted", "已限制"),
    Outcome.no_violation: text("No violation found", "未发现违规"),
}
OUTCOME_TEXTS: dict[str, Text] = {
    Outcome.removed: text(
        "Thank you. We reviewed the content you reported, found that it breaks our rules and "
        "removed it.",
        "感谢您的举报。经审核，该内容违反平台规则，已被删除。",
    ),
    Outcome.restricted: text(
        "Thank you. We reviewed the content you reported and restricted it: fewer people can "
        "see it or the account's features are limited.",
        "感谢您的举报。经审核，已对该内容采取限制措施（降低可见范围或限制账号功能）。",
    ),
    Outcome.no_violation: text(
        "Thank you. We reviewed the content you reported and found no violation of our rules, "
        "so it stays up. If you see new problems, you can report it again.",
        "感谢您的举报。经审核，暂未发现该内容违反平台规则，因此予以保留。如发现新的问题，可再次举报。",
    ),
}
TARGET_NAMES: dict[str, Text] = {
    TargetType.video: text("Video", "视频"),
    TargetType.comment: text("Comment", "评论"),
    TargetType.live: text("Live room", "直播间"),
    TargetType.account: text("Account", "账号"),
}
DECISION_NOTE = text(
    "Report case {case}: decided {outcome} after {count} report(s).",
    "举报案件 {case}：共 {count} 条举报，处理结论为“{outcome}”。",
)
