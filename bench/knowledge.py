"""Help-centre search latency and quality as the knowledge base grows.

Loads the starter help centre, then fills the knowledge base up to ``--articles`` with generated
articles (paragraphs of the real ones recombined, so the vocabulary is realistic), and times
``KnowledgeIndex.search`` — the call behind ``/api/v1/help/search`` and the bot — for the
questions of ``eval/bot/kb_test.csv``: one query at a time, on one thread.
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

import numpy as np  # noqa: E402

from kefu.kit.db import Database  # noqa: E402
from kefu.kit.migrate import upgrade  # noqa: E402
from kefu.knowledge.documents import STARTER_FOLDER, ArticleDocument, read_folder  # noqa: E402
from kefu.knowledge.index import current_index  # noqa: E402
from kefu.knowledge.service import create_article, import_documents  # noqa: E402
from kefu.triage.dataset import read_examples  # noqa: E402

TEST = Path(__file__).resolve().parents[1] / "eval" / "bot" / "kb_test.csv"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not TEST.is_file():
        raise SystemExit(f"{TEST} is missing")
    tests = [
        e for e in read_examples(TEST) if e.label not in ("handoff", "ticket_status", "refund_status")
    ]
    folder = tempfile.mkdtemp()
    database = Database(f"sqlite:///{folder}/kb.db")
    upgrade(database.write_engine)
    starter = read_folder(STARTER_FOLDER)
    started = time.perf_counter()
    with database.transaction() as db:
        import_documents(db, starter)
    extra = generated(starter, max(0, args.articles - len(starter)))
    for i in range(0, len(extra), BATCH):
        with database.transaction() as db:
            for document in extra[i : i + BATCH]:
                create_article(db, document, None)
    load_seconds = time.perf_counter() - started
    report: dict[str, Any] = {"articles": len(starter) + len(extra), "load_seconds": load_seconds}
    with database.transaction() as db:
        started = time.perf_counter()
        index = current_index(db)
        report["index_build_seconds"] = time.perf_counter() - started
        report["passages"] = len(index)
        timings, top1 = [], []
        for example in tests:
            locale = "zh-CN" if example.lang == "zh" else "en"
            started = time.perf_counter()
            hits = current_index(db).search(example.text, locale=locale)
            timings.append((time.perf_counter() - started) * 1000)
            top1.append(bool(hits) and hits[0].passage.slug == example.label)
    database.dispose()
    report["queries"] = len(tests)
    report["search_ms_p50"] = statistics.median(timings)
    report["search_ms_p99"] = float(np.percentile(timings, 99))
    report["search_top1"] = float(np.mean(top1))
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:22} {value:.3f}" if isinstance(value, float) else f"{key:22} {value}")


if __name__ == "__main__":
    main()
