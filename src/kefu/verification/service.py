"""The verdict: is this an official channel? Official channels come from the settings (the
hotline, the support and reply e-mail addresses, the website, and the lists of other official
numbers and domains) and, for agent codes, from the staff table."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from kefu.auth.codes import looks_like_code, staff_id_of
from kefu.auth.models import StaffUser
from kefu.config import Settings
from kefu.kit.i18n import Text
from kefu.verification import normalize, texts
from kefu.verification.errors import VerifyValueEmpty, VerifyValueInvalid


class Kind(StrEnum):
    phone = "phone"
    email = "email"
    url = "url"
    agent = "agent"


class Reason(StrEnum):
    listed = "listed"  # one of ours
    not_listed = "not_listed"  # not one of ours
    lookalike = "lookalike"  # not ours, and made to look like ours
    inactive = "inactive"  # an agent code of someone who no longer works here


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    value: str  # the input as compared, after normalising
    official: bool
    reason: Reason
    channel: Text | None = None  # which official channel it is
    agent_name: str | None = None


def official_phones(settings: Settings) -> dict[str, Text]:
    numbers: dict[str, Text] = {}
    for raw in settings.official_phones.split(","):
        number = normalize.phone(raw) if raw.strip() else None
        if number:
            numbers[number] = texts.CHANNEL_PHONE
    hotline = normalize.phone(settings.hotline)
    if hotline:
        numbers[hotline] = texts.CHANNEL_HOTLINE
    return numbers


def official_emails(settings: Settings) -> set[str]:
    found = (normalize.email(a) for a in (settings.support_email, settings.effective_email_from))
    return {pair[0] for pair in found if pair}


def official_domains(settings: Settings) -> set[str]:
    """The website's host, KEFU_OFFICIAL_DOMAINS, and an e-mail address's domain only where
    the website lives under it (support@kefu.example for help.kefu.example); each with its
    subdomains. A support address at a shared mail provider (qq.com, 163.com) must not make
    every page there look official."""
    website = normalize.url_host(settings.website)
    domains = {website}
    domains |= {normalize.host(d) for d in settings.official_domains.split(",") if d.strip()}
    for address in official_emails(settings):
        pair = normalize.email(address)
        if pair and website and (website == pair[1] or website.endswith("." + pair[1])):
            domains.add(pair[1])
    return {d for d in domains if d}


def _within(name: str, domains: set[str]) -> bool:
    return any(name == d or name.endswith("." + d) for d in domains)


def _brands(domains: set[str]) -> set[str]:
    """The names people recognise: "kefu" in help.kefu.example."""
    return {normalize.skeleton(d.split(".")[-2]) for d in domains if len(d.split(".")[-2]) >= 3}


def _imitates(name: str, domains: set[str]) -> bool:
    look = normalize.skeleton(name)
    return any(brand in look for brand in _brands(domains)) or any(
        look == normalize.skeleton(d) for d in domains
    )


def _required(kind: Kind, value: str) -> str:
    if not value.strip():
        raise VerifyValueEmpty(kind=texts.KIND_NAMES[kind])
    if len(value) > normalize.MAX_LENGTH or "\x00" in value:
        raise VerifyValueInvalid(kind=texts.KIND_NAMES[kind], hint=texts.TOO_LONG)
    return value


def _domain_verdict(kind: Kind, value: str, name: str, domains: set[str]) -> Verdict:
    if _within(name, domains):
        return Verdict(kind, value, True, Reason.listed, texts.CHANNEL_WEBSITE)
    reason = Reason.lookalike if _imitates(name, domains) else Reason.not_listed
    return Verdict(kind, value, False, reason)


def verify(db: Session, settings: Settings, kind: Kind, raw: str) -> Verdict:
    value = _required(kind, raw)
    invalid = VerifyValueInvalid(kind=texts.KIND_NAMES[kind], hint=texts.HINTS[kind])
    if kind is Kind.phone:
        number = normalize.phone(value)
        if number is None:
            raise invalid
        phones = official_phones(settings)
        if number in phones:
            return Verdict(kind, number, True, Reason.listed, phones[number])
        return Verdict(kind, number, False, Reason.not_listed)
    if kind is Kind.email:
        pair = normalize.email(value)
        if pair is None:
            raise invalid
        address, domain = pair
        if address in official_emails(settings):
            return Verdict(kind, address, True, Reason.listed, texts.CHANNEL_EMAIL)
        domains = official_domains(settings)
        # an unlisted mailbox at our own domain is still not a channel we write from
        imitation = not _within(domain, domains) and _imitates(domain, domains)
        reason = Reason.lookalike if imitation else Reason.not_listed
        return Verdict(kind, address, False, reason)
    if kind is Kind.url:
        name = normalize.url_host(value)
        if name is None:
            raise invalid
        return _domain_verdict(kind, name, name, official_domains(settings))
    code = normalize.agent(value)
    if not looks_like_code(code):
        raise invalid
    staff_id = staff_id_of(code)
    user = db.get(StaffUser, staff_id) if staff_id is not None else None
    if user is None:
        return Verdict(kind, code, False, Reason.not_listed)
    if not user.is_active:
        return Verdict(kind, code, False, Reason.inactive)
    return Verdict(kind, code, True, Reason.listed, texts.CHANNEL_AGENT, agent_name=user.name)
