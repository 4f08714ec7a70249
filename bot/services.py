"""One place that wires the bot's services for every chat platform, and lets them go.

:func:`open_services` opens the store (migrated), builds the review workflow,
the chat service and the event ledger on it, runs the periodic upkeep (the
ledger forgets old events, the retention period purges old drafts), and on
the way out closes the database. :class:`Drain` is how a bot stops on SIGTERM
(what Heroku, systemd and Docker send) or SIGINT: take no new work, let the
replies in flight finish, then close the database. A bot starts no child
process (checks run in its event loop), so none outlives it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from checks import CheckSettings

from .chat import ChatService, EventLedger
from .review import Checker, ReviewWorkflow
from .review_settings import ReviewSettings
from .store import Store

log = logging.getLogger("checkmsg.services")

DRAIN_SECONDS = 30.0  # how long replies in flight may take once a stop was asked for
UPKEEP_EVERY = 3600.0  # seconds between two upkeep passes


@dataclass
class Services:
    """What every chat adapter runs on."""

    store: Store
    workflow: ReviewWorkflow
    chat: ChatService
    ledger: EventLedger
    upkeep_task: asyncio.Task | None = field(default=None, repr=False)

    @classmethod
    async def open(
        cls, review: ReviewSettings, checks: CheckSettings | None = None, *,
        database: str | None = None, checker: Checker | None = None, amazon: Any = False,
    ) -> Services:
        """The store on ``database`` (default: ``review.database_url``), migrated, and the services on it.
        ``amazon``: False leaves Amazon out (the console has its own); else the chat service gets
        Amazon's order context and sending (``bot.amazon.actions.connect``; None: settings from the
        environment)."""
        store = await Store.open(database or review.database_url)
        workflow = ReviewWorkflow(store, review, checks, checker)
        chat = ChatService(workflow, checks)
        if amazon is not False:
            from .amazon.actions import connect  # only a chat bot loads the Amazon SDK

            connect(chat, amazon)
        return cls(store, workflow, chat, EventLedger(store))

    def start_upkeep(self, every: float = UPKEEP_EVERY) -> None:
        if self.upkeep_task is None:
            self.upkeep_task = asyncio.create_task(self.keep_up(every), name="checkmsg-upkeep")

    async def close(self) -> None:
        """Stop the upkeep and close the database."""
        if self.upkeep_task is not None:
            self.upkeep_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.upkeep_task
            self.upkeep_task = None
        await self.store.close()

    @property
    def settings(self) -> ReviewSettings:
        return self.workflow.settings

    async def upkeep(self) -> tuple[int, int]:
        """One pass: events older than the event retention forgotten, drafts past the
        retention period purged. Returns (events forgotten, drafts purged)."""
        age = dt.timedelta(hours=self.settings.event_retention_hours)
        forgotten = await self.ledger.forget_older_than(age)
        purged = await self.workflow.purge_expired()
        return forgotten, purged

    async def keep_up(self, every: float = UPKEEP_EVERY) -> None:
        """:meth:`upkeep` now and every ``every`` seconds; a failed pass is logged, not fatal."""
        while True:
            try:
                await self.upkeep()
            except Exception:  # noqa: BLE001 - a database hiccup must not stop the bot
                log.warning("upkeep failed; trying again later", exc_info=True)
            await asyncio.sleep(every)


@contextlib.asynccontextmanager
async def open_services(
    review: ReviewSettings,
    checks: CheckSettings | None = None,
    *,
    database: str | None = None,
    checker: Checker | None = None,
    amazon: Any = False,
    upkeep_every: float | None = UPKEEP_EVERY,
) -> AsyncIterator[Services]:
    """The store on ``database`` (default: ``review.database_url``) and the services on it;
    the upkeep runs every ``upkeep_every`` seconds (None: not at all). The store closes after."""
    services = await Services.open(review, checks, database=database, checker=checker, amazon=amazon)
    if upkeep_every is not None:
        services.start_upkeep(upkeep_every)
    try:
        yield services
    finally:
        await services.close()


class Drain:
    """SIGTERM and SIGINT ask the running bot to stop: :meth:`wait` returns, the bot stops
    taking work and calls :meth:`finish` on what is in flight."""

    def __init__(self, seconds: float = DRAIN_SECONDS) -> None:
        self.seconds = seconds
        self.stopping = asyncio.Event()
        self.signal: int | None = None

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._asked, sig)

    def _asked(self, sig: int) -> None:
        if self.stopping.is_set():
            return
        log.info("%s received: finishing the replies in flight (up to %.0f s)", signal.Signals(sig).name, self.seconds)
        self.signal = sig
        self.stopping.set()

    async def wait(self) -> None:
        await self.stopping.wait()

    async def finish(self, in_flight: Callable[[], Awaitable[object]]) -> bool:
        """Wait for ``in_flight()`` up to the drain time; False when it had to be cut off."""
        try:
            await asyncio.wait_for(in_flight(), self.seconds)
            return True
        except TimeoutError:
            log.warning("replies still running after %.0f s were cut off", self.seconds)
            return False

