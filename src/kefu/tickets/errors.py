from __future__ import annotations

from kefu.kit.errors import Conflict, Forbidden, Invalid, KefuError, NotFound


class TicketNotFound(NotFound):
    code = "ticket_not_found"
    en = "There is no ticket #{number} that you can see."
    zh = "没有您可查看的工单 #{number}。"


class TicketForbidden(Forbidden):
    code = "ticket_forbidden"
    en = "Ticket #{number} belongs to a team you are not in."
    zh = "工单 #{number} 属于您不在的团队。"


class InvalidTransition(Conflict):
    code = "invalid_transition"
    en = "A ticket cannot go from {old} to {new}."
    zh = "工单状态不能从 {old} 变为 {new}。"


class StaleVersion(Conflict):
    code = "version_conflict"
    en = "Ticket #{number} changed meanwhile (your version {sent}, now {current}); reload it."
    zh = "工单 #{number} 已被他人修改（您的版本 {sent}，当前版本 {current}），请刷新后再操作。"


class TicketClosed(Conflict):
    code = "ticket_closed"
    en = "Ticket #{number} is closed and cannot change any more."
    zh = "工单 #{number} 已关闭，不能再修改。"


class TooManyTags(Invalid):
    code = "too_many_tags"
    en = "A ticket can have at most {limit} tags; this change would give it {count}."
    zh = "每个工单最多 {limit} 个标签，此操作后将有 {count} 个。"


class NotRatable(Conflict):
    code = "not_ratable"
    en = "Only a solved or closed ticket can be rated."
    zh = "只有已解决或已关闭的工单才能评价。"


class MergeIntoItself(Conflict):
    code = "merge_into_itself"
    en = "A ticket cannot be merged into itself."
    zh = "工单不能合并到自身。"


class MergeSourceFinished(Conflict):
    code = "merge_source_finished"
    en = "Ticket #{number} is closed or already merged; only an unfinished ticket can be merged."
    zh = "工单 #{number} 已关闭或已被合并，只有未完结的工单才能合并。"


class MergeTargetFinished(Conflict):
    code = "merge_target_finished"
    en = "Ticket #{number} is closed or merged itself and cannot take in another ticket."
    zh = "工单 #{number} 已关闭或已被合并，不能再并入其他工单。"


class MergeOtherRequester(Conflict):
    code = "merge_other_requester"
    en = "Tickets #{source} and #{target} belong to different requesters and cannot be merged."
    zh = "工单 #{source} 和 #{target} 属于不同的用户，不能合并。"


class MergeChildTicket(Conflict):
    code = "merge_child_ticket"
    en = "Escalation tickets cannot be merged; work them in their department's queue."
    zh = "升级工单不能合并，请在相应部门的队列中处理。"


class MergeHasChildren(Conflict):
    code = "merge_has_children"
    en = "Ticket #{number} still waits on escalations; solve them before merging it."
    zh = "工单 #{number} 仍有未解决的升级工单，请先处理后再合并。"


class ChildTicketInternal(Conflict):
    code = "child_ticket_internal"
    en = "Escalation tickets are internal; reply to the requester on ticket #{parent}."
    zh = "升级工单仅供内部使用，请在工单 #{parent} 中回复用户。"


class EscalateFinished(Conflict):
    code = "escalate_finished"
    en = "Ticket #{number} is already solved or closed; reopen it before escalating."
    zh = "工单 #{number} 已解决或已关闭，请先重新打开再升级。"


class EscalateChild(Conflict):
    code = "escalate_child"
    en = "Ticket #{number} is itself an escalation; escalate its parent #{parent} instead."
    zh = "工单 #{number} 本身就是升级工单，请升级其父工单 #{parent}。"


class UnknownAssignee(Invalid):
    code = "unknown_assignee"
    en = "There is no active staff member with id {id}."
    zh = "不存在 id 为 {id} 的在职客服。"


class EmptySearch(Invalid):
    code = "empty_search"
    en = "The search text has no words to search for."
    zh = "搜索内容中没有可搜索的词。"


class AttachmentNotFound(NotFound):
    code = "attachment_not_found"
    en = "There is no attachment {id} that you can use."
    zh = "没有您可使用的附件 {id}。"


class AttachmentTooLarge(KefuError):
    status = 413
    code = "attachment_too_large"
    en = "The file is larger than the limit of {limit} bytes."
    zh = "文件超过大小上限 {limit} 字节。"


class AttachmentTypeNotAllowed(KefuError):
    status = 415
    code = "attachment_type_not_allowed"
    en = "Files of this kind are not accepted ({detected}); send an image, video, PDF or text."
    zh = "不接受此类文件（{detected}）；请上传图片、视频、PDF 或文本。"


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"
    en = "This Idempotency-Key was already used for a different request."
    zh = "该 Idempotency-Key 已用于另一个不同的请求。"


# ---- saved views (the agent console's queue) ---------------------------------------------------


class SavedViewNotFound(NotFound):
    code = "saved_view_not_found"
    en = "There is no saved view {id} that you can see."
    zh = "没有您可查看的已保存视图 {id}。"


class SavedViewNotYours(Forbidden):
    code = "saved_view_not_yours"
    en = "Only the owner of the view “{name}” can change it."
    zh = "只有视图“{name}”的创建者可以修改它。"


class SavedViewNameTaken(Conflict):
    code = "saved_view_name_taken"
    en = "You already have a view named “{name}”."
    zh = "您已有名为“{name}”的视图。"


class TooManySavedViews(Conflict):
    code = "too_many_saved_views"
    en = "You can keep at most {limit} saved views; delete one first."
    zh = "最多只能保存 {limit} 个视图，请先删除一个。"


class NotYourTeam(Forbidden):
    code = "not_your_team"
    en = "You can share a view only with a team you belong to."
    zh = "只能把视图共享给您所在的团队。"
