from __future__ import annotations

import pytest

from kefu.kit.pagination import InvalidCursor, decode_cursor, encode_cursor


def test_cursor_round_trip_and_garbage() -> None:
    key = {"s": "updated_at", "o": "desc", "v": "2026-11-21T10:00:00+00:00", "id": 7}
    assert decode_cursor(encode_cursor(key)) == key
    for bad in ("", "!!!", encode_cursor({"x": 1})[:-3] + "###", "WzFd"):  # WzFd = [1]
        with pytest.raises(InvalidCursor):
            decode_cursor(bad)
