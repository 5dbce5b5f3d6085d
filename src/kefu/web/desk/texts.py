"""The words of the staff shell (sign-in, navigation), in both languages."""

from __future__ import annotations

from kefu.kit.i18n import text

DESK = text("Service desk", "客服工作台")
SIGN_IN = text("Sign in", "登录")
SIGN_IN_TITLE = text("Sign in to the service desk", "登录客服工作台")
EMAIL = text("E-mail", "邮箱")
PASSWORD = text("Password", "密码")
SIGNING_IN = text("Signing in…", "正在登录…")
SIGN_OUT = text("Sign out", "退出登录")
OTHER_LANGUAGE = text("中文", "English")
SWITCH_LANGUAGE = text("Switch the language to Chinese", "切换为英文界面")
NAV_LABEL = text("Main", "主导航")
NAV_CONSOLE = text("Tickets", "工单")
NAV_DASHBOARD = text("Dashboard", "数据看板")
NAV_ADMIN = text("Admin", "管理")
NAV_MACROS = text("Macros", "快捷回复")
SIGNED_IN_AS = text("Signed in as {name}", "当前用户：{name}")
FORBIDDEN_TITLE = text("Not allowed", "无权访问")
FORBIDDEN = text(
    "Your role does not allow this page. Ask an administrator if you need it.",
    "您的角色无权访问此页面。如需使用，请联系管理员。",
)
NOT_FOUND_TITLE = text("Not found", "未找到")
NOT_FOUND = text("This page does not exist, or you may not see it.", "该页面不存在，或您无权查看。")
NETWORK_ERROR = text(
    "The desk cannot be reached. Check the connection and try again.",
    "无法连接到服务器，请检查网络后重试。",
)
