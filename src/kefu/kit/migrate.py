"""Running the Alembic migrations shipped inside the package."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

# Search structures the ORM does not describe (see tickets/search.py): the FTS5 table and its
# shadow tables on SQLite, the GIN expression index on PostgreSQL.
UNMODELLED_TABLES = ("ticket_search_fts",)
UNMODELLED_INDEXES = frozenset({"ix_ticket_search_tokens"})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave backend-specific search structures out of schema comparisons."""
    if type_ == "table" and name is not None and name.startswith(UNMODELLED_TABLES):
        return False
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "kefu:migrations")
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def pending_revisions(engine: Engine) -> list[str]:
    """Revisions not yet applied to this database (empty when it is up to date)."""
    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    heads = set(script.get_heads())
    if current == heads:
        return []
    return [rev.revision for rev in script.walk_revisions() if rev.revision not in current]
