"""``kefu bot benchmark`` through the real executable."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from kefu.triage import minilm
from tests.test_cli import run

TRAIN = [
    ("how do I reset my password", "password"),
    ("forgot my password", "password"),
    ("change my password please", "password"),
    ("password reset link", "password"),
    ("where is my parcel", "delivery"),
    ("my order has not arrived", "delivery"),
    ("track my package", "delivery"),
    ("delivery is late", "delivery"),
    ("what is the weather today", "oos"),
    ("tell me a joke", "oos"),
    ("recommend a good movie", "oos"),
    ("who won the football game", "oos"),
]


def _csv(path: Path, rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_benchmark_reports_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "KEFU_DATA_DIR": str(tmp_path / "data")}
    train = _csv(tmp_path / "train.csv", TRAIN, ("text", "label"))
    test = _csv(
        tmp_path / "test.csv",
        [
            ("i forgot my password", "password", "en"),
            ("has my order shipped yet", "delivery", "en"),
            ("sing me a song", "oos", "en"),
            ("忘记密码", "password", "zh"),
        ],
        ("text", "label", "lang"),
    )
    result = run(
        env,
        "bot",
        "benchmark",
        "--train",
        str(train),
        "--test",
        str(test),
        "--oos-label",
        "oos",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in (
        "answer_accuracy",
        "handoff_recall",
        "handoff_precision",
        "latency_ms_p50",
        "latency_ms_p99",
        "train_seconds",
        "decisions",
    ):
        assert key in report, key
    assert set(report["per_lang"]) == {"en", "zh"}
    assert 0 <= report["answer_accuracy"] <= 1
    assert report["latency_ms_p99"] >= report["latency_ms_p50"] > 0


def test_benchmark_without_training_uses_the_starter_help_centre(tmp_path: Path) -> None:
    env = {**os.environ, "KEFU_DATA_DIR": str(tmp_path / "data")}
    test = _csv(
        tmp_path / "test.csv",
        [("忘记密码了怎么办", "password-recovery"), ("转人工", "handoff")],
        ("text", "label"),
    )
    result = run(env, "bot", "benchmark", "--test", str(test), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["answer_accuracy"] == 1.0 and report["handoff_recall"] == 1.0
    missing = run(env, "bot", "benchmark", "--test", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "nope.csv" in missing.stderr


@pytest.mark.skipif(minilm.model_dir() is None, reason="needs the optional 'english' extra")
def test_benchmark_with_an_extra_encoder(tmp_path: Path) -> None:
    env = {**os.environ, "KEFU_DATA_DIR": str(tmp_path / "data")}
    train = _csv(tmp_path / "train.csv", TRAIN, ("text", "label"))
    test = _csv(
        tmp_path / "test.csv",
        [("i forgot my password", "password"), ("tell me a funny joke", "oos")],
        ("text", "label"),
    )
    args = ["bot", "benchmark", "--train", str(train), "--test", str(test), "--oos-label", "oos"]
    result = run(env, *args, "--encoder", "minilm", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answer_accuracy"] == 1.0
    unknown = run(env, *args, "--encoder", "bert")
    assert unknown.returncode == 2 and "[unknown_encoder]" in unknown.stderr
