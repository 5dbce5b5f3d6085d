from __future__ import annotations

from kefu.kit.errors import Invalid, NotFound


class ContactNotFound(NotFound):
    code = "contact_not_found"
    en = "There is no contact {id}."
    zh = "不存在联系人 {id}。"


class CallStartsInFuture(Invalid):
    code = "call_in_future"
    en = "A call cannot start in the future ({started_at})."
    zh = "通话开始时间不能晚于现在（{started_at}）。"


class CallContactMismatch(Invalid):
    code = "call_contact_mismatch"
    en = "Contact {contact} is not the requester of ticket #{number}."
    zh = "联系人 {contact} 不是工单 #{number} 的提交人。"


class CallNeedsNotes(Invalid):
    code = "call_needs_notes"
    en = "Write what the call was about in notes to open a ticket from it."
    zh = "从通话创建工单时，请在备注中写明通话内容。"


class TicketForOutboundCall(Invalid):
    code = "ticket_for_outbound_call"
    en = "Only an inbound call opens a new ticket; log an outbound call on an existing one."
    zh = "只有来电可以新建工单；外呼请记录在已有工单上。"
