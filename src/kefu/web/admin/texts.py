"""The words of the admin pages, in both languages."""

from __future__ import annotations

from kefu.kit.i18n import text

# the sub-navigation
ADMIN = text("Administration", "系统管理")
SUBNAV_LABEL = text("Administration sections", "管理分区")
NAV_OVERVIEW = text("Overview", "概览")
NAV_STAFF = text("Staff", "员工")
NAV_TEAMS = text("Teams", "团队")
NAV_CATEGORIES = text("Categories", "分类")
NAV_MACROS = text("Macros", "快捷回复")
NAV_KB = text("Knowledge base", "知识库")
NAV_TOKENS = text("API tokens", "API 令牌")

# shared words
SAVE = text("Save", "保存")
SAVING = text("Saving…", "正在保存…")
CANCEL = text("Cancel", "取消")
EDIT = text("Edit", "编辑")
CREATE = text("Create", "创建")
DONE = text("Done", "完成")
REMOVE = text("Remove", "移除")
ACTIVE = text("Active", "启用")
INACTIVE = text("Deactivated", "已停用")
NEVER = text("Never", "从未")
NONE = text("None", "无")
ALL = text("All", "全部")
FILTER = text("Filter", "筛选")
MORE = text("Next page", "下一页")
NAME = text("Name", "姓名")
EMAIL = text("E-mail", "邮箱")
ROLE = text("Role", "角色")
TEAMS = text("Teams", "团队")
SKILLS = text("Skills", "技能")
LOCALE = text("Interface language", "界面语言")
STATUS = text("Status", "状态")
LAST_SIGN_IN = text("Last sign-in", "最近登录")
CREATED = text("Created", "创建时间")
ACTIONS = text("Actions", "操作")
LANGUAGE_ZH = text("Chinese (zh-CN)", "中文 (zh-CN)")
LANGUAGE_EN = text("English (en)", "英文 (en)")
TIMES_IN_UTC = text("Times are in UTC.", "时间均为 UTC。")
SAVED = text("Saved.", "已保存。")
COPY = text("Copy", "复制")
COPIED = text("Copied.", "已复制。")

ROLES = {
    "agent": text("Agent", "客服"),
    "moderator": text("Moderator", "审核员"),
    "supervisor": text("Supervisor", "主管"),
    "admin": text("Administrator", "管理员"),
}
TEAM_KINDS = {
    "support": text("Support queue", "客服队列"),
    "department": text("Department (escalations)", "部门（升级处理）"),
}
SKILL_KINDS = {
    "language": text("Language", "语言"),
    "category": text("Category", "分类"),
}
SKILL_LEVELS = {
    "junior": text("Junior", "初级"),
    "mid": text("Intermediate", "中级"),
    "senior": text("Senior", "高级"),
}

# overview
OVERVIEW_TITLE = text("Administration", "系统管理")
OVERVIEW_INTRO = text(
    "People, teams, the knowledge base and the platform's access, in one place.",
    "在这里管理员工、团队、知识库和平台接入。",
)
ACTIVE_STAFF = text("Active staff", "在职员工")
DEACTIVATED_STAFF = text("{count} deactivated", "{count} 人已停用")
TEAM_COUNT = text("Teams", "团队")
TEAM_BREAKDOWN = text(
    "{support} support queues, {department} departments",
    "{support} 个客服队列，{department} 个部门",
)
ARTICLES = text("Articles", "文章")
ARTICLE_BREAKDOWN = text(
    "{published} published, {draft} drafts, {archived} archived",
    "已发布 {published}，草稿 {draft}，已归档 {archived}",
)
TOKEN_COUNT = text("API tokens in use", "使用中的 API 令牌")
UNSOLVED_TICKETS = text("Unsolved tickets", "未解决工单")
NEEDS_TRIAGE = text("{count} wait for a category", "{count} 张待人工分类")
MANAGE = text("Manage", "管理")

# staff
STAFF_TITLE = text("Staff", "员工")
STAFF_INTRO = text(
    "Staff are never deleted: deactivating someone signs them out everywhere and keeps their "
    "tickets and history.",
    "员工账号不会被删除：停用后立即在所有设备上退出登录，其工单与记录保留。",
)
ADD_STAFF = text("Add a staff member", "添加员工")
PASSWORD = text("First password", "初始密码")
PASSWORD_HINT = text(
    "At least 8 characters. Leave empty and kefu generates one, shown once.",
    "至少 8 个字符。留空则由系统生成，仅显示一次。",
)
CREATED_STAFF = text("{name} can now sign in.", "{name} 现在可以登录了。")
GENERATED_PASSWORD = text(
    "Their first password (shown only now; hand it over safely):",
    "其初始密码（仅显示这一次，请安全地交给对方）：",
)
SET_SKILLS = text("Set skills and more", "设置技能等信息")
NO_STAFF = text("No staff yet.", "还没有员工。")
STAFF_TABLE = text("Everyone who works in the desk", "所有工作台成员")

# one staff member
EDIT_STAFF = text("Edit {name}", "编辑 {name}")
BACK_TO_STAFF = text("All staff", "全部员工")
PROFILE = text("Profile and access", "资料与权限")
SKILLS_INTRO = text(
    "Routing offers tickets to people who speak the ticket's language and know its category.",
    "路由会把工单分配给会该语言、熟悉该分类的员工。",
)
SKILL_KIND = text("Kind", "类型")
SKILL_VALUE = text("Skill", "技能")
SKILL_LEVEL = text("Level", "水平")
ADD_LANGUAGE = text("Add a language", "添加语言")
ADD_CATEGORY = text("Add a category", "添加分类")
NO_SKILLS = text("No skills yet.", "尚未设置技能。")
SAVE_SKILLS = text("Save skills", "保存技能")
SKILLS_SAVED = text("Skills saved.", "技能已保存。")
ACCOUNT = text("Account", "账号")
DEACTIVATE = text("Deactivate", "停用")
REACTIVATE = text("Reactivate", "重新启用")
DEACTIVATE_HINT = text(
    "Deactivating signs {name} out everywhere at once; tickets and history stay.",
    "停用后 {name} 会立即在所有设备上退出登录；工单与记录保留。",
)
REACTIVATE_HINT = text("{name} is deactivated and cannot sign in.", "{name} 已停用，无法登录。")
CONFIRM_DEACTIVATE = text(
    "Deactivate {name} and sign them out now?", "确定停用 {name} 并立即让其退出登录？"
)
DEACTIVATED = text("Deactivated; their sessions have ended.", "已停用，其所有会话已结束。")
REACTIVATED = text("Reactivated; they can sign in again.", "已重新启用，对方可以再次登录。")
YOURSELF = text(
    "This is you: you cannot remove your own admin role or deactivate yourself.",
    "这是您本人：不能取消自己的管理员角色或停用自己。",
)

# teams
TEAMS_TITLE = text("Teams", "团队")
TEAMS_INTRO = text(
    "Support queues take tickets; departments receive escalations as child tickets. A team's "
    "slug is fixed once created, because code and integrations name teams by it.",
    "客服队列接收工单；部门以子工单形式接收升级。团队标识创建后不可更改，因为代码和集成通过它引用团队。",
)
SLUG = text("Slug", "标识")
SLUG_HINT = text(
    "Lower-case letters, digits and _, starting with a letter.", "小写字母、数字和 _，以字母开头。"
)
NAME_EN = text("Name in English", "英文名称")
NAME_ZH = text("Name in Chinese", "中文名称")
KIND = text("Kind", "类型")
MEMBERS = text("Active members", "在职成员")
ADD_TEAM = text("Add a team", "添加团队")
EDIT_TEAM = text("Edit team {slug}", "编辑团队 {slug}")
TEAM_CREATED = text("Team created.", "团队已创建。")

# categories
CATEGORIES_TITLE = text("Categories", "分类")
CATEGORIES_INTRO = text(
    "The triage taxonomy is fixed in code: the shipped classifier was trained on these 15 "
    "categories, so adding or renaming one needs new training data and a new model, not a "
    "setting. This page is read-only.",
    "分诊分类体系写在代码中：随附的分类模型基于这 15 个分类训练，增加或改名需要新的训练数据和模型，"
    "而不是一个设置项。本页只读。",
)
CATEGORY = text("Category", "分类")
KEY = text("Key", "键")
DESCRIPTION = text("Description", "说明")
OPEN_TICKETS = text("Unsolved tickets", "未解决工单")
PUBLISHED_ARTICLES = text("Published articles", "已发布文章")
FEEDBACK_TITLE = text("Feedback form choices", "反馈表单选项")
FEEDBACK_INTRO = text(
    'What the Help & Feedback form asks "what is it about?" (GET /api/v1/feedback/categories), '
    "and where each answer lands. Also fixed in code (channels/webform/categories.py).",
    "帮助与反馈表单中“问题类型”的选项（GET /api/v1/feedback/categories）及其去向。"
    "同样写在代码中（channels/webform/categories.py）。",
)
TICKET_TYPE = text("Ticket type", "工单类型")
TRIAGE_CATEGORY = text("Triage category", "分诊分类")
TRIAGE_DECIDES = text("decided by triage from the text", "由分诊根据内容判断")

# knowledge base
KB_TITLE = text("Knowledge base", "知识库")
KB_INTRO = text(
    "Articles are one per language; translations share the slug. Drafts and archived articles "
    "are never shown to users or the bot.",
    "每种语言一篇文章，译文共用同一标识。草稿和已归档文章不会展示给用户或机器人。",
)
NEW_ARTICLE = text("New article", "新建文章")
SEARCH_ARTICLES = text("Title or slug", "标题或标识")
ARTICLE_TITLE = text("Title", "标题")
ARTICLE_LOCALE = text("Language", "语言")
VISIBILITY = text("Visibility", "可见范围")
VERSION = text("Version", "版本")
UPDATED = text("Updated", "更新时间")
NO_ARTICLES = text("No articles match.", "没有符合条件的文章。")
ARTICLE_LIST = text("Articles", "文章列表")
ARTICLE_STATUSES = {
    "draft": text("Draft", "草稿"),
    "published": text("Published", "已发布"),
    "archived": text("Archived", "已归档"),
}
VISIBILITIES = {
    "public": text("Public", "公开"),
    "agent_only": text("Agents only", "仅客服"),
}
NO_CATEGORY = text("No category", "无分类")

# one article
EDIT_ARTICLE = text("Edit article", "编辑文章")
BACK_TO_KB = text("All articles", "全部文章")
BODY = text("Body (markdown)", "正文（Markdown）")
BODY_HINT = text(
    "## headings split the article into the passages search and the bot answer with. "
    "Placeholders such as {{{{hotline}}}} are filled in when shown.",
    "## 标题会把文章切分为搜索和机器人回答所用的段落。{{{{hotline}}}} 等占位符在展示时填入。",
)
PREVIEW = text("Preview", "预览")
PREVIEW_EMPTY = text("The preview appears as you type.", "输入内容后这里会显示预览。")
TAGS = text("Tags", "标签")
TAGS_HINT = text("Separated by commas.", "用逗号分隔。")
QUESTIONS = text("Questions users ask", "用户常问的问题")
QUESTIONS_HINT = text(
    "One per line; the bot learns to recognise the article from them.",
    "每行一个；机器人据此学习识别这篇文章。",
)
SAVE_DRAFT = text("Save", "保存")
PUBLISH = text("Publish", "发布")
UNPUBLISH = text("Unpublish", "取消发布")
ARCHIVE = text("Archive", "归档")
PUBLISHED = text(
    "Published: readers and the bot see it now.", "已发布：用户和机器人现在可以看到它。"
)
UNPUBLISHED = text("Back to draft: hidden from readers.", "已改回草稿：用户看不到了。")
ARCHIVED = text("Archived.", "已归档。")
SAVED_VERSION = text("Saved as version {version}.", "已保存为版本 {version}。")
ARTICLE_CREATED = text("Article created.", "文章已创建。")
TRANSLATION = text("Translation", "译文")
EDIT_TRANSLATION = text("Edit the {language} version", "编辑{language}版本")
CREATE_TRANSLATION = text("Write the {language} version", "撰写{language}版本")
LANGUAGE_NAMES = {"zh-CN": text("Chinese", "中文"), "en": text("English", "英文")}
VIEW_IN_HELP = text("View in the help centre", "在帮助中心查看")
REVISIONS = text("Revision history", "修订历史")
REVISION_LINE = text(
    "Version {version} · {when} · {who} · {status}", "版本 {version} · {when} · {who} · {status}"
)
SYSTEM_EDITOR = text("import", "导入")
NO_REVISIONS = text("No revisions yet.", "暂无修订。")
LOAD_REVISION = text("Load this version into the editor", "把此版本载入编辑器")
REVISION_LOADED = text(
    "Version {version} is in the editor; save to make it current.",
    "版本 {version} 已载入编辑器，保存后生效。",
)

# API tokens
TOKENS_TITLE = text("API tokens", "API 令牌")
TOKENS_INTRO = text(
    "The platform's backend calls kefu with these tokens. Only a hash is stored: a token is "
    "shown once, when it is created. Revoking stops it at once.",
    "平台后端使用这些令牌调用 kefu。系统只保存其哈希值：令牌仅在创建时显示一次。吊销后立即失效。",
)
TOKEN_NAME = text("Name", "名称")
TOKEN_NAME_HINT = text('What uses it, e.g. "shop backend".', "用途，例如“商城后端”。")
SCOPES = text("Scopes", "权限范围")
SCOPE_NAMES = {
    "tickets:write": text("Create tickets", "创建工单"),
    "tickets:read": text("Read tickets", "读取工单"),
    "orders:write": text("Push shop orders", "推送商城订单"),
    "reports:write": text("File content reports", "提交内容举报"),
}
PREFIX = text("Begins with", "开头")
CREATED_BY = text("Created by", "创建人")
LAST_USED = text("Last used", "最近使用")
REVOKE = text("Revoke", "吊销")
REVOKED = text("Revoked", "已吊销")
CONFIRM_REVOKE = text(
    "Revoke {name}? Calls with it fail from now on.", "确定吊销 {name}？之后使用它的调用都会失败。"
)
TOKEN_REVOKED = text("Token revoked.", "令牌已吊销。")
NEW_TOKEN = text("Create a token", "创建令牌")
TOKEN_SHOWN_ONCE = text(
    "Copy the token now; kefu cannot show it again:", "请立即复制令牌，之后无法再次查看："
)
NO_TOKENS = text("No tokens yet.", "还没有令牌。")
PICK_A_SCOPE = text("Choose at least one scope.", "请至少选择一个权限范围。")
