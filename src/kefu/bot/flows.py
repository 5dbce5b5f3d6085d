"""Guided flows that act instead of talking: look up my tickets or my refunds, file a content
report, start a ban appeal, reset my password step by step.

A flow is a small state machine: ``start`` asks the first question, ``advance`` reads the
answer (typed or a chosen option) and asks the next, until it is done or needs a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from kefu.auth.actors import ContactActor
from kefu.bot import replies
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.i18n import Locale, Text, pick
from kefu.platform.orders import refunds_of
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.tickets.models import Channel, TicketType
from kefu.tickets.queries import recent_tickets_of
from kefu.tickets.status import public_status
from kefu.trust.outcomes import TARGET_NAMES
from kefu.trust.reasons import REPORT_REASONS
from kefu.trust.service import NewReport, file_report
from kefu.trust.targets import parse_target

Option = dict[str, str]
MAX_NOTE = 2000
MIN_STATEMENT = 10


@dataclass
class FlowContext:
    db: Session
    contact: Contact
    settings: Settings
    locale: Locale

    def say(self, value: Text, **params: Any) -> str:
        return pick(value, self.locale).format(platform_name=self.settings.platform_name, **params)

    def option(self, key: str, label: Text) -> Option:
        return {"id": key, "label": pick(label, self.locale)}


@dataclass
class Step:
    reply: str
    options: list[Option] = field(default_factory=list)
    state: dict[str, Any] | None = None  # None: the flow is over
    handoff: bool = False
    solved: bool = False  # the user said it worked


class Flow(Protocol):
    def start(self, ctx: FlowContext) -> Step: ...

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step: ...


class TicketStatus:
    def start(self, ctx: FlowContext) -> Step:
        tickets = recent_tickets_of(ctx.db, ctx.contact)
        if not tickets:
            return Step(ctx.say(replies.TICKETS_NONE), [ctx.option("human", replies.OPTION_HUMAN)])
        lines = [ctx.say(replies.TICKETS_LIST)]
        for ticket in tickets:
            status = public_status(ticket.status)
            lines.append(
                ctx.say(
                    replies.TICKET_LINE,
                    number=ticket.number,
                    subject=ticket.subject,
                    status=ctx.say(replies.STATUS_NAME.get(status, replies.STATUS_NAME["open"])),
                    updated=f"{ticket.updated_at:%Y-%m-%d}",
                )
            )
        return Step("\n".join(lines), [ctx.option("human", replies.OPTION_HUMAN)])

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step:
        return self.start(ctx)


class RefundStatus:
    def start(self, ctx: FlowContext) -> Step:
        if not ctx.contact.platform_user_id:
            return Step(
                ctx.say(replies.REFUNDS_SIGN_IN), [ctx.option("human", replies.OPTION_HUMAN)]
            )
        orders = refunds_of(ctx.db, ctx.contact.platform_user_id)
        if not orders:
            return Step(ctx.say(replies.REFUNDS_NONE), [ctx.option("human", replies.OPTION_HUMAN)])
        lines = [ctx.say(replies.REFUNDS_LIST)]
        for order in orders:
            expected = ""
            if order.refund_expected_at and order.refund_status == "approved":
                expected = ctx.say(
                    replies.REFUND_EXPECTED, date=f"{order.refund_expected_at:%Y-%m-%d}"
                )
            lines.append(
                ctx.say(
                    replies.REFUND_LINE,
                    order_no=order.order_no,
                    title=order.title,
                    amount=f"{order.amount_cents / 100:.2f} {order.currency}",
                    status=ctx.say(replies.REFUND_STATUS[order.refund_status]),
                    expected=expected,
                )
            )
        return Step("\n".join(lines), [ctx.option("human", replies.OPTION_HUMAN)])

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step:
        return self.start(ctx)


def _reason_options(ctx: FlowContext) -> list[Option]:
    return [ctx.option(f"reason:{r.key}", r.name) for r in REPORT_REASONS]


def _kind_options(ctx: FlowContext) -> list[Option]:
    return [ctx.option(f"kind:{kind}", name) for kind, name in TARGET_NAMES.items()]


class ReportContent:
    """Files through kefu.trust, like the app's report button: reports of one target gather on
    one case, and the reporter follows the outcome under My reports."""

    def start(self, ctx: FlowContext) -> Step:
        return Step(
            ctx.say(replies.REPORT_TARGET),
            [ctx.option("cancel", replies.OPTION_CANCEL)],
            {"step": "target"},
        )

    def _ask_reason(self, ctx: FlowContext, kind: str, target: str) -> Step:
        return Step(
            ctx.say(replies.REPORT_REASON),
            _reason_options(ctx),
            {"step": "reason", "kind": kind, "target": target},
        )

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step:
        step = state.get("step")
        if step == "target":
            if not text or not text.strip():
                return self.start(ctx)
            parsed = parse_target(text)
            if parsed is None:
                return Step(
                    ctx.say(replies.REPORT_TARGET_UNREADABLE),
                    [ctx.option("cancel", replies.OPTION_CANCEL)],
                    state,
                )
            kind, target = parsed
            if kind is None:
                return Step(
                    ctx.say(replies.REPORT_KIND),
                    _kind_options(ctx),
                    {"step": "kind", "target": target},
                )
            return self._ask_reason(ctx, kind, target)
        if step == "kind":
            chosen = (option or "").removeprefix("kind:")
            if chosen not in TARGET_NAMES:
                return Step(ctx.say(replies.REPORT_KIND), _kind_options(ctx), state)
            return self._ask_reason(ctx, chosen, state["target"])
        if step == "reason":
            reason = (option or "").removeprefix("reason:")
            if reason not in {r.key for r in REPORT_REASONS}:
                return Step(ctx.say(replies.REPORT_REASON), _reason_options(ctx), state)
            return Step(
                ctx.say(replies.REPORT_NOTE),
                [ctx.option("skip", replies.OPTION_SKIP)],
                {**state, "step": "note", "reason": reason},
            )
        note = "" if option == "skip" else (text or "").strip()[:MAX_NOTE]
        filed = file_report(
            ctx.db,
            ContactActor(ctx.contact),
            ctx.contact,
            NewReport(
                target_type=state["kind"],
                target_id=state["target"],
                reason=state["reason"],
                note=note,
                channel=Channel.chat,
                locale=ctx.locale,
            ),
        )
        done = replies.REPORT_DONE if filed.created else replies.REPORT_ALREADY
        return Step(ctx.say(done, report=filed.report.id))


class BanAppeal:
    def start(self, ctx: FlowContext) -> Step:
        options = [ctx.option(f"kind:{key}", name) for key, name in replies.APPEAL_KINDS.items()]
        return Step(ctx.say(replies.APPEAL_KIND), options, {"step": "kind"})

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step:
        if state.get("step") == "kind":
            kind = (option or "").removeprefix("kind:")
            if kind not in replies.APPEAL_KINDS:
                return self.start(ctx)
            return Step(ctx.say(replies.APPEAL_STATEMENT), [], {"step": "statement", "kind": kind})
        statement = (text or "").strip()
        if len(statement) < MIN_STATEMENT:
            return Step(ctx.say(replies.APPEAL_TOO_SHORT), [], state)
        kind_name = pick(replies.APPEAL_KINDS[state["kind"]], "en")
        ticket = create_ticket(
            ctx.db,
            ContactActor(ctx.contact),
            ctx.contact,
            NewTicket(
                subject=f"Appeal: {kind_name}",
                body=statement,
                type=TicketType.appeal,
                category="account_banned",
                channel=Channel.chat,
                locale=ctx.locale,
                tags=["appeal", f"appeal:{state['kind']}"],
            ),
        )
        return Step(ctx.say(replies.APPEAL_DONE, number=ticket.number))


class ResetPassword:
    def start(self, ctx: FlowContext) -> Step:
        return Step(
            ctx.say(replies.RESET_PHONE),
            [
                ctx.option("phone:yes", replies.OPTION_PHONE_YES),
                ctx.option("phone:no", replies.OPTION_PHONE_NO),
            ],
            {"step": "phone"},
        )

    def advance(
        self, ctx: FlowContext, state: dict[str, Any], text: str | None, option: str | None
    ) -> Step:
        if state.get("step") == "phone":
            if option not in ("phone:yes", "phone:no"):
                return self.start(ctx)
            guide = (
                replies.RESET_WITH_PHONE if option == "phone:yes" else replies.RESET_WITHOUT_PHONE
            )
            return Step(
                f"{ctx.say(guide)}\n\n{ctx.say(replies.RESET_WORKED)}",
                [ctx.option("yes", replies.OPTION_YES), ctx.option("no", replies.OPTION_NO)],
                {"step": "worked"},
            )
        if option == "yes":
            return Step(ctx.say(replies.GLAD), solved=True)
        if option == "no":
            return Step("", handoff=True)
        return Step(
            ctx.say(replies.RESET_WORKED),
            [ctx.option("yes", replies.OPTION_YES), ctx.option("no", replies.OPTION_NO)],
            state,
        )


FLOWS: dict[str, Flow] = {
    "ticket_status": TicketStatus(),
    "refund_status": RefundStatus(),
    "report_content": ReportContent(),
    "ban_appeal": BanAppeal(),
    "reset_password": ResetPassword(),
}
