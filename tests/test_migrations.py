"""The migrations build exactly the schema the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from kefu.kit.db import Database
from kefu.kit.migrate import include_object, pending_revisions
from kefu.models import metadata
from kefu.tickets.numbers import next_ticket_number


def test_migrations_match_the_models(database: Database) -> None:
    with database.write_engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": include_object, "compare_type": True},
        )
        differences = compare_metadata(context, metadata)
    assert differences == []
    assert pending_revisions(database.write_engine) == []


def test_migrations_create_search_index_and_reference_data(database: Database) -> None:
    with database.transaction() as db:
        assert next_ticket_number(db) == 10001
        slugs = db.scalars(text("SELECT slug FROM teams ORDER BY id")).all()
    assert {
        "technical_support",
        "after_sales",
        "trust_safety",
        "engineering",
        "legal",
        "payments",
    } <= set(slugs)
    inspector = inspect(database.write_engine)
    if database.is_sqlite:
        assert "ticket_search_fts" in inspector.get_table_names()
    else:
        indexes = {ix["name"] for ix in inspector.get_indexes("ticket_search")}
        assert "ix_ticket_search_tokens" in indexes
