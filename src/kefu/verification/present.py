"""A verdict as readers see it: one sentence in their language (the API and the page share it)."""

from __future__ import annotations

from kefu.kit.i18n import Locale, pick
from kefu.verification import texts
from kefu.verification.schemas import VerifyOut
from kefu.verification.service import Reason, Verdict

REPORT_URL = "/help/feedback?category=scam"


def message(verdict: Verdict, locale: Locale) -> str:
    if verdict.official:
        template = texts.OFFICIAL_AGENT if verdict.agent_name else texts.OFFICIAL
    else:
        template = {
            Reason.lookalike: texts.LOOKALIKE,
            Reason.inactive: texts.INACTIVE,
        }.get(verdict.reason, texts.NOT_OFFICIAL)
    channel = pick(verdict.channel, locale) if verdict.channel else ""
    return pick(template, locale).format(
        value=verdict.value, channel=channel, name=verdict.agent_name or ""
    )


def verdict_out(verdict: Verdict, locale: Locale) -> VerifyOut:
    return VerifyOut(
        kind=verdict.kind.value,
        value=verdict.value,
        official=verdict.official,
        reason=verdict.reason.value,
        channel=pick(verdict.channel, locale) if verdict.channel else None,
        agent_name=verdict.agent_name,
        message=message(verdict, locale),
        report_url=REPORT_URL,
    )
