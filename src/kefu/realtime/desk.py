"""The agents' live feed: ``/api/v1/desk/ws`` tells each signed-in agent, as it happens, of
new tickets, new messages and typing on the tickets they may see, so the console updates
without a reload. Events carry ids; the console reads the ticket through the API."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from sqlalchemy import select
from sqlalchemy.orm import Session

from kefu.auth.actors import StaffActor
from kefu.auth.deps import SESSION_COOKIE, InvalidToken
from kefu.auth.service import staff_actor_for_session
from kefu.bot.models import BotConversation
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.kit.errors import KefuError, Unauthorized
from kefu.kit.events import subscribe
from kefu.kit.i18n import Locale, negotiate
from kefu.kit.notify import notify
from kefu.kit.types import Id
from kefu.realtime.bus import LocalBus
from kefu.realtime.sockets import (
    as_kefu_error,
    error_frame,
    first_frame,
    in_thread,
    parse,
    receive_text,
    send_frame,
    serve_link,
)
from kefu.tickets import queries
from kefu.tickets.events import (
    MessageReceived,
    ReplySent,
    StatusChanged,
    TicketAssigned,
    TicketEdited,
)
from kefu.tickets.models import Ticket

DESK_TOPIC = "desk"
router = APIRouter()
log = logging.getLogger(__name__)


def _message_received(db: Session, event: MessageReceived) -> None:
    kind = "ticket.created" if event.first else "ticket.message"
    notify(db, DESK_TOPIC, {"event": kind, "ticket_id": event.ticket_id})


def _reply_sent(db: Session, event: ReplySent) -> None:
    notify(db, DESK_TOPIC, {"event": "ticket.reply", "ticket_id": event.ticket_id})


def _ticket_changed(db: Session, event: StatusChanged | TicketAssigned | TicketEdited) -> None:
    notify(db, DESK_TOPIC, {"event": "ticket.updated", "ticket_id": event.ticket_id})


def install() -> None:
    subscribe(MessageReceived, "desk.message_received", _message_received)
    subscribe(ReplySent, "desk.reply_sent", _reply_sent)
    subscribe(StatusChanged, "desk.status_changed", _ticket_changed)
    subscribe(TicketAssigned, "desk.ticket_assigned", _ticket_changed)
    subscribe(TicketEdited, "desk.ticket_edited", _ticket_changed)


class DeskHello(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["hello"]
    token: str | None = Field(None, min_length=1, max_length=4096)


class AgentTyping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["typing"]
    ticket_number: Id


class Ping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["ping"]


HELLO: TypeAdapter[DeskHello] = TypeAdapter(DeskHello)
AGENT_FRAME: TypeAdapter[AgentTyping | Ping] = TypeAdapter(
    Annotated[AgentTyping | Ping, Field(discriminator="type")]
)


def _same_origin(websocket: WebSocket) -> bool:
    """A cookie rides along with any page's WebSocket: only our own pages may use it."""
    origin = websocket.headers.get("origin")
    host = websocket.headers.get("host", "")
    return origin is not None and urlsplit(origin).netloc == host


@router.websocket("/api/v1/desk/ws")
async def desk_socket(websocket: WebSocket) -> None:
    await serve_link(websocket, DeskLink(websocket))


class DeskLink:
    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.database: Database = websocket.app.state.db
        self.settings: Settings = websocket.app.state.settings
        self.bus: LocalBus = websocket.app.state.bus
        self.locale: Locale = negotiate(websocket.headers.get("accept-language"))

    async def run(self) -> None:
        raw = await first_frame(self.websocket)
        if raw is None:
            return
        self.token = await in_thread(self._sign_in, parse(raw, HELLO))
        async with self.bus.subscribe(DESK_TOPIC) as subscription:
            await send_frame(self.websocket, {"type": "ready"})
            listener = asyncio.create_task(self._listen(subscription))
            try:
                await self._read_agent()
            finally:
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener

    def _sign_in(self, hello: DeskHello) -> str:
        """The staff session this socket lives on; it is checked again for every event, so
        signing out or being deactivated ends the feed."""
        token = hello.token
        if token is None:
            token = self.websocket.cookies.get(SESSION_COOKIE)
            if not token or not _same_origin(self.websocket):
                raise Unauthorized()
        self._actor_of(token)
        return token

    def _actor_of(self, token: str, db: Session | None = None) -> StaffActor:
        if db is None:
            with self.database.transaction(write=False) as session:
                return self._actor_of(token, session)
        actor = staff_actor_for_session(db, token)
        if actor is None:
            raise InvalidToken()
        return actor

    def _actor(self, db: Session) -> StaffActor:
        return self._actor_of(self.token, db)

    def _visible(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """The event as this agent may see it, or None when the ticket is not theirs to see."""
        with self.database.transaction(write=False) as db:
            ticket_id = event.get("ticket_id")
            if ticket_id is None and "conversation_id" in event:
                ticket_id = db.scalar(
                    select(BotConversation.ticket_id).where(
                        BotConversation.id == event["conversation_id"]
                    )
                )
            ticket = db.get(Ticket, ticket_id) if isinstance(ticket_id, int) else None
            if ticket is None or not queries.staff_can_see(db, self._actor(db), ticket):
                return None
            return {
                "type": "event",
                "event": event.get("event"),
                "ticket_number": ticket.number,
                "status": ticket.status,
                "channel": ticket.channel,
                "team_id": ticket.team_id,
                "assignee_id": ticket.assignee_id,
                "subject": ticket.subject,
                "updated_at": ticket.updated_at.isoformat(),
            }

    async def _listen(self, subscription: Any) -> None:
        while True:
            _, event = await subscription.get()
            try:
                frame = await in_thread(self._visible, event)
            except KefuError:
                await self.websocket.close(code=4401)  # signed out or deactivated meanwhile
                return
            except Exception:  # the database is busy or away: this event is skipped
                log.exception("desk feed: could not check an event")
                continue
            if frame is not None:
                await send_frame(self.websocket, frame)

    async def _read_agent(self) -> None:
        while True:
            try:
                frame = parse(await receive_text(self.websocket), AGENT_FRAME)
                if isinstance(frame, Ping):
                    await send_frame(self.websocket, {"type": "pong"})
                else:
                    await in_thread(self._agent_typing, frame.ticket_number)
            except WebSocketDisconnect:
                raise
            except Exception as exc:
                if not isinstance(exc, KefuError):
                    log.exception("desk feed: a frame failed")
                await send_frame(self.websocket, error_frame(as_kefu_error(exc), self.locale))

    def _agent_typing(self, number: int) -> None:
        """Show the user of a chat that an agent who may see its ticket is typing."""
        from kefu.channels.chat.service import topic_of

        with self.database.transaction(write=False) as db:
            ticket = queries.ticket_for_staff(db, self._actor(db), number)
            conversation_id = db.scalar(
                select(BotConversation.id)
                .where(BotConversation.ticket_id == ticket.id)
                .order_by(BotConversation.id.desc())
                .limit(1)
            )
        if conversation_id is not None:
            self.bus.publish(topic_of(conversation_id), {"typing": "agent"})
