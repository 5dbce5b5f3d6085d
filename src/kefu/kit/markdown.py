"""Markdown to safe HTML: the one renderer for help-centre articles, announcements and the
editors' previews, so what an editor sees is what readers get."""

from __future__ import annotations

from markdown_it import MarkdownIt

# "js-default" escapes raw HTML: authors write markdown, never script.
_markdown = MarkdownIt("js-default")


def markdown_html(text: str) -> str:
    html: str = _markdown.render(text)
    return html


def markdown_text(text: str) -> str:
    """The words of a markdown text without its syntax (headings' ``#``, ``**``, links'
    brackets, list markers), blocks joined by spaces: for snippets shown as plain text."""
    words: list[str] = []
    for token in _markdown.parse(text):
        if token.type != "inline" or not token.children:
            continue
        block = "".join(
            " " if child.type in ("softbreak", "hardbreak") else child.content
            for child in token.children
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
        if block.strip():
            words.append(" ".join(block.split()))
    return " ".join(words)
