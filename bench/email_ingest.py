"""E-mail ingestion throughput: generated messages through ``ingest`` — the function the SMTP
listener, the IMAP poller and ``kefu email import`` all call — and through the SMTP listener
over real SMTP connections.

The messages mix what a desk receives: new mail in English (UTF-8) and Chinese (GBK with
RFC 2047 subjects), replies threaded by In-Reply-To with a quoted earlier mail, HTML mail, and
redeliveries of a Message-ID already received. Triage runs on every requester message, as in
production (``--no-triage`` measures the channel alone).
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import os
import random
import smtplib
import socket
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from harness import fresh_database, percentile
from kefu.channels.email.inbound import Intake, ingest
from kefu.channels.email.smtp_server import SmtpListener
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade

SEED_DIR = Path(__file__).resolve().parents[1] / "src" / "kefu" / "triage" / "data"


def load_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for locale, name in (("zh", "seed_zh.csv"), ("en", "seed_en.csv")):
        with open(SEED_DIR / name, encoding="utf-8") as handle:
            texts[locale] = [row["text"] for row in csv.DictReader(handle)]
    return texts


def _b64(value: str, codec: str) -> str:
    return base64.b64encode(value.encode(codec, errors="replace")).decode()


def generate(count: int, texts: dict[str, list[str]], tag: str, seed: int = 0) -> list[bytes]:
    """``count`` messages: ~60% new, ~25% replies, ~5% HTML, ~10% redeliveries."""
    rng = random.Random(seed)
    sent: list[tuple[str, str]] = []  # (message id, sender) of new mail so far
    out: list[bytes] = []
    for i in range(count):
        roll = rng.random()
        message_id = f"bench-{tag}-{i}@mail.example.com"
        if roll < 0.10 and out:
            out.append(rng.choice(out))  # a redelivery: same bytes, same Message-ID
            continue
        if roll < 0.35 and sent:
            parent, sender = rng.choice(sent)
            body = f"{rng.choice(texts['en'])}\n\nOn Mon, Support wrote:\n> earlier text\n> more"
            out.append(
                (
                    f"From: {sender}\r\nTo: support@kefu.example\r\nSubject: Re: my ticket\r\n"
                    f"Message-ID: <{message_id}>\r\nIn-Reply-To: <{parent}>\r\n"
                    f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
                ).encode()
            )
            continue
        sender = f"user{i}@example.com"
        sent.append((message_id, sender))
        if roll < 0.40:
            body = f"<html><body><p>{rng.choice(texts['en'])}</p><p>Thanks</p></body></html>"
            out.append(
                (
                    f"From: User {i} <{sender}>\r\nTo: support@kefu.example\r\n"
                    f"Subject: Help {i}\r\nMessage-ID: <{message_id}>\r\n"
                    f"Content-Type: text/html; charset=utf-8\r\n\r\n{body}\r\n"
                ).encode()
            )
        elif roll < 0.70:
            zh = rng.choice(texts["zh"])
            head = (
                f"From: =?gbk?B?{_b64('用户', 'gbk')}?= <{sender}>\r\nTo: support@kefu.example\r\n"
                f"Subject: =?gbk?B?{_b64(zh[:20], 'gbk')}?=\r\nMessage-ID: <{message_id}>\r\n"
                "Content-Type: text/plain; charset=gb2312\r\n\r\n"
            )
            out.append(head.encode() + f"{zh}\r\n\r\n发自我的iPhone\r\n".encode("gb18030"))
        else:
            body = f"{rng.choice(texts['en'])}\n\n-- \nA. User\nExample Corp"
            out.append(
                (
                    f"From: {sender}\r\nTo: support@kefu.example\r\nSubject: Question {i}\r\n"
                    f"Message-ID: <{message_id}>\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    f"\r\n{body}\r\n"
                ).encode()
            )
    return out


def measure_direct(database: Database, intake: Intake, messages: list[bytes]) -> dict[str, Any]:
    timings: list[float] = []
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for raw in messages:
        t0 = time.perf_counter()
        outcomes[ingest(database, raw, intake, source="file").status] += 1
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    return {
        "messages": len(messages),
        "messages_per_s": len(messages) / elapsed,
        "p50_ms": statistics.median(timings),
        "p99_ms": percentile(timings, 0.99),
        "outcomes": dict(outcomes),
    }


def measure_smtp(
    database: Database, intake: Intake, messages: list[bytes], clients: int
) -> dict[str, Any]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    listener = SmtpListener(database, intake, host="127.0.0.1", port=port, max_bytes=1 << 24)
    listener.start()
    shares = [messages[i::clients] for i in range(clients)]

    def send(share: list[bytes]) -> None:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
            for raw in share:
                smtp.sendmail("bench@example.com", ["support@kefu.example"], raw)

    threads = [threading.Thread(target=send, args=(share,)) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    listener.stop()
    return {
        "messages": len(messages),
        "clients": clients,
        "messages_per_s": len(messages) / elapsed,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=2000, help="messages through ingest()")
    parser.add_argument("--smtp", type=int, default=500, help="messages through the listener")
    parser.add_argument("--clients", type=int, default=4, help="concurrent SMTP clients")
    parser.add_argument("--database-url", help="PostgreSQL server to use (default SQLite)")
    parser.add_argument("--no-triage", action="store_true", help="skip triage (channel alone)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    texts = load_texts()
    report: dict[str, Any] = {
        "backend": "postgresql" if args.database_url else "sqlite",
        "cores": os.cpu_count(),
        "triage": not args.no_triage,
    }
    with fresh_database(args.database_url) as url, tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(env="test", data_dir=Path(data_dir), database_url=url)
        if not args.no_triage:
            from kefu.triage.service import install as install_triage

            install_triage(settings)
        database = Database(settings.effective_database_url)
        upgrade(database.write_engine)
        intake = Intake.from_settings(settings)
        ingest(database, generate(1, texts, "warm")[0], intake, source="file")  # load models
        report["ingest"] = measure_direct(database, intake, generate(args.messages, texts, "a"))
        if args.smtp:
            smtp_messages = generate(args.smtp, texts, "b", seed=1)
            report["smtp"] = measure_smtp(database, intake, smtp_messages, args.clients)
        database.dispose()
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    direct = report["ingest"]
    print(f"backend {report['backend']}, {report['cores']} cores, triage {report['triage']}")
    print(
        f"ingest(): {direct['messages_per_s']:.0f} messages/s over {direct['messages']} "
        f"(p50 {direct['p50_ms']:.1f} ms, p99 {direct['p99_ms']:.1f} ms) {direct['outcomes']}"
    )
    if "smtp" in report:
        smtp = report["smtp"]
        print(
            f"SMTP listener: {smtp['messages_per_s']:.0f} messages/s over {smtp['messages']} "
            f"from {smtp['clients']} clients"
        )


if __name__ == "__main__":
    main()
