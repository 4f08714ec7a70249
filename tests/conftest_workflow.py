"""Fixtures for the review workflow, store and console tests (issue 6).

Every store test runs twice: on a fresh SQLite file and on the PostgreSQL
server named by ``CHECKMSG_TEST_PG_URL`` (default: the local ``test``
database), each test in its own schema, dropped afterwards. When that server
cannot be reached the PostgreSQL half is skipped, saying why, except with
``CI=true``, where it fails instead.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Sequence

import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from bot.review import ReviewWorkflow
from bot.review_settings import ReviewSettings
from bot.store import Store, normalize_url
from checks import CheckSettings, Draft, Finding, Report, Severity

PG_URL = normalize_url(
    os.environ.get("CHECKMSG_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
)

_pg_reachable: dict[str, str | None] = {}


async def _probe_pg() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    if "result" not in _pg_reachable:
        engine = create_async_engine(PG_URL, connect_args={"timeout": 3})
        try:
            async with engine.connect() as conn:
                await conn.exec_driver_sql("SELECT 1")
            _pg_reachable["result"] = None
        except Exception as exc:  # noqa: BLE001 - any failure means "not usable here"
            _pg_reachable["result"] = f"{type(exc).__name__}: {exc}"
        finally:
            await engine.dispose()
    return _pg_reachable["result"]


async def require_pg() -> None:
    reason = await _probe_pg()
    if reason is None:
        return
    message = f"PostgreSQL at {PG_URL} is not reachable ({reason}); set CHECKMSG_TEST_PG_URL"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: the PostgreSQL tests must run)")
    pytest.skip(message)


class Database:
    """One empty database for one test; ``open()`` gives a Store (a 'replica') on it."""

    def __init__(self, backend: str, url: str, schema: str | None) -> None:
        self.backend = backend
        self.url = url
        self.schema = schema
        self.stores: list[Store] = []
        self.now = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)

    def clock(self) -> dt.datetime:
        return self.now

    async def open(self, **kwargs) -> Store:  # noqa: ANN003
        kwargs.setdefault("clock", self.clock)
        store = await Store.open(self.url, schema=self.schema, **kwargs)
        self.stores.append(store)
        return store


class FakeChecker:
    """A stand-in for the rule engine with a few fixed, documented triggers.

    ``@`` in the text -> ``contact.email`` (error); the word "review" with
    ``previous_review_requests >= 1`` -> ``review.repeat`` (error); "maybe"
    -> ``style.hedge`` (warning). It records every draft it was given.
    """

    def __init__(self) -> None:
        self.drafts: list[Draft] = []

    async def __call__(self, draft: Draft, settings: CheckSettings | None) -> Report:
        self.drafts.append(draft)
        await asyncio.sleep(0)
        text = draft.text
        findings = []
        if "@" in text:
            at = text.index("@")
            findings.append(_finding("contact.email", Severity.ERROR, (at, at + 1), text))
        if "review" in text.lower() and (draft.context.previous_review_requests or 0) >= 1:
            findings.append(_finding("review.repeat", Severity.ERROR, None, text))
        if "maybe" in text:
            at = text.index("maybe")
            findings.append(_finding("style.hedge", Severity.WARNING, (at, at + 5), text))
        return Report(findings=findings, language="en")


def _finding(rule: str, severity: Severity, span: tuple[int, int] | None, text: str) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        message=f"{rule} fired",
        span=span,
        excerpt=text[span[0] : span[1]] if span else None,
        guideline="test",
    )


async def review_requests(store: Store, order_id: str) -> int:
    """How many drafts for this order were approved or sent as review requests (the order memory)."""
    from bot.repository import count_review_requests
    from bot.store import order_key

    async with store.transaction() as conn:
        return await count_review_requests(conn, order_key(order_id))


async def open_draft(workflow: ReviewWorkflow, platform: str, channel: str, thread: str = ""):  # noqa: ANN201
    """The draft still under review in this conversation, if any."""
    from sqlalchemy import select

    from bot import models_db as db
    from bot.store import thread_key

    async with workflow.store.transaction() as conn:
        row = (await conn.execute(
            select(db.drafts.c.id).where(db.drafts.c.open_key == thread_key(platform, channel, thread))
        )).first()
    return await workflow.get(row.id) if row else None


def make_workflow(
    store: Store,
    checker: FakeChecker | None = None,
    *,
    approvers: Sequence[str] = ("bob", "carol", "dave"),
    **settings,  # noqa: ANN003
) -> ReviewWorkflow:
    return ReviewWorkflow(
        store,
        ReviewSettings(approvers=list(approvers), **settings),
        checker=checker or FakeChecker(),
    )
