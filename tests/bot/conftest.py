from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kefu.app import create_app
from kefu.config import Settings
from kefu.kit.db import Database


@pytest.fixture
def staffed(tmp_path: Path) -> Settings:
    """Settings with the desk staffed around the clock, so replies do not depend on the hour."""
    return Settings(env="test", data_dir=tmp_path / "data", service_hours="00:00-24:00")


@pytest.fixture
def bot_client(staffed: Settings, help_centre: Database) -> Iterator[TestClient]:
    with TestClient(create_app(staffed, help_centre)) as client:
        yield client
