"""The review store: drafts, revisions, decisions, order memory, audit trail.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

from bot.models_db import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("thread", sa.String(200), nullable=False),
        sa.Column("open_key", sa.String(64), nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("current_revision", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_drafts"),
        sa.UniqueConstraint("open_key", name="uq_drafts_open_key"),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("submitted_by", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=True),
        sa.Column("context_json", sa.Text, nullable=True),
        sa.Column("report_json", sa.Text, nullable=True),
        sa.Column("rule_ids", sa.Text, nullable=False),
        sa.Column("has_errors", sa.Boolean, nullable=False),
        sa.Column("review_request", sa.Boolean, nullable=False),
        sa.Column("order_key", sa.String(64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("purged_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.id"], name="fk_revisions_draft_id_drafts"),
        sa.UniqueConstraint("draft_id", "number", name="uq_revisions_draft_id_number"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("revision_id", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("override", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.id"], name="fk_decisions_draft_id_drafts"),
        sa.ForeignKeyConstraint(
            ["revision_id"], ["revisions.id"], name="fk_decisions_revision_id_revisions"
        ),
        sa.UniqueConstraint(
            "revision_id", "actor", "kind", name="uq_decisions_revision_actor_kind"
        ),
    )
    op.create_table(
        "order_review_requests",
        sa.Column("order_key", sa.String(64), nullable=False),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("revision_id", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("order_key", "draft_id", name="pk_order_review_requests"),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["drafts.id"], name="fk_order_review_requests_draft_id_drafts"
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["revisions.id"],
            name="fk_order_review_requests_revision_id_revisions",
        ),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("draft_id", sa.Integer, nullable=True),
        sa.Column("revision", sa.Integer, nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("platform", sa.String(32), nullable=True),
        sa.Column("channel", sa.String(200), nullable=True),
        sa.Column("thread", sa.String(200), nullable=True),
        sa.Column("rule_ids", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    _append_only_audit()


def _append_only_audit() -> None:
    """The database itself refuses to change or delete audit rows."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{event.lower()} BEFORE {event} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION checkmsg_audit_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'audit_events is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION checkmsg_audit_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS checkmsg_audit_append_only()")
    op.drop_index("ix_audit_events_at", table_name="audit_events")
    for table in ("audit_events", "order_review_requests", "decisions", "revisions", "drafts"):
        op.drop_table(table)
