from __future__ import annotations

from kefu.kit.errors import Invalid, NotFound


class MacroNotFound(NotFound):
    code = "macro_not_found"
    en = "There is no macro {id}."
    zh = "没有编号为 {id} 的宏。"


class UnknownPlaceholder(Invalid):
    code = "macro_unknown_placeholder"
    en = "The macro uses placeholders kefu does not know: {names}. Known: {known}."
    zh = "宏中使用了系统无法识别的占位符：{names}。可用的占位符：{known}。"


class MacroInactive(Invalid):
    code = "macro_inactive"
    en = "Macro {id} is switched off; a supervisor can switch it on again."
    zh = "宏 {id} 已停用，主管可重新启用。"
