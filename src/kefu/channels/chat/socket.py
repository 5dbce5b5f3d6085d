"""The chat WebSocket: ``/api/v1/chat/ws``.

The client says hello (its token, the chat to resume, the last ``seq`` it saw), then gets every
message after that ``seq`` and, from then on, each new one once. A message it sends is stored
(and answered by the bot, or passed to the ticket) before the ``ack`` comes back; until then the
client keeps it and sends it again after a reconnect with the same ``client_id``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from kefu.auth.actors import ContactActor
from kefu.auth.deps import actor_for_token
from kefu.auth.errors import EndUserOnly
from kefu.bot.models import BotConversation
from kefu.channels.chat.errors import ChatNotFound
from kefu.channels.chat.present import messages_out, state_out
from kefu.channels.chat.protocol import CLIENT_FRAME, HELLO, Hello, Say
from kefu.channels.chat.service import Outgoing, chat_of, messages_after, open_chat, send, topic_of
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.errors import KefuError
from kefu.kit.i18n import Locale, as_locale, negotiate
from kefu.realtime.bus import LocalBus, Subscription
from kefu.realtime.desk import DESK_TOPIC
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

router = APIRouter()
log = logging.getLogger(__name__)
TYPING_EVERY = 2.0  # seconds between typing signals passed on


@dataclass
class Opened:
    conversation_id: int
    contact_id: int
    state: dict[str, Any]


@router.websocket("/api/v1/chat/ws")
async def chat_socket(websocket: WebSocket) -> None:
    await serve_link(websocket, ChatLink(websocket))


class ChatLink:
    """One user's socket on one chat."""

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.database: Database = websocket.app.state.db
        self.settings: Settings = websocket.app.state.settings
        self.bus: LocalBus = websocket.app.state.bus
        self.locale: Locale = negotiate(websocket.headers.get("accept-language"))
        self.lock = asyncio.Lock()  # one sender at a time, so seqs go out in order
        self.last_sent = 0
        self.state: dict[str, Any] = {}
        self.typing_at = 0.0

    async def run(self) -> None:
        raw = await first_frame(self.websocket)
        if raw is None:
            return
        hello = parse(raw, HELLO)
        if hello.locale:
            self.locale = hello.locale
        opened = await in_thread(self._open, hello)
        self.conversation_id, self.contact_id = opened.conversation_id, opened.contact_id
        self.locale = as_locale(opened.state["locale"])
        last = opened.state["last_seq"]
        reset = hello.after > last  # the client remembers more than there is: start over
        self.last_sent = 0 if reset else hello.after
        async with self.bus.subscribe(topic_of(self.conversation_id)) as subscription:
            self.state = opened.state
            await send_frame(self.websocket, {"type": "ready", "reset": reset, **opened.state})
            await self.deliver()
            await self._serve(subscription)

    async def _serve(self, subscription: Subscription) -> None:
        tasks = {
            asyncio.create_task(self._read_client()),
            asyncio.create_task(self._listen(subscription)),
        }
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect):
                await task
        for task in done:
            task.result()  # a disconnect ends the link; anything else is logged by the server

    def _open(self, hello: Hello) -> Opened:
        with self.database.transaction() as db:
            actor = actor_for_token(db, self.settings, hello.token)
            if not isinstance(actor, ContactActor):
                raise EndUserOnly()
            contact = actor.contact
            if hello.conversation_id is not None:
                conversation = chat_of(db, contact, hello.conversation_id)
                if conversation is None:
                    raise ChatNotFound()
            else:
                locale = hello.locale or as_locale(contact.locale)
                conversation = open_chat(db, contact, locale, self.settings)
            return Opened(conversation.id, contact.id, state_out(db, conversation))

    async def deliver(self) -> None:
        """Send everything after the last message sent, and the chat's state if it changed."""
        async with self.lock:
            while True:
                batch, state = await in_thread(self._read_after, self.last_sent)
                for frame in batch:
                    await send_frame(self.websocket, {"type": "message", **frame})
                    self.last_sent = frame["seq"]
                if state != self.state:
                    self.state = state
                    await send_frame(self.websocket, {"type": "state", **state})
                if len(batch) < 100:
                    return

    def _read_after(self, after: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        with self.database.transaction(write=False) as db:
            conversation = db.get(BotConversation, self.conversation_id)  # theirs: see _open
            if conversation is None:
                raise ChatNotFound()
            messages = messages_after(db, self.conversation_id, after, limit=100)
            return messages_out(db, messages), state_out(db, conversation)

    async def _listen(self, subscription: Subscription) -> None:
        while True:
            _, payload = await subscription.get()
            if "typing" in payload:
                await send_frame(self.websocket, {"type": "typing", "sender": payload["typing"]})
            else:
                await self.deliver()

    async def _read_client(self) -> None:
        while True:
            client_id = None
            try:
                frame = parse(await receive_text(self.websocket), CLIENT_FRAME)
                if isinstance(frame, Say):
                    client_id = frame.client_id
                    await self._say(frame)
                elif frame.type == "ping":
                    await send_frame(self.websocket, {"type": "pong"})
                    await self.deliver()  # catches up on a poke the bus may have lost
                else:
                    await self._typing()
            except WebSocketDisconnect:
                raise
            except Exception as exc:
                error = as_kefu_error(exc)
                if not isinstance(exc, KefuError):
                    log.exception("chat %s: a frame failed", self.conversation_id)
                await send_frame(
                    self.websocket, error_frame(error, self.locale, client_id=client_id)
                )

    async def _say(self, frame: Say) -> None:
        seq = await in_thread(self._store, frame)
        # Stored and committed: only now is the client told it may forget the message.
        await send_frame(self.websocket, {"type": "ack", "client_id": frame.client_id, "seq": seq})
        if self.last_sent < seq:  # the commit's poke usually has delivered it already
            await self.deliver()

    def _store(self, frame: Say) -> int:
        with self.database.transaction() as db:
            contact = db.get(Contact, self.contact_id)
            conversation = (
                chat_of(db, contact, self.conversation_id, for_update=True) if contact else None
            )
            if contact is None or conversation is None:
                raise ChatNotFound()
            outgoing = Outgoing(frame.client_id, frame.text, frame.option, frame.attachment_ids)
            return send(db, conversation, contact, self.settings, outgoing).message.seq

    async def _typing(self) -> None:
        """Tell the agents' consoles the user is typing (at most every few seconds)."""
        now = time.monotonic()
        if self.state.get("status") != "handed_off" or now - self.typing_at < TYPING_EVERY:
            return
        self.typing_at = now
        event = {"event": "typing", "conversation_id": self.conversation_id}
        await in_thread(self.bus.publish, DESK_TOPIC, event)
