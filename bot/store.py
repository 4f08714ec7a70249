"""The review store: SQLite by default, PostgreSQL through ``DATABASE_URL``.

The schema comes from the Alembic migrations packaged in ``bot/migrations``;
``Store.open`` applies them, so a fresh file or database is ready at once.
Every write runs in one transaction: an action is recorded whole or not at all.
This module connects, migrates and turns database failures into errors a
person can act on; the statements themselves are in ``bot/repository.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, InterfaceError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from checks.i18n import tr

from . import repository
from .review_settings import DEFAULT_DATABASE_URL

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant works; it only has to be the same for every replica.
_PG_MIGRATION_LOCK = 0x636865636B6D7367  # "checkmsg"


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or is locked; nothing of this action was recorded."""

    exit_status = 3  # the CLI's "a service is unavailable"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreMisconfigured(StoreUnavailable):
    """The database setting cannot work as given (not a URL, a kind CheckMsg
    does not support, no such database or role, a folder that does not exist):
    a person must change it, waiting will not help."""

    exit_status = 2  # the CLI's "bad input or usage"


class Conflict(Exception):
    """Another writer took the same unique key first (another replica opened a draft in the
    conversation, claimed the same send, recorded the same decision): nothing of this
    transaction was recorded, and the caller may look again and retry."""


SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")
# PostgreSQL error codes that mean the URL names something that is not there.
_PG_MISCONFIGURED = {
    "3D000": tr("store.no-database", "the database does not exist on that server; create it (createdb NAME) or correct the name in the URL"),
    "28000": tr("store.no-role", "the server does not accept that user name; correct the user in the URL"),
    "28P01": tr("store.bad-password", "the server refused the password; correct it in the URL"),
}


def check_url(url: str, *, create: bool = True) -> None:
    """Refuse, in one sentence that says what to write instead, a database
    setting that cannot work; with ``create=False`` also a SQLite file that
    does not exist yet (reading an audit trail must not make an empty one)."""
    url = url.strip()
    if "://" not in url:
        if url != ":memory:" and not url.lower().endswith(SQLITE_SUFFIXES) and not Path(url).is_file():
            raise StoreMisconfigured(
                tr(
                    "store.not-a-url",
                    "{url!r} is neither a database URL nor a SQLite file name; "
                    "write postgresql://USER@HOST:PORT/NAME or a file name ending in .sqlite3",
                    url=url,
                )
            )
        path = url
    else:
        scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
        if scheme not in ("postgres", "postgresql", "sqlite"):
            raise StoreMisconfigured(
                tr(
                    "store.unsupported",
                    "CheckMsg keeps reviews in SQLite or PostgreSQL, not {scheme}; "
                    "write postgresql://USER@HOST:PORT/NAME or a file name ending in .sqlite3",
                    scheme=scheme,
                )
            )
        if scheme != "sqlite":
            return
        path = url.split("://", 1)[1].removeprefix("/").split("?", 1)[0]
    if not path or path == ":memory:":
        return
    folder = Path(path).parent
    if not folder.is_dir():
        raise StoreMisconfigured(
            tr("store.no-folder", "The folder {folder} for the SQLite database does not exist; create it or choose another path", folder=str(folder))
        )
    if not create and not Path(path).is_file():
        raise StoreMisconfigured(
            tr(
                "store.no-file",
                "There is no review database at {path}; give the file the bot uses (--database or DATABASE_URL)",
                path=path,
            )
        )


Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def normalize_url(url: str | None) -> str:
    """Accept what people paste: ``postgres://``, ``postgresql://``, ``sqlite:///``, a file path."""
    url = (url or "").strip() or DEFAULT_DATABASE_URL
    if "://" not in url:  # a bare file path
        return f"sqlite+aiosqlite:///{url}"
    scheme, rest = url.split("://", 1)
    base = scheme.split("+", 1)[0].lower()
    if base in ("postgres", "postgresql"):
        scheme = "postgresql+asyncpg"
        # libpq's sslmode is asyncpg's ssl.
        rest = rest.replace("sslmode=", "ssl=")
    elif base == "sqlite":
        scheme = "sqlite+aiosqlite"
    return f"{scheme}://{rest}"


def order_key(order_id: str | None) -> str | None:
    """The order id as the store keeps it: a hash, so order memory outlives retention."""
    if not order_id or not order_id.strip():
        return None
    return hashlib.sha256(f"order:{order_id.strip()}".encode()).hexdigest()


def thread_key(platform: str, channel: str, thread: str) -> str:
    return hashlib.sha256(json.dumps([platform, channel, thread]).encode()).hexdigest()


class Store:
    """One database of drafts, decisions and the audit trail."""

    def __init__(self, engine: AsyncEngine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    # -- opening -------------------------------------------------------------

    @classmethod
    async def open(
        cls,
        url: str | None = None,
        *,
        schema: str | None = None,
        clock: Clock = utcnow,
        busy_timeout: float = 5.0,
        migrate: bool = True,
        create: bool = True,
    ) -> Store:
        """Connect to ``url`` (default: ``DATABASE_URL``, else ``checkmsg.sqlite3``) and migrate.

        ``create=False``: a SQLite file must exist already (readers such as
        ``checkmsg audit``). A setting that cannot work raises
        :class:`StoreMisconfigured`; a server that does not answer, ``StoreUnavailable``.

        ``schema`` (PostgreSQL only) puts every table in that schema, which
        must exist; tests use it to keep runs apart.
        """
        given = (url or os.environ.get("DATABASE_URL") or "").strip()
        if given:
            check_url(given, create=create)
        elif not create:
            check_url(DEFAULT_DATABASE_URL, create=False)
        url = normalize_url(given)
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise StoreUnavailable(tr("store.bad-url", "The database URL {url!r} is not valid: {error}", url=url, error=exc)) from exc
        try:
            engine = _create_engine(parsed, schema=schema, busy_timeout=busy_timeout)
        except (ArgumentError, NoSuchModuleError) as exc:  # an unknown database kind or driver
            raise StoreUnavailable(tr("store.bad-url", "The database URL {url!r} is not valid: {error}", url=url, error=exc)) from exc
        store = cls(engine, clock)
        if migrate:
            try:
                await store.migrate()
            except BaseException:
                await engine.dispose()
                raise
        return store

    async def close(self) -> None:
        await self.engine.dispose()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def describe(self) -> str:
        """The URL without its password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    async def migrate(self) -> None:
        """Bring the schema to the newest migration (safe with several replicas at once)."""
        async with self.transaction() as conn:
            if self.dialect == "postgresql":
                # Two replicas starting together must not both create the tables.
                await conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            await conn.run_sync(_upgrade)

    # -- transactions --------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One transaction; a database that is down or locked becomes ``StoreUnavailable``.

        On SQLite the transaction takes the write lock at once (``BEGIN
        IMMEDIATE``), so two writers queue instead of deciding on stale rows;
        on PostgreSQL callers lock the rows they change (``FOR UPDATE``).
        """
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (OperationalError, InterfaceError, PoolTimeout) as exc:
            raise self._unavailable(exc) from exc
        except IntegrityError as exc:  # a unique key another writer took first
            raise Conflict(*(str(exc.orig or exc).strip().splitlines()[:1])) from exc
        except DBAPIError as exc:
            problem = _PG_MISCONFIGURED.get(str(getattr(exc.orig, "sqlstate", "") or ""))
            if problem is not None:
                raise StoreMisconfigured(
                    tr("store.misconfigured", "The review database {database} cannot be used: {problem}.", database=self.describe(), problem=problem)
                ) from exc
            if exc.connection_invalidated:
                raise self._unavailable(exc) from exc
            raise
        except (TimeoutError, OSError) as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: BaseException) -> StoreUnavailable:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        reason = detail[0] if detail else type(exc).__name__
        if "locked" in reason.lower() or "busy" in reason.lower():
            what = tr("store.busy", "is busy (another process holds its lock)")
        elif isinstance(getattr(exc, "orig", None) or exc, ConnectionRefusedError) or "connect call failed" in reason.lower():
            return StoreUnavailable(
                tr(
                    "store.refused",
                    "The review database {database} cannot be reached: nothing answers at that address; check that the server "
                    "runs and that the host and port in the URL are right. Nothing of this action was recorded.",
                    database=self.describe(),
                )
            )
        elif "unable to open database file" in reason.lower():
            return StoreMisconfigured(
                tr(
                    "store.cannot-open-file",
                    "The SQLite file {database} cannot be opened: check that its folder exists and that you may write there.",
                    database=self.describe(),
                )
            )
        else:
            what = tr("store.unreachable", "cannot be reached")
        return StoreUnavailable(
            tr(
                "store.unavailable",
                "The review database {database} {what}: {reason}. "
                "Nothing of this action was recorded, and nothing recorded before is lost; try again in a moment.",
                database=self.describe(),
                what=what,
                reason=reason,
            )
        )

    async def ping(self) -> None:
        """Ask the database for one row: ``StoreUnavailable`` when it does not answer (health checks)."""
        async with self.transaction() as conn:
            await conn.execute(text("SELECT 1"))

    # -- reading ---------------------------------------------------------------

    async def audit_events(self, since: dt.datetime | None = None) -> list[dict[str, Any]]:
        """The audit trail, oldest first."""
        async with self.transaction() as conn:
            return await repository.audit_events(conn, since)


# -- engine and migrations -----------------------------------------------------------


def _create_engine(url: URL, *, schema: str | None, busy_timeout: float) -> AsyncEngine:
    if url.get_backend_name() == "sqlite":
        engine = create_async_engine(url, connect_args={"timeout": busy_timeout})
        _sqlite_transactions(engine)
        return engine
    connect_args: dict[str, Any] = {"timeout": 10}
    if schema:
        connect_args["server_settings"] = {"search_path": schema}
    return create_async_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_transactions(engine: AsyncEngine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, start transactions, and take the lock early."""

    @event.listens_for(engine.sync_engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade(sync_connection: Any) -> None:
    command.upgrade(alembic_config(sync_connection), "head")
