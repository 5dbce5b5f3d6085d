"""Help-centre search latency and quality as the knowledge base grows.

Loads the starter help centre, then fills the knowledge base up to ``--articles`` with generated
articles (paragraphs of the real ones recombined, so the vocabulary is realistic), and times
``KnowledgeIndex.search`` — the call behind ``/api/v1/help/search`` and the bot — for the
questions of ``eval/bot/kb_dev.csv``: one query at a time, on one thread. Search alone (without
the bot's intent model) is also scored on the starter help centre before the generated articles
are added: generated articles reuse real paragraphs, so top-1 means nothing after that.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # "one core": numpy must not fan out

import numpy as np

from kefu.kit.db import Database
from kefu.kit.migrate import upgrade
from kefu.knowledge.documents import STARTER_FOLDER, ArticleDocument, read_folder
from kefu.knowledge.index import current_index
from kefu.knowledge.service import create_article, import_documents
from kefu.triage.dataset import Example, read_examples

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "bot" / "kb_dev.csv"
BATCH = 200


def generated(starter: list[ArticleDocument], count: int, seed: int = 0) -> list[ArticleDocument]:
    rng = random.Random(seed)
    paragraphs: dict[str, list[str]] = {}
    for document in starter:
        paragraphs.setdefault(document.locale, []).extend(
            p for p in document.body.split("\n\n") if p.strip() and not p.startswith("#")
        )
    out = []
    for i in range(count):
        locale = "zh-CN" if i % 2 else "en"
        body = [f"# Generated {i}"]
        for section in range(rng.randint(2, 5)):
            body.append(f"## Part {section} of {i}")
            body.extend(rng.sample(paragraphs[locale], 2))
        out.append(
            ArticleDocument(
                slug=f"generated-{i}",
                locale=locale,
                title=f"Generated article {i}",
                body="\n\n".join(body),
                status="published",
            )
        )
    return out


def _locale(example: Example) -> str:
    return "zh-CN" if example.lang == "zh" else "en"


def _top1(database: Database, tests: list[Example]) -> float:
    with database.transaction() as db:
        index = current_index(db)
        found = [index.search(e.text, locale=_locale(e), limit=1) for e in tests]
    pairs = zip(found, tests, strict=True)
    return float(np.mean([bool(h) and h[0].passage.slug == e.label for h, e in pairs]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not QUESTIONS.is_file():
        raise SystemExit(f"{QUESTIONS} is missing")
    tests = [
        e
        for e in read_examples(QUESTIONS)
        if e.label not in ("handoff", "ticket_status", "refund_status")
    ]
    folder = tempfile.mkdtemp()
    database = Database(f"sqlite:///{folder}/kb.db")
    upgrade(database.write_engine)
    starter = read_folder(STARTER_FOLDER)
    started = time.perf_counter()
    with database.transaction() as db:
        import_documents(db, starter)
    report: dict[str, Any] = {"starter_search_top1": _top1(database, tests)}
    extra = generated(starter, max(0, args.articles - len(starter)))
    for i in range(0, len(extra), BATCH):
        with database.transaction() as db:
            for document in extra[i : i + BATCH]:
                create_article(db, document, None)
    load_seconds = time.perf_counter() - started
    report.update(articles=len(starter) + len(extra), load_seconds=load_seconds)
    with database.transaction() as db:
        started = time.perf_counter()
        index = current_index(db)
        report["index_build_seconds"] = time.perf_counter() - started
        report["passages"] = len(index)
        timings = []
        for example in tests:
            started = time.perf_counter()
            current_index(db).search(example.text, locale=_locale(example))
            timings.append((time.perf_counter() - started) * 1000)
    database.dispose()
    report["queries"] = len(tests)
    report["search_ms_p50"] = statistics.median(timings)
    report["search_ms_p99"] = float(np.percentile(timings, 99))
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:22} {value:.3f}" if isinstance(value, float) else f"{key:22} {value}")


if __name__ == "__main__":
    main()
