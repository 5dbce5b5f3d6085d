"""Errors the API and CLI report to people: an HTTP status, a stable code and a bilingual message.

Each error is a small class that carries its code and both texts, so an error cannot exist in
one language only. Raise it with the values its texts use: ``InvalidTransition(old=a, new=b)``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from kefu.kit.i18n import Locale


def _is_text(value: object) -> bool:
    return isinstance(value, dict) and set(value) == {"en", "zh"}


class KefuError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    en: ClassVar[str] = "The request cannot be processed."
    zh: ClassVar[str] = "请求无法处理。"

    def __init__(self, details: Any = None, **params: Any) -> None:
        self.params = params
        self.details = details
        super().__init__(self.message("en"))

    def message(self, locale: Locale) -> str:
        """The text in ``locale``; a parameter given in both languages (a ``Text``) is
        filled in that language too."""
        template = self.zh if locale == "zh-CN" else self.en
        params = {
            name: (value["zh"] if locale == "zh-CN" else value["en"]) if _is_text(value) else value
            for name, value in self.params.items()
        }
        return template.format(**params)

    def body(self, locale: Locale) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message(locale)}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class NotFound(KefuError):
    status = 404
    code = "not_found"
    en = "Not found."
    zh = "未找到。"


class Unauthorized(KefuError):
    status = 401
    code = "not_authenticated"
    en = "Sign in first: this needs a valid session or token."
    zh = "请先登录：需要有效的会话或令牌。"


class Forbidden(KefuError):
    status = 403
    code = "forbidden"
    en = "You do not have permission to do this."
    zh = "您没有执行此操作的权限。"


class Conflict(KefuError):
    status = 409
    code = "conflict"
    en = "The request conflicts with the current state."
    zh = "请求与当前状态冲突。"


class Invalid(KefuError):
    status = 422
    code = "validation_error"
    en = "The request is not valid: {reason}"
    zh = "请求无效：{reason}"


class RouteNotFound(NotFound):
    code = "route_not_found"
    en = "There is no such address in the API."
    zh = "API 中没有这个地址。"


class MethodNotAllowed(KefuError):
    status = 405
    code = "method_not_allowed"
    en = "This address does not accept that method."
    zh = "该地址不支持此请求方法。"


class InternalError(KefuError):
    status = 500
    code = "internal_error"
    en = "Something went wrong on our side; it has been logged."
    zh = "服务器内部出错，已记录。"


class DatabaseBusy(KefuError):
    status = 503
    code = "database_busy"
    en = "The service is busy; please retry in a moment."
    zh = "服务繁忙，请稍后重试。"
