"""live chat

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kefu.kit.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("attachment_ids", sa.JSON(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("ticket_message_id", sa.Integer(), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["bot_conversations.id"],
            name=op.f("fk_chat_messages_conversation_id_bot_conversations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_users.id"],
            name=op.f("fk_chat_messages_staff_id_staff_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_message_id"],
            ["messages.id"],
            name=op.f("fk_chat_messages_ticket_message_id_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_messages")),
        sa.UniqueConstraint(
            "conversation_id", "client_id", name=op.f("uq_chat_messages_conversation_id_client_id")
        ),
        sa.UniqueConstraint(
            "conversation_id", "seq", name=op.f("uq_chat_messages_conversation_id_seq")
        ),
        sa.UniqueConstraint("ticket_message_id", name=op.f("uq_chat_messages_ticket_message_id")),
    )
    with op.batch_alter_table("bot_conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index(
            batch_op.f("ix_bot_conversations_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("bot_conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bot_conversations_ticket_id"))
        batch_op.drop_column("last_seq")

    op.drop_table("chat_messages")
