"""e-mail channel: inbound, outbound and quarantined mail; contacts found by e-mail

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kefu.kit.db

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "email_inbound",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_key", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("envelope_from", sa.String(length=320), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("kefu_message_id", sa.Integer(), nullable=True),
        sa.Column("received_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("processed_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["kefu_message_id"],
            ["messages.id"],
            name=op.f("fk_email_inbound_kefu_message_id_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_email_inbound_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_inbound")),
        sa.UniqueConstraint("message_key", name=op.f("uq_email_inbound_message_key")),
    )
    with op.batch_alter_table("email_inbound", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_email_inbound_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "email_outbound",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kefu_message_id", sa.Integer(), nullable=False),
        sa.Column("message_key", sa.String(length=255), nullable=False),
        sa.Column("to_address", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["kefu_message_id"],
            ["messages.id"],
            name=op.f("fk_email_outbound_kefu_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_email_outbound_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_outbound")),
        sa.UniqueConstraint("kefu_message_id", name=op.f("uq_email_outbound_kefu_message_id")),
        sa.UniqueConstraint("message_key", name=op.f("uq_email_outbound_message_key")),
    )
    with op.batch_alter_table("email_outbound", schema=None) as batch_op:
        batch_op.create_index("ix_email_outbound_ticket", ["ticket_id", "id"], unique=False)

    op.create_table(
        "email_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbound_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inbound_id"],
            ["email_inbound.id"],
            name=op.f("fk_email_quarantine_inbound_id_email_inbound"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_quarantine")),
        sa.UniqueConstraint("inbound_id", name=op.f("uq_email_quarantine_inbound_id")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_email"), ["email"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_email"))
    op.drop_table("email_quarantine")
    with op.batch_alter_table("email_outbound", schema=None) as batch_op:
        batch_op.drop_index("ix_email_outbound_ticket")
    op.drop_table("email_outbound")
    with op.batch_alter_table("email_inbound", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_inbound_ticket_id"))
    op.drop_table("email_inbound")
