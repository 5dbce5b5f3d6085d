"""The words of the help-centre pages, in both languages."""

from __future__ import annotations

from kefu.kit.i18n import text

HELP_CENTRE = text("Help centre", "帮助中心")
SEARCH_LABEL = text("Search the help centre", "搜索帮助中心")
SEARCH_PLACEHOLDER = text("Describe your problem", "请描述您的问题")
SEARCH_BUTTON = text("Search", "搜索")
RESULTS_FOR = text("Results for “{q}”", "“{q}”的搜索结果")
NO_RESULTS = text(
    "Nothing found. Try other words, or contact us below.",
    "没有找到相关内容。换个说法试试，或通过下方渠道联系我们。",
)
ALL_ARTICLES = text("All articles", "全部文章")
NOT_FOUND = text("This article does not exist or is no longer published.", "该文章不存在或已下线。")
BACK = text("Back to the help centre", "返回帮助中心")
OTHER_LANGUAGE = text("中文", "English")
CONTACT = text(
    "Still need help? Hotline {hotline} ({hours}) · {email}",
    "仍需帮助？客服热线 {hotline}（{hours}）· {email}",
)
WAS_IT_HELPFUL = text("{yes} people found this helpful.", "{yes} 人觉得这篇文章有帮助。")

# The chat page and widget (web/help/chat.py, static/chat/).
CHAT_TITLE = text("Chat with us", "在线客服")
CHAT_LOG = text("Conversation", "对话内容")
CHAT_PLACEHOLDER = text("Type your question", "请输入您的问题")
CHAT_SEND = text("Send", "发送")
CHAT_ATTACH = text("Attach a photo or video", "添加图片或视频")
CHAT_CONNECTING = text("Connecting…", "正在连接…")
CHAT_RECONNECTING = text("Connection lost, reconnecting…", "连接已断开，正在重连…")
CHAT_TYPING = text("The agent is typing…", "客服正在输入…")
CHAT_SENDING = text("Sending…", "发送中…")
CHAT_CASE = text("Case #{number}: a person is handling it.", "工单 #{number}：人工客服正在处理。")
CHAT_BOT = text("Assistant", "智能助手")
CHAT_AGENT = text("Agent", "客服")
CHAT_YOU = text("You", "我")
CHAT_UPLOAD_FAILED = text("The file could not be sent: {reason}", "文件发送失败：{reason}")
CHAT_OPEN = text("Chat with us", "联系客服")
CHAT_CLOSE = text("Close the chat", "关闭对话")
CHAT_NEW = text("New chat", "新对话")
CONTACT_US = text("Contact us", "联系我们")
CONTACT_INTRO = text(
    "These are the only official ways to reach {platform_name} customer service.",
    "以下是联系{platform_name}客服的全部官方渠道。",
)
HOTLINE = text("Customer service hotline", "客服热线")
SERVICE_HOURS = text("Service hours", "服务时间")
TIME_ZONE = text("Time zone: {zone}", "时区：{zone}")
OPEN_NOW = text("Open now", "当前在服务时间内")
CLOSED_NOW = text(
    "Closed now; opens again at {opening}", "当前不在服务时间，将于 {opening} 恢复服务"
)
EMAIL = text("E-mail", "电子邮箱")
WEBSITE = text("Website", "官方网站")
IN_APP = text("In the app", "在应用内")
IN_APP_TEXT = text(
    "Me › Settings › Help & Feedback: chat with the 7×24 assistant, talk to an agent, or send "
    "feedback with screenshots and videos. Report a video, comment, live room or account with "
    "the “…” button next to it.",
    "我 › 设置 › 帮助与反馈：与 7×24 小时智能客服对话、转人工客服，或提交带截图和视频的反馈。"
    "举报视频、评论、直播间或账号，请点击其旁边的“…”按钮。",
)
NEVER_ASK = text(
    "Our staff never ask for verification codes, passwords or bank card numbers, never ask you "
    "to share your screen or move money to a “safe account”, and never call from any number "
    "other than the hotline above.",
    "官方客服绝不会索要验证码、密码或银行卡号，绝不会要求您共享屏幕或向“安全账户”转账，"
    "也不会使用上述热线以外的号码联系您。",
)
FAKE_SERVICE = text("How to recognise fake customer service", "如何识别假冒客服")
ANNOUNCEMENTS = text("Announcements", "公告")
PINNED = text("Pinned", "置顶")
KINDS = {
    "feature": text("New feature", "新功能"),
    "event": text("Event", "活动"),
    "policy": text("Policy change", "政策变更"),
    "notice": text("Notice", "通知"),
}
