"""Filing content reports and deciding the cases they gather onto.

Every way of reporting (the app's "..." button, the bot's report flow, the platform's API) files
through ``file_report``, so reports of one target always meet on one case: one
``content_report`` ticket in the trust & safety queue, created by the first report. Later reports
are added to it as internal notes, so the first reporter (the ticket's requester) never sees the
others. Each reporter follows the outcome through their own report row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kefu.auth.actors import Actor, ApiActor, StaffActor
from kefu.auth.models import Role, Team
from kefu.contacts.models import Contact
from kefu.kit.clock import utcnow
from kefu.kit.i18n import as_locale, pick
from kefu.tickets.intake import NewTicket, add_message, create_ticket
from kefu.tickets.models import Channel, Message, MessageKind, Status, Ticket, TicketType
from kefu.tickets.workflow import reply_as_staff, update_ticket
from kefu.trust.errors import CaseDecided, CaseNotFound, ModeratorRequired
from kefu.trust.models import CaseStatus, ContentReport, ReportCase
from kefu.trust.outcomes import DECISION_NOTE, OUTCOME_NAMES, TARGET_NAMES
from kefu.trust.reasons import REPORT_REASONS

TRUST_TEAM = "trust_safety"
DECIDING_ROLES = frozenset({Role.moderator, Role.supervisor, Role.admin})
_REASON_NAMES = {reason.key: reason.name for reason in REPORT_REASONS}


@dataclass
class NewReport:
    target_type: str
    target_id: str
    reason: str
    note: str = ""
    attachment_ids: list[int] = field(default_factory=list)
    channel: str = Channel.report
    locale: str | None = None


@dataclass
class Filed:
    report: ContentReport
    case: ReportCase
    created: bool  # False: this person had already reported this target; nothing changed


def target_key(target_type: str, target_id: str) -> str:
    return f"{target_type}:{target_id}"


def _report_text(data: NewReport, locale: str) -> str:
    lang = as_locale(locale)
    target = f"{pick(TARGET_NAMES[data.target_type], lang)} {data.target_id}"
    reason = pick(_REASON_NAMES[data.reason], lang)
    return f"{target} · {reason}\n\n{data.note}".strip()


def _trust_team_id(db: Session) -> int | None:
    return db.scalar(select(Team.id).where(Team.slug == TRUST_TEAM))


def _lock_open_case(db: Session, key: str) -> ReportCase | None:
    return db.scalar(select(ReportCase).where(ReportCase.open_key == key).with_for_update())


def _open_case(db: Session, data: NewReport) -> tuple[ReportCase, bool]:
    """The target's open case, locked, or a new one; True when this call created it."""
    key = target_key(data.target_type, data.target_id)
    case = _lock_open_case(db, key)
    if case is not None:
        return case, False
    now = utcnow()
    case = ReportCase(
        target_type=data.target_type,
        target_id=data.target_id,
        open_key=key,
        status=CaseStatus.open,
        report_count=0,
        reasons=[],
        decision_note="",
        created_at=now,
        updated_at=now,
    )
    try:
        # The unique open_key serialises simultaneous first reports: the loser waits for the
        # winner's commit, fails here and joins the winner's case.
        with db.begin_nested():
            db.add(case)
    except IntegrityError:
        joined = _lock_open_case(db, key)
        assert joined is not None
        return joined, False
    return case, True


def file_report(db: Session, actor: Actor, reporter: Contact, data: NewReport) -> Filed:
    """File ``reporter``'s report of a target; ``actor`` is who sends it (the reporter, or the
    platform's backend on their behalf) and must own the evidence attachments."""
    case, created_case = _open_case(db, data)
    if not created_case:
        mine = db.scalar(
            select(ContentReport).where(
                ContentReport.case_id == case.id, ContentReport.reporter_id == reporter.id
            )
        )
        if mine is not None:
            return Filed(mine, case, created=False)
    locale = data.locale or reporter.locale
    body = _report_text(data, locale)
    if created_case:
        ticket = create_ticket(
            db,
            actor,
            reporter,
            NewTicket(
                subject=f"Report: {data.target_type} {data.target_id}"[:200],
                body=body,
                type=TicketType.content_report,
                category="content_report",
                channel=data.channel,
                locale=locale,
                tags=["report", f"reason:{data.reason}", f"target:{data.target_type}"],
                attachment_ids=data.attachment_ids,
            ),
            team_id=_trust_team_id(db),
        )
        case.ticket_id = ticket.id
        message_id = db.scalar(
            select(Message.id).where(Message.ticket_id == ticket.id).order_by(Message.id).limit(1)
        )
    else:
        existing = _case_ticket(db, case)
        message_id = None
        if existing is not None:
            message = add_message(
                db,
                existing,
                actor,
                body,
                kind=MessageKind.internal,
                channel=data.channel,
                on_behalf_of=reporter if isinstance(actor, ApiActor) else None,
                attachment_ids=data.attachment_ids,
            )
            message_id = message.id
    report = ContentReport(
        case_id=case.id,
        reporter_id=reporter.id,
        reason=data.reason,
        note=data.note,
        channel=data.channel,
        message_id=message_id,
        created_at=utcnow(),
    )
    db.add(report)
    case.report_count += 1
    if data.reason not in case.reasons:
        case.reasons = [*case.reasons, data.reason]
    case.updated_at = report.created_at
    db.flush()
    return Filed(report, case, created=True)


def _case_ticket(db: Session, case: ReportCase, *, for_update: bool = False) -> Ticket | None:
    if case.ticket_id is None:
        return None
    return db.get(
        Ticket,
        case.ticket_id,
        options=[selectinload(Ticket.tag_rows)],
        with_for_update=for_update,
    )


def may_decide(db: Session, actor: StaffActor) -> bool:
    if actor.user.role in DECIDING_ROLES:
        return True
    team_id = _trust_team_id(db)
    return team_id is not None and team_id in actor.team_ids


def require_moderator(db: Session, actor: StaffActor) -> None:
    if not may_decide(db, actor):
        raise ModeratorRequired()


def decide(db: Session, actor: StaffActor, case_id: int, outcome: str, note: str) -> ReportCase:
    """Close the case with a decision: it goes on the ticket's timeline (an internal note, the
    outcome tag, solved) and every reporter sees the outcome with their report."""
    require_moderator(db, actor)
    case = db.get(ReportCase, case_id, with_for_update=True)
    if case is None:
        raise CaseNotFound(id=case_id)
    if case.status == CaseStatus.decided:
        raise CaseDecided(id=case_id, outcome=case.outcome)
    now = utcnow()
    case.status = CaseStatus.decided
    case.outcome = outcome
    case.decision_note = note
    case.decided_by_staff_id = actor.user.id
    case.decided_at = now
    case.updated_at = now
    case.open_key = None  # a later report of the target opens a new case
    ticket = _case_ticket(db, case, for_update=True)
    if ticket is not None and ticket.status != Status.closed:
        locale = as_locale(ticket.locale)
        summary = pick(DECISION_NOTE, locale).format(
            case=case.id, outcome=pick(OUTCOME_NAMES[outcome], locale), count=case.report_count
        )
        reply_as_staff(
            db,
            ticket,
            actor,
            f"{summary}\n\n{note}".strip(),
            internal=True,
            attachment_ids=[],
        )
        update_ticket(
            db,
            ticket,
            actor,
            {"tags": [*ticket.tags, f"outcome:{outcome}"], "status": Status.solved},
            expected_version=None,
        )
    db.flush()
    return case
