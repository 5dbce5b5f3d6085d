"""Who listens to what, the same in every process that changes tickets (the web app, `kefu
worker`, the e-mail commands): the in-transaction event subscribers, and the real-time bus
that committed announcements go out on."""

from __future__ import annotations

from kefu.config import Settings
from kefu.kit.db import Database
from kefu.realtime.bus import LocalBus, bus_for


def install_listeners(settings: Settings) -> None:
    from kefu.channels.chat.service import install as install_chat
    from kefu.channels.email.outbound import install as install_email
    from kefu.channels.webhooks.service import install as install_webhooks
    from kefu.realtime.desk import install as install_desk
    from kefu.triage.service import install as install_triage

    install_triage(settings)  # every requester message is triaged
    install_chat()  # agents' replies reach the chat they answer
    install_desk()  # agents' consoles hear of new tickets and messages
    install_webhooks(settings)  # subscribers hear of ticket events
    install_email(settings)  # replies to e-mail tickets go out by e-mail


def connect_bus(database: Database, settings: Settings) -> LocalBus:
    """The process's bus; the database's sessions announce their commits on it."""
    bus = bus_for(settings.redis_url)
    database.publisher = bus.publish
    return bus
