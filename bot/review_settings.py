"""Who may approve a draft, and where decisions are kept (the ``[review]`` table)."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checks.i18n import tr

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///checkmsg.sqlite3"


def _default_database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


class ReviewSettings(BaseModel):
    """A team's approval rules.

    ``approvers`` are platform user ids; ``approver_roles`` are group or role
    names (a Slack user group, a Discord role) whose members may approve.
    ``database_url`` defaults to the ``DATABASE_URL`` environment variable,
    else to ``checkmsg.sqlite3`` in the working folder; a value written in the
    team's config file wins over the environment.
    """

    model_config = ConfigDict(extra="forbid")

    approvers: list[str] = Field(default_factory=list)
    approver_roles: list[str] = Field(default_factory=list)
    required_approvals: int = Field(default=1, ge=1, le=20)
    allow_override: bool = True
    retention_days: int | None = Field(default=90, ge=1)
    # How long the chat bots remember a platform event's id to answer its retries once
    # (Slack retries within minutes, Discord re-sends on reconnect); older ids are forgotten.
    event_retention_hours: int = Field(default=48, ge=1)
    database_url: str = Field(default_factory=_default_database_url)

    @field_validator("approvers", "approver_roles")
    @classmethod
    def _strip(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip() for v in values]
        if any(not v for v in cleaned):
            raise ValueError(tr("config.empty-name", "an approver or role name is empty"))
        return list(dict.fromkeys(cleaned))

    def may_approve(self, user: str, roles: list[str] | tuple[str, ...] = ()) -> bool:
        """Whether ``user`` (holding ``roles`` on the platform) is an approver."""
        if user in self.approvers:
            return True
        return any(role in self.approver_roles for role in roles)
