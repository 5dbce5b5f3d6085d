"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from kefu.announcements.models import Announcement
from kefu.audit.models import AuditEntry
from kefu.auth.models import ApiToken, Skill, StaffSession, StaffUser, Team, TeamMembership
from kefu.bot.models import BotConversation, BotTurn
from kefu.channels.chat.models import ChatMessage
from kefu.channels.email.models import InboundMail, OutboundMail, QuarantinedMail
from kefu.channels.phone.models import PhoneCall
from kefu.channels.webform.models import FeedbackSubmission
from kefu.channels.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from kefu.contacts.models import Contact, ContactSession
from kefu.kit.db import Base
from kefu.knowledge.models import Article, ArticleRevision, ArticleVote, Passage
from kefu.macros.models import Macro
from kefu.platform.models import PlatformOrder
from kefu.tickets.models import (
    Attachment,
    Counter,
    IdempotencyKey,
    Message,
    Rating,
    SavedView,
    Ticket,
    TicketEvent,
    TicketSearch,
    TicketTag,
)
from kefu.triage.models import TriageModel, TriageRecord
from kefu.trust.models import ContentReport, ReportCase
from kefu.worker.models import Job

metadata = Base.metadata

__all__ = [
    "Announcement",
    "ApiToken",
    "Article",
    "ArticleRevision",
    "ArticleVote",
    "Attachment",
    "AuditEntry",
    "BotConversation",
    "BotTurn",
    "ChatMessage",
    "Contact",
    "ContactSession",
    "ContentReport",
    "Counter",
    "FeedbackSubmission",
    "IdempotencyKey",
    "InboundMail",
    "Job",
    "Macro",
    "Message",
    "OutboundMail",
    "Passage",
    "PhoneCall",
    "PlatformOrder",
    "QuarantinedMail",
    "Rating",
    "ReportCase",
    "SavedView",
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
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
    "metadata",
]
