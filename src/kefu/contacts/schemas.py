from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    platform_user_id: str | None
    is_anonymous: bool
    vip_level: int
    locale: str
