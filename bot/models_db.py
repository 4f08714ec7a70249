"""The review store's tables. Alembic migrations in ``bot/migrations`` create them;
``bot/repository.py`` holds every statement on them.

Text and buyer context live only in ``revisions.text`` / ``context_json`` /
``report_json`` (purged after the retention period); everything else is
hashes, ids, rule ids and decisions, which stay.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator):
    """Timestamps kept in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect):  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect):  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(200), nullable=False),
    Column("thread", String(200), nullable=False),
    # sha256 of (platform, channel, thread) while the draft is open, NULL once
    # it is final: at most one open draft per conversation, even across replicas.
    Column("open_key", String(64), nullable=True, unique=True),
    Column("author", String(200), nullable=False),
    Column("state", String(24), nullable=False),  # one of bot/states.py
    Column("current_revision", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("submitted_by", String(200), nullable=False),
    Column("text", Text, nullable=True),
    Column("context_json", Text, nullable=True),
    Column("report_json", Text, nullable=True),
    Column("rule_ids", Text, nullable=False),
    Column("has_errors", Boolean, nullable=False),
    Column("review_request", Boolean, nullable=False),
    Column("order_key", String(64), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("purged_at", UTCDateTime(), nullable=True),
    UniqueConstraint("draft_id", "number", name="uq_revisions_draft_id_number"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id"), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("reason", Text, nullable=True),
    Column("override", Boolean, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    # One decision of a kind per person per content: a double click records one.
    UniqueConstraint("revision_id", "actor", "kind", name="uq_decisions_revision_actor_kind"),
)

order_review_requests = Table(
    "order_review_requests",
    metadata,
    Column("order_key", String(64), primary_key=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), primary_key=True),
    Column("revision_id", Integer, ForeignKey("revisions.id"), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime(), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(32), nullable=False),
    Column("draft_id", Integer, nullable=True),
    Column("revision", Integer, nullable=True),
    Column("content_hash", String(64), nullable=True),
    Column("platform", String(32), nullable=True),
    Column("channel", String(200), nullable=True),
    Column("thread", String(200), nullable=True),
    Column("rule_ids", Text, nullable=False),
    Column("reason", Text, nullable=True),
    Index("ix_audit_events_at", "at"),
)

# Chat adapters (migration 0002, bot.chat.EventLedger through bot/repository.py): platform events already
# handled, so a retry or a second replica finds the key taken, and the bot's
# reply messages per conversation, so an edit updates them in place.
chat_events = Table(
    "chat_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("event_key", String(255), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("platform", "event_key", name="uq_chat_events_platform_event_key"),
    Index("ix_chat_events_created_at", "created_at"),
)

chat_replies = Table(
    "chat_replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(200), nullable=False),
    Column("thread", String(200), nullable=False),
    Column("message_ids", Text, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("platform", "channel", "thread", name="uq_chat_replies_platform_channel_thread"),
)

# Amazon (migration 0003_amazon, bot/amazon/send.py through bot/repository.py). One row per
# approved revision sent through SP-API: the unique revision_id, claimed by
# insert or by a conditional update from a released state, is the guard that
# lets one click on one replica send, and no other. ``state``: sending, sent,
# failed (Amazon refused; may be tried again) or dry_run.
amazon_sends = Table(
    "amazon_sends",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id"), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("order_key", String(64), nullable=False),
    Column("message_type", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("amazon_status", Integer, nullable=True),
    Column("amazon_answer", Text, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("revision_id", name="uq_amazon_sends_revision_id"),
)

# Amazon's own review request (Solicitations API): allowed once per order, so
# the order (hashed like order_review_requests) is the key.
amazon_solicitations = Table(
    "amazon_solicitations",
    metadata,
    Column("order_key", String(64), primary_key=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=True),
    Column("state", String(16), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("amazon_status", Integer, nullable=True),
    Column("amazon_answer", Text, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)
