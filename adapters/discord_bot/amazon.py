"""Discord's "Send via Amazon" buttons (bot/amazon through ``ChatService.amazon``).

After a report is posted or a draft approved, the draft's thread gets the
Amazon choices: one button per message type the order allows and the draft
fits, or Amazon's own review request for a review-asking draft (or the dates
that rule it out). A button's ``custom_id`` is
``checkmsg-amazon:<choice>:<draft id>:<16 hex digits of the content hash>``,
registered at start-up like the decision buttons, so it works after a
restart. A click sends once (the database guard in bot/amazon/send.py); the
offer message then tells the thread who sent it, as what, and Amazon's
answer; a second click sends nothing and says so privately.
"""

from __future__ import annotations

import re

import discord

from checks import i18n

from .text import t

HASH_PREFIX = 16  # hex digits of the content hash an Amazon button carries


class AmazonButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"checkmsg-amazon:(?P<choice>[A-Za-z]{1,40}):(?P<draft>[0-9]+):(?P<digest>[0-9a-f]{16})",
):
    def __init__(self, choice: str, draft_id: int, digest: str, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(label=label[:80] or choice, style=discord.ButtonStyle.primary,
                              custom_id=f"checkmsg-amazon:{choice}:{draft_id}:{digest[:HASH_PREFIX]}")
        )
        self.choice, self.draft_id, self.digest = choice, draft_id, digest[:HASH_PREFIX]

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]) -> AmazonButton:
        return cls(match["choice"], int(match["draft"]), match["digest"], item.label or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await clicked(interaction.client.handlers, interaction, self.choice, self.draft_id, self.digest)


async def offer(handlers, thread: str, draft, locale: str | None) -> None:  # noqa: ANN001 - Handlers, DraftView
    """Post the Amazon choices for ``draft`` in its thread, when there are any."""
    actions = getattr(handlers.service, "amazon", None)
    if actions is None or draft.platform != "discord":
        return
    offered = await actions.choices(draft)
    if offered is None:
        return
    lang = i18n.ui_language(locale)
    view = discord.ui.View(timeout=None)
    for label, choice in offered[1]:
        view.add_item(AmazonButton(choice, draft.id, draft.content_hash, i18n.localize(label, lang)))
    await handlers.client.get_partial_messageable(int(thread)).send(
        content=i18n.localize(offered[0], lang), view=view, allowed_mentions=discord.AllowedMentions.none())


async def clicked(handlers, interaction: discord.Interaction, choice: str, draft_id: int, digest: str) -> None:  # noqa: ANN001
    locale = handlers.locale(interaction)
    await interaction.response.defer()
    async with handlers.answering(interaction, locale):
        workflow = handlers.service.workflow
        current = await workflow.get(draft_id)
        if not current.content_hash.startswith(digest):  # the draft changed since these buttons were posted
            await interaction.followup.send(t("stale", locale), ephemeral=True)
            return
        actor = str(interaction.user.id)
        said = await handlers.service.amazon.choose(draft_id, actor, choice, content_hash=current.content_hash,
                                                    roles=handlers.roles(interaction.user))
        # The answer names the person by id, in parentheses: shown as a mention (that pings no one).
        text = i18n.localize(said.text, i18n.ui_language(locale)).replace(f"({actor})", f"(<@{actor}>)")
        if not said.ok:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
            return
        await interaction.message.edit(content=text, view=None, allowed_mentions=discord.AllowedMentions.none())
        draft = await workflow.get(draft_id)
        # the report now shows the draft as sent (or withdrawn for Amazon's review request)
        await handlers.publish(draft, locale)
