"""Outbound webhooks: what subscribing costs the request, and how fast the worker delivers.

On a fresh SQLite database, creates ``--tickets`` tickets one transaction each, first with no
subscription, then with ``--subscriptions`` subscriptions to ``ticket.created`` (each event then
writes that many delivery rows and jobs inside the transaction). Then one worker thread
(``run_until_idle``) POSTs every delivery to a local HTTP receiver on 127.0.0.1 and the script
prints deliveries per second and the attempt durations the delivery log recorded.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kefu.auth.actors import SYSTEM
from kefu.channels.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from kefu.channels.webhooks.service import install
from kefu.config import Settings
from kefu.contacts.models import Contact
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.tickets.intake import NewTicket, create_ticket
from kefu.worker.runner import run_until_idle


class _Quiet(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def _create(database: Database, contact_id: int, count: int) -> list[float]:
    times = []
    for n in range(count):
        started = time.perf_counter()
        with database.transaction() as db:
            contact = db.get(Contact, contact_id)
            assert contact is not None
            create_ticket(db, SYSTEM, contact, NewTicket(subject=f"bench {n}", body="hello"))
        times.append((time.perf_counter() - started) * 1000)
    return times


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--subscriptions", type=int, default=3)
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    install(Settings(env="test", webhook_allowed_hosts="127.0.0.1"))

    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(database.write_engine)
        with database.transaction() as db:
            contact = Contact(name="bench")
            db.add(contact)
            db.flush()
            contact_id = contact.id
        without = _create(database, contact_id, args.tickets)
        with database.transaction() as db:
            for n in range(args.subscriptions):
                db.add(
                    WebhookSubscription(
                        name=f"bench {n}", url=url, events=["ticket.created"], secret="s" * 40
                    )
                )
        with_hooks = _create(database, contact_id, args.tickets)

        started = time.perf_counter()
        ran = run_until_idle(database)
        elapsed = time.perf_counter() - started
        with database.transaction(write=False) as db:
            delivered = db.scalars(
                select(WebhookDelivery.status).where(WebhookDelivery.status == "delivered")
            ).all()
            durations = [float(d) for d in db.scalars(select(WebhookAttempt.duration_ms))]
        database.dispose()
    server.shutdown()

    print(f"ticket transaction, no subscription:   {_ms(without)}")
    print(f"ticket transaction, {args.subscriptions} subscriptions: {_ms(with_hooks)}")
    print(
        f"worker: {ran} jobs, {len(delivered)} delivered in {elapsed:.2f} s "
        f"({len(delivered) / elapsed:.0f} deliveries/s, one thread)"
    )
    print(f"POST as logged: {_ms(durations)}")


if __name__ == "__main__":
    main()
