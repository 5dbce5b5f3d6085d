"""The fixed category taxonomy, named and described in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from kefu.kit.i18n import Text, text


@dataclass(frozen=True)
class Category:
    key: str
    name: Text
    description: Text


CATEGORIES: tuple[Category, ...] = (
    Category(
        "account_login",
        text("Login & registration", "登录与注册"),
        text(
            "Cannot log in, SMS code, password reset, registration, changing the bound phone",
            "无法登录、收不到验证码、找回密码、注册、换绑手机号",
        ),
    ),
    Category(
        "account_banned",
        text("Ban & restriction", "封禁与限制"),
        text(
            "Account banned or restricted, asking why, appeals", "账号被封禁或限制、询问原因、申诉"
        ),
    ),
    Category(
        "account_anomaly",
        text("Account anomaly", "账号异常"),
        text(
            "Stolen or hacked account, data, followers or videos lost",
            "账号被盗、数据异常、粉丝或作品丢失",
        ),
    ),
    Category(
        "video_upload",
        text("Video upload & review", "视频上传与审核"),
        text(
            "Upload or publishing fails, stuck or rejected in review",
            "上传或发布失败、审核卡住或未通过",
        ),
    ),
    Category(
        "livestream",
        text("Live streaming", "直播"),
        text("Lag, quality, cannot go live, gifts", "卡顿、画质、无法开播、礼物"),
    ),
    Category(
        "app_bug",
        text("App faults", "应用故障"),
        text("Crashes and other faults of the app", "闪退及其他应用故障"),
    ),
    Category(
        "content_report",
        text("Content report", "内容举报"),
        text("Reporting violating content or users", "举报违规内容或用户"),
    ),
    Category(
        "infringement",
        text("Infringement", "侵权投诉"),
        text(
            "My work or likeness used without permission, takedown requests",
            "作品或肖像被未经授权使用、要求下架",
        ),
    ),
    Category(
        "refund_return",
        text("Refunds & returns", "退款与退货"),
        text("Shop orders: refund, return, not delivered", "商城订单：退款、退货、未收到货"),
    ),
    Category(
        "payment_earnings",
        text("Payments & earnings", "充值与收益"),
        text(
            "Recharge, charges, creator earnings withdrawal",
            "充值、扣费、创作者收益提现",
        ),
    ),
    Category(
        "suggestion",
        text("Suggestion", "建议"),
        text("Ideas and feature requests", "意见与功能建议"),
    ),
    Category(
        "service_complaint",
        text("Complaint about service", "服务投诉"),
        text("Complaints about customer service itself", "对客服服务本身的投诉"),
    ),
    Category(
        "fraud_report",
        text("Fraud & scams", "诈骗举报"),
        text(
            "Scammed or contacted by a scammer: fake customer service, prizes, refunds",
            "被骗或遭遇诈骗：冒充客服、虚假中奖、虚假退款",
        ),
    ),
    Category(
        "privacy",
        text("Privacy", "隐私"),
        text(
            "Personal data exposed, deletion, privacy settings",
            "个人信息泄露、注销与删除、隐私设置",
        ),
    ),
    Category("other", text("Other", "其他"), text("Anything else", "其他问题")),
)

CATEGORY_KEYS: tuple[str, ...] = tuple(category.key for category in CATEGORIES)
BY_KEY: dict[str, Category] = {category.key: category for category in CATEGORIES}
