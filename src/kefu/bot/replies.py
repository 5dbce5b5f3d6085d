"""Everything the bot says, in both languages. It never asks for a password, a verification
code or a card number (tests check every text here)."""

from __future__ import annotations

from kefu.kit.i18n import Text, text

GREETING = text(
    "Hi, I'm the {platform_name} service assistant, here 7x24. Tell me what you need help with, "
    'or say "human" to reach a person.',
    "您好，我是{platform_name}智能客服，7x24 小时在线。请描述您遇到的问题，或发送“转人工”联系人工客服。",
)
SAFETY_NOTE = text(
    "We will never ask for your password, verification code, bank card number or screen "
    "sharing, and never ask you to transfer money.",
    "官方客服绝不会索要您的密码、验证码、银行卡号，不会要求屏幕共享，也不会让您转账。",
)
SCAM_WARNING = text(
    "⚠️ This sounds like a scam. Official customer service never asks for verification codes, "
    'card numbers, screen sharing or transfers to a "safe account", and never refunds outside '
    "the app. Stop replying to that person and do not send money.",
    "⚠️ 这很可能是诈骗。官方客服绝不会索要验证码、银行卡号，不会要求屏幕共享或向“安全账户”转账，"
    "也不会在 App 之外办理退款。请立即停止与对方联系，不要转账。",
)
SECRET_WARNING = text(
    "Please don't send passwords, verification codes or card numbers here or to anyone: "
    "nobody at {platform_name} needs them.",
    "请不要在这里或向任何人发送密码、验证码或银行卡号：{platform_name}的工作人员不需要这些信息。",
)
ANSWER_FOOTER = text("Full article: {title} {url}", "完整文章：{title} {url}")
DID_IT_HELP = text("Did this solve your problem?", "这解决您的问题了吗？")
CLARIFY = text("Which of these do you mean?", "您想问的是以下哪一个？")
REPHRASE = text(
    "Sorry, I'm not sure I understood. Could you describe the problem in other words?",
    "抱歉，我没有完全理解。能换个说法描述一下您的问题吗？",
)
TRY_AGAIN = text(
    "Sorry that didn't help. Could you tell me more about what happens?",
    "抱歉没能帮到您。能再具体说说遇到的情况吗？",
)
GLAD = text(
    "Glad I could help! Write again any time.",
    "很高兴能帮到您！有问题随时找我。",
)
OFFER_FLOW = text("I can do this with you now:", "我现在就可以帮您办理：")
CANCELLED = text("OK, cancelled. What else can I help with?", "好的，已取消。还有什么可以帮您？")
TYPE_FOR_PERSON = text(
    "Please type your message; it goes to the person handling request #{number}.",
    "请直接输入文字，消息会转给处理工单 #{number} 的客服。",
)
RELAYED = text(
    "Added to your request #{number}; the person handling it will reply here.",
    "已补充到您的工单 #{number}，处理人员会在这里回复您。",
)

HANDOFF_REASON: dict[str, Text] = {
    "human_requested": text("Sure, I'll get you a person.", "好的，为您转接人工客服。"),
    "sensitive": text(
        "This needs a person's attention, so I'm passing it on right away.",
        "这个问题需要人工尽快处理，我马上为您转接。",
    ),
    "angry": text(
        "I'm sorry about this. Let me get a person to help you.",
        "非常抱歉给您带来不好的体验，我为您转接人工客服。",
    ),
    "needs_access": text(
        "This needs someone who can look into your account, so I'm passing it to a person.",
        "这需要工作人员查看您的账号才能处理，我为您转接人工客服。",
    ),
    "vip": text(
        "As a VIP member you get a person straight away.",
        "您是 VIP 会员，为您直接转接专属人工服务。",
    ),
    "out_of_scope": text(
        "I can't answer that myself, so I'm passing it to a person.",
        "这个问题我暂时无法解答，为您转接人工客服。",
    ),
    "failed_twice": text(
        "I haven't been able to help, so I'm passing this to a person.",
        "抱歉我没能解决您的问题，为您转接人工客服。",
    ),
    "flow": text("Let me get a person to help with this.", "为您转接人工客服处理。"),
}
HANDOFF_OPEN = text(
    "Your request #{number} is with our team and a person will reply in this conversation{wait}. "
    "You can also follow it under My tickets.",
    "您的工单 #{number} 已转交人工，客服会在本对话中回复您{wait}。您也可以在“我的工单”中查看进度。",
)
HANDOFF_WAIT = text(", usually within about {minutes} minutes", "，通常约 {minutes} 分钟内")
HANDOFF_CLOSED = text(
    "Our team works {hours}, so nobody is here right now. Your request #{number} is saved and "
    "the earliest reply will come after {opening}. You can follow it under My tickets.",
    "人工客服服务时间为{hours}，现在不在服务时间内。您的工单 #{number} 已记录，最早将于 {opening} "
    "之后回复。您可以在“我的工单”中查看进度。",
)

OPTION_YES = text("Yes, solved", "已解决")
OPTION_NO = text("No", "没解决")
OPTION_HUMAN = text("Talk to a person", "转人工")
OPTION_NONE = text("None of these", "都不是")
OPTION_CANCEL = text("Cancel", "取消")
OPTION_SKIP = text("Skip", "跳过")

# Guided flows.
TICKETS_NONE = text(
    "I can't find any open request from you. If you wrote to us from another account or by "
    "e-mail, tell me and I'll get a person to look.",
    "没有查到您未完成的工单。如果您是用其他账号或邮件联系的我们，请告诉我，我为您转人工查询。",
)
TICKETS_LIST = text("Your requests:", "您的工单：")
TICKET_LINE = text(
    "#{number} {subject} — {status}, last update {updated}",
    "#{number} {subject} — {status}，最近更新 {updated}",
)
STATUS_NAME: dict[str, Text] = {
    "new": text("received", "已受理"),
    "open": text("being handled", "处理中"),
    "pending": text("waiting for your reply", "等待您回复"),
    "solved": text("solved", "已解决"),
    "closed": text("closed", "已关闭"),
}
REFUNDS_SIGN_IN = text(
    "To look up your refunds I need to know your account: open Help & Feedback from inside the "
    "app while signed in, and ask again.",
    "查询退款需要确认您的账号：请在 App 内登录后，从“帮助与反馈”进入再问我一次。",
)
REFUNDS_NONE = text(
    "I can't find any refund on your account. If you asked the seller for one, it shows here "
    "once the request is submitted.",
    "您的账号下没有查到退款记录。如果您已向商家申请退款，提交成功后会在这里显示。",
)
REFUNDS_LIST = text("Your refunds:", "您的退款：")
REFUND_LINE = text(
    "Order {order_no} ({title}, {amount}): {status}{expected}",
    "订单 {order_no}（{title}，{amount}）：{status}{expected}",
)
REFUND_EXPECTED = text(", expected by {date}", "，预计 {date} 前到账")
REFUND_STATUS: dict[str, Text] = {
    "requested": text("waiting for the seller", "等待商家处理"),
    "approved": text("approved, money on its way", "已同意，退款中"),
    "refunded": text("refunded", "已退款"),
    "rejected": text("rejected by the seller", "商家已拒绝"),
}
REPORT_TARGET = text(
    "Send me the link or ID of the video, comment, live room or account you want to report.",
    "请发送您要举报的视频、评论、直播间或账号的链接或 ID。",
)
REPORT_REASON = text("Why are you reporting it?", "请选择举报原因：")
REPORT_NOTE = text(
    "Anything else we should know? Write a short note, or choose Skip.",
    "还有需要补充说明的吗？请简单描述，或选择“跳过”。",
)
REPORT_KIND = text(
    "What is it: a video, a comment, a live room or an account?",
    "请问这是视频、评论、直播间还是账号？",
)
REPORT_TARGET_UNREADABLE = text(
    "I could not read a link or ID there. Paste the share link, or write for example “video 7321”.",
    "没能识别出链接或 ID。请粘贴分享链接，或按“视频 7321”的格式发送。",
)
REPORT_DONE = text(
    "Thanks, your report is filed (report {report}). Our review team will check it and you can "
    "follow the outcome under My reports.",
    "感谢举报，已提交（举报编号 {report}）。审核团队会尽快核实，处理结果可在“我的举报”中查看。",
)
REPORT_ALREADY = text(
    "You have already reported this (report {report}); we are on it. You can follow the outcome "
    "under My reports.",
    "您已举报过该内容（举报编号 {report}），我们正在处理，处理结果可在“我的举报”中查看。",
)
APPEAL_KIND = text("What is restricted?", "您的账号受到了哪种限制？")
APPEAL_KINDS: dict[str, Text] = {
    "account_ban": text("My account is banned", "账号被封禁"),
    "live_ban": text("I can't go live", "无法开直播"),
    "posting": text("I can't post or comment", "无法发布作品或评论"),
    "other": text("Something else", "其他限制"),
}
APPEAL_STATEMENT = text(
    "Tell us in a few sentences why you think this is a mistake (at least 10 characters). "
    "Don't include passwords or codes.",
    "请用几句话说明您认为处罚有误的理由（至少 10 个字）。请勿填写密码或验证码。",
)
APPEAL_TOO_SHORT = text(
    "Please write a little more (at least 10 characters) so the reviewer understands.",
    "请再多写一些（至少 10 个字），方便审核人员了解情况。",
)
APPEAL_DONE = text(
    "Your appeal is submitted as #{number}. A reviewer usually decides within 1–3 working days "
    "and the result will appear under My tickets.",
    "申诉已提交，工单号 #{number}。审核一般在 1–3 个工作日内完成，结果会显示在“我的工单”中。",
)
RESET_PHONE = text(
    "Do you still use the phone number bound to your account?",
    "您还在使用账号绑定的手机号吗？",
)
RESET_WITH_PHONE = text(
    'On the login screen tap "Log in with password" → "Forgot password?", enter your bound '
    "number, then the SMS code you receive, and choose a new password (8–20 characters, letters "
    "and numbers). The code is for you only: never tell it to anyone.",
    "在登录页点击“密码登录”→“忘记密码”，输入绑定的手机号和收到的短信验证码，再设置新密码"
    "（8–20 位，包含字母和数字）。验证码只供您本人使用，不要告诉任何人。",
)
RESET_WITHOUT_PHONE = text(
    'On the login screen tap "Having trouble logging in?" → "Phone number unavailable", '
    "verify your identity and bind a new number. A manual review takes 1–3 working days.",
    "在登录页点击“登录遇到问题”→“手机号不可用”，完成身份验证后绑定新手机号。人工审核需要 1–3 个工作日。",
)
RESET_WORKED = text("Did that work?", "操作成功了吗？")
OPTION_PHONE_YES = text("Yes, I still have it", "是，还在用")
OPTION_PHONE_NO = text("No, I lost it", "不，已经不用了")
FLOW_NAME: dict[str, Text] = {
    "reset_password": text("Reset my password step by step", "一步步重置密码"),
    "report_content": text("File a report now", "现在提交举报"),
    "ban_appeal": text("Start an appeal now", "现在发起申诉"),
}
