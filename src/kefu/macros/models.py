from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kefu.kit.clock import utcnow
from kefu.kit.db import Base, UTCDateTime


class Macro(Base):
    """One canned reply in both languages; the ticket's language picks which text is used."""

    __tablename__ = "macros"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    body_zh: Mapped[str] = mapped_column(Text)
    body_en: Mapped[str] = mapped_column(Text)
    # What applying the macro also changes on the ticket; null / empty changes nothing.
    set_status: Mapped[str | None] = mapped_column(String(16))
    set_priority: Mapped[str | None] = mapped_column(String(16))
    add_tags: Mapped[str] = mapped_column(String(500), default="")  # space-separated
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def tags(self) -> list[str]:
        return self.add_tags.split() if self.add_tags else []
