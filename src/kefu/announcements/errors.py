from __future__ import annotations

from kefu.kit.errors import Invalid, NotFound


class AnnouncementNotFound(NotFound):
    code = "announcement_not_found"
    en = "There is no such announcement."
    zh = "没有这条公告。"


class AnnouncementIncomplete(Invalid):
    code = "announcement_incomplete"
    en = (
        "A published announcement needs a title and a body in both Chinese and English; "
        "missing: {missing}."
    )
    zh = "发布的公告须同时有中文和英文的标题与正文；缺少：{missing}。"


class AnnouncementDates(Invalid):
    code = "announcement_dates"
    en = "The end time must be later than the start time."
    zh = "结束时间必须晚于开始时间。"
