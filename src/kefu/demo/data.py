"""The demo desk: who works here, who asks, and what they ask about (zh-CN and en)."""

from __future__ import annotations

DEMO_PASSWORD = "kefu-demo-2026"

# email, name, role, teams, locale, skills (kind, value, level)
STAFF = [
    ("admin@kefu.example", "管理员 Admin", "admin", [], "zh-CN", []),
    (
        "lead@kefu.example",
        "周敏 (Supervisor)",
        "supervisor",
        ["technical_support", "after_sales"],
        "zh-CN",
        [("language", "zh", "senior"), ("language", "en", "mid")],
    ),
    (
        "li.na@kefu.example",
        "李娜",
        "agent",
        ["technical_support"],
        "zh-CN",
        [
            ("language", "zh", "senior"),
            ("category", "account_login", "senior"),
            ("category", "video_upload", "mid"),
        ],
    ),
    (
        "emma@kefu.example",
        "Emma Clarke",
        "agent",
        ["technical_support"],
        "en",
        [
            ("language", "en", "senior"),
            ("language", "zh", "junior"),
            ("category", "livestream", "mid"),
        ],
    ),
    (
        "wang.qiang@kefu.example",
        "王强",
        "agent",
        ["after_sales"],
        "zh-CN",
        [("language", "zh", "mid"), ("category", "refund_return", "senior")],
    ),
    (
        "mod@kefu.example",
        "陈静 (Moderator)",
        "moderator",
        ["trust_safety"],
        "zh-CN",
        [
            ("language", "zh", "senior"),
            ("language", "en", "mid"),
            ("category", "content_report", "senior"),
        ],
    ),
    (
        "vip@kefu.example",
        "赵磊 (VIP manager)",
        "agent",
        ["vip_service"],
        "zh-CN",
        [("language", "zh", "senior"), ("language", "en", "senior")],
    ),
    (
        "dev@kefu.example",
        "Sam Lee (Engineering)",
        "agent",
        ["engineering"],
        "en",
        [("language", "en", "senior")],
    ),
]

# platform user id, name, locale, vip level
CONTACTS = [
    ("u1001", "小鱼儿", "zh-CN", 0),
    ("u1002", "张伟", "zh-CN", 0),
    ("u1003", "舞蹈博主-阿紫", "zh-CN", 3),
    ("u1004", "老王的厨房", "zh-CN", 0),
    ("u2001", "Jordan Miller", "en", 0),
    ("u2002", "Priya Nair", "en", 2),
    ("u2003", "Kevin O'Brien", "en", 0),
]

# requester, subject, body, type, category, priority, team, status, agent, reply
TICKETS = [
    (
        "u1001",
        "收不到验证码",
        "换了新手机以后登录一直收不到短信验证码，试了五六次了，怎么办？",
        "question",
        "account_login",
        "normal",
        "technical_support",
        "open",
        "li.na@kefu.example",
        "您好，请确认手机没有开启短信拦截，并在设置里检查运营商短信是否被屏蔽。我们也为您重置了发送频率限制，请十分钟后再试。",
    ),
    (
        "u1002",
        "视频一直在审核中",
        "昨天晚上发的视频到现在还显示审核中，别人都看不到，是不是被限流了？",
        "question",
        "video_upload",
        "normal",
        "technical_support",
        "pending",
        "li.na@kefu.example",
        "您好，视频审核通常在 2 小时内完成，高峰期可能更久。我们已帮您加急，请问视频里是否使用了未授权的音乐？",
    ),
    (
        "u1003",
        "直播卡顿严重，粉丝都走了",
        "今晚八点的直播一直卡，画面糊，观众一直在刷卡了卡了，我是签约主播，影响很大！",
        "incident",
        "livestream",
        "high",
        "vip_service",
        "open",
        "vip@kefu.example",
        "阿紫您好，我是您的专属客户经理赵磊。已联系直播技术团队排查您所在区域的推流节点，稍后给您回电。",
    ),
    (
        "u1004",
        "退款申请被拒",
        "买的锅收到就是坏的，申请退款被商家拒绝了，订单号 DD20261118007，必须给我个说法。",
        "complaint",
        "refund_return",
        "high",
        "after_sales",
        "on_hold",
        "wang.qiang@kefu.example",
        None,
    ),
    (
        "u1001",
        "账号被封了",
        "我的账号突然被封禁了，说我违规，可是我什么都没干啊，我要申诉！",
        "appeal",
        "account_banned",
        "normal",
        "trust_safety",
        "new",
        None,
        None,
    ),
    (
        "u1002",
        "有人冒充客服骗钱",
        "刚才有人加我微信说是平台客服，说我开通了会员要扣费，让我下载会议软件共享屏幕……这是真的吗？",
        "question",
        "fraud_report",
        "urgent",
        "trust_safety",
        "open",
        "mod@kefu.example",
        "请立即停止操作！平台客服不会要求您共享屏幕、转账或提供验证码。请不要向对方转账，如已转账请立即报警并联系银行。",
    ),
    (
        "u1003",
        "我的舞蹈视频被盗用",
        "我原创的舞蹈视频被一个账号直接搬运了，还挂了商品链接，链接和截图都在附件里。",
        "infringement",
        "infringement",
        "normal",
        "trust_safety",
        "new",
        None,
        None,
    ),
    (
        "u2001",
        "Can't log in after update",
        "after updating the app to 32.1 it says 'session expired' every time I "
        "open it. already reinstalled twice, pls help",
        "incident",
        "app_bug",
        "normal",
        "technical_support",
        "solved",
        "emma@kefu.example",
        "Thanks Jordan, this was a known issue in 32.1 and 32.1.1 fixes it. Please update and let us know.",
    ),
    (
        "u2002",
        "Withdrawal stuck for a week",
        "My creator earnings withdrawal of $420 has shown 'processing' "
        "for 7 days. Usually it takes 2. Could you check?",
        "question",
        "payment_earnings",
        "high",
        "vip_service",
        "open",
        "vip@kefu.example",
        "Hi Priya, I'm your account manager. I've asked Payments to trace the transfer and will update you today.",
    ),
    (
        "u2003",
        "Report: harassment in comments",
        "Someone keeps posting hateful comments on every one of my videos "
        "from new accounts. Please do something.",
        "content_report",
        "content_report",
        "high",
        "trust_safety",
        "open",
        "mod@kefu.example",
        None,
    ),
    (
        "u2001",
        "Feature idea: schedule live streams",
        "It would be great to schedule a live stream in advance so followers get a reminder.",
        "suggestion",
        "suggestion",
        "low",
        None,
        "new",
        None,
        None,
    ),
    (
        "u2003",
        "Refund for coins bought by mistake",
        "I bought 600 coins by accident, tapped the wrong button. Can I get a refund?",
        "after_sales",
        "payment_earnings",
        "normal",
        "after_sales",
        "solved",
        "wang.qiang@kefu.example",
        "Hi Kevin, accidental top-ups within 24 hours can be refunded once. We've refunded your 600 coins.",
    ),
]

# Shop orders the platform has reported, for the bot's refund check:
# order_no, user, title, amount in cents, refund status, days until the refund is expected
ORDERS = [
    ("SO20261101001", "u1001", "蓝牙耳机 降噪版", 29900, "approved", 3),
    ("SO20261105017", "u1001", "手机壳 透明款", 3900, "requested", None),
    ("SO20261109230", "u2001", "Running shoes, size 43", 45900, "refunded", None),
    ("SO20261112045", "u2001", "Phone tripod", 8900, "none", None),
]

# Macros: name zh, name en, text zh, text en, status, priority, tags
MACROS = [
    (
        "请提供截图",
        "Ask for a screenshot",
        "{{requester.name}}，您好！我是客服{{agent.name}}。为了尽快定位问题，请回复一张报错页面的截图，"
        "并告诉我们您的 App 版本和手机型号。工单号：{{ticket.number}}。",
        "Hi {{requester.name}}, this is {{agent.name}}. To find the cause quickly, please reply "
        "with a screenshot of the error and tell us your app version and phone model. "
        "Ticket {{ticket.number}}.",
        "pending",
        None,
        ["waiting_on_user"],
    ),
    (
        "已解决并致谢",
        "Solved, with thanks",
        "{{requester.name}}，您好！关于“{{ticket.subject}}”的问题已经处理完毕。如仍有疑问，直接回复即可，"
        "我们会继续为您处理。感谢您对{{platform_name}}的支持！",
        "Hi {{requester.name}}, the issue “{{ticket.subject}}” has been resolved. If anything is "
        "still wrong, just reply and we will pick it up again. Thank you for using "
        "{{platform_name}}!",
        "solved",
        None,
        [],
    ),
    (
        "退款处理说明",
        "How refunds are handled",
        "{{requester.name}}，您好！您的退款申请已提交给商家，商家需在 48 小时内处理；超时未处理的，平台会介入。"
        "退款将原路返回，通常 1-7 个工作日到账。客服热线：{{hotline}}（{{service_hours}}）。",
        "Hi {{requester.name}}, your refund request has gone to the seller, who has 48 hours to "
        "act; after that the platform steps in. Refunds go back to the original payment method, "
        "usually within 1-7 working days. Hotline: {{hotline}} ({{service_hours}}).",
        None,
        None,
        ["refund_explained"],
    ),
    (
        "防诈骗提醒",
        "Scam warning",
        "{{requester.name}}，请注意：{{platform_name}}官方客服绝不会索要验证码、银行卡密码，也不会要求您共享屏幕"
        "或转账到“安全账户”。如已转账，请立即报警并联系银行。官方联系方式请以 {{website}} 为准。",
        "{{requester.name}}, please note: {{platform_name}} staff never ask for verification "
        "codes or card passwords, never ask you to share your screen, and never ask you to move "
        "money to a “safe account”. If you have paid, call the police and your bank now. Our "
        "only official contacts are listed at {{website}}.",
        None,
        "high",
        ["scam_warning_sent"],
    ),
]

# Saved views of the queue: owner, name, filters (as GET /api/v1/tickets reads them), shared team
UNSOLVED = ["new", "open", "pending", "on_hold"]
SAVED_VIEWS = [
    (
        "lead@kefu.example",
        "紧急与高优先级 Urgent & high",
        {"status": UNSOLVED, "priority": ["urgent", "high"]},
        "technical_support",
    ),
    ("lead@kefu.example", "等待用户回复 Pending", {"status": ["pending"]}, None),
    (
        "li.na@kefu.example",
        "直播问题",
        {"status": UNSOLVED, "category": "livestream"},
        None,
    ),
    (
        "emma@kefu.example",
        "English tickets",
        {"status": UNSOLVED, "locale": "en"},
        "technical_support",
    ),
]
