"""Decisions taken at the same moment: two approvers, a double click, two bot replicas.

Each "replica" is its own Store with its own engine and connection pool on
the same database, and the calls really overlap (asyncio.gather).
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from bot import models_db as db
from bot.review import InvalidState

try:
    from .conftest_workflow import FakeChecker, make_workflow
except ImportError:
    from conftest_workflow import FakeChecker, make_workflow

ROUNDS = 6
TEXT = "Your order 302-1234567-7654321: the manual is attached."


async def _count(store, table, *where) -> int:  # noqa: ANN001
    async with store.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table).where(*where))).scalar_one())


async def _replicas(database, n=2, **settings):  # noqa: ANN001, ANN202
    stores = await asyncio.gather(*(database.open() for _ in range(n)))
    return [make_workflow(s, FakeChecker(), **settings) for s in stores]


async def test_two_replicas_migrate_a_fresh_database_together(database) -> None:  # noqa: ANN001
    stores = await asyncio.gather(*(database.open() for _ in range(3)))
    for store in stores:
        assert await store.audit_events() == []


async def test_two_approvers_at_once_both_count(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database, required_approvals=2)
    for i in range(ROUNDS):
        draft = (await wf1.submit(author="alice", platform="slack", channel="C", thread=f"t{i}", text=TEXT)).draft
        a, b = await asyncio.gather(
            wf1.approve(draft.id, "bob", content_hash=draft.content_hash),
            wf2.approve(draft.id, "carol", content_hash=draft.content_hash),
        )
        assert a.recorded and b.recorded
        final = await wf1.get(draft.id)
        assert final.state == "approved", f"round {i}: an approval was lost"
        assert sorted(final.approvers) == ["bob", "carol"]
        events = [e for e in await wf1.store.audit_events() if e["draft_id"] == draft.id]
        assert [e["action"] for e in events].count("approval_complete") == 1


async def test_double_click_records_one_decision(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database)
    for i in range(ROUNDS):
        draft = (await wf1.submit(author="alice", platform="slack", channel="C", thread=f"t{i}", text=TEXT)).draft
        # the same click delivered twice to one replica, and once more to the other
        outcomes = await asyncio.gather(
            wf1.approve(draft.id, "bob", content_hash=draft.content_hash),
            wf1.approve(draft.id, "bob", content_hash=draft.content_hash),
            wf2.approve(draft.id, "bob", content_hash=draft.content_hash),
        )
        assert sorted(o.recorded for o in outcomes) == [False, False, True]
        assert all(o.draft.state == "approved" for o in outcomes)
        assert await _count(wf1.store, db.decisions, db.decisions.c.draft_id == draft.id) == 1
        approvals = [e for e in await wf1.store.audit_events() if e["draft_id"] == draft.id and e["action"] == "approved"]
        assert len(approvals) == 1


async def test_double_send_is_recorded_once(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database)
    draft = (await wf1.submit(author="alice", platform="slack", channel="C", thread="t", text=TEXT)).draft
    await wf1.approve(draft.id, "bob", content_hash=draft.content_hash)
    outcomes = await asyncio.gather(
        wf1.mark_sent(draft.id, "alice", content_hash=draft.content_hash),
        wf2.mark_sent(draft.id, "alice", content_hash=draft.content_hash),
        wf2.mark_sent(draft.id, "bob", content_hash=draft.content_hash),
    )
    assert sorted(o.recorded for o in outcomes) == [False, False, True]
    sent = await _count(wf1.store, db.decisions, db.decisions.c.kind == "sent")
    assert sent == 1


async def test_approve_racing_request_changes_ends_consistent(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database)
    for i in range(ROUNDS):
        draft = (await wf1.submit(author="alice", platform="slack", channel="C", thread=f"t{i}", text=TEXT)).draft
        approve, changes = await asyncio.gather(
            wf1.approve(draft.id, "bob", content_hash=draft.content_hash),
            wf2.request_changes(draft.id, "carol", content_hash=draft.content_hash, reason="no"),
            return_exceptions=True,
        )
        assert not isinstance(changes, BaseException), changes
        final = await wf1.get(draft.id)
        assert final.state == "changes_requested"
        actions = [e["action"] for e in await wf1.store.audit_events() if e["draft_id"] == draft.id]
        if isinstance(approve, BaseException):
            assert isinstance(approve, InvalidState)
            assert actions == ["submitted", "changes_requested"]
        else:
            assert actions == ["submitted", "approved", "approval_complete", "changes_requested"]


async def test_same_submission_on_two_replicas_opens_one_draft(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database)
    for i in range(ROUNDS):
        kw = {"author": "alice", "platform": "slack", "channel": "C", "thread": f"t{i}", "text": TEXT}
        a, b = await asyncio.gather(wf1.submit(**kw), wf2.submit(**kw))
        assert a.draft.id == b.draft.id
        assert sorted([a.recorded, b.recorded]) == [False, True]
        assert await _count(wf1.store, db.revisions, db.revisions.c.draft_id == a.draft.id) == 1


async def test_two_edits_at_once_both_become_revisions(database) -> None:  # noqa: ANN001
    wf1, wf2 = await _replicas(database)
    kw = {"author": "alice", "platform": "slack", "channel": "C", "thread": "t"}
    first = (await wf1.submit(text=TEXT, **kw)).draft
    await wf1.approve(first.id, "bob", content_hash=first.content_hash)
    a, b = await asyncio.gather(
        wf1.submit(text=TEXT + " (edit one)", **kw),
        wf2.submit(text=TEXT + " (edit two)", **kw),
    )
    assert a.draft.id == b.draft.id == first.id
    numbers = sorted([a.draft.revision, b.draft.revision])
    assert numbers == [2, 3]
    final = await wf1.get(first.id)
    assert final.revision == 3 and final.state == "pending" and final.approvals == []
    edited = [e for e in await wf1.store.audit_events() if e["action"] == "edited"]
    assert len(edited) == 2


@pytest.mark.parametrize("required", [3])
async def test_many_approvers_at_once(database, required) -> None:  # noqa: ANN001
    wfs = await _replicas(database, n=3, required_approvals=required)
    draft = (await wfs[0].submit(author="alice", platform="slack", channel="C", thread="t", text=TEXT)).draft
    outcomes = await asyncio.gather(
        *(wf.approve(draft.id, who, content_hash=draft.content_hash) for wf, who in zip(wfs, ["bob", "carol", "dave"], strict=True))
    )
    assert all(o.recorded for o in outcomes)
    final = await wfs[0].get(draft.id)
    assert final.state == "approved" and sorted(final.approvers) == ["bob", "carol", "dave"]
