"""``kefu kb import`` and ``export`` through the real executable."""

from __future__ import annotations

import os
from pathlib import Path

from tests.test_cli import run


def test_import_then_export_round_trips(tmp_path: Path) -> None:
    env = {**os.environ, "KEFU_DATA_DIR": str(tmp_path / "data"), "KEFU_ENV": "test"}
    assert run(env, "db", "upgrade").returncode == 0
    imported = run(env, "kb", "import")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("50 created, 0 updated, 0 unchanged")
    again = run(env, "kb", "import")
    assert "0 created, 0 updated, 50 unchanged" in again.stdout
    exported = run(env, "kb", "export", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    files = sorted((tmp_path / "out").rglob("*.md"))
    assert len(files) == 50
    assert {p.parent.name for p in files} == {"en", "zh-CN"}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.md").write_text("---\nslug: x\n---\nbody", encoding="utf-8")
    refused = run(env, "kb", "import", str(bad))
    assert refused.returncode == 2
    assert "missing locale, title" in refused.stderr
