"""The real app served by uvicorn on a free port in a thread, for browsers and socket clients."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from kefu.app import create_app
from kefu.config import Settings
from kefu.kit.db import Database


@contextmanager
def live_server(settings: Settings, database: Database) -> Iterator[str]:
    """Serve the real app on 127.0.0.1; yields its base URL (http://...)."""
    config = uvicorn.Config(
        create_app(settings, database), host="127.0.0.1", port=0, log_level="warning", ws="auto"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
