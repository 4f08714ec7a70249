"""Buttons and dialogs. Their callbacks only hand over to ``client.handlers`` (see ``handlers.py``).

A decision button's ``custom_id`` carries everything needed to act on it:
``checkmsg:<action>:<draft id>:<first 16 hex digits of the content hash>``.
Being a :class:`discord.ui.DynamicItem` registered at start-up, it keeps
working for reports posted before a restart, and a click on an outdated
report is refused because its hash prefix no longer matches the draft.
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.review import DraftView

from .text import t

HASH_PREFIX = 16
ACTIONS = {"approve": "approve", "changes": "request_changes", "override": "override", "sent": "sent"}
_STYLES = {
    "approve": discord.ButtonStyle.success,
    "override": discord.ButtonStyle.danger,
    "changes": discord.ButtonStyle.secondary,
    "sent": discord.ButtonStyle.primary,
}
DRAFT_FIELD_MAX = 4000  # Discord's limit for a text input
REASON_MAX = 1000


class DecisionButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"checkmsg:(?P<action>approve|changes|override|sent):(?P<draft>[0-9]+):(?P<digest>[0-9a-f]{16})",
):
    def __init__(self, action: str, draft_id: int, digest: str, locale: str | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=t(f"button.{ACTIONS[action]}", locale),
                style=_STYLES[action],
                custom_id=f"checkmsg:{action}:{draft_id}:{digest[:HASH_PREFIX]}",
            )
        )
        self.action, self.draft_id, self.digest = action, draft_id, digest[:HASH_PREFIX]

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> DecisionButton:
        return cls(match["action"], int(match["draft"]), match["digest"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.handlers.button(interaction, self.action, self.draft_id, self.digest)


def decision_buttons(draft: DraftView, locale: str | None) -> discord.ui.View:
    """The buttons that make sense in the draft's state (none once it is closed)."""
    if draft.state == "pending":
        actions = ["override" if draft.has_errors else "approve", "changes"]
    elif draft.state == "approved":
        actions = ["sent", "changes"]
    else:
        actions = []
    view = discord.ui.View(timeout=None)
    for action in actions:
        view.add_item(DecisionButton(action, draft.id, draft.content_hash, locale))
    return view


class ReasonModal(discord.ui.Modal):
    """Asks why: for Request changes and for Override. Knows which report message to update."""

    def __init__(self, action: str, draft_id: int, digest: str, message_id: int, locale: str | None) -> None:
        super().__init__(title=t(f"modal.{action}.title", locale), timeout=None,
                         custom_id=f"checkmsg-reason:{action}:{draft_id}:{digest}:{message_id}")
        self.action, self.draft_id, self.digest, self.message_id = action, draft_id, digest, message_id
        self.reason = discord.ui.TextInput(
            label=t(f"modal.{action}.reason", locale), style=discord.TextStyle.paragraph,
            max_length=REASON_MAX, required=True,
        )
        self.add_item(self.reason)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.client.handlers.reason_given(
            interaction, self.action, self.draft_id, self.digest, self.message_id, self.reason.value
        )


class DraftModal(discord.ui.Modal):
    """``/checkmsg`` without a draft: a multi-line field for it, and the context fields."""

    def __init__(self, locale: str | None, context: dict[str, Any], attachments: list[str]) -> None:
        super().__init__(title=t("modal.draft.title", locale), timeout=None)
        self.attachments = attachments
        self.draft = discord.ui.TextInput(
            label=t("modal.draft.text", locale), style=discord.TextStyle.paragraph,
            placeholder=t("modal.draft.placeholder", locale), max_length=DRAFT_FIELD_MAX, required=True,
        )
        self.add_item(self.draft)
        self.fields: dict[str, discord.ui.TextInput] = {}
        for key, limit in (("order_id", 40), ("buyer_language", 35), ("marketplace", 60)):
            field = discord.ui.TextInput(label=t(f"modal.{key}", locale), required=False, max_length=limit,
                                         default=context.get(key))
            self.fields[key] = field
            self.add_item(field)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        context = {key: field.value.strip() for key, field in self.fields.items() if field.value.strip()}
        await interaction.client.handlers.draft_submitted(interaction, self.draft.value, context, self.attachments)
