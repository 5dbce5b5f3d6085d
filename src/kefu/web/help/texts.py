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
PAGE_NOT_FOUND = text("This page does not exist.", "该页面不存在。")
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

# The help centre's navigation (templates/help/base.html).
NAV_LABEL = text("Help centre sections", "帮助中心导航")
NAV_HELP = text("Help", "帮助")
NAV_CHAT = text("Chat", "在线客服")
NAV_FEEDBACK = text("Feedback", "反馈")
NAV_TICKETS = text("My tickets", "我的工单")
NAV_REPORT = text("Report", "举报")
NAV_APPEAL = text("Appeal", "申诉")
NAV_VERIFY = text("Verify contact", "官方核验")
SERVICES = text("Services", "自助服务")
SKIP_TO_MAIN = text("Skip to the content", "跳到正文")

# Shared by the forms (static/help/*.js receive these as JSON).
ATTACH_FILES = text("Add photos or videos", "添加图片或视频")
ATTACH_EVIDENCE = text("Add screenshots or videos as evidence", "添加截图或视频作为证据")
ATTACH_HINT = text(
    "Images and videos; several at once. Large files are checked when you send.",
    "支持图片和视频，可多选。文件大小在提交时检查。",
)
REMOVE_FILE = text("Remove {name}", "移除 {name}")
SENDING = text("Sending…", "正在提交…")
LOADING = text("Loading…", "加载中…")
OPTIONAL = text("optional", "选填")
CHOOSE = text("Choose…", "请选择…")
SESSION_EXPIRED = text(
    "Your sign-in has expired. Open Help & Feedback from the app again.",
    "登录已过期，请从应用内重新打开“帮助与反馈”。",
)
NETWORK_ERROR = text(
    "The network is not available. Check your connection and try again.",
    "网络不可用，请检查网络后重试。",
)
UPLOAD_FAILED = text("{name} could not be attached: {reason}", "{name} 上传失败：{reason}")
ANONYMOUS_NOTE = text(
    "You are not signed in: what you send is kept for this browser only. Open Help & Feedback "
    "from the app to see it on every device.",
    "您当前未登录：提交的内容仅保存在此浏览器中。从应用内打开“帮助与反馈”，可在所有设备上查看。",
)

# Help & Feedback (/help/feedback).
FEEDBACK_TITLE = text("Help & Feedback", "帮助与反馈")
FEEDBACK_INTRO = text(
    "Tell us about a problem or an idea. We reply in My tickets.",
    "告诉我们您遇到的问题或建议，我们会在“我的工单”中回复您。",
)
FEEDBACK_CATEGORY = text("What is it about?", "问题类型")
FEEDBACK_TEXT = text("Describe what happened", "问题描述")
FEEDBACK_TEXT_HINT = text(
    "What did you do, what did you expect, what happened instead? Never write passwords or codes.",
    "您做了什么、预期是什么、实际发生了什么？请勿填写密码或验证码。",
)
FEEDBACK_EMAIL = text("E-mail for our reply", "接收回复的邮箱")
FEEDBACK_PHONE = text("Phone number", "联系电话")
FEEDBACK_SEND = text("Send feedback", "提交反馈")
FEEDBACK_DONE = text(
    "Thank you! Your feedback is ticket #{number}.", "感谢反馈！您的工单号为 #{number}。"
)
FEEDBACK_DONE_NEXT = text(
    "We will reply there; you can add details or photos at any time.",
    "我们会在工单中回复您，您也可以随时补充说明或图片。",
)
FEEDBACK_ANOTHER = text("Send more feedback", "继续反馈")
VIEW_TICKET = text("View ticket #{number}", "查看工单 #{number}")

# My tickets (/help/tickets) and one ticket (/help/tickets/{number}).
TICKETS_TITLE = text("My tickets", "我的工单")
TICKETS_EMPTY = text("You have no tickets yet.", "您还没有工单。")
TICKETS_START = text("Send feedback or chat with us to start one.", "可以提交反馈或联系在线客服。")
TICKETS_MORE = text("Show more", "加载更多")
TICKET_TITLE = text("Ticket #{number}", "工单 #{number}")
UPDATED = text("Updated {date}", "更新于 {date}")
STATUS_NAMES = {
    "new": text("Received", "已受理"),
    "open": text("In progress", "处理中"),
    "pending": text("Waiting for you", "待您回复"),
    "solved": text("Solved", "已解决"),
    "closed": text("Closed", "已关闭"),
}
PROGRESS = text("Progress", "处理进度")
STEPS = {
    "new": text("Received", "已受理"),
    "open": text("In progress", "处理中"),
    "pending": text("Waiting for you", "待您回复"),
    "solved": text("Solved", "已解决"),
}
HISTORY = text("History", "处理记录")
HISTORY_CREATED = text("Ticket received", "工单已受理")
HISTORY_STATUS = text("Status: {status}", "状态：{status}")
HISTORY_RATED = text("You rated the service", "您评价了本次服务")
HISTORY_FOLLOW_UP = text("A follow-up ticket was opened", "已创建跟进工单")
CONVERSATION = text("Conversation", "沟通记录")
FROM_YOU = text("You", "我")
FROM_AGENT = text("Customer service", "客服")
FROM_SYSTEM = text("Notice", "系统通知")
MERGED_INTO = text(
    "This ticket was merged into #{number}; the conversation continues there.",
    "该工单已合并到 #{number}，请在该工单中继续沟通。",
)
FOLLOW_UP_OF = text("Follow-up of #{number}", "跟进自工单 #{number}")
REPLY_TITLE = text("Reply", "回复")
REPLY_LABEL = text("Your reply", "回复内容")
REPLY_SEND = text("Send reply", "发送回复")
REPLY_FOLLOW_UP = text(
    "This ticket was closed, so your reply started follow-up ticket #{number}.",
    "该工单已关闭，您的回复已创建跟进工单 #{number}。",
)
OPEN_FILE = text("Open {name}", "打开 {name}")
RATING_TITLE = text("How was our service?", "您对本次服务满意吗？")
RATING_GOOD = text("Good", "满意")
RATING_BAD = text("Bad", "不满意")
RATING_COMMENT = text("Anything to add?", "其他意见")
RATING_SEND = text("Send rating", "提交评价")
RATING_THANKS = text("Thank you for your rating.", "感谢您的评价。")
RATING_CURRENT = text("Your rating: {rating}", "您的评价：{rating}")
RATING_CHOOSE = text("Choose good or bad first.", "请先选择满意或不满意。")
TICKET_NOT_FOUND = text(
    "This ticket cannot be found. It may belong to another account or device.",
    "找不到该工单，它可能属于其他账号或设备。",
)
BACK_TO_TICKETS = text("Back to my tickets", "返回我的工单")

# Content reports (/help/report, /help/reports/{id}).
REPORT_TITLE = text("Report content", "举报内容")
REPORT_INTRO = text(
    "Report a video, comment, live room or account that breaks the rules. The person you "
    "report is not told who reported them.",
    "举报违反规则的视频、评论、直播间或账号。被举报人不会知道举报人是谁。",
)
REPORT_WHAT = text("What are you reporting?", "举报对象")
TARGET_NAMES = {
    "video": text("Video", "视频"),
    "comment": text("Comment", "评论"),
    "live": text("Live room", "直播间"),
    "account": text("Account", "账号"),
}
REPORT_TARGET = text("Its ID or share link", "ID 或分享链接")
REPORT_TARGET_HINT = text(
    "Tap “…” › Share › Copy link in the app and paste it here, or type the ID.",
    "在应用内点击“…”›分享›复制链接后粘贴到这里，或直接填写 ID。",
)
REPORT_TARGET_BAD = text(
    "Enter an ID (letters, digits, - _ . : @) or a share link that ends with one.",
    "请填写 ID（字母、数字或 - _ . : @），或以 ID 结尾的分享链接。",
)
REPORT_REASON = text("Reason", "举报原因")
REPORT_DETAILS = text("Details", "补充说明")
REPORT_SEND = text("Send report", "提交举报")
REPORT_NUMBER = text("Report {id}", "举报编号 {id}")
REPORT_STATUS = {
    "under_review": text("Under review", "审核中"),
    "decided": text("Decided", "已处理"),
}
REPORT_FILED = text("Thank you, your report was received.", "感谢举报，我们已收到。")
REPORT_ALREADY = text(
    "You had already reported this; here is your report.",
    "您已举报过该内容，以下是您的举报。",
)
MY_REPORTS = text("My reports", "我的举报")
NO_REPORTS = text("You have not reported anything.", "您还没有举报记录。")
REPORT_NOT_FOUND = text("This report cannot be found.", "找不到该举报。")
REPORT_AGAIN = text("Report something else", "继续举报")

# Ban appeals (/help/appeal).
APPEAL_TITLE = text("Appeal a ban or restriction", "封禁或限制申诉")
APPEAL_INTRO = text(
    "If your account was banned or restricted by mistake, tell us. A reviewer usually decides "
    "within 1–3 working days; the result appears in My tickets.",
    "如果您的账号被误封或被误限制，请告诉我们。"
    "审核一般在 1–3 个工作日内完成，结果会显示在“我的工单”中。",
)
APPEAL_KIND = text("What is restricted?", "受到的限制")
APPEAL_KINDS = {
    "account_ban": text("My account is banned", "账号被封禁"),
    "live_ban": text("I can't go live", "无法开直播"),
    "posting": text("I can't post or comment", "无法发布作品或评论"),
    "other": text("Something else", "其他限制"),
}
APPEAL_ACCOUNT = text("Account ID", "账号 ID")
APPEAL_ACCOUNT_HINT = text("Shown on your profile page (Me › ID).", "可在个人主页查看（我 › ID）。")
APPEAL_HAPPENED = text("What happened?", "发生了什么？")
APPEAL_HAPPENED_HINT = text(
    "When did it start, and what did the notice say?", "限制从何时开始，通知里写了什么？"
)
APPEAL_WHY = text("Why is it a mistake?", "您认为处罚有误的理由")
APPEAL_WHY_HINT = text(
    "At least 10 characters. Never write passwords or codes.",
    "至少 10 个字。请勿填写密码或验证码。",
)
APPEAL_SEND = text("Send appeal", "提交申诉")
APPEAL_DONE = text(
    "Your appeal was received as ticket #{number}.", "申诉已提交，工单号 #{number}。"
)
APPEAL_SUBJECT = text("Appeal: {kind} (account {account})", "申诉：{kind}（账号 {account}）")
APPEAL_BODY = text(
    "Account ID: {account}\nRestriction: {kind}\n\nWhat happened:\n{happened}\n\n"
    "Why it is a mistake:\n{why}",
    "账号 ID：{account}\n限制类型：{kind}\n\n发生了什么：\n{happened}\n\n申诉理由：\n{why}",
)

# "Is this really kefu?" (/help/verify).
VERIFY_TITLE = text("Is this really us?", "官方渠道核验")
VERIFY_INTRO = text(
    "Someone called, wrote or sent a link claiming to be {platform_name} customer service? "
    "Check here before you do anything they ask.",
    "有人自称{platform_name}客服给您打电话、发消息或发链接？请先在这里核验，再决定是否按对方要求操作。",
)
VERIFY_KIND = text("What did they contact you from?", "对方的联系方式")
VERIFY_KINDS = {
    "phone": text("Phone number", "电话号码"),
    "email": text("E-mail address", "电子邮箱"),
    "url": text("Web address (link)", "网址（链接）"),
    "agent": text("Agent ID (e.g. KF1024)", "客服工号（如 KF1024）"),
}
VERIFY_VALUE = text("Number, address or ID", "号码、地址或工号")
VERIFY_VALUE_PLACEHOLDER = text("e.g. 400-000-0000", "例如 400-000-0000")
VERIFY_CHECK = text("Check", "核验")
VERIFY_OFFICIAL = text("Official", "官方渠道")
VERIFY_NOT_OFFICIAL = text("Not official", "非官方渠道")
VERIFY_ADVICE_TITLE = text("Stay safe", "安全提示")
VERIFY_ADVICE = [
    text(
        "Never tell anyone a verification code or password, not even us.",
        "不要向任何人透露验证码或密码，包括官方客服。",
    ),
    text(
        "Never share your screen or install an app someone asks you to.",
        "不要按他人要求共享屏幕或安装应用。",
    ),
    text(
        "Never move money to a “safe account”, and never pay to “cancel a membership”, "
        "“fix your credit” or “get a refund”.",
        "不要向所谓“安全账户”转账，也不要为“取消会员”“修复征信”“办理退款”付款。",
    ),
    text(
        "Refunds go back automatically to where you paid; we never ask you to pay to receive one.",
        "退款会原路退回，我们绝不会要求您先付款才能退款。",
    ),
]
VERIFY_OFFICIAL_ADVICE = text(
    "Even an official channel never asks for codes, passwords, screen sharing or transfers. "
    "If it does, stop and report it.",
    "即使是官方渠道，也绝不会索要验证码、密码，或要求共享屏幕、转账。如遇此类要求，请立即停止并举报。",
)
VERIFY_NOT_OFFICIAL_ADVICE = text(
    "Stop the conversation. If you already paid or shared a code, contact your bank and the "
    "police (110 in China, or the 96110 anti-fraud line) at once.",
    "请立即停止沟通。如已转账或泄露验证码，请马上联系银行并报警（110，或拨打 96110 反诈专线）。",
)
VERIFY_REPORT = text("Report this scam to us", "向我们举报诈骗")
VERIFY_OFFICIAL_LIST = text("Our official channels", "全部官方渠道")
VERIFY_ARTICLE = text("How to recognise fake customer service", "如何识别假冒客服")
