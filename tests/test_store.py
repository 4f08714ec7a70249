"""The store: migrations, URLs, unavailability, the append-only audit trail, retention, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from bot import models_db as db
from bot.audit import export_audit
from bot.review_settings import DEFAULT_DATABASE_URL, ReviewSettings
from bot.store import Store, StoreMisconfigured, StoreUnavailable, normalize_url

try:
    from .conftest_workflow import (
        FakeChecker,
        make_workflow,
        review_requests,
    )
except ImportError:
    from conftest_workflow import (
        FakeChecker,
        make_workflow,
        review_requests,
    )

ORDER = "302-1234567-7654321"
KEY = {"platform": "discord", "channel": "G1", "thread": "T1"}


async def test_migrations_match_the_table_definitions(store) -> None:  # noqa: ANN001
    def diff(sync_conn):  # noqa: ANN001, ANN202
        context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)

    async with store.engine.connect() as conn:
        assert await conn.run_sync(diff) == []
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    assert version == "0003_amazon"  # the newest migration


async def test_reopening_keeps_everything(database) -> None:  # noqa: ANN001
    first = await database.open()
    wf = make_workflow(first)
    draft = (await wf.submit(author="alice", text="Order 302-1234567-7654321 manual", **KEY)).draft
    await first.close()
    second = await database.open()
    assert (await make_workflow(second).get(draft.id)).text == "Order 302-1234567-7654321 manual"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h:5432/d", "postgresql+asyncpg://u:p@h:5432/d"),
        ("postgresql://u@h/d", "postgresql+asyncpg://u@h/d"),
        ("postgresql+psycopg2://u@h/d", "postgresql+asyncpg://u@h/d"),
        ("postgres://u@h/d?sslmode=require", "postgresql+asyncpg://u@h/d?ssl=require"),
        ("sqlite:///x.sqlite3", "sqlite+aiosqlite:///x.sqlite3"),
        ("data/reviews.sqlite3", "sqlite+aiosqlite:///data/reviews.sqlite3"),
        ("", DEFAULT_DATABASE_URL),
    ],
)
def test_normalize_url(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


def test_settings_database_url_from_environment(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert ReviewSettings().database_url == "sqlite+aiosqlite:///checkmsg.sqlite3"
    monkeypatch.setenv("DATABASE_URL", "postgres://db/prod")
    assert ReviewSettings().database_url == "postgres://db/prod"
    assert ReviewSettings(database_url="sqlite:///team.db").database_url == "sqlite:///team.db"


def test_settings_validation() -> None:
    settings = ReviewSettings(approvers=[" bob ", "bob"], approver_roles=["leads"])
    assert settings.approvers == ["bob"]
    assert settings.required_approvals == 1 and settings.allow_override
    assert settings.retention_days == 90
    assert settings.may_approve("bob") and settings.may_approve("x", ["leads"])
    assert not settings.may_approve("x", ["staff"])
    with pytest.raises(ValueError):
        ReviewSettings(required_approvals=0)
    with pytest.raises(ValueError):
        ReviewSettings(approvers=[""])
    with pytest.raises(ValueError):
        ReviewSettings(approvers=["a"], unknown=True)


async def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(StoreUnavailable) as info:
        await Store.open("postgres://checkmsg:secret@127.0.0.1:1/nowhere")
    message = info.value.message
    assert "cannot be reached" in message and "Nothing of this action was recorded" in message
    assert "secret" not in message


async def test_locked_sqlite_is_a_clear_error_and_loses_nothing(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "locked.sqlite3"
    store = await Store.open(str(path), busy_timeout=0.2)
    wf = make_workflow(store)
    draft = (await wf.submit(author="alice", text="Order 302-1234567-7654321 manual", **KEY)).draft
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable, match="busy"):
            await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = await wf.get(draft.id)
    assert again.state == "pending" and again.text == "Order 302-1234567-7654321 manual"
    assert (await wf.approve(draft.id, "bob", content_hash=draft.content_hash)).draft.approved
    await store.close()


async def test_audit_rows_cannot_be_changed(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    await wf.submit(author="alice", text="Order 302-1234567-7654321 manual", **KEY)
    for statement in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"):
            async with store.engine.begin() as conn:
                await conn.execute(text(statement))
    assert [e["actor"] for e in await store.audit_events()] == ["alice"]


async def test_retention_purges_text_but_keeps_decisions(database) -> None:  # noqa: ANN001
    store = await database.open()
    checker = FakeChecker()
    wf = make_workflow(store, checker, retention_days=30)
    request = "Order 302-1234567-7654321: please leave a review, write to a@b.example"
    old = (await wf.submit(author="alice", text=request, context={"order_id": ORDER}, **KEY)).draft
    await wf.approve(old.id, "bob", content_hash=old.content_hash, reason="relay address")
    await wf.mark_sent(old.id, "alice", content_hash=old.content_hash)
    stale = (await wf.submit(author="alice", text="Order 302-1234567-7654321 manual", thread="T2",
                             platform="discord", channel="G1")).draft

    database.now += dt.timedelta(days=29)
    assert await wf.purge_expired() == 0
    recent = (await wf.submit(author="alice", text="Order 302-1234567-7654321 invoice", thread="T3",
                              platform="discord", channel="G1")).draft
    database.now += dt.timedelta(days=2)
    assert await wf.purge_expired() == 2
    assert await wf.purge_expired() == 0

    gone = await wf.get(old.id)
    assert gone.text is None and gone.context is None and gone.report is None
    assert gone.state == "sent" and gone.content_hash == old.content_hash
    assert gone.rule_ids == ["contact.email"]
    assert [(d.kind, d.actor) for d in gone.decisions] == [("approve", "bob"), ("sent", "alice")]
    expired = await wf.get(stale.id)
    assert expired.state == "expired" and expired.text is None
    assert (await wf.get(recent.id)).text == "Order 302-1234567-7654321 invoice"
    # order memory outlives the text
    assert await review_requests(store, ORDER) == 1
    async with store.engine.connect() as conn:
        leftovers = (await conn.execute(text(
            "SELECT count(*) FROM revisions WHERE purged_at IS NOT NULL "
            "AND (text IS NOT NULL OR context_json IS NOT NULL OR report_json IS NOT NULL)"
        ))).scalar_one()
        raw_order = (await conn.execute(
            text("SELECT count(*) FROM order_review_requests WHERE order_key = :o"), {"o": ORDER}
        )).scalar_one()
    assert leftovers == 0 and raw_order == 0
    actions = [e["action"] for e in await store.audit_events()]
    assert actions.count("purged") == 2 and actions.count("expired") == 1


async def test_retention_can_be_off(store) -> None:  # noqa: ANN001
    wf = make_workflow(store, retention_days=None)
    await wf.submit(author="alice", text="Order 302-1234567-7654321 manual", **KEY)
    assert await wf.purge_expired() == 0


async def _decided_trail(store):  # noqa: ANN001, ANN202
    wf = make_workflow(store)
    draft = (await wf.submit(author="alice", text="=HYPERLINK(a@b.example) 302-1234567-7654321", **KEY)).draft
    await wf.approve(draft.id, "bob", content_hash=draft.content_hash, reason="=cmd|' /C calc'!A0")
    return draft


async def test_export_json_and_csv(store) -> None:  # noqa: ANN001
    draft = await _decided_trail(store)
    out = io.StringIO()
    assert await export_audit(store, "json", out) == 3
    events = json.loads(out.getvalue())
    assert [e["action"] for e in events] == ["submitted", "approved_override", "approval_complete"]
    assert all(e["content_hash"] == draft.content_hash for e in events)
    assert events[0]["rule_ids"] == ["contact.email"]
    assert "HYPERLINK" not in out.getvalue()  # texts are never exported

    out = io.StringIO()
    await export_audit(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["actor"] for r in rows] == ["alice", "bob", "bob"]
    assert rows[0]["rule_ids"] == "contact.email"
    assert rows[1]["reason"] == "'=cmd|' /C calc'!A0"  # not a formula in a spreadsheet
    assert dt.datetime.fromisoformat(rows[0]["at"]).tzinfo is not None

    out = io.StringIO()
    await export_audit(store, "jsonl", out)
    assert len(out.getvalue().splitlines()) == 3
    with pytest.raises(ValueError):
        await export_audit(store, "xml", io.StringIO())


async def test_export_since(database) -> None:  # noqa: ANN001
    store = await database.open()
    await _decided_trail(store)
    database.now += dt.timedelta(days=3)
    wf = make_workflow(store)
    await wf.submit(author="carol", text="Order 302-1234567-7654321 manual", thread="T9",
                    platform="discord", channel="G1")
    out = io.StringIO()
    since = (database.now - dt.timedelta(days=1)).date().isoformat()
    assert await export_audit(store, "json", out, since=since) == 1
    assert [e["actor"] for e in json.loads(out.getvalue())] == ["carol"]


async def test_unknown_database_kind_is_a_clear_error() -> None:
    """A URL naming a database kind CheckMsg does not support is refused in a sentence saying what to write."""
    with pytest.raises(StoreMisconfigured, match="SQLite or PostgreSQL, not"):
        await Store.open("nope://somewhere/db")
