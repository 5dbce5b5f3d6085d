"""Markdown as safe HTML for pages, and as plain words for snippets."""

from __future__ import annotations

from kefu.kit.markdown import markdown_html, markdown_text


def test_snippets_lose_the_syntax_but_keep_every_word() -> None:
    text = (
        "### 1. Check your upload speed\n\nUse the **network test** in "
        "[the live screen](https://kefu.example/live) (`Me > Live`):\n\n- 720p: 3 Mbps\n- 1080p"
    )
    assert markdown_text(text) == (
        "1. Check your upload speed Use the network test in the live screen (Me > Live): "
        "720p: 3 Mbps 1080p"
    )
    assert markdown_text("直播卡顿？\n先检查**网络**。") == "直播卡顿？ 先检查网络。"
    # raw HTML is not markup to a snippet but text, escaped wherever it is shown
    assert markdown_text("<b>hi</b>") == "<b>hi</b>"


def test_pages_get_html_with_raw_html_escaped() -> None:
    html = markdown_html("**bold** <script>alert(1)</script>")
    assert "<strong>bold</strong>" in html and "&lt;script&gt;" in html
