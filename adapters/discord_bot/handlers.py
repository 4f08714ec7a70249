"""What the bot does for each way in. Each handler answers Discord first (within its 3 seconds:
a defer or a dialog), then builds the neutral request, awaits ``bot.chat``, and posts or edits.

A draft's conversation is ``(channel id, thread id)``: the thread on the draft's
message (its id is the message's id), or the thread the command was used in.
The bot's report there is one message, remembered in ``EventLedger``; a new
version of the draft (an edit, or ``/checkmsg`` again in the thread) edits it
in place, and so does every decision, through the channel message rather than
the interaction's token (which lapses after 15 minutes).
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from pydantic import ValidationError

from checks.i18n import localize, ui_language, validation_problem
from bot.chat import ChatResult, ChatService, EventLedger
from bot.review import DraftNotFound
from bot.store import StoreUnavailable
from checks import Context, DraftError, validate_text

from . import amazon as discord_amazon
from .render import mention_ids, report_reply
from .text import t
from .views import ACTIONS, DraftModal, ReasonModal

if TYPE_CHECKING:
    from .settings import DiscordSettings

PLATFORM = "discord"
PREVIEW_CHARS = 300
log = logging.getLogger(__name__)


class Handlers:
    def __init__(self, client: discord.Client, settings: DiscordSettings, service: ChatService,
                 ledger: EventLedger) -> None:
        self.client, self.settings, self.service, self.ledger = client, settings, service, ledger

    # -- ways in -------------------------------------------------------------------------

    async def slash(self, interaction: discord.Interaction, draft: str | None, context: dict[str, Any],
                    attachments: list[str]) -> None:
        locale = self.locale(interaction)
        if not (draft or "").strip():
            await interaction.response.send_modal(DraftModal(locale, context, attachments))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.check_typed(interaction, draft, context, attachments)

    async def draft_submitted(self, interaction: discord.Interaction, draft: str, context: dict[str, Any],
                              attachments: list[str]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.check_typed(interaction, draft, context, attachments)

    async def context_menu(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        locale = self.locale(interaction)
        async with self.answering(interaction, locale):
            if not message.content.strip():
                await interaction.followup.send(t("empty_message", locale), ephemeral=True)
                return
            result, thread, updated = await self.check_message(message, locale)
            if not result.ok:
                await interaction.followup.send(result.error, ephemeral=True)
                return
            key = "updated" if updated else "checked"
            await interaction.followup.send(t(key, locale, thread=f"<#{thread}>"), ephemeral=True)

    async def watched_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None or not message.content.strip():
            return
        if message.channel.id not in self.settings.watch_channel_ids:
            return
        if await self.ledger.claim(PLATFORM, f"message:{message.id}"):
            await self.check_message_and_say(message)

    async def message_edited(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A draft someone edited: check it again if the bot has a report on it."""
        data = payload.data
        if "content" not in data or payload.message.author.bot or payload.guild_id is None:
            return
        channel, thread = str(payload.channel_id), str(payload.message_id)
        parent = getattr(self.client.get_channel(payload.channel_id), "parent_id", None)
        if parent is not None:  # a message inside a thread: the thread is the conversation
            channel, thread = str(parent), str(payload.channel_id)
        if not await self.ledger.replies(PLATFORM, channel, thread):
            return
        if not await self.ledger.claim(PLATFORM, f"edit:{payload.message_id}:{data.get('edited_timestamp')}"):
            return
        await self.check_message_and_say(payload.message)

    # -- checking ------------------------------------------------------------------------

    async def check_typed(self, interaction: discord.Interaction, draft: str, context: dict[str, Any],
                          attachments: list[str]) -> None:
        """A draft typed into the command or its dialog: quote it in the channel, report in a thread on it."""
        locale = self.locale(interaction)
        async with self.answering(interaction, locale):
            try:
                validate_text(draft)
                parsed = _context(context, attachments)
            except DraftError as exc:
                return await interaction.followup.send(t("error.draft", locale, reason=localize(exc.args[0], ui_language(locale))), ephemeral=True)
            except ValidationError as exc:
                lang = ui_language(locale)
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {localize(validation_problem(e), lang)}" for e in exc.errors())
                return await interaction.followup.send(t("invalid_context", locale, reason=problems), ephemeral=True)
            author = str(interaction.user.id)
            here = interaction.channel
            if isinstance(here, discord.Thread):
                channel, thread = str(here.parent_id), str(here.id)
            else:
                anchor = await here.send(t("anchor", locale, author=author, preview=_quote(draft)),
                                         allowed_mentions=discord.AllowedMentions.none())
                channel, thread = str(here.id), str(anchor.id)
            result = await self.service.submit_draft(PLATFORM, channel, thread, author, draft, parsed,
                                                     roles=self.roles(interaction.user), locale=locale)
            if not result.ok:
                await interaction.followup.send(result.error, ephemeral=True)
                return
            if not isinstance(here, discord.Thread):
                await anchor.create_thread(name=t("thread.name", locale, id=result.draft.id))
            updated = await self.publish(channel, thread, result, locale)
            await interaction.followup.send(t("updated" if updated else "checked", locale, thread=f"<#{thread}>"),
                                            ephemeral=True)

    async def check_message_and_say(self, message: discord.Message) -> None:
        """A message checked unasked: a draft that cannot be checked gets the reason as a reply."""
        result, _, _ = await self.check_message(message, self.settings.locale)
        if not result.ok:
            await message.reply(result.error, mention_author=False)

    async def check_message(self, message: discord.Message, locale: str | None) -> tuple[ChatResult, str, bool]:
        """A draft written as a message: check it and report in the thread on it.

        Returns the result, the thread id and whether an earlier report was updated.
        """
        in_thread = isinstance(message.channel, discord.Thread)
        if in_thread:
            channel, thread = str(message.channel.parent_id), str(message.channel.id)
        else:
            channel, thread = str(message.channel.id), str(message.id)
        names = [a.filename for a in message.attachments]
        context = Context(attachments=names) if names else Context()
        result = await self.service.submit_draft(PLATFORM, channel, thread, str(message.author.id),
                                                 message.content, context, locale=locale)
        if not result.ok:
            return result, thread, False
        if not in_thread and message.thread is None and not await self.ledger.replies(PLATFORM, channel, thread):
            await message.create_thread(name=t("thread.name", locale, id=result.draft.id))
        return result, thread, await self.publish(channel, thread, result, locale)

    async def publish(self, channel: str, thread: str, result: ChatResult, locale: str | None) -> bool:
        """Post the report in the thread, or edit the one posted before; True when it was an edit."""
        reply = report_reply(result.draft, locale, result.notice)
        target = self.client.get_partial_messageable(int(thread))
        posted = await self.ledger.replies(PLATFORM, channel, thread)
        if posted:
            with contextlib.suppress(discord.NotFound):  # deleted by someone: post it anew
                await target.get_partial_message(int(posted[0])).edit(**reply.edit_kwargs())
                await discord_amazon.offer(self, thread, result.draft, locale)
                return True
        sent = await target.send(**reply.send_kwargs())
        await self.ledger.set_replies(PLATFORM, channel, thread, [str(sent.id)])
        await discord_amazon.offer(self, thread, result.draft, locale)
        return False

    # -- deciding ------------------------------------------------------------------------

    async def button(self, interaction: discord.Interaction, action: str, draft_id: int, digest: str) -> None:
        locale = self.locale(interaction)
        if action != "sent" and not self.may_decide(interaction):
            await interaction.response.send_message(self._refusal(locale), ephemeral=True)
            return
        if action in ("changes", "override"):
            await interaction.response.send_modal(
                ReasonModal(action, draft_id, digest, interaction.message.id, locale))
            return
        await interaction.response.defer()
        await self.decide(interaction, action, draft_id, digest, interaction.message.id, None)

    async def reason_given(self, interaction: discord.Interaction, action: str, draft_id: int, digest: str,
                           message_id: int, reason: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.decide(interaction, action, draft_id, digest, message_id, reason)

    async def decide(self, interaction: discord.Interaction, action: str, draft_id: int, digest: str,
                     message_id: int, reason: str | None) -> None:
        locale = self.locale(interaction)
        actor = str(interaction.user.id)
        async with self.answering(interaction, locale):
            try:
                current = await self.service.workflow.get(draft_id)
            except DraftNotFound:
                return await interaction.followup.send(t("gone", locale), ephemeral=True)
            if current.platform != PLATFORM or not current.content_hash.startswith(digest):
                return await interaction.followup.send(t("stale", locale), ephemeral=True)
            result = await self.service.decide(PLATFORM, draft_id, actor, ACTIONS[action], current.content_hash,
                                               roles=self.roles(interaction.user), reason=reason, locale=locale)
            if not result.ok:
                hint = " " + t("hint.use_override", locale) if result.needs_reason else ""
                return await interaction.followup.send(mention_ids(result.error) + hint, ephemeral=True)
            report = self.client.get_partial_messageable(interaction.channel_id).get_partial_message(message_id)
            await report.edit(**report_reply(result.draft, locale, result.notice).edit_kwargs())
            if result.recorded and result.draft.state == "approved":
                await discord_amazon.offer(self, str(interaction.channel_id), result.draft, locale)
            if reason is not None:
                note = t(f"decided.{ACTIONS[action]}", locale, actor=actor, reason=reason)
                await report.channel.send(note, allowed_mentions=discord.AllowedMentions(users=True))
                await interaction.followup.send(t("done", locale), ephemeral=True)

    # -- helpers -------------------------------------------------------------------------

    def locale(self, interaction: discord.Interaction) -> str:
        """The person's language as Discord reports it, else the team's."""
        value = getattr(interaction.locale, "value", None)
        return value or self.settings.locale

    @staticmethod
    def roles(user: discord.abc.User) -> list[str]:
        """The member's roles by id and by name, so a setting can name either."""
        roles = getattr(user, "roles", [])
        return [str(r.id) for r in roles] + [r.name for r in roles if not r.is_default()]

    def may_decide(self, interaction: discord.Interaction) -> bool:
        return self.service.may_approve(str(interaction.user.id), self.roles(interaction.user))

    def _refusal(self, locale: str) -> str:
        return t("not_approver" if self.settings.approver_role else "no_role", locale)

    @contextlib.asynccontextmanager
    async def answering(self, interaction: discord.Interaction, locale: str):
        """Turn a store that is down, or Discord refusing a post, into a message for the person
        instead of an answer that never comes."""
        try:
            yield
        except StoreUnavailable as exc:
            await interaction.followup.send(localize(exc.message, ui_language(locale)), ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("Discord refused a call while answering an interaction: %s", exc)
            await interaction.followup.send(t("discord_error", locale, status=exc.status, reason=exc.text),
                                            ephemeral=True)


def _context(values: dict[str, Any], attachments: list[str]) -> Context:
    given = {k: v for k, v in values.items() if v}
    if attachments:
        given["attachments"] = attachments
    return Context.model_validate(given)


def _quote(draft: str) -> str:
    preview = draft if len(draft) <= PREVIEW_CHARS else draft[:PREVIEW_CHARS].rstrip() + " …"
    return "\n".join("> " + line for line in preview.splitlines() or [""])
