"""The placeholders a macro may use, and filling them for one ticket.

Ticket and people placeholders are filled from the ticket; the site facts (``{{hotline}}``…)
are the same the help-centre articles use, so a rebrand changes macros too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kefu.config import Settings
from kefu.kit.i18n import Locale, pick, text
from kefu.knowledge.facts import site_facts

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
TICKET_PLACEHOLDERS = (
    "requester.name",
    "ticket.number",
    "ticket.subject",
    "agent.name",
)
SITE_PLACEHOLDERS = ("platform_name", "hotline", "support_email", "website", "service_hours")
KNOWN = (*TICKET_PLACEHOLDERS, *SITE_PLACEHOLDERS)
# What a requester without a name (anonymous) is called.
NAMELESS = text("there", "用户")


def unknown_in(*texts: str) -> list[str]:
    found = {m.group(1) for body in texts for m in PLACEHOLDER.finditer(body)}
    return sorted(found - set(KNOWN))


@dataclass(frozen=True)
class Context:
    requester_name: str
    ticket_number: int
    ticket_subject: str
    agent_name: str


def fill(body: str, context: Context, settings: Settings, locale: Locale) -> str:
    values = {
        "requester.name": context.requester_name.strip() or pick(NAMELESS, locale),
        "ticket.number": f"#{context.ticket_number}",
        "ticket.subject": context.ticket_subject,
        "agent.name": context.agent_name,
        **site_facts(settings, locale),
    }
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)
