"""Alembic environment: runs against the connection or URL kefu hands it (see kit/migrate.py)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from kefu.kit.migrate import include_object
from kefu.models import metadata


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    options: dict[str, Any] = {
        "target_metadata": metadata,
        "include_object": include_object,
        "render_as_batch": True,
        "compare_type": True,
    }
    if connection is not None:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        context.configure(connection=conn, **options)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
