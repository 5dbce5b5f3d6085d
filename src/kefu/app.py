"""The ASGI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from kefu import __version__
from kefu.analytics.endpoints import router as analytics_router
from kefu.announcements.endpoints import public_router as announcements_public_router
from kefu.announcements.endpoints import staff_router as announcements_staff_router
from kefu.auth.endpoints import router as auth_router
from kefu.bot.endpoints import staff_router as bot_staff_router
from kefu.bot.endpoints import user_router as bot_user_router
from kefu.bot.service import warm_up as warm_up_bot
from kefu.channels.chat.endpoints import router as chat_router
from kefu.channels.chat.socket import router as chat_socket
from kefu.channels.email.runtime import EmailChannel
from kefu.channels.phone.endpoints import router as phone_router
from kefu.channels.reports.endpoints import platform_router as platform_reports_router
from kefu.channels.reports.endpoints import reasons_router as report_reasons_router
from kefu.channels.reports.endpoints import user_router as my_reports_router
from kefu.channels.webform.endpoints import categories_router as feedback_categories_router
from kefu.channels.webform.endpoints import router as feedback_router
from kefu.channels.webhooks.endpoints import router as webhooks_router
from kefu.config import Settings, get_settings
from kefu.kit.db import Database
from kefu.kit.http import DbSession, install_error_handlers
from kefu.kit.storage import LocalBlobStore
from kefu.kit.timing import ServerTiming
from kefu.knowledge.endpoints import help_router, reader_router, staff_router
from kefu.macros.endpoints import router as macros_router
from kefu.platform.endpoints import router as orders_router
from kefu.realtime.desk import router as desk_socket
from kefu.tickets.endpoints.agent import router as agent_router
from kefu.tickets.endpoints.attachments import router as attachments_router
from kefu.tickets.endpoints.platform import router as platform_router
from kefu.tickets.endpoints.requester import router as requester_router
from kefu.tickets.endpoints.views import router as views_router
from kefu.triage.endpoints import router as triage_router
from kefu.triage.service import warm_up as warm_up_triage
from kefu.trust.endpoints import router as trust_router
from kefu.verification.endpoints import router as verify_router
from kefu.web import install_page_handlers
from kefu.web import router as web_pages
from kefu.web.rendering import STATIC
from kefu.wiring import connect_bus, install_listeners
from kefu.worker.runner import Worker

DESCRIPTION = """
kefu (客服) is one service desk for a consumer platform: a 7x24 bot and human agents,
complaints and reports, after-sales, appeals and more.

Errors always have the shape `{"error": {"code": "...", "message": "...", "details": ...}}`;
the message follows `Accept-Language` (zh-CN or en).

Authentication: staff sign in at `/api/v1/auth/login` (cookie with CSRF token, or bearer token);
the platform's backend uses an API token; end users send a token signed by the platform, or start
an anonymous session at `/api/v1/auth/anonymous`.
"""


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.check_secrets()
    db = database or Database(settings.effective_database_url, echo=settings.sql_echo)

    bus = connect_bus(db, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await bus.start()
        warm_up_triage()
        if settings.env != "test":  # tests train it once, on first use
            warm_up_bot(db, settings)
        worker = Worker(db) if settings.inline_worker else None
        if worker is not None:
            worker.start()
        email = EmailChannel(db, settings)  # SMTP listener and IMAP poller, when configured
        email.start()
        yield
        email.stop()
        if worker is not None:
            worker.stop()
        await bus.stop()
        if database is None:
            db.dispose()

    app = FastAPI(title="kefu", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.db = db
    app.state.bus = bus
    app.state.blob_store = LocalBlobStore(settings.attachments_dir)
    app.add_middleware(ServerTiming)
    install_error_handlers(app)
    install_page_handlers(app)
    install_listeners(settings)
    for router in (
        auth_router,
        agent_router,
        views_router,
        requester_router,
        platform_router,
        attachments_router,
        triage_router,
        help_router,
        reader_router,
        staff_router,
        bot_user_router,
        bot_staff_router,
        orders_router,
        feedback_categories_router,
        feedback_router,
        report_reasons_router,
        my_reports_router,
        platform_reports_router,
        trust_router,
        phone_router,
        webhooks_router,
        announcements_public_router,
        announcements_staff_router,
        macros_router,
        verify_router,
        analytics_router,
    ):
        app.include_router(router)

    app.include_router(chat_socket)
    app.include_router(chat_router)
    app.include_router(desk_socket)
    app.include_router(web_pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", tags=["operations"], summary="Liveness and database check")
    def healthz(session: DbSession) -> dict[str, str]:
        session.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    return app
