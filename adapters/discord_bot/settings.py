"""The Discord bot's settings, read once from the environment (or a ``.env`` file).

=========================  ==========================================================
``DISCORD_TOKEN``          the bot token (required)
``DISCORD_GUILD_IDS``      servers to register the commands in, comma-separated (required)
``DISCORD_APPROVER_ROLE``  the role (name or id) whose members may approve drafts
``DISCORD_WATCH_CHANNEL_IDS``  channels where every new message is checked, comma-separated
``DISCORD_LOCALE``         the team's language for replies Discord gives no locale for
                           (default: ``ui_language`` in checkmsg.toml, else ``en``)
``DISCORD_API_URL``        another REST base, e.g. a local fake (tests); its ``/gateway/bot`` is asked
                           where the gateway is
``DISCORD_GATEWAY_URL``    another gateway websocket, when ``/gateway/bot`` should not be asked
=========================  ==========================================================
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from checks import i18n
from checks.i18n import tr


class SettingsError(Exception):
    """The environment does not describe a usable bot; ``str()`` says what to set."""


class DiscordSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DISCORD_", env_file=".env", extra="ignore")

    token: str = Field(min_length=1)
    guild_ids: Annotated[list[int], NoDecode] = Field(min_length=1)
    approver_role: str | None = None
    watch_channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    locale: str = "en"
    api_url: str | None = None
    gateway_url: str | None = None

    def for_team(self, ui_language: str | None) -> DiscordSettings:
        """These settings with ``locale`` from the team's ``ui_language`` when
        ``DISCORD_LOCALE`` was not set."""
        if "locale" in self.model_fields_set or not ui_language:
            return self
        return self.model_copy(update={"locale": ui_language})

    @field_validator("guild_ids", "watch_channel_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("approver_role", "api_url", "gateway_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def load_settings(**overrides: object) -> DiscordSettings:
    """The settings from the environment; a clear ``SettingsError`` for what is missing or wrong."""
    try:
        return DiscordSettings(**overrides)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = "DISCORD_" + str(error["loc"][0]).upper() if error["loc"] else "DISCORD_*"
            if error["type"] == "missing":
                problems.append(tr("discord.not-set", "{name} is not set", name=name))
            else:
                problems.append(tr("discord.setting-problem", "{name} {problem}", name=name, problem=i18n.validation_problem(error)))
        raise SettingsError(i18n.Joined(problems)) from None
