"""Start the bot: ``checkmsg discord`` or ``python -m adapters.discord_bot``."""

from __future__ import annotations

import asyncio

from bot.config import Config
from bot.services import Drain, Services

from .app import CheckMsgBot
from .settings import DiscordSettings


def review_settings(settings: DiscordSettings, config: Config):
    """The team's [review] settings with the Discord approver role added."""
    review = config.review
    if settings.approver_role and settings.approver_role not in review.approver_roles:
        review = review.model_copy(update={"approver_roles": [*review.approver_roles, settings.approver_role]})
    return review


async def build(settings: DiscordSettings, config: Config, *, database: str | None = None,
                checker=None, **options) -> tuple[CheckMsgBot, Services]:  # noqa: ANN001, ANN003
    """A bot wired to the services (bot/services.py); the caller starts it and closes both.
    Without DISCORD_LOCALE the bot answers in the team's ui_language."""
    settings = settings.for_team(config.checks.ui_language)
    services = await Services.open(review_settings(settings, config), config.checks, database=database,
                                   checker=checker, amazon=config.amazon)
    return CheckMsgBot(settings, services.chat, services.ledger, **options), services


async def serve(settings: DiscordSettings, config: Config, *, database: str | None = None,
                checker=None, **options) -> None:  # noqa: ANN001, ANN003
    """Run until SIGTERM or SIGINT; then the bot takes no new work, lets the handlers in
    flight finish (up to 30 s), disconnects, and the database closes."""
    bot, services = await build(settings, config, database=database, checker=checker, **options)
    drain = Drain()
    drain.install()
    services.start_upkeep()
    try:
        async with bot:
            running = asyncio.create_task(bot.start(settings.token))
            stopping = asyncio.create_task(drain.wait())
            done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if running in done:
                stopping.cancel()
                running.result()  # raises what stopped the bot (a refused token, ...)
            else:
                await bot.close()  # waits for the handlers in flight
                await running
    finally:
        await services.close()
