"""Markdown to safe HTML: the one renderer for help-centre articles, announcements and the
editors' previews, so what an editor sees is what readers get."""

from __future__ import annotations

from markdown_it import MarkdownIt

# "js-default" escapes raw HTML: authors write markdown, never script.
_markdown = MarkdownIt("js-default")


def markdown_html(text: str) -> str:
    html: str = _markdown.render(text)
    return html
