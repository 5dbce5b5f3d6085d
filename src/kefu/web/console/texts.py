"""The words of the agent console, in both languages. Words both pages use are defined once,
in the ticket page's section; each page keeps the rest in its own section."""

from __future__ import annotations

from kefu.kit.i18n import Text, text

# ---- ticket page (/desk/tickets/{number}) -------------------------------------------------------

TICKET_TITLE = text("Ticket #{number}", "工单 #{number}")
BACK_TO_QUEUE = text("Back to the queue", "返回工单列表")
TICKET_FACTS = text("Ticket details", "工单信息")
STATUS = text("Status", "状态")
PRIORITY = text("Priority", "优先级")
CATEGORY = text("Category", "分类")
TEAM = text("Team", "团队")
ASSIGNEE = text("Assignee", "处理人")
CHANNEL = text("Channel", "渠道")
LANGUAGE = text("Language", "语言")
TAGS = text("Tags", "标签")
CREATED = text("Created", "创建时间")
UPDATED = text("Updated", "更新时间")
UNASSIGNED = text("Unassigned", "未分配")
ANONYMOUS = text("Anonymous", "匿名用户")
NO_TEAM = text("No team", "无团队")
ACTIONS = text("Actions", "操作")
SET_STATUS = text("Set status", "设置状态")
ASSIGN_TO_ME = text("Assign to me", "分配给我")
ASSIGN_TO = text("Assign to", "分配给")
MOVE_TO_TEAM = text("Team queue", "团队队列")
APPLY = text("Apply", "应用")
ESCALATE = text("Escalate", "升级")
ESCALATE_TITLE = text("Escalate to a department", "升级至其他部门")
ESCALATE_NOTE = text("What the department needs to know and do", "需要该部门了解和处理的内容")
DEPARTMENT = text("Department", "部门")
MERGE = text("Merge", "合并")
MERGE_TITLE = text("Merge into another ticket", "合并到另一个工单")
MERGE_TARGET = text("Number of the ticket this one duplicates", "本工单重复的工单编号")
MERGE_WARNING = text(
    "This ticket will be closed and its first message copied to the other ticket. "
    "This cannot be undone.",
    "本工单将被关闭，其首条消息会复制到目标工单。此操作无法撤销。",
)
CONFIRM_MERGE = text("Merge and close this ticket", "合并并关闭本工单")
CANCEL = text("Cancel", "取消")
CLOSE = text("Close", "关闭")
CONVERSATION = text("Conversation", "对话")
TIMELINE = text("Timeline", "时间线")
LOADING = text("Loading…", "加载中…")
COMPOSER = text("Write", "撰写")
PUBLIC_REPLY = text("Public reply", "公开回复")
INTERNAL_NOTE = text("Internal note", "内部备注")
REPLY_BODY = text("Message", "消息内容")
SEND = text("Send", "发送")
SEND_AND = text("and set", "并设为")
KEEP_STATUS = text("keep status", "保持状态")
INSERT_MACRO = text("Macro…", "插入宏…")
MACRO_PICKER = text("Choose a macro", "选择宏")
MACRO_FILTER = text("Filter macros", "筛选宏")
REQUESTER = text("Requester", "提交人")
TRIAGE = text("Triage", "智能分诊")
ASSIST = text("Suggested articles", "推荐文章")
CHAT = text("Live chat", "在线会话")
SHORTCUTS = text("Keyboard shortcuts", "键盘快捷键")
SHORTCUTS_BUTTON = text("Shortcuts (?)", "快捷键 (?)")
TICKET_SHORTCUTS: tuple[tuple[str, Text], ...] = (
    ("r", text("Write a public reply", "撰写公开回复")),
    ("n", text("Write an internal note", "撰写内部备注")),
    ("a", text("Assign to me", "分配给我")),
    ("s", text("Set solved", "设为已解决")),
    ("p", text("Set pending", "设为待回复")),
    ("m", text("Open the macro picker", "打开宏选择器")),
    ("Ctrl/⌘ + Enter", text("Send what you wrote", "发送已撰写内容")),
    ("Esc", text("Leave the editor", "离开编辑框")),
    ("?", text("Show this help", "显示本帮助")),
)

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
    "chat": text("Live chat", "在线会话"),
    "email": text("E-mail", "邮件"),
    "phone": text("Phone", "电话"),
    "api": text("Platform API", "平台接口"),
    "report": text("Content report", "内容举报"),
    "internal": text("Internal", "内部"),
}
EVENT_NAMES = {
    "created": text("created the ticket", "创建了工单"),
    "field_changed": text("changed {field}", "修改了{field}"),
    "status_changed": text("changed the status", "修改了状态"),
    "message_added": text("added a message", "添加了消息"),
    "escalated": text("escalated to #{value}", "升级为子工单 #{value}"),
    "child_solved": text("child ticket #{value} solved", "子工单 #{value} 已解决"),
    "merged_into": text("merged into #{value}", "已合并到 #{value}"),
    "merged_in": text("merged #{value} in", "合并了 #{value}"),
    "follow_up_created": text("follow-up #{value} started", "已创建跟进工单 #{value}"),
    "rated": text("rated the service", "评价了服务"),
}
FIELD_NAMES = {
    "subject": text("the subject", "主题"),
    "type": text("the type", "类型"),
    "category": text("the category", "分类"),
    "priority": text("the priority", "优先级"),
    "locale": text("the language", "语言"),
    "team_id": text("the team", "团队"),
    "assignee_id": text("the assignee", "处理人"),
    "tags": text("the tags", "标签"),
    "status": text("the status", "状态"),
}
# Words the page's scripts show; sent to the page as JSON.
CLIENT_TEXTS = {
    "internal": text("Internal note", "内部备注"),
    "system": text("System", "系统"),
    "requesterRole": text("Requester", "请求人"),
    "staffRole": text("Staff", "客服"),
    "platformRole": text("Platform", "平台"),
    "attachments": text("Attachments", "附件"),
    "noMessages": text("No messages yet.", "暂无消息。"),
    "noEvents": text("No events yet.", "暂无记录。"),
    "sent": text("Sent.", "已发送。"),
    "noteAdded": text("Note added.", "备注已添加。"),
    "saved": text("Saved.", "已保存。"),
    "emptyBody": text("Write something first.", "请先输入内容。"),
    "conflict": text(
        "Someone else changed this ticket meanwhile. It has been reloaded; check it and try again.",
        "该工单已被他人修改，页面已刷新，请确认后重试。",
    ),
    "typing": text("The requester is typing…", "请求人正在输入…"),
    "feedLive": text("Live", "实时"),
    "feedOffline": text("Reconnecting…", "正在重连…"),
    "vip": text("VIP {level}", "VIP {level}"),
    "notVip": text("Not VIP", "非 VIP"),
    "vipLevel": text("VIP level", "VIP 等级"),
    "anonymous": ANONYMOUS,
    "platformId": text("Platform id", "平台 ID"),
    "locale": text("Language", "语言"),
    "otherTickets": text("Other tickets", "其他工单"),
    "noOtherTickets": text("No other tickets.", "没有其他工单。"),
    "noTriage": text("Triage has not read this ticket yet.", "尚未进行智能分诊。"),
    "confidence": text("{percent}% sure", "置信度 {percent}%"),
    "runnerUp": text("Runner-up", "次选"),
    "priorityReasons": text("Why this priority", "优先级依据"),
    "language": text("Language", "语言"),
    "sentiment": text("Sentiment", "情绪"),
    "angry": text("Angry", "愤怒"),
    "scamRisk": text("Scam risk", "诈骗风险"),
    "safetySignals": text("Safety signals", "安全信号"),
    "model": text("Model", "模型版本"),
    "correctCategory": text("Correct the category", "纠正分类"),
    "correct": text("Correct", "纠正"),
    "corrected": text(
        "Category corrected; triage will learn from it.", "分类已纠正，智能分诊将从中学习。"
    ),
    "noArticles": text("No article fits this ticket.", "没有匹配的文章。"),
    "insertLink": text("Insert link", "插入链接"),
    "insertSnippet": text("Insert snippet", "插入摘要"),
    "useDraft": text("Use the draft reply", "使用草稿回复"),
    "agentOnly": text("agent only", "仅客服可见"),
    "noMacros": text("No macros yet.", "暂无宏。"),
    "macroApplied": text("Macro “{name}” applied.", "已应用宏“{name}”。"),
    "macroSets": text("Sets", "将设置"),
    "escalated": text("Escalated to #{number}.", "已升级为 #{number}。"),
    "merged": text("Merged into #{number}.", "已合并到 #{number}。"),
    "chatEmpty": text("No chat messages.", "暂无会话消息。"),
    "chatUser": text("User", "用户"),
    "chatBot": text("Bot", "机器人"),
    "chatAgent": text("Agent", "客服"),
    "chatMirrored": text(
        "Your public replies are sent into this chat.", "您的公开回复会同步发送到此会话。"
    ),
    "children": text("Escalations", "升级子工单"),
    "parent": text("Escalated from #{number}", "由 #{number} 升级"),
    "mergedInto": text("Merged into #{number}", "已合并到 #{number}"),
    "neutral": text("neutral", "中性"),
    "negative": text("negative", "负面"),
    "positive": text("positive", "正面"),
}
SIGNAL_NAMES = {
    "self_harm": text("self-harm", "自伤风险"),
    "minor_at_risk": text("a minor at risk", "未成年人风险"),
    "violence_threat": text("threat of violence", "暴力威胁"),
    "asks_verification_code": text("asks for a verification code", "索要验证码"),
    "asks_card_or_password": text("asks for a card number or password", "索要卡号或密码"),
    "screen_sharing": text("asks to share the screen", "要求共享屏幕"),
    "safe_account_transfer": text("a “safe account” transfer", "转账到“安全账户”"),
    "off_platform_refund": text("a refund off the platform", "站外退款"),
    "prize_fee": text("a fee for a prize", "领奖需付费"),
}
REASON_NAMES = {
    "category": text("category {value}", "分类：{value}"),
    "scam_risk": text("scam risk", "诈骗风险"),
    "angry": text("the requester is angry", "请求人情绪愤怒"),
    "vip": text("VIP level {value}", "VIP 等级 {value}"),
    "safety": text("safety: {value}", "安全：{value}"),
}

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
NEEDS_TRIAGE = text("Needs triage", "待分拣")
MY_TEAMS = text("My teams", "我的团队")
ME = text("Me", "我")
NUMBER = text("No.", "编号")
SUBJECT = text("Subject", "主题")
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
SAVE_VIEW_TITLE = text("Save this filter as a view", "将当前筛选保存为视图")
RENAME_VIEW_TITLE = text("Rename the view", "重命名视图")
VIEW_NAME = text("Name", "名称")
SHARE_WITH = text("Share with", "共享给")
ONLY_ME = text("Only me", "仅自己")
SAVE = text("Save", "保存")
VIEW_SAVED = text("The view “{name}” is saved.", "视图“{name}”已保存。")
VIEW_DELETED = text("The view “{name}” is deleted.", "视图“{name}”已删除。")
SHORTCUTS_HINT = text("Press ? for keyboard shortcuts", "按 ? 查看键盘快捷键")
THEN = text("then", "再按")
QUEUE_SHORTCUTS: tuple[tuple[str, Text], ...] = (
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
