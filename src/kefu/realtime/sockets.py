"""WebSocket plumbing shared by the chat and the agents' live feed: frames in and out, errors
in the caller's language, sign-in by the first frame, and database work off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from anyio import to_thread
from fastapi import WebSocket, WebSocketDisconnect
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.exc import OperationalError

from kefu.auth.actors import Actor
from kefu.auth.deps import actor_for_token
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.kit.errors import DatabaseBusy, InternalError, Invalid, KefuError
from kefu.kit.i18n import Locale

T = TypeVar("T")
log = logging.getLogger(__name__)
Frame = dict[str, Any]
AUTH_TIMEOUT = 10.0  # seconds a new socket has to say who it is
MAX_FRAME = 64 * 1024  # characters; a chat message is at most 4,000
CLOSE_POLICY = 4401  # application close codes mirror HTTP statuses (4000 + status)


class BadFrame(Invalid):
    code = "bad_frame"
    en = "The message could not be read: {reason}"
    zh = "无法读取该消息：{reason}"


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run blocking database work in the worker threads, as FastAPI does for sync routes."""
    return await to_thread.run_sync(function, *args)


def parse(raw: str, shape: TypeAdapter[T]) -> T:
    if len(raw) > MAX_FRAME:
        raise BadFrame(reason=f"longer than {MAX_FRAME} characters")
    try:
        return shape.validate_python(json.loads(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise BadFrame(reason=f"{where}: {first.get('msg', '')}") from None
    except (ValueError, RecursionError):  # not JSON, or nested too deep to read
        raise BadFrame(reason="not JSON") from None


async def receive_text(websocket: WebSocket) -> str:
    """The next text frame; a binary frame is refused, a closed socket ends the caller."""
    message = await websocket.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    text = message.get("text")
    if text is None:
        raise BadFrame(reason="binary frames are not accepted; send JSON text")
    return str(text)


def error_frame(error: KefuError, locale: Locale, **extra: Any) -> Frame:
    """An error for the client; ``retry`` says whether sending the same again may succeed (the
    server was busy or failed) or not (the frame itself is wrong)."""
    return {"type": "error", **error.body(locale)["error"], "retry": error.status >= 500, **extra}


def as_kefu_error(exc: Exception) -> KefuError:
    """What to tell a client about an unexpected failure: a busy database is worth a retry."""
    if isinstance(exc, KefuError):
        return exc
    if isinstance(exc, OperationalError) and any(
        word in str(exc.orig) for word in ("locked", "could not serialize", "deadlock detected")
    ):
        return DatabaseBusy()
    return InternalError()


def authenticate(database: Database, settings: Settings, token: str) -> Actor:
    with database.transaction() as db:
        return actor_for_token(db, settings, token)


async def send_frame(websocket: WebSocket, frame: Frame) -> None:
    await websocket.send_text(json.dumps(frame, ensure_ascii=False, default=str))


async def close_with(websocket: WebSocket, exc: Exception, locale: Locale) -> None:
    """End a socket because of ``exc``: an error frame, then a close code that mirrors the
    HTTP status (4000 + status)."""
    error = as_kefu_error(exc)
    if not isinstance(exc, KefuError):
        log.error("socket closed by an unexpected error", exc_info=exc)
    with contextlib.suppress(Exception):  # it may be gone already
        await send_frame(websocket, error_frame(error, locale))
        await websocket.close(code=4000 + error.status)


class Link(Protocol):
    """One socket's conversation with the server."""

    locale: Locale

    async def run(self) -> None: ...


async def serve_link(websocket: WebSocket, link: Link) -> None:
    """Accept the socket and run the link until either side ends it; an unexpected failure
    ends it with an error frame and a close code, never silently."""
    await websocket.accept()
    with contextlib.suppress(WebSocketDisconnect):
        try:
            await link.run()
        except WebSocketDisconnect:
            raise
        except Exception as exc:
            await close_with(websocket, exc, link.locale)


async def first_frame(websocket: WebSocket) -> str | None:
    """The frame a new socket must open with, or None (and the socket closed) when it is late."""
    try:
        return await asyncio.wait_for(receive_text(websocket), AUTH_TIMEOUT)
    except TimeoutError:
        await websocket.close(code=4408)
        return None
