"""Buttons and dialogs. Their callbacks only hand over to ``client.handlers`` (see ``handlers.py``).

A report button's ``custom_id`` carries everything needed to act on it:
``checkmsg:<button>:<draft id>:<content hash>``. Being a
:class:`discord.ui.DynamicItem` registered at start-up, it keeps working for
reports posted before a restart; whether the click is still valid (the
version, the person, the state) is ``bot.chat.ChatService.may``'s to say.
Which buttons a report has is ``ChatService.buttons`` (``bot.policy``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import discord

from bot import policy
from bot.review import DraftView

from .text import t


@dataclass(frozen=True)
class Button:
    """How a workflow action looks on a Discord report: its custom_id word, label key and style."""

    word: str
    label_key: str
    style: discord.ButtonStyle


# By workflow action, in bot.policy's order; a new action shows once it has a row here.
BUTTONS: dict[str, Button] = {
    policy.APPROVE: Button("approve", "button.approve", discord.ButtonStyle.success),
    policy.OVERRIDE: Button("override", "button.override", discord.ButtonStyle.danger),
    policy.SENT: Button("sent", "button.sent", discord.ButtonStyle.primary),
    policy.CHANGES: Button("changes", "button.request_changes", discord.ButtonStyle.secondary),
    policy.WITHDRAW: Button("withdraw", "button.withdraw", discord.ButtonStyle.secondary),
    policy.EDIT: Button("edit", "button.edit", discord.ButtonStyle.secondary),
}
DRAFT_FIELD_MAX = 4000  # Discord's limit for a text input
REASON_MAX = 1000


def action_of(word: str) -> str | None:
    return next((action for action, button in BUTTONS.items() if button.word == word), None)


class DecisionButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"checkmsg:(?P<word>[a-z_]{1,20}):(?P<draft>[0-9]{1,18}):(?P<digest>[0-9a-f]{64})",
):
    def __init__(self, action: str, draft_id: int, digest: str, locale: str | None = None) -> None:
        button = BUTTONS[action]
        super().__init__(
            discord.ui.Button(
                label=t(button.label_key, locale), style=button.style,
                custom_id=f"checkmsg:{button.word}:{draft_id}:{digest}",
            )
        )
        self.action, self.draft_id, self.digest = action, draft_id, digest

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]
    ) -> DecisionButton:
        return cls(action_of(match["word"]) or match["word"], int(match["draft"]), match["digest"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.handlers.button(interaction, self.action, self.draft_id, self.digest)


def decision_buttons(draft: DraftView, actions: list[str], locale: str | None) -> discord.ui.View:
    """The report's buttons: ``actions`` from ``ChatService.buttons`` that have a look here."""
    view = discord.ui.View(timeout=None)
    for action in actions:
        if action in BUTTONS:
            view.add_item(DecisionButton(action, draft.id, draft.content_hash, locale))
    return view


class ReasonModal(discord.ui.Modal):
    """Asks why: for Request changes and for Override. Knows which report message to update."""

    def __init__(self, action: str, draft_id: int, digest: str, message_id: int, locale: str | None) -> None:
        word = BUTTONS[action].word
        super().__init__(title=t(f"modal.{word}.title", locale), timeout=None,
                         custom_id=f"checkmsg-reason:{word}:{draft_id}:{message_id}")
        self.action, self.draft_id, self.digest, self.message_id = action, draft_id, digest, message_id
        self.reason = discord.ui.TextInput(
            label=t(f"modal.{word}.reason", locale), style=discord.TextStyle.paragraph,
            max_length=REASON_MAX, required=True,
        )
        self.add_item(self.reason)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.client.handlers.reason_given(
            interaction, self.action, self.draft_id, self.digest, self.message_id, self.reason.value
        )


CONTEXT_FIELDS = (("order_id", 40), ("marketplace", 60), ("buyer_language", 35), ("delivery_date", 10),
                  ("order_date", 10))


class DetailsModal(discord.ui.Modal):
    """"Add order details": the order facts that let more checks run; the draft is checked again."""

    def __init__(self, draft_id: int, locale: str | None) -> None:
        super().__init__(title=t("modal.details.title", locale), timeout=None)
        self.draft_id = draft_id
        self.fields: dict[str, discord.ui.TextInput] = {}
        for key, limit in CONTEXT_FIELDS:
            field = discord.ui.TextInput(label=t(f"modal.{key}", locale), required=False, max_length=limit)
            self.fields[key] = field
            self.add_item(field)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        context = {key: field.value.strip() for key, field in self.fields.items() if field.value.strip()}
        await interaction.client.handlers.details_given(interaction, self.draft_id, context)


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
