"""Seeding the demo desk through the same services the API uses."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import ContactActor, StaffActor
from kefu.auth.identity import PlatformUserClaims
from kefu.auth.models import Role, StaffUser, Team
from kefu.auth.service import create_staff, team_ids_of
from kefu.contacts.models import Contact
from kefu.contacts.service import upsert_platform_contact
from kefu.demo.data import CONTACTS, DEMO_PASSWORD, MACROS, ORDERS, SAVED_VIEWS, STAFF, TICKETS
from kefu.demo.history import seed_history
from kefu.kit.clock import utcnow
from kefu.macros import service as macros
from kefu.platform.orders import OrderUpdate, record_order
from kefu.tickets import conversation, saved_views, workflow
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.tickets.models import Status
from kefu.tickets.view_schemas import SavedViewIn, ViewFilters


def is_seeded(db: Session) -> bool:
    return db.scalar(select(StaffUser.id).where(StaffUser.email == STAFF[0][0])) is not None


def seed_demo(db: Session) -> int:
    """Create the demo staff, contacts and tickets; returns the number of tickets made."""
    for email, name, role, team_slugs, locale, skills in STAFF:
        create_staff(
            db,
            email=email,
            name=name,
            password=DEMO_PASSWORD,
            role=Role(role),
            team_slugs=team_slugs,
            locale=locale,
            skills=skills,
        )
    contacts: dict[str, Contact] = {
        uid: upsert_platform_contact(db, PlatformUserClaims(uid, name, locale, vip))
        for uid, name, locale, vip in CONTACTS
    }
    for order_no, uid, title, cents, refund, days in ORDERS:
        expected = utcnow() + timedelta(days=days) if days else None
        record_order(db, OrderUpdate(order_no, uid, title, cents, "CNY", refund, "", expected))
    staff = {u.email: u for u in db.scalars(select(StaffUser))}
    teams = {t.slug: t for t in db.scalars(select(Team))}
    lead = _actor(db, staff["lead@kefu.example"])
    for name_zh, name_en, body_zh, body_en, status, priority, tags in MACROS:
        macros.create(
            db,
            lead,
            {
                "name_zh": name_zh,
                "name_en": name_en,
                "body_zh": body_zh,
                "body_en": body_en,
                "set_status": status,
                "set_priority": priority,
                "add_tags": tags,
            },
        )
    made = []
    for uid, subject, body, type_, category, priority, team, status, agent, reply in TICKETS:
        requester = ContactActor(contacts[uid])
        ticket = create_ticket(
            db,
            requester,
            requester.contact,
            NewTicket(subject=subject, body=body, type=type_, category=category, priority=priority),
        )
        changes: dict[str, object] = {"team_id": teams[team].id if team else None}
        if agent:
            changes["assignee_id"] = staff[agent].id
        workflow.update_ticket(db, ticket, lead, changes, expected_version=None)
        worker = _actor(db, staff[agent]) if agent else lead
        if reply:
            workflow.reply_as_staff(db, ticket, worker, reply, internal=False, attachment_ids=[])
        if status == Status.on_hold:
            workflow.escalate(
                db,
                ticket,
                worker,
                workflow.Escalation(
                    team_id=teams["payments"].id,
                    note="商家拒绝退款，但用户照片显示商品破损。请支付结算部门核实是否可以平台先行赔付。"
                    " / Seller refused the refund but the photos show damage; can the platform "
                    "compensate first?",
                ),
            )
        elif status != ticket.status:
            workflow.update_ticket(db, ticket, worker, {"status": status}, expected_version=None)
        made.append(ticket)
    # A solved ticket the requester rated, and an internal note on a live one.
    conversation.rate(db, made[7], ContactActor(contacts["u2001"]), 5, "Fixed after the update!")
    conversation.rate(db, made[11], ContactActor(contacts["u2003"]), 4, "")
    workflow.reply_as_staff(
        db,
        made[2],
        _actor(db, staff["vip@kefu.example"]),
        "已在工程群同步，推流节点 sh-07 负载过高。",
        internal=True,
        attachment_ids=[],
    )
    for owner, name, filters, team in SAVED_VIEWS:
        saved_views.create_saved_view(
            db,
            _actor(db, staff[owner]),
            SavedViewIn(
                name=name,
                filters=ViewFilters.model_validate(filters),
                team_id=teams[team].id if team else None,
            ),
        )
    db.flush()
    # a month of answered, solved and rated tickets and bot conversations for the dashboard
    past = seed_history(db, list(contacts.values()), staff, teams)
    return len(made) + past


def _actor(db: Session, user: StaffUser) -> StaffActor:
    return StaffActor(user=user, team_ids=team_ids_of(db, user.id))
