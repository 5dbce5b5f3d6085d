"""The bus fans committed announcements out to listeners, in one process or through Redis."""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest

from kefu.kit.db import Database
from kefu.kit.notify import notify
from kefu.realtime.bus import LocalBus, RedisBus

REDIS_URL = os.environ.get("KEFU_TEST_REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="KEFU_TEST_REDIS_URL is not set")


def test_only_committed_announcements_are_published(database: Database) -> None:
    heard: list[tuple[str, dict[str, object]]] = []
    database.publisher = lambda topic, payload: heard.append((topic, payload))
    with pytest.raises(RuntimeError), database.transaction() as db:
        notify(db, "chat:1", {"seq": 1})
        raise RuntimeError("rolled back")
    with database.transaction() as db:
        notify(db, "chat:1", {"seq": 2})
        with db.begin_nested() as savepoint:
            savepoint.rollback()  # a savepoint's rollback keeps the outer announcements
        with db.begin_nested():
            notify(db, "chat:1", {"seq": 3})
        assert heard == []  # nothing leaves before the commit, not even at a savepoint's end
    assert heard == [("chat:1", {"seq": 2}), ("chat:1", {"seq": 3})]


async def _hear(bus: LocalBus, publisher: LocalBus) -> None:
    await bus.start()
    if publisher is not bus:
        await publisher.start()
    try:
        async with bus.subscribe("chat:1") as subscription:
            subscription.add("desk")
            # publishing from another thread, as a request handler does
            await asyncio.to_thread(publisher.publish, "chat:2", {"seq": 9})
            await asyncio.to_thread(publisher.publish, "chat:1", {"seq": 1})
            await asyncio.to_thread(publisher.publish, "desk", {"ticket": 5})
            first = await asyncio.wait_for(subscription.get(), 5)
            second = await asyncio.wait_for(subscription.get(), 5)
            assert [first, second] == [("chat:1", {"seq": 1}), ("desk", {"ticket": 5})]
            subscription.discard("desk")
            await asyncio.to_thread(publisher.publish, "desk", {"ticket": 6})
            await asyncio.to_thread(publisher.publish, "chat:1", {"seq": 2})
            assert await asyncio.wait_for(subscription.get(), 5) == ("chat:1", {"seq": 2})
    finally:
        await bus.stop()
        if publisher is not bus:
            await publisher.stop()


def test_local_bus_delivers_to_subscribers_of_the_topic() -> None:
    bus = LocalBus()
    asyncio.run(_hear(bus, bus))


@needs_redis
def test_redis_bus_carries_events_between_processes() -> None:
    prefix = f"kefu-test-{uuid.uuid4().hex[:8]}:"
    # two buses stand for two web processes: one publishes, the other's listener hears it
    asyncio.run(_hear(RedisBus(REDIS_URL, prefix), RedisBus(REDIS_URL, prefix)))
