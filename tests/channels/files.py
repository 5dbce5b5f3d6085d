"""Small files whose bytes say what they are, for upload tests."""

from __future__ import annotations

from tests.tickets.test_attachments import tiny_png


def png(size: int = 0) -> bytes:
    """A valid PNG, padded with trailing bytes to ``size`` when asked."""
    data = tiny_png()
    return data + b"\x00" * max(0, size - len(data))


def mp4(size: int = 256) -> bytes:
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + b"\x00" * max(0, size - len(head))


PDF = b"%PDF-1.4\n" + b"x" * 200
