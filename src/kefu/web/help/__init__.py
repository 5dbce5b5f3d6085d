"""The help centre: pages for end users (articles and search, contact channels, chat, feedback,
my tickets, content reports, appeals, and checking whether a contact is official)."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.help import appeal, articles, chat, feedback, reports, tickets, verify

router = APIRouter(include_in_schema=False)
for page in (articles, chat, feedback, tickets, reports, appeal, verify):
    router.include_router(page.router)
