"""The words of the macros management page (/desk/admin/macros), in both languages."""

from __future__ import annotations

from kefu.kit.i18n import text

TITLE = text("Macros", "宏（快捷回复）")
INTRO = text(
    "Canned replies agents insert on the ticket page. Write each in Chinese and English: the "
    "ticket's language picks the text. Applying a macro can also set the status, the priority "
    "and tags.",
    "客服在工单页插入的快捷回复。每条宏都需填写中文和英文，系统按工单语言选用。应用宏时还可同时设置状态、优先级和标签。",
)
LIST = text("All macros", "全部宏")
NAME = text("Name", "名称")
SETS = text("Also sets", "同时设置")
ACTIVE = text("Active", "启用")
EDIT = text("Edit", "编辑")
NEW = text("New macro", "新建宏")
NAME_ZH = text("Name (Chinese)", "名称（中文）")
NAME_EN = text("Name (English)", "名称（英文）")
BODY_ZH = text("Text (Chinese)", "内容（中文）")
BODY_EN = text("Text (English)", "内容（英文）")
SET_STATUS = text("Set status", "设置状态")
SET_PRIORITY = text("Set priority", "设置优先级")
NO_CHANGE = text("no change", "不修改")
ADD_TAGS = text("Add tags (separated by spaces)", "添加标签（以空格分隔）")
IS_ACTIVE = text("Agents can use it", "客服可使用")
SAVE = text("Save", "保存")
DELETE = text("Delete", "删除")
CANCEL = text("Cancel", "取消")
PLACEHOLDERS = text("Placeholders you can use", "可用的占位符")
CLIENT_TEXTS = {
    "saved": text("Macro saved.", "宏已保存。"),
    "deleted": text("Macro deleted.", "宏已删除。"),
    "confirmDelete": text("Delete the macro “{name}”?", "确定删除宏“{name}”吗？"),
    "none": text("No macros yet.", "暂无宏。"),
    "yes": text("yes", "是"),
    "no": text("no", "否"),
    "edit": text("Edit", "编辑"),
    "new": text("New macro", "新建宏"),
    "editing": text("Edit macro", "编辑宏"),
}
