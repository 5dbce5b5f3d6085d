"""HTML mail to readable text: paragraphs and line breaks kept, scripts and styles dropped,
links shown with their address, quoted blocks marked with "> " so strip.py can remove them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr"}
)
_HIDDEN = frozenset({"script", "style", "head", "title"})


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0
        self.quote = 0
        self.href: str | None = None
        self.link_text: list[str] = []

    def _newline(self) -> None:
        self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "blockquote":
            self.quote += 1
            self._newline()
        elif tag in _BLOCKS:
            self._newline()
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
            self._newline()
        elif tag in _BLOCKS:
            self._newline()
        elif tag == "a":
            shown = "".join(self.link_text).strip()
            if self.href and self.href.startswith(("http://", "https://")) and self.href != shown:
                self._add(f" ({self.href})")
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.href is not None:
            self.link_text.append(data)
        self._add(data)

    def _add(self, data: str) -> None:
        text = re.sub(r"\s+", " ", data)
        if not text.strip() and not self.lines[-1]:
            return
        if self.quote and not self.lines[-1]:
            text = "> " * self.quote + text.lstrip()
        self.lines[-1] += text


def html_to_text(html: str) -> str:
    maker = _TextMaker()
    maker.feed(html)
    maker.close()
    lines = [line.strip() for line in maker.lines]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
