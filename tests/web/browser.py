"""A real Chromium (Debian's, driven by Playwright) for the pages' tests; skipped with a clear
message where it is absent. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from kefu.auth.deps import SESSION_COOKIE
from tests.conftest import StaffHandle

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium is not installed (apt-get install chromium; scripts/test does it as root)",
)


@contextmanager
def chromium() -> Iterator[Browser]:
    """One headless Chromium; open pages in it with ``new_page`` (one per person)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


def new_page(
    browser: Browser, locale: str = "en-US", phone: bool = False
) -> tuple[Page, list[str]]:
    """A page in a context of its own (its own cookies and storage), and the list its console
    errors and page errors are collected into."""
    size: ViewportSize = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(locale=locale, viewport=size)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


@contextmanager
def browser_page(locale: str = "en-US", phone: bool = False) -> Iterator[tuple[Page, list[str]]]:
    """A fresh browser with one page, and the list its errors are collected into."""
    with chromium() as browser:
        yield new_page(browser, locale, phone)


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def small_png(path: Path, colour: tuple[int, int, int] = (214, 51, 108), size: int = 8) -> Path:
    """A real PNG (the server decides file types from the bytes); a large one is noise, so
    it does not compress."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    if size > 8:
        rows = b"".join(b"\x00" + os.urandom(3 * size) for _ in range(size))
    else:
        rows = b"".join(b"\x00" + bytes(colour) * size for _ in range(size))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)
    return path


def no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"


def signed_in(page: Page, base: str, staff: StaffHandle) -> None:
    """The page's browser carries ``staff``'s session cookie, as after the sign-in page."""
    token = staff.headers["Authorization"].removeprefix("Bearer ")
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": base}])
