"""Amazon: one send per approved revision (the send guard) and one review solicitation per order.

Revision ID: 0003_amazon
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from bot.models_db import UTCDateTime

revision = "0003_amazon"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "amazon_sends",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", name="fk_amazon_sends_draft_id_drafts"), nullable=False),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", name="fk_amazon_sends_revision_id_revisions"), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("order_key", sa.String(64), nullable=False),
        sa.Column("message_type", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("amazon_status", sa.Integer, nullable=True),
        sa.Column("amazon_answer", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_amazon_sends"),
        sa.UniqueConstraint("revision_id", name="uq_amazon_sends_revision_id"),
    )
    op.create_table(
        "amazon_solicitations",
        sa.Column("order_key", sa.String(64), nullable=False),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", name="fk_amazon_solicitations_draft_id_drafts"), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("amazon_status", sa.Integer, nullable=True),
        sa.Column("amazon_answer", sa.Text, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("order_key", name="pk_amazon_solicitations"),
    )


def downgrade() -> None:
    op.drop_table("amazon_solicitations")
    op.drop_table("amazon_sends")
