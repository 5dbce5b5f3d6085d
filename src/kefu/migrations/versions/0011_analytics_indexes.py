"""indexes for the dashboard's time ranges: tickets created, first answered and solved; bot
conversations started; ratings given

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-21 22:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each index leads with the time the dashboard ranges over and carries the columns its
# queries read, so a period's figures come from the index alone, never from the table rows.
INDEXES: tuple[tuple[str, str, list[str]], ...] = (
    ("tickets", "ix_tickets_created", ["created_at", "category", "team_id", "parent_id"]),
    (
        "tickets",
        "ix_tickets_first_response",
        ["first_response_at", "created_at", "priority", "channel", "team_id"],
    ),
    ("tickets", "ix_tickets_solved", ["solved_at", "created_at", "team_id"]),
    (
        "bot_conversations",
        "ix_bot_conversations_created",
        ["created_at", "turns", "status", "ticket_id", "updated_at"],
    ),
    ("ratings", "ix_ratings_updated", ["updated_at", "score", "ticket_id"]),
)


# The live queue and the SLA risk read only unsolved tickets (a few percent of all): a small
# partial index holds them with every column those queries read.
UNSOLVED = "status IN ('new', 'open', 'pending', 'on_hold')"
UNSOLVED_COLUMNS = [
    "status",
    "team_id",
    "category",
    "priority",
    "assignee_id",
    "needs_triage",
    "first_response_at",
    "channel",
    "parent_id",
    "created_at",
]


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tickets_unsolved",
            UNSOLVED_COLUMNS,
            unique=False,
            sqlite_where=sa.text(UNSOLVED),
            postgresql_where=sa.text(UNSOLVED),
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_unsolved")
    for table, name, _ in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
