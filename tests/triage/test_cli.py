"""``kefu triage``: classify and benchmark through the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kefu.cli import main
from kefu.triage.dataset import DatasetEncoding, read_examples
from kefu.triage.shipped import CATEGORY


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "lang"])
        writer.writerows(rows)
    return path


def test_classify_prints_every_prediction() -> None:
    result = CliRunner().invoke(main, ["triage", "classify", "--json", "退款三天了还没到账"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "category",
        "category_confidence",
        "runner_up",
        "priority",
        "language",
        "sentiment",
        "angry",
        "scam_risk",
        "scam_flagged",
        "model_version",
    ):
        assert key in data
    assert data["category"] == "refund_return" and data["language"] == "zh"
    plain = CliRunner().invoke(main, ["triage", "classify", "my video won't upload"])
    assert "category:" in plain.output and "priority:" in plain.output
    empty = CliRunner().invoke(main, ["triage", "classify", "  "])
    assert empty.exit_code == 2


def test_benchmark_reports_quality_speed_and_out_of_scope(tmp_path: Path) -> None:
    rows = [
        (e.text, e.label, e.lang or "")
        for e in CATEGORY.examples()
        if e.label in ("account_login", "livestream", "refund_return", "other")
    ]
    train = [r for i, r in enumerate(rows) if (i % 4 and r[1] != "other") or i % 8 == 1]
    test = [r for i, r in enumerate(rows) if not i % 4]
    train = [(t, "oos" if label == "other" else label, lang) for t, label, lang in train]
    test = [(t, "oos" if label == "other" else label, lang) for t, label, lang in test]
    result = CliRunner().invoke(
        main,
        [
            "triage",
            "benchmark",
            "--json",
            "--oos-label",
            "oos",
            "--train",
            str(_write(tmp_path / "train.csv", train)),
            "--test",
            str(_write(tmp_path / "test.csv", test)),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "accuracy",
        "macro_f1",
        "in_scope_accuracy",
        "oos_recall",
        "train_seconds",
        "latency_ms_p50",
        "latency_ms_p99",
        "throughput_per_s",
    ):
        assert isinstance(report[key], float), key
    assert set(report["per_lang"]) == {"zh", "en"}
    assert report["in_scope_accuracy"] > 0.8 and report["oos_recall"] > 0.5
    assert report["embedding_weight"] in (1.0, 2.0)


def test_benchmark_measures_the_other_shipped_models(tmp_path: Path) -> None:
    test = tmp_path / "moods.csv"
    test.write_text(
        "text,label,angry,lang\n"
        "你们这什么破平台，退钱！！！,negative,1,zh\n"
        "THIS IS THE WORST APP EVER. FIX IT NOW!!!,negative,1,en\n"
        "帮我把昵称改成小鱼,neutral,0,zh\n"
        "thanks that fixed it 😊,positive,0,en\n",
        encoding="utf-8",
    )
    for model in ("anger", "sentiment"):
        result = CliRunner().invoke(
            main, ["triage", "benchmark", "--model", model, "--test", str(test), "--json"]
        )
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert report["test_rows"] == 4 and set(report["per_lang"]) == {"zh", "en"}
        assert report["accuracy"] >= 0.75, (model, report)
    # The category model's files have no angry column: a clear error names it.
    wrong = CliRunner().invoke(
        main,
        ["triage", "benchmark", "--model", "anger", "--test", str(_write(tmp_path / "c.csv", []))],
    )
    assert wrong.exit_code == 2 and "[dataset_columns]" in wrong.output
    assert "text,angry" in wrong.output
    # Category labels given to the sentiment model: an error, not a silent 0% accuracy.
    rows = [("退款还没到", "refund_return", "zh")]
    mismatched = CliRunner().invoke(
        main,
        [
            "triage",
            "benchmark",
            "--model",
            "sentiment",
            "--test",
            str(_write(tmp_path / "m.csv", rows)),
        ],
    )
    assert mismatched.exit_code == 2 and "[benchmark_labels]" in mismatched.output


def test_dataset_files_from_excel_and_other_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes("text,label,extra\n退款,refund_return,x\n".encode("utf-8-sig"))
    assert [(e.text, e.label) for e in read_examples(bom)] == [("退款", "refund_return")]
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("text,label\n退款,refund_return\n".encode("gbk"))
    with pytest.raises(DatasetEncoding):
        read_examples(gbk)


def test_benchmark_rejects_bad_files(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["triage", "benchmark", "--test", str(tmp_path / "x.csv")])
    assert missing.exit_code == 2 and "[dataset_missing]" in missing.output
    (tmp_path / "cols.csv").write_text("sentence,intent\nhi,greet\n", encoding="utf-8")
    columns = CliRunner().invoke(
        main, ["triage", "benchmark", "--test", str(tmp_path / "cols.csv")]
    )
    assert columns.exit_code == 2 and "[dataset_columns]" in columns.output
    test = _write(tmp_path / "t.csv", [("hi", "other", "en")])
    shipped_oos = CliRunner().invoke(
        main, ["triage", "benchmark", "--test", str(test), "--oos-label", "other"]
    )
    assert shipped_oos.exit_code == 2 and "[oos_needs_training]" in shipped_oos.output


def test_encoder_option(tmp_path: Path) -> None:
    test = _write(tmp_path / "t.csv", [("hi", "other", "en")])
    # Refused before any data is read or model trained.
    unknown = CliRunner().invoke(
        main,
        ["triage", "benchmark", "--test", str(test), "--train", str(test), "--encoder", "bert"],
    )
    assert unknown.exit_code == 2 and "[unknown_encoder]" in unknown.output
    # The shipped model cannot gain an encoder, whether or not its extra is installed.
    shipped = CliRunner().invoke(
        main, ["triage", "benchmark", "--test", str(test), "--encoder", "minilm"]
    )
    assert shipped.exit_code == 2 and "[encoder_needs_training]" in shipped.output
    training = CliRunner().invoke(main, ["triage", "train", "--encoder", "bert"])
    assert training.exit_code == 2 and "[unknown_encoder]" in training.output
