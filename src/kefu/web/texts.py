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
