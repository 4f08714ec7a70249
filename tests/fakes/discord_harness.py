"""Starting and stopping the real CheckMsg Discord bot against ``FakeDiscord`` in a test."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from adapters.discord_bot.app import CheckMsgBot, endpoints, restore_endpoints
from adapters.discord_bot.run import build
from adapters.discord_bot.settings import DiscordSettings
from bot.config import Config
from bot.review import ReviewWorkflow
from bot.store import Store

from .discord_fake import FakeDiscord

TOKEN = "test-token"


@dataclass
class RunningBot:
    bot: CheckMsgBot
    store: Store
    task: asyncio.Task
    watched: int = 0

    @property
    def workflow(self) -> ReviewWorkflow:
        return self.bot.handlers.service.workflow

    async def stop(self) -> None:
        await self.bot.close()
        await asyncio.wait_for(self.task, 10)
        await self.store.close()


def settings_for(fake: FakeDiscord, **overrides: object) -> DiscordSettings:
    values = {"token": TOKEN, "guild_ids": [fake.guild_id], "approver_role": "checkmsg-approvers",
              "api_url": fake.api_url, **overrides}
    return DiscordSettings(_env_file=None, **values)


async def start_bot(fake: FakeDiscord, database: str, checker=None, config: Config | None = None,
                    **overrides: object) -> RunningBot:
    """Build the bot as ``checkmsg discord`` does, start it, and wait until it is connected."""
    connections = len(fake.identifies)
    bot, services = await build(settings_for(fake, **overrides), config or Config(), database=database, checker=checker,
                                guild_ready_timeout=0.05)
    store = services.store
    task = asyncio.create_task(bot.start(TOKEN))
    fake.clients.append(task)
    deadline = asyncio.get_running_loop().time() + 10
    while len(fake.identifies) == connections or not bot.is_ready():
        if task.done():
            task.result()  # raises what stopped it
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the bot did not connect to the fake Discord")
        await asyncio.sleep(0.02)
    return RunningBot(bot, store, task)


class Endpoints:
    """Remembers discord.py's REST base and gateway, which the bot points at the fake, to put them back."""

    def __enter__(self) -> Endpoints:
        self.saved = endpoints()
        return self

    def __exit__(self, *exc: object) -> None:
        restore_endpoints(self.saved)


@contextlib.asynccontextmanager
async def watched_bot(fake, db_url, checker, config: Config | None = None):
    """The bot, connected, with one watched channel (``bot.watched``); stopped after, checking it made no unknown calls."""
    watched = fake.add_channel("drafts")
    bot = await start_bot(fake, db_url, checker, config, watch_channel_ids=[watched])
    bot.watched = watched
    try:
        yield bot
    finally:
        await bot.stop()
    assert not fake.unhandled, [f"{c.method} {c.path}" for c in fake.unhandled]
