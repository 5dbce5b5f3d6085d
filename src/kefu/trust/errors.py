from __future__ import annotations

from kefu.kit.errors import Conflict, Forbidden, NotFound


class CaseNotFound(NotFound):
    code = "case_not_found"
    en = "There is no report case {id}."
    zh = "不存在举报案件 {id}。"


class CaseDecided(Conflict):
    code = "case_decided"
    en = "Report case {id} has already been decided ({outcome})."
    zh = "举报案件 {id} 已有处理结论（{outcome}）。"


class ModeratorRequired(Forbidden):
    code = "moderator_required"
    en = "Only moderators, supervisors and the trust & safety team can review report cases."
    zh = "只有审核员、主管和信任与安全团队可以处理举报案件。"


class ReportNotFound(NotFound):
    code = "report_not_found"
    en = "There is no report {id} of yours."
    zh = "没有您提交的举报 {id}。"
