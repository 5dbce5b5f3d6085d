"""The words of the supervisor dashboard, in both languages."""

from __future__ import annotations

from kefu.kit.i18n import text

TITLE = text("Supervisor dashboard", "主管数据看板")
FILTERS = text("Dashboard filters", "看板筛选")
PERIOD = text("Period", "时间范围")
PERIOD_TODAY = text("Today", "今天")
PERIOD_7D = text("Last 7 days", "最近 7 天")
PERIOD_30D = text("Last 30 days", "最近 30 天")
TEAM = text("Team", "团队")
ALL_TEAMS = text("All teams", "全部团队")
SHOW = text("Show", "查看")
UPDATED = text("Updated {time}", "更新于 {time}")
PERIOD_SPAN = text("{start} to {end} ({zone})", "{start} 至 {end}（{zone}）")

# Headline figures
UNSOLVED = text("Unsolved now", "当前未解决")
UNASSIGNED = text("Unassigned", "未分配")
NEEDS_TRIAGE = text("Needs triage", "待分诊")
BREACHED = text("SLA breached", "已超时")
AT_RISK = text("SLA at risk", "即将超时")
FRT_MEDIAN = text("First response (median)", "首次响应（中位数）")
RESOLUTION_MEDIAN = text("Resolution (median)", "解决用时（中位数）")
CSAT = text("CSAT", "满意度")
CONTAINMENT = text("Bot containment", "机器人自助解决率")
NO_DATA = text("no data yet", "暂无数据")
HEADLINES = text("Headline figures", "关键指标")

# Panels
QUEUE_BY_TEAM = text("Open tickets by team", "各团队未解决工单")
QUEUE_BY_TEAM_DESC = text(
    "Unsolved tickets right now per team, stacked by status.",
    "当前各团队的未解决工单，按状态堆叠。",
)
QUEUE_BY_CATEGORY = text("Open tickets by category", "各分类未解决工单")
QUEUE_BY_CATEGORY_DESC = text(
    "Unsolved tickets right now per category, stacked by priority.",
    "当前各分类的未解决工单，按优先级堆叠。",
)
FIRST_RESPONSE = text("First-response time", "首次响应时间")
FIRST_RESPONSE_DESC = text(
    "Wait from a ticket's creation to its first public reply, for first replies sent in the "
    "period: median and 90th percentile per {bucket}.",
    "本时段内发出的首次公开回复距工单创建的等待时间：每{bucket}的中位数和第 90 百分位。",
)
RESOLUTION = text("Resolution time", "解决用时")
RESOLUTION_DESC = text(
    "From creation to solved, for tickets solved in the period: median and 90th percentile "
    "per {bucket}.",
    "本时段内解决的工单从创建到解决的用时：每{bucket}的中位数和第 90 百分位。",
)
VOLUME = text("Tickets created and solved", "新建与解决工单数")
VOLUME_DESC = text("Tickets created and solved per {bucket}.", "每{bucket}新建和解决的工单数。")
SLA = text("First-response SLA (interim)", "首次响应 SLA（临时）")
SLA_DESC = text(
    "Interim targets until SLA policies arrive: urgent {urgent}, high {high}, normal {normal}, "
    "low {low}, around the clock. At risk: within 20 % of the target.",
    "SLA 策略上线前的临时目标：紧急 {urgent}，高 {high}，普通 {normal}，低 {low}，全天计时。"
    "即将超时：距目标不足 20%。",
)
SLA_MET = text("First replies within target per priority", "各优先级首次回复达标情况")
SLA_MET_DESC = text(
    "First replies sent in the period, within and past the target, per priority.",
    "本时段内的首次回复，按优先级统计达标与超时数量。",
)
SLA_MET_SHARE = text("{share} of first replies within target", "{share} 的首次回复达标")
BREACHED_LIST = text("Breached ({count})", "已超时（{count}）")
AT_RISK_LIST = text("At risk ({count})", "即将超时（{count}）")
NOTHING_WAITING = text("None", "无")
OVERDUE = text("{time} overdue", "已超时 {time}")
DUE_IN = text("due in {time}", "{time} 后到期")
AND_MORE = text("and {count} more", "另有 {count} 个")
SATISFACTION = text("Customer satisfaction", "客户满意度")
SATISFACTION_DESC = text(
    "Share of good ratings (4 or 5 of 5) among ratings given, per {bucket}.",
    "好评（5 分制中 4 或 5 分）占评价数的比例，按{bucket}统计。",
)
SCORES = text("Ratings by score", "评分分布")
SCORES_DESC = text("How many ratings of each score the period had.", "本时段各分值的评价数量。")
RATED = text("{good} good of {rated} ratings", "{rated} 个评价中 {good} 个好评")
BOT = text("Bot containment", "机器人自助解决")
BOT_DESC = text(
    "Share of settled bot conversations that ended without a person (resolved or left), per "
    "{bucket}. All teams: conversations come before routing.",
    "已结束的机器人会话中未转人工（已解决或用户离开）的比例，按{bucket}统计。"
    "不按团队筛选：会话发生在分派之前。",
)
BOT_BREAKDOWN = text(
    "{resolved} resolved, {abandoned} left, {handed_off} to a person, {active} still talking",
    "已解决 {resolved}，离开 {abandoned}，转人工 {handed_off}，进行中 {active}",
)
TRENDING = text("Trending categories", "上升最快的分类")
TRENDING_DESC = text(
    "New tickets per category in this period against the same span one period earlier; the "
    "biggest risers first.",
    "本时段各分类新工单数与上一时段同期对比，增幅最大的在前。",
)
NO_RISERS = text("No category rose.", "没有分类上升。")
PREVIOUS = text("Previous period", "上一时段")
CURRENT = text("This period", "本时段")
MEDIAN = text("Median", "中位数")
P90 = text("90th percentile", "第 90 百分位")
CREATED = text("Created", "新建")
SOLVED = text("Solved", "已解决")
CHANGE = text("Change", "变化")
TOTAL = text("Total", "合计")
COUNT = text("Count", "数量")
WITHIN = text("Within target", "达标")
PAST = text("Past target", "超时")
SCORE = text("Score {score}", "{score} 分")
HOUR = text("hour", "小时")
DAY = text("day", "天")
TIME_COLUMN = text("Time", "时间")
CATEGORY = text("Category", "分类")
TICKET = text("Ticket", "工单")
PRIORITY = text("Priority", "优先级")

STATUS = {
    "new": text("New", "新建"),
    "open": text("Open", "处理中"),
    "pending": text("Pending", "待回复"),
    "on_hold": text("On hold", "挂起"),
}
PRIORITY_NAMES = {
    "urgent": text("Urgent", "紧急"),
    "high": text("High", "高"),
    "normal": text("Normal", "普通"),
    "low": text("Low", "低"),
}

# Durations and shares
MINUTES = text("{n} min", "{n} 分钟")
HOURS = text("{n} h", "{n} 小时")
DAYS = text("{n} d", "{n} 天")
SECONDS = text("{n} s", "{n} 秒")

# For the page's script
LIVE = text("Live", "实时")
REFRESH_FAILED = text(
    "Could not refresh; the figures are from the last update.",
    "刷新失败，当前显示的是上次更新的数据。",
)
