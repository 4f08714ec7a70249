"""The review store's rows: every SQL statement the review workflow and the chat layer run.

Each function works inside a transaction its caller opened
(``Store.transaction()``), so a workflow step (lock the draft, check, record
the decision, its audit line and the new state) is one transaction whatever
it reads and writes here. Rows come back as SQLAlchemy rows, read by column
name (``draft.state``, ``revision.content_hash``); what they mean, and which
change is allowed when, is the workflow's (``bot/review.py``,
``bot/policy.py``), not this module's.

A write that finds another writer got there first (a unique key taken) comes
out of ``Store.transaction()`` as ``bot.store.Conflict``: nothing of the
transaction is kept, and the caller may start again. An update guarded by the
row's version says whether it applied.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from . import models_db as db
from .states import EXPIRED, OPEN_STATES, PENDING

SYSTEM_ACTOR = "checkmsg"

# -- drafts ------------------------------------------------------------------------------


async def lock_draft(conn: AsyncConnection, draft_id: int) -> Any:
    """The draft row, locked for the rest of the transaction (PostgreSQL ``FOR UPDATE``); None when there is none."""
    return (await conn.execute(select(db.drafts).where(db.drafts.c.id == draft_id).with_for_update())).one_or_none()


async def lock_open_draft(conn: AsyncConnection, open_key: str) -> Any:
    """The conversation's open draft (``thread_key``), locked; None when it has none."""
    return (await conn.execute(select(db.drafts).where(db.drafts.c.open_key == open_key).with_for_update())).one_or_none()


async def read_draft(conn: AsyncConnection, draft_id: int) -> Any:
    """The draft row without a lock; None when there is none."""
    return (await conn.execute(select(db.drafts).where(db.drafts.c.id == draft_id))).one_or_none()


async def insert_draft(
    conn: AsyncConnection, *, platform: str, channel: str, thread: str, open_key: str, author: str, now: dt.datetime
) -> int:
    """A new pending draft at revision 1; its id. Another open draft in the conversation: a ``Conflict``."""
    statement = (
        insert(db.drafts)
        .values(
            platform=platform, channel=channel, thread=thread, open_key=open_key, author=author,
            state=PENDING, current_revision=1, version=1, created_at=now, updated_at=now,
        )
        .returning(db.drafts.c.id)
    )
    return (await conn.execute(statement)).scalar_one()


async def advance_revision(conn: AsyncConnection, draft: Any, number: int, now: dt.datetime) -> bool:
    """Make revision ``number`` the draft's current one, pending again; False when the row moved on."""
    result = await conn.execute(
        update(db.drafts)
        .where(db.drafts.c.id == draft.id, db.drafts.c.version == draft.version)
        .values(state=PENDING, current_revision=number, version=draft.version + 1, updated_at=now)
    )
    return result.rowcount == 1


async def set_state(conn: AsyncConnection, draft: Any, state: str, now: dt.datetime) -> bool:
    """Move the draft to ``state`` (a final state frees the conversation for a new draft);
    False when the row moved on (the row lock makes that unreachable: the version is a backstop)."""
    result = await conn.execute(
        update(db.drafts)
        .where(db.drafts.c.id == draft.id, db.drafts.c.version == draft.version)
        .values(
            state=state,
            open_key=draft.open_key if state in OPEN_STATES else None,
            version=draft.version + 1,
            updated_at=now,
        )
    )
    return result.rowcount == 1


# -- revisions ---------------------------------------------------------------------------


async def read_revision(conn: AsyncConnection, draft_id: int, number: int) -> Any:
    """Revision ``number`` of the draft (it exists: a draft always has its current one)."""
    r = db.revisions
    return (await conn.execute(select(r).where(r.c.draft_id == draft_id, r.c.number == number))).one()


async def insert_revision(
    conn: AsyncConnection,
    *,
    draft_id: int,
    number: int,
    content_hash: str,
    submitted_by: str,
    text: str,
    context_json: str,
    report_json: str,
    rule_ids: Sequence[str],
    has_errors: bool,
    review_request: bool,
    order_key: str | None,
    now: dt.datetime,
) -> None:
    await conn.execute(
        insert(db.revisions).values(
            draft_id=draft_id, number=number, content_hash=content_hash, submitted_by=submitted_by, text=text,
            context_json=context_json, report_json=report_json, rule_ids=json.dumps(list(rule_ids)),
            has_errors=has_errors, review_request=review_request, order_key=order_key, created_at=now,
        )
    )


async def submitters(conn: AsyncConnection, draft_id: int) -> set[str]:
    """Everyone who submitted a version of the draft."""
    r = db.revisions
    return set((await conn.execute(select(r.c.submitted_by).where(r.c.draft_id == draft_id))).scalars())


# -- decisions ---------------------------------------------------------------------------


async def insert_decision(
    conn: AsyncConnection, *, draft: Any, revision: Any, actor: str, kind: str, reason: str | None, override: bool, now: dt.datetime
) -> None:
    """One person's decision on the revision's content (one of a kind per person: a second is a ``Conflict``)."""
    await conn.execute(
        insert(db.decisions).values(
            draft_id=draft.id, revision_id=revision.id, content_hash=revision.content_hash,
            actor=actor, kind=kind, reason=reason, override=override, created_at=now,
        )
    )


async def has_decided(conn: AsyncConnection, revision_id: int, actor: str, kind: str) -> bool:
    d = db.decisions
    query = select(d.c.id).where(d.c.revision_id == revision_id, d.c.actor == actor, d.c.kind == kind)
    return (await conn.execute(query)).first() is not None


async def count_decisions(conn: AsyncConnection, revision_id: int, kind: str) -> int:
    d = db.decisions
    query = select(func.count()).select_from(d).where(d.c.revision_id == revision_id, d.c.kind == kind)
    return int((await conn.execute(query)).scalar_one())


async def read_decisions(conn: AsyncConnection, revision_id: int) -> list[Any]:
    """The decisions on a revision, oldest first."""
    d = db.decisions
    return list((await conn.execute(select(d).where(d.c.revision_id == revision_id).order_by(d.c.id))).all())


# -- the order's review requests ---------------------------------------------------------


async def count_review_requests(conn: AsyncConnection, key: str, *, exclude_draft: int | None = None) -> int:
    """Review requests remembered for the order (``order_key``), another draft's only with ``exclude_draft``."""
    t = db.order_review_requests
    query = select(func.count()).select_from(t).where(t.c.order_key == key)
    if exclude_draft is not None:
        query = query.where(t.c.draft_id != exclude_draft)
    return int((await conn.execute(query)).scalar_one())


async def remember_review_request(conn: AsyncConnection, *, order_key: str, draft_id: int, revision_id: int,
                                  content_hash: str, now: dt.datetime) -> None:
    """The order had a review request from this draft (once per draft: kept after retention)."""
    t = db.order_review_requests
    exists = (await conn.execute(select(t.c.draft_id).where(t.c.order_key == order_key, t.c.draft_id == draft_id))).first()
    if exists is None:
        await conn.execute(
            insert(t).values(order_key=order_key, draft_id=draft_id, revision_id=revision_id, content_hash=content_hash, created_at=now)
        )


# -- the audit trail ---------------------------------------------------------------------


async def append_audit(
    conn: AsyncConnection,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    draft: Any = None,
    revision: int | None = None,
    content_hash: str | None = None,
    rule_ids: list[str] | tuple[str, ...] = (),
    reason: str | None = None,
) -> None:
    """Add one line to the audit trail (rows are never updated or deleted)."""
    await conn.execute(
        insert(db.audit_events).values(
            at=at,
            actor=actor,
            action=action,
            draft_id=draft.id if draft is not None else None,
            revision=revision,
            content_hash=content_hash,
            platform=draft.platform if draft is not None else None,
            channel=draft.channel if draft is not None else None,
            thread=draft.thread if draft is not None else None,
            rule_ids=json.dumps(sorted(set(rule_ids))),
            reason=reason,
        )
    )


async def audit_events(conn: AsyncConnection, since: dt.datetime | None = None) -> list[dict[str, Any]]:
    """The audit trail, oldest first (``rule_ids`` as a list)."""
    query = select(db.audit_events).order_by(db.audit_events.c.id)
    if since is not None:
        query = query.where(db.audit_events.c.at >= since)
    rows = (await conn.execute(query)).mappings().all()
    return [{**row, "rule_ids": json.loads(row["rule_ids"])} for row in rows]


# -- retention ---------------------------------------------------------------------------


async def purge_before(conn: AsyncConnection, cutoff: dt.datetime, now: dt.datetime, retention_days: int) -> int:
    """Blank text, context and report of revisions created before ``cutoff``; hashes, rule ids and
    decisions stay. An open draft whose current text goes becomes ``expired``. How many were purged."""
    r = db.revisions
    old = (
        await conn.execute(
            select(r.c.id, r.c.draft_id, r.c.number, r.c.content_hash, r.c.rule_ids)
            .where(r.c.created_at < cutoff, r.c.purged_at.is_(None))
            .order_by(r.c.id)
        )
    ).all()
    if not old:
        return 0
    await conn.execute(
        update(r).where(r.c.id.in_([row.id for row in old])).values(text=None, context_json=None, report_json=None, purged_at=now)
    )
    for row in old:
        draft = await lock_draft(conn, row.draft_id)
        await append_audit(
            conn, at=now, actor=SYSTEM_ACTOR, action="purged", draft=draft, revision=row.number,
            content_hash=row.content_hash, rule_ids=json.loads(row.rule_ids), reason=f"retention of {retention_days} days",
        )
        if draft.state in OPEN_STATES and draft.current_revision == row.number:
            await conn.execute(
                update(db.drafts)
                .where(db.drafts.c.id == draft.id)
                .values(state=EXPIRED, open_key=None, version=draft.version + 1, updated_at=now)
            )
            await append_audit(
                conn, at=now, actor=SYSTEM_ACTOR, action="expired", draft=draft, revision=row.number,
                content_hash=row.content_hash, rule_ids=[], reason="its text was purged before anyone decided",
            )
    return len(old)


# -- chat events handled and replies posted (``bot.chat.EventLedger``) --------------------


def _upsert(dialect: str, table: Any) -> Any:
    """An INSERT that can say ON CONFLICT, in the store's dialect."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


async def claim_event(conn: AsyncConnection, dialect: str, platform: str, event_key: str, now: dt.datetime) -> bool:
    """True for the first to record this event key (any replica); False once it is taken."""
    statement = (
        _upsert(dialect, db.chat_events)
        .values(platform=platform, event_key=event_key[:255], created_at=now)
        .on_conflict_do_nothing(index_elements=["platform", "event_key"])
    )
    return (await conn.execute(statement)).rowcount == 1


async def forget_events_before(conn: AsyncConnection, before: dt.datetime) -> int:
    """Drop the event keys recorded before ``before``; how many went."""
    t = db.chat_events
    return (await conn.execute(t.delete().where(t.c.created_at < before))).rowcount


async def reply_ids(conn: AsyncConnection, platform: str, channel: str, thread: str) -> list[str]:
    """The ids of the messages the bot posted for this conversation, in order."""
    t = db.chat_replies
    query = select(t.c.message_ids).where(t.c.platform == platform, t.c.channel == channel, t.c.thread == thread)
    row = (await conn.execute(query)).first()
    return json.loads(row.message_ids) if row else []


async def set_reply_ids(
    conn: AsyncConnection, dialect: str, platform: str, channel: str, thread: str, message_ids: Sequence[str], now: dt.datetime
) -> None:
    t = db.chat_replies
    ids = json.dumps(list(message_ids))
    result = await conn.execute(
        update(t)
        .where(t.c.platform == platform, t.c.channel == channel, t.c.thread == thread)
        .values(message_ids=ids, updated_at=now)
    )
    if result.rowcount == 0:
        await conn.execute(
            _upsert(dialect, t)
            .values(platform=platform, channel=channel, thread=thread, message_ids=ids, updated_at=now)
            .on_conflict_do_update(
                index_elements=["platform", "channel", "thread"],
                set_={"message_ids": ids, "updated_at": now},
            )
        )


# -- Amazon: sends and review requests, each claimed once (``bot/amazon/``) ----------------


async def read_revision_by_id(conn: AsyncConnection, revision_id: int) -> Any:
    return (await conn.execute(select(db.revisions).where(db.revisions.c.id == revision_id))).one()


async def send_for_revision(conn: AsyncConnection, revision_id: int) -> Any:
    """The Amazon send claimed for this revision (one at most); None when there is none."""
    t = db.amazon_sends
    return (await conn.execute(select(t).where(t.c.revision_id == revision_id))).one_or_none()


async def read_send(conn: AsyncConnection, send_id: int) -> Any:
    return (await conn.execute(select(db.amazon_sends).where(db.amazon_sends.c.id == send_id))).one()


async def latest_send(conn: AsyncConnection, draft_id: int) -> Any:
    """The draft's newest Amazon send; None when it has none."""
    t = db.amazon_sends
    return (await conn.execute(select(t).where(t.c.draft_id == draft_id).order_by(t.c.id.desc()))).first()


async def sends_in(conn: AsyncConnection, draft_id: int, send_states: Sequence[str]) -> list[Any]:
    """The draft's Amazon sends in one of ``send_states``."""
    t = db.amazon_sends
    return list((await conn.execute(select(t).where(t.c.draft_id == draft_id, t.c.state.in_(send_states)))).all())


async def insert_send(conn: AsyncConnection, **values: Any) -> int:
    """A new send claim; its id. Another claim of the same revision first: a ``Conflict``."""
    t = db.amazon_sends
    return (await conn.execute(insert(t).values(**values).returning(t.c.id))).scalar_one()


async def update_send(conn: AsyncConnection, send_id: int, from_state: str, **values: Any) -> bool:
    """Change the send only while it is still in ``from_state``; whether it did."""
    t = db.amazon_sends
    return (await conn.execute(update(t).where(t.c.id == send_id, t.c.state == from_state).values(**values))).rowcount == 1


async def read_solicitation(conn: AsyncConnection, order_key: str) -> Any:
    """The order's Amazon review request (one per order); None when there is none."""
    t = db.amazon_solicitations
    return (await conn.execute(select(t).where(t.c.order_key == order_key))).one_or_none()


async def insert_solicitation(conn: AsyncConnection, **values: Any) -> None:
    """The order's review request claimed; another claim of the order first: a ``Conflict``."""
    await conn.execute(insert(db.amazon_solicitations).values(**values))


async def update_solicitation(conn: AsyncConnection, order_key: str, from_state: str, **values: Any) -> bool:
    """Change the order's review request only while it is still in ``from_state``; whether it did."""
    t = db.amazon_solicitations
    return (await conn.execute(update(t).where(t.c.order_key == order_key, t.c.state == from_state).values(**values))).rowcount == 1
