"""The words of the agent console, in both languages. Each page keeps its own section."""

from __future__ import annotations

from kefu.kit.i18n import Text, text

# ---- the queue (/desk) ---------------------------------------------------------------------------

QUEUE_TITLE = text("Tickets", "工单")
VIEWS = text("Views", "视图")
VIEWS_LABEL = text("Ticket views", "工单视图")
SAVED_VIEWS = text("Saved views", "已保存的视图")
NO_SAVED_VIEWS = text(
    "None yet: filter the list, then “Save as view”.", "暂无：筛选列表后点击“保存为视图”。"
)
SHARED_WITH = text("Shared with {team}", "已共享给 {team}")
SHARED_BY = text("Shared by {name}", "{name} 共享")
COUNT_LABEL = text("{count} tickets", "{count} 个工单")
RENAME = text("Rename", "重命名")
RENAME_VIEW = text("Rename the view “{name}”", "重命名视图“{name}”")
DELETE = text("Delete", "删除")
DELETE_VIEW = text("Delete the view “{name}”", "删除视图“{name}”")
CONFIRM_DELETE = text("Delete the view “{name}”?", "确定删除视图“{name}”吗？")
SEARCH = text("Search tickets", "搜索工单")
SEARCH_PLACEHOLDER = text("Words or #number  ( / )", "关键词或 #编号  ( / )")
SEARCH_BUTTON = text("Search", "搜索")
FILTERS = text("Filters", "筛选")
FILTERS_ACTIVE = text("Filters ({count})", "筛选（{count}）")
CLEAR_FILTERS = text("Clear", "清除")
SAVE_AS_VIEW = text("Save as view", "保存为视图")
MODIFIED = text("filter changed", "筛选已修改")
ANY = text("Any", "全部")
STATUS = text("Status", "状态")
PRIORITY = text("Priority", "优先级")
CATEGORY = text("Category", "分类")
CHANNEL = text("Channel", "渠道")
LANGUAGE = text("Language", "语言")
TEAM = text("Team", "团队")
ASSIGNEE = text("Assignee", "处理人")
TRIAGE = text("Triage", "分拣")
NEEDS_TRIAGE = text("Needs triage", "待分拣")
MY_TEAMS = text("My teams", "我的团队")
NO_TEAM = text("No team yet", "未分配团队")
ME = text("Me", "我")
UNASSIGNED = text("Unassigned", "未分配")
NUMBER = text("No.", "编号")
SUBJECT = text("Subject", "主题")
REQUESTER = text("Requester", "提交人")
UPDATED = text("Updated", "更新时间")
SORT_BY = text("Sort by {column}", "按{column}排序")
TABLE_CAPTION = text("Tickets in the view “{view}”", "视图“{view}”中的工单")
CUSTOM_VIEW = text("Filtered tickets", "筛选结果")
EMPTY = text("No tickets here. Nice work!", "这里没有工单。")
EMPTY_FILTERED = text("No tickets match these filters.", "没有符合筛选条件的工单。")
PAGES = text("Pages", "翻页")
PREVIOUS = text("Previous", "上一页")
NEXT = text("Next", "下一页")
PAGE = text("Page {page}", "第 {page} 页")
LIVE_ON = text("Live", "实时")
LIVE_OFF = text("Reconnecting…", "正在重新连接…")
NEW_ACTIVITY = text("New activity — show the latest", "有新动态，查看最新")
NEW_ROW = text("New or updated just now", "刚刚新建或更新")
AWAITING_REPLY = text("Awaiting first reply", "等待首次回复")
LANGUAGE_NAMES: dict[str, Text] = {
    "zh-CN": text("Chinese", "中文"),
    "en": text("English", "英文"),
}
STATUS_NAMES: dict[str, Text] = {
    "new": text("New", "新建"),
    "open": text("Open", "处理中"),
    "pending": text("Pending", "待用户回复"),
    "on_hold": text("On hold", "挂起"),
    "solved": text("Solved", "已解决"),
    "closed": text("Closed", "已关闭"),
}
PRIORITY_NAMES: dict[str, Text] = {
    "urgent": text("Urgent", "紧急"),
    "high": text("High", "高"),
    "normal": text("Normal", "普通"),
    "low": text("Low", "低"),
}
CHANNEL_NAMES: dict[str, Text] = {
    "web": text("Web", "网页"),
    "chat": text("Chat", "在线聊天"),
    "email": text("E-mail", "邮件"),
    "phone": text("Phone", "电话"),
    "api": text("API", "API"),
    "report": text("Report", "举报"),
    "internal": text("Internal", "内部"),
}
SAVE_VIEW_TITLE = text("Save this filter as a view", "将当前筛选保存为视图")
RENAME_VIEW_TITLE = text("Rename the view", "重命名视图")
VIEW_NAME = text("Name", "名称")
SHARE_WITH = text("Share with", "共享给")
ONLY_ME = text("Only me", "仅自己")
SAVE = text("Save", "保存")
CANCEL = text("Cancel", "取消")
VIEW_SAVED = text("The view “{name}” is saved.", "视图“{name}”已保存。")
VIEW_DELETED = text("The view “{name}” is deleted.", "视图“{name}”已删除。")
SHORTCUTS = text("Keyboard shortcuts", "键盘快捷键")
SHORTCUTS_HINT = text("Press ? for keyboard shortcuts", "按 ? 查看键盘快捷键")
CLOSE = text("Close", "关闭")
THEN = text("then", "再按")
SHORTCUT_LIST: tuple[tuple[str, Text], ...] = (
    ("j / k", text("Next / previous ticket", "下一个 / 上一个工单")),
    ("Enter / o", text("Open the selected ticket", "打开选中的工单")),
    ("/", text("Search", "搜索")),
    ("g m", text("Go to Mine", "转到“我的工单”")),
    ("g u", text("Go to Unassigned", "转到“未分配”")),
    ("g t", text("Go to My teams", "转到“我的团队”")),
    ("g n", text("Go to Needs triage", "转到“待分拣”")),
    ("g a", text("Go to All open", "转到“全部未解决”")),
    ("n / p", text("Next / previous page", "下一页 / 上一页")),
    ("r", text("Refresh the list", "刷新列表")),
    ("?", text("Show these shortcuts", "显示快捷键")),
    ("Esc", text("Close, or leave the search box", "关闭或离开搜索框")),
)
