"""Staff pages are read with the session cookie a browser would carry."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.auth.deps import SESSION_COOKIE
from tests.conftest import StaffHandle


def sign_in(client: TestClient, staff: StaffHandle) -> None:
    """The client now carries ``staff``'s session cookie, as after the sign-in page."""
    client.cookies.set(SESSION_COOKIE, staff.headers["Authorization"].removeprefix("Bearer "))
