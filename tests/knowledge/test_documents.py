from __future__ import annotations

from pathlib import Path

import pytest

from kefu.knowledge.documents import (
    STARTER_FOLDER,
    ArticleDocument,
    InvalidArticleFile,
    parse_document,
    read_folder,
    render_document,
    render_placeholders,
    split_passages,
)

GOOD = """---
slug: going-live
locale: zh
title: 如何开播
category: livestream
tags: [直播, live]
questions:
  - 怎么开直播
  - "开播要求: 多少粉丝"
---
# 如何开播

开播前请完成实名认证。

## 开播条件

粉丝数达到 1000。
"""


def test_a_file_round_trips_through_parse_and_render() -> None:
    document = parse_document(GOOD)
    assert document.locale == "zh-CN"  # zh is normalised
    assert document.questions == ["怎么开直播", "开播要求: 多少粉丝"]
    assert document.status == "published" and document.visibility == "public"
    assert parse_document(render_document(document)) == document


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no front matter", "front matter"),
        ("---\nslug: x\n---\nbody", "missing locale, title"),
        ("---\nslug: Not A Slug\nlocale: en\ntitle: t\n---\nbody", "lower-case"),
        ("---\nslug: a\nlocale: fr\ntitle: t\n---\nbody", "not zh-CN or en"),
        ("---\nslug: a\nlocale: en\ntitle: t\n---\n", "no body"),
        ("---\nslug: a\nlocale: en\ntitle: t\nquestions: nope\n---\nbody", "list of texts"),
        ("---\n[broken\n---\nbody", "not YAML"),
    ],
)
def test_bad_files_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(InvalidArticleFile) as caught:
        parse_document(text, "a.md")
    assert reason in caught.value.message("en")
    assert caught.value.message("zh-CN").startswith("a.md 不是有效的文章文件：")


def test_articles_are_cut_at_headings_and_long_sections_at_paragraphs() -> None:
    long_section = "\n\n".join(f"Paragraph {i} " + "x" * 500 for i in range(5))
    sections = split_passages(f"# Title\n\nLead.\n\n## Steps\n\n{long_section}\n\n## Tips\n\nTip.")
    assert sections[0].heading == "" and sections[0].text == "Lead."
    steps = [s for s in sections if s.heading == "Steps"]
    assert len(steps) >= 2 and all(len(s.text) <= 1200 for s in steps)
    assert sections[-1].heading == "Tips"


def test_placeholders_are_filled_and_unknown_ones_kept() -> None:
    assert render_placeholders("{{platform_name}} {{nope}}", {"platform_name": "V"}) == "V {{nope}}"


def test_the_starter_help_centre_is_complete_in_both_languages() -> None:
    documents = read_folder(STARTER_FOLDER)
    by_locale: dict[str, set[str]] = {}
    for document in documents:
        by_locale.setdefault(document.locale, set()).add(document.slug)
    assert by_locale["zh-CN"] == by_locale["en"]
    assert len(by_locale["en"]) >= 20
    public = [d for d in documents if d.visibility == "public"]
    # The bot learns its intents from these questions: every public article has its own.
    assert all(len(d.questions) >= 10 for d in public), [d.slug for d in public if not d.questions]
    for topic in ("password-recovery", "report-content", "recognise-fake-customer-service"):
        assert topic in by_locale["en"]


def test_reading_a_folder_reports_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes("---\nslug: a\n".encode("gbk") + "中文".encode("gbk"))
    with pytest.raises(InvalidArticleFile) as caught:
        read_folder(tmp_path)
    assert "bad.md" in caught.value.message("en")
    with pytest.raises(InvalidArticleFile):
        read_folder(tmp_path / "missing")


def test_documents_compare_by_content() -> None:
    a = ArticleDocument("a", "en", "T", "B")
    assert a == ArticleDocument("a", "en", "T", "B")
