"""The real-time bus: in-process by default, Redis pub/sub when kefu runs as several processes.

Publishing is synchronous and thread-safe (services publish from worker threads, after their
commit; see kit/notify.py). Listening is asynchronous: a WebSocket handler opens a subscription
to a few topics and awaits what arrives. Messages are pokes that carry ids, so a listener that
misses one catches up from the database at the next; nothing on the bus is the only copy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections import defaultdict
from types import TracebackType
from typing import Any

from kefu.kit.notify import Payload

log = logging.getLogger(__name__)
QUEUE_LIMIT = 1000  # a subscriber this far behind drops pokes; it catches up from the database
PUBLISH_TIMEOUT = 1.0  # seconds
Event = tuple[str, Payload]


class Subscription:
    """What one listener hears: the events of its topics, in publishing order."""

    def __init__(self, bus: LocalBus, topics: set[str]) -> None:
        self._bus = bus
        self.topics = set(topics)
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[Event] = asyncio.Queue(QUEUE_LIMIT)

    async def __aenter__(self) -> Subscription:
        for topic in self.topics:
            self._bus._join(topic, self)
        return self

    async def __aexit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        for topic in list(self.topics):
            self._bus._leave(topic, self)

    def add(self, topic: str) -> None:
        if topic not in self.topics:
            self.topics.add(topic)
            self._bus._join(topic, self)

    def discard(self, topic: str) -> None:
        if topic in self.topics:
            self.topics.discard(topic)
            self._bus._leave(topic, self)

    async def get(self) -> Event:
        return await self.queue.get()

    def _offer(self, event: Event) -> None:
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            log.warning("subscriber fell behind; dropped a poke on %s", event[0])


class LocalBus:
    """Fan-out inside one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[Subscription]] = defaultdict(set)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    def subscribe(self, *topics: str) -> Subscription:
        return Subscription(self, set(topics))

    def publish(self, topic: str, payload: Payload) -> None:
        self.deliver(topic, payload)

    def resync(self) -> None:
        """Poke every listener, so each reads again what it may have missed."""
        with self._lock:
            topics = list(self._subscribers)
        for topic in topics:
            self.deliver(topic, {"resync": True})

    def deliver(self, topic: str, payload: Payload) -> None:
        with self._lock:
            listeners = list(self._subscribers.get(topic, ()))
        for subscription in listeners:
            with contextlib.suppress(RuntimeError):  # its loop has closed: it is going away
                subscription.loop.call_soon_threadsafe(subscription._offer, (topic, payload))

    def _join(self, topic: str, subscription: Subscription) -> None:
        with self._lock:
            self._subscribers[topic].add(subscription)

    def _leave(self, topic: str, subscription: Subscription) -> None:
        with self._lock:
            listeners = self._subscribers.get(topic)
            if listeners is not None:
                listeners.discard(subscription)
                if not listeners:
                    del self._subscribers[topic]


class RedisBus(LocalBus):
    """Every process publishes to Redis and hears every kefu topic back from it, then fans out
    to its own listeners. One connection listens per process, however many sockets it serves."""

    def __init__(self, url: str, prefix: str = "kefu:") -> None:
        super().__init__()
        import redis

        self.url, self.prefix = url, prefix
        # Publishing runs right after a commit, while the request still holds its database
        # connection: an unreachable Redis must cost a second, not hang every writer.
        self._publisher = redis.Redis.from_url(
            url, socket_timeout=PUBLISH_TIMEOUT, socket_connect_timeout=PUBLISH_TIMEOUT
        )
        self._task: asyncio.Task[None] | None = None
        self._ready: asyncio.Event | None = None

    async def start(self) -> None:
        self._ready = asyncio.Event()
        self._task = asyncio.create_task(self._listen())
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._publisher.close()

    def publish(self, topic: str, payload: Payload) -> None:
        message = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        self._publisher.publish(self.prefix + topic, message)

    async def _listen(self) -> None:
        import redis.asyncio as aioredis

        delay = 0.5
        while True:
            client = aioredis.Redis.from_url(self.url)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.psubscribe(self.prefix + "*")
                    assert self._ready is not None
                    if self._ready.is_set():  # back after a gap: whatever was said is lost
                        self.resync()
                    self._ready.set()
                    delay = 0.5
                    async for message in pubsub.listen():
                        self._relay(message)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("lost the Redis bus; reconnecting in %.1f s", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
            finally:
                await client.aclose()

    def _relay(self, message: dict[str, Any]) -> None:
        if message.get("type") != "pmessage":
            return
        channel = message["channel"]
        topic = (channel.decode() if isinstance(channel, bytes) else channel)[len(self.prefix) :]
        try:
            payload = json.loads(message["data"])
        except (ValueError, TypeError):
            log.warning("ignored a malformed message on %s", topic)
            return
        self.deliver(topic, payload)


Bus = LocalBus  # the interface; RedisBus is one


def bus_for(redis_url: str) -> LocalBus:
    return RedisBus(redis_url) if redis_url else LocalBus()
