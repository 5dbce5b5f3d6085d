"""Content reports filed from many clients at once: one viral target (every report waits for
the case's row lock) against as many targets as reports. Prints reports/s and latency.

    uv run python bench/reports.py
    uv run python bench/reports.py --database-url postgresql://postgres@127.0.0.1:5432/test

In-process (TestClient, the real app and database), so it measures kefu's work and the
database, not the network.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from harness import fresh_database
from kefu.app import create_app
from kefu.auth.service import create_api_token
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.kit.migrate import upgrade


def run(url: str | None, reports: int, clients: int) -> dict[str, object]:
    with fresh_database(url) as database_url, tempfile.TemporaryDirectory() as folder:
        database = Database(database_url)
        upgrade(database.write_engine)
        with database.transaction() as db:
            token, _ = create_api_token(db, name="bench", scopes=["reports:write"])
        headers = {"Authorization": f"Bearer {token}"}
        settings = Settings(env="test", data_dir=Path(folder) / "data", inline_worker=False)
        results: dict[str, object] = {}
        with TestClient(create_app(settings, database)) as client:
            client.post(  # warm up triage's models outside the timing
                "/api/v1/platform/reports",
                headers=headers,
                json={
                    "reporter": {"platform_user_id": "warm"},
                    "target": {"type": "video", "id": "warm"},
                    "reason": "spam",
                },
            )
            for label, viral in (("one viral target", True), ("distinct targets", False)):
                run_id = uuid.uuid4().hex[:6]

                def send(i: int, viral: bool = viral, run_id: str = run_id) -> float:
                    target = "viral" if viral else str(i)
                    started = time.perf_counter()
                    response = client.post(
                        "/api/v1/platform/reports",
                        headers=headers,
                        json={
                            "reporter": {"platform_user_id": f"{run_id}-{i}"},
                            "target": {"type": "video", "id": f"{run_id}-{target}"},
                            "reason": "fraud",
                            "note": "冒充官方客服，要求转账到安全账户",
                        },
                    )
                    assert response.status_code == 201, response.text
                    return (time.perf_counter() - started) * 1000

                began = time.perf_counter()
                with ThreadPoolExecutor(max_workers=clients) as pool:
                    latencies = sorted(pool.map(send, range(reports)))
                elapsed = time.perf_counter() - began
                results[label] = {
                    "reports_per_s": round(reports / elapsed, 1),
                    "p50_ms": round(statistics.median(latencies), 1),
                    "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
                }
        database.dispose()
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(run(args.database_url or None, args.reports, args.clients), indent=2))


if __name__ == "__main__":
    main()
