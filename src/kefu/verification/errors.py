from __future__ import annotations

from kefu.kit.errors import KefuError


class VerifyValueEmpty(KefuError):
    status = 422
    code = "verify_value_empty"
    en = "Enter the {kind} you want to check."
    zh = "请输入要核验的{kind}。"


class VerifyValueInvalid(KefuError):
    status = 422
    code = "verify_value_invalid"
    en = "This is not a {kind} we can check: {hint}"
    zh = "无法核验，这不是有效的{kind}：{hint}"
