from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kefu.auth.identity import PlatformUserClaims
from kefu.auth.secrets import CONTACT_SESSION_PREFIX, new_token, token_hash
from kefu.contacts.models import Contact, ContactSession
from kefu.kit.clock import utcnow
from kefu.kit.i18n import normalize_locale


def find_platform_contact(db: Session, platform_user_id: str) -> Contact | None:
    return db.scalar(select(Contact).where(Contact.platform_user_id == platform_user_id))


def in_step(contact: Contact, claims: PlatformUserClaims) -> bool:
    """Whether the stored contact already says what the platform's claims say."""
    locale = normalize_locale(claims.locale)
    return (
        (claims.name is None or contact.name == claims.name)
        and (locale is None or contact.locale == locale)
        and (claims.vip_level is None or contact.vip_level == claims.vip_level)
    )


def upsert_platform_contact(db: Session, claims: PlatformUserClaims) -> Contact:
    """The contact for a platform user, created on first sight and kept in step with the claims."""
    contact = find_platform_contact(db, claims.platform_user_id)
    if contact is None:
        contact = Contact(platform_user_id=claims.platform_user_id, name="", vip_level=0)
        try:
            with db.begin_nested():
                db.add(contact)
        except IntegrityError:  # a concurrent first request created it
            contact = db.scalars(
                select(Contact).where(Contact.platform_user_id == claims.platform_user_id)
            ).one()
    if claims.name is not None and contact.name != claims.name:
        contact.name = claims.name
    locale = normalize_locale(claims.locale)
    if locale and contact.locale != locale:
        contact.locale = locale
    if claims.vip_level is not None and contact.vip_level != claims.vip_level:
        contact.vip_level = claims.vip_level
    db.flush()
    return contact


def create_anonymous(db: Session, *, days: int, locale: str | None) -> tuple[str, Contact]:
    contact = Contact(is_anonymous=True, name="", locale=normalize_locale(locale) or "zh-CN")
    db.add(contact)
    db.flush()
    token = new_token(CONTACT_SESSION_PREFIX)
    now = utcnow()
    db.add(
        ContactSession(
            token_hash=token_hash(token),
            contact_id=contact.id,
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
    )
    db.flush()
    return token, contact


def contact_for_session(db: Session, token: str) -> Contact | None:
    session = db.scalar(
        select(ContactSession).where(ContactSession.token_hash == token_hash(token))
    )
    if session is None or session.expires_at <= utcnow():
        return None
    return db.get(Contact, session.contact_id)


def contact_for_phone(db: Session, number: str, *, locale: str | None = None) -> Contact:
    """The latest contact known by this phone number, or a new one for a first-time caller."""
    contact = db.scalar(
        select(Contact).where(Contact.phone == number).order_by(Contact.id.desc()).limit(1)
    )
    if contact is None:
        contact = Contact(name="", phone=number, locale=normalize_locale(locale) or "zh-CN")
        db.add(contact)
        db.flush()
    return contact


def contact_by_email(db: Session, address: str, *, name: str, locale: str) -> Contact:
    """The contact who writes from ``address`` (compared in lower case), created on first mail.
    When several contacts share the address, the oldest is used."""
    address = address.strip().lower()
    contact = db.scalar(
        select(Contact).where(Contact.email == address).order_by(Contact.id).limit(1)
    )
    if contact is None:
        contact = Contact(email=address, name=name[:120], locale=locale)
        db.add(contact)
        db.flush()
    elif not contact.name and name:
        contact.name = name[:120]
        db.flush()
    return contact
