"""content reports and cases, feedback submissions, phone calls

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-21 19:57:39.647185
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kefu.kit.db

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feedback_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=True),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("contact_phone", sa.String(length=32), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_feedback_submissions_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_feedback_submissions_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_submissions")),
        sa.UniqueConstraint(
            "contact_id",
            "idempotency_key",
            name=op.f("uq_feedback_submissions_contact_id_idempotency_key"),
        ),
    )
    with op.batch_alter_table("feedback_submissions", schema=None) as batch_op:
        batch_op.create_index("ix_feedback_submissions_created", ["created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_feedback_submissions_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "report_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=128), nullable=False),
        sa.Column("open_key", sa.String(length=160), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_report_cases_decided_by_staff_id_staff_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_report_cases_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_cases")),
        sa.UniqueConstraint("open_key", name=op.f("uq_report_cases_open_key")),
    )
    with op.batch_alter_table("report_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_cases_status"), ["status"], unique=False)
        batch_op.create_index("ix_report_cases_target", ["target_type", "target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_cases_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "content_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["report_cases.id"],
            name=op.f("fk_content_reports_case_id_report_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_content_reports_message_id_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["contacts.id"],
            name=op.f("fk_content_reports_reporter_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_reports")),
        sa.UniqueConstraint(
            "case_id", "reporter_id", name=op.f("uq_content_reports_case_id_reporter_id")
        ),
    )
    with op.batch_alter_table("content_reports", schema=None) as batch_op:
        batch_op.create_index("ix_content_reports_reporter", ["reporter_id", "id"], unique=False)

    op.create_table(
        "phone_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("started_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recording_ref", sa.String(length=500), nullable=True),
        sa.Column("logged_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", kefu.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "duration_seconds >= 0", name=op.f("ck_phone_calls_duration_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_phone_calls_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_staff_id"],
            ["staff_users.id"],
            name=op.f("fk_phone_calls_logged_by_staff_id_staff_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_phone_calls_message_id_messages"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_phone_calls_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_calls")),
    )
    with op.batch_alter_table("phone_calls", schema=None) as batch_op:
        batch_op.create_index("ix_phone_calls_contact", ["contact_id", "started_at"], unique=False)
        batch_op.create_index("ix_phone_calls_ticket", ["ticket_id", "started_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("phone_calls", schema=None) as batch_op:
        batch_op.drop_index("ix_phone_calls_ticket")
        batch_op.drop_index("ix_phone_calls_contact")

    op.drop_table("phone_calls")
    with op.batch_alter_table("content_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_content_reports_reporter")

    op.drop_table("content_reports")
    with op.batch_alter_table("report_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_cases_ticket_id"))
        batch_op.drop_index("ix_report_cases_target")
        batch_op.drop_index(batch_op.f("ix_report_cases_status"))

    op.drop_table("report_cases")
    with op.batch_alter_table("feedback_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_submissions_ticket_id"))
        batch_op.drop_index("ix_feedback_submissions_created")

    op.drop_table("feedback_submissions")
