"""Fixtures shared by the test modules; the helpers they use live in
``conftest_workflow.py`` (the review store) and ``fakes/discord_harness.py``
(the fake Discord), which test modules import by name."""

from __future__ import annotations

import uuid

import pytest
from conftest_workflow import PG_URL, Database, FakeChecker, require_pg
from fakes.discord_fake import FakeDiscord
from fakes.discord_harness import Endpoints, watched_bot
from sqlalchemy.ext.asyncio import create_async_engine

from bot.store import Store

# -- the review store: every store test runs on SQLite and on PostgreSQL ------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database(request, tmp_path):  # noqa: ANN001, ANN201
    if request.param == "sqlite":
        database = Database("sqlite", f"sqlite+aiosqlite:///{tmp_path / 'checkmsg.sqlite3'}", None)
        yield database
    else:
        await require_pg()
        schema = f"cmtest_{uuid.uuid4().hex[:12]}"
        admin = create_async_engine(PG_URL)
        async with admin.begin() as conn:
            await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        database = Database("postgres", PG_URL, schema)
        try:
            yield database
        finally:
            for store in database.stores:
                await store.close()
            database.stores.clear()
            async with admin.begin() as conn:
                await conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
            await admin.dispose()
    for store in database.stores:
        await store.close()


@pytest.fixture
async def store(database: Database) -> Store:
    return await database.open()


@pytest.fixture
def fake_checker() -> FakeChecker:
    return FakeChecker()


# -- the fake Discord and a bot connected to it --------------------------------------


@pytest.fixture
async def fake():
    with Endpoints():
        fake = FakeDiscord()
        await fake.start()
        try:
            yield fake
        finally:
            await fake.stop()


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'checkmsg.sqlite3'}"


@pytest.fixture
def checker() -> FakeChecker:
    return FakeChecker()


@pytest.fixture
async def running(fake, db_url, checker):
    """The bot, connected, with one watched channel (``running.watched``)."""
    async with watched_bot(fake, db_url, checker) as bot:
        yield bot
