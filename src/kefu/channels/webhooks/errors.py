from __future__ import annotations

from kefu.kit.errors import Conflict, Invalid, NotFound


class WebhookNotFound(NotFound):
    code = "webhook_not_found"
    en = "There is no such webhook subscription."
    zh = "没有这个 Webhook 订阅。"


class DeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"
    en = "There is no such delivery for this webhook."
    zh = "该 Webhook 没有这条投递记录。"


class WebhookInactive(Conflict):
    code = "webhook_inactive"
    en = "This webhook is switched off; switch it on before sending to it."
    zh = "该 Webhook 已停用，请先启用再发送。"


class DeliveryPending(Conflict):
    code = "webhook_delivery_pending"
    en = "This delivery is still being tried; wait for it to succeed or fail."
    zh = "该投递仍在重试中，请等待其成功或失败。"


class BadWebhookUrl(Invalid):
    """The family of refused URLs (each has its own code)."""

    code = "webhook_url_invalid"
    en = "The webhook URL is not valid: {reason}"
    zh = "Webhook 地址无效：{reason}"


class InsecureWebhookUrl(BadWebhookUrl):
    code = "webhook_url_insecure"
    en = "Webhook URLs must use https (plain http only for hosts an administrator allowed)."
    zh = "Webhook 地址必须使用 https（仅管理员允许的主机可用 http）。"


class UnresolvableWebhookHost(BadWebhookUrl):
    code = "webhook_url_unresolvable"
    en = "The host {host} of the webhook URL cannot be resolved."
    zh = "无法解析 Webhook 地址的主机 {host}。"


class ForbiddenWebhookAddress(BadWebhookUrl):
    code = "webhook_url_forbidden"
    en = (
        "The host {host} is {address}, a loopback, private, link-local or reserved address that "
        "webhooks may not reach (KEFU_WEBHOOK_ALLOWED_HOSTS can allow it)."
    )
    zh = (
        "主机 {host} 的地址 {address} 属于回环、内网、链路本地或保留地址，Webhook 不能访问"
        "（可在 KEFU_WEBHOOK_ALLOWED_HOSTS 中放行）。"
    )
