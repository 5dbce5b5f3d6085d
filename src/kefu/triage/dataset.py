"""Labelled text in CSV files (columns ``text,label`` and optionally ``lang``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kefu.kit.errors import Invalid


class DatasetMissing(Invalid):
    code = "dataset_missing"
    en = "There is no file {path}."
    zh = "文件 {path} 不存在。"


class DatasetColumns(Invalid):
    code = "dataset_columns"
    en = "{path} needs the CSV columns text,{column} (and optionally lang)."
    zh = "{path} 需要 CSV 列 text,{column}（可选 lang）。"


class DatasetEncoding(Invalid):
    code = "dataset_encoding"
    en = "{path} is not UTF-8 text; save it as UTF-8 CSV."
    zh = "{path} 不是 UTF-8 文本，请另存为 UTF-8 编码的 CSV。"


class DatasetEmpty(Invalid):
    code = "dataset_empty"
    en = "{path} has no labelled rows."
    zh = "{path} 中没有带标签的数据。"


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    lang: str | None = None


def read_examples(path: Path, *, label_column: str = "label") -> list[Example]:
    if not path.is_file():
        raise DatasetMissing(path=path)
    try:
        return _read(path, label_column)
    except UnicodeDecodeError as exc:
        raise DatasetEncoding(path=path) from exc


def _read(path: Path, label_column: str) -> list[Example]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: Excel writes a BOM
        reader = csv.DictReader(handle)
        fields = set(reader.fieldnames or [])
        if not {"text", label_column} <= fields:
            raise DatasetColumns(path=path, column=label_column)
        rows = [
            Example(
                row["text"].strip(),
                row[label_column].strip(),
                (row.get("lang") or "").strip() or None,
            )
            for row in reader
            if (row.get("text") or "").strip() and (row.get(label_column) or "").strip()
        ]
    if not rows:
        raise DatasetEmpty(path=path)
    return rows
