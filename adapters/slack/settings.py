"""The Slack adapter's settings, read once from the environment."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class SlackSettings(BaseSettings):
    """``SLACK_BOT_TOKEN`` (xoxb-), ``SLACK_APP_TOKEN`` (xapp-, Socket Mode),
    ``SLACK_SIGNING_SECRET`` (HTTP mode), ``SLACK_API_URL`` (the Web API base,
    for a proxy or a test double), ``SLACK_WATCH_CHANNELS`` (channel ids,
    comma-separated, where every new top-level message is a draft),
    ``SLACK_DEFAULT_LOCALE`` (when Slack does not tell a user's; unset: the
    team's ``ui_language`` from checkmsg.toml, see :meth:`for_team`), ``PORT``.
    """

    model_config = SettingsConfigDict(env_prefix="SLACK_", extra="ignore")

    bot_token: str = ""
    app_token: str = ""
    signing_secret: str = ""
    api_url: str = "https://slack.com/api/"
    watch_channels: Annotated[list[str], NoDecode] = Field(default_factory=list)
    default_locale: str = "en"
    port: int = Field(default=3000, validation_alias="PORT")

    def for_team(self, ui_language: str | None) -> SlackSettings:
        """These settings with ``default_locale`` from the team's ``ui_language``
        when ``SLACK_DEFAULT_LOCALE`` was not set."""
        if "default_locale" in self.model_fields_set or not ui_language:
            return self
        return self.model_copy(update={"default_locale": ui_language})

    @field_validator("watch_channels", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("api_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        # slack_sdk joins method names onto the base URL: without the slash they run together.
        return value if value.endswith("/") else value + "/"

    def missing(self, mode: str) -> list[str]:
        """The environment variables ``mode`` ("socket" or "http") needs and lacks."""
        needed = {"SLACK_BOT_TOKEN": self.bot_token}
        if mode == "socket":
            needed["SLACK_APP_TOKEN"] = self.app_token
        else:
            needed["SLACK_SIGNING_SECRET"] = self.signing_secret
        return [name for name, value in needed.items() if not value]
