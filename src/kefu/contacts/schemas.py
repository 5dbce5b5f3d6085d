from __future__ import annotations

from pydantic import BaseModel

from kefu.contacts.models import Contact


class ContactOut(BaseModel):
    id: int
    name: str
    platform_user_id: str | None
    is_anonymous: bool
    vip_level: int
    locale: str

    @classmethod
    def of(cls, contact: Contact) -> ContactOut:
        return cls(
            id=contact.id,
            name=contact.name,
            platform_user_id=contact.platform_user_id,
            is_anonymous=contact.is_anonymous,
            vip_level=contact.vip_level,
            locale=contact.locale,
        )
