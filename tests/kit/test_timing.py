"""Every HTTP response says how long the server took."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_responses_carry_server_timing(client: TestClient) -> None:
    for path in ("/healthz", "/help?lang=en", "/api/v1/no-such-route"):
        header = client.get(path).headers["server-timing"]
        match = re.fullmatch(r"app;dur=(\d+\.\d)", header)
        assert match is not None, header
        assert 0 <= float(match.group(1)) < 60_000
