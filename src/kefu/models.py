"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from kefu.audit.models import AuditEntry
from kefu.auth.models import ApiToken, Skill, StaffSession, StaffUser, Team, TeamMembership
from kefu.bot.models import BotConversation, BotTurn
from kefu.contacts.models import Contact, ContactSession
from kefu.kit.db import Base
from kefu.knowledge.models import Article, ArticleRevision, ArticleVote, Passage
from kefu.platform.models import PlatformOrder
from kefu.tickets.models import (
    Attachment,
    Counter,
    IdempotencyKey,
    Message,
    Rating,
    Ticket,
    TicketEvent,
    TicketSearch,
    TicketTag,
)
from kefu.triage.models import TriageModel, TriageRecord

metadata = Base.metadata

__all__ = [
    "ApiToken",
    "Article",
    "ArticleRevision",
    "ArticleVote",
    "Attachment",
    "AuditEntry",
    "BotConversation",
    "BotTurn",
    "Contact",
    "ContactSession",
    "Counter",
    "IdempotencyKey",
    "Message",
    "Passage",
    "PlatformOrder",
    "Rating",
    "Skill",
    "StaffSession",
    "StaffUser",
    "Team",
    "TeamMembership",
    "Ticket",
    "TicketEvent",
    "TicketSearch",
    "TicketTag",
    "TriageModel",
    "TriageRecord",
    "metadata",
]
