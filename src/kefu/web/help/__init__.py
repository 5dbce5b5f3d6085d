"""The help centre: pages for end users (articles and search, contact channels, chat)."""

from __future__ import annotations

from fastapi import APIRouter

from kefu.web.help import articles, chat

router = APIRouter(include_in_schema=False)
router.include_router(articles.router)
router.include_router(chat.router)
