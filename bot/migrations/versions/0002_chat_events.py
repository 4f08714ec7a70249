"""Chat adapters: events already handled (exactly one reply across replicas) and the bot's replies.

``chat_events`` holds one row per platform event a replica took on; the
unique (platform, event_key) lets the first insert win and every retry or
duplicate delivery find it taken. ``chat_replies`` remembers which messages
the bot posted for a conversation's draft, so an edit updates them in place.

Revision ID: 0002
Revises: 0001
Create Date: 2025-03-01
"""

import sqlalchemy as sa
from alembic import op

from bot.models_db import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("event_key", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chat_events"),
        sa.UniqueConstraint("platform", "event_key", name="uq_chat_events_platform_event_key"),
    )
    op.create_index("ix_chat_events_created_at", "chat_events", ["created_at"])
    op.create_table(
        "chat_replies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("thread", sa.String(200), nullable=False),
        sa.Column("message_ids", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chat_replies"),
        sa.UniqueConstraint(
            "platform", "channel", "thread", name="uq_chat_replies_platform_channel_thread"
        ),
    )


def downgrade() -> None:
    op.drop_table("chat_replies")
    op.drop_index("ix_chat_events_created_at", table_name="chat_events")
    op.drop_table("chat_events")
