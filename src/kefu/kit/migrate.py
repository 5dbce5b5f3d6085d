"""Running the Alembic migrations shipped inside the package."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

# Indexes the ORM does not describe: the FTS5 table and its shadow tables on SQLite.
UNMODELLED_TABLES = ("ticket_search_fts",)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave backend-specific search structures out of schema comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(UNMODELLED_TABLES))


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
