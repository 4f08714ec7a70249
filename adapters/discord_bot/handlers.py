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

from bot import policy
from bot.chat import ChatRequest, ChatResult, ChatService, EventLedger, Person, Place, Pressed, publish
from bot.review import DraftView
from bot.store import StoreUnavailable
from checks import Context
from checks.i18n import localize, ui_language, validation_problem

from . import amazon as discord_amazon
from .render import report_reply
from .text import mentioned_users, plain_text, t
from .views import DetailsModal, DraftModal, ReasonModal

if TYPE_CHECKING:
    from .settings import DiscordSettings

PLATFORM = "discord"
log = logging.getLogger(__name__)


class DiscordSurface:
    """A draft's thread as ``bot.chat.publish`` writes to it: one report message, which carries
    its own file when the report is too long (so no ``attach``)."""

    def __init__(self, client: discord.Client, thread: str) -> None:
        self.target = client.get_partial_messageable(int(thread))

    async def post(self, reply: Any) -> str:
        return str((await self.target.send(**reply.send_kwargs())).id)

    async def edit(self, message_id: str, reply: Any) -> bool:
        try:
            await self.target.get_partial_message(int(message_id)).edit(**reply.edit_kwargs())
        except discord.NotFound:  # deleted by someone: post it anew
            return False
        return True

    async def delete(self, message_id: str) -> None:
        with contextlib.suppress(discord.NotFound):
            await self.target.get_partial_message(int(message_id)).delete()


class Handlers:
    def __init__(self, client: discord.Client, settings: DiscordSettings, service: ChatService,
                 ledger: EventLedger) -> None:
        self.client, self.settings, self.service, self.ledger = client, settings, service, ledger

    # -- ways in -------------------------------------------------------------------------

    async def slash(self, interaction: discord.Interaction, draft: str | None, context: dict[str, Any],
                    attachments: list[str]) -> None:
        locale = self.locale(interaction)
        if await self.refused_while_closing(interaction):
            return
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
        if await self.refused_while_closing(interaction):
            return
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
        """A draft typed into the command or its dialog: a short anchor in the channel (who asked,
        not the draft), the report in a thread on it."""
        locale = self.locale(interaction)
        async with self.answering(interaction, locale):
            problem = self.service.problem(draft, locale)
            if problem is not None:
                return await interaction.followup.send(problem, ephemeral=True)
            try:
                parsed = _context(context, attachments)
            except ValidationError as exc:
                return await interaction.followup.send(t("invalid_context", locale, reason=_problems(exc, locale)),
                                                       ephemeral=True)
            here = interaction.channel
            author = str(interaction.user.id)
            if isinstance(here, discord.Thread):
                channel, thread = str(here.parent_id), str(here.id)
            else:
                anchor = await here.send(t("anchor", locale, author=author),
                                         allowed_mentions=discord.AllowedMentions.none())
                channel, thread = str(here.id), str(anchor.id)
            text = self.plain(draft, interaction.guild)
            request = ChatRequest(self.person(interaction.user), Place(PLATFORM, channel, thread), text, parsed, locale)
            result = await self.service.submit_draft(request)
            if not result.ok:
                await interaction.followup.send(result.error, ephemeral=True)
                return
            if not isinstance(here, discord.Thread):
                await anchor.create_thread(name=t("thread.name", locale, id=result.draft.id))
            updated = await self.publish(result.draft, locale, result.notice)
            await discord_amazon.offer(self, thread, result.draft, locale)
            await interaction.followup.send(t("updated" if updated else "checked", locale, thread=f"<#{thread}>"),
                                            ephemeral=True)

    async def check_message_and_say(self, message: discord.Message) -> None:
        """A message checked unasked: a draft that cannot be checked gets the reason as a reply."""
        result, _, _ = await self.check_message(message, self.settings.locale)
        if not result.ok:
            await message.reply(result.error, mention_author=False, allowed_mentions=discord.AllowedMentions.none())

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
        text = self.plain(message.content, message.guild, message)
        request = ChatRequest(self.person(message.author), Place(PLATFORM, channel, thread), text, context, locale)
        result = await self.service.submit_draft(request)
        if not result.ok:
            return result, thread, False
        if not in_thread and message.thread is None and not await self.ledger.replies(PLATFORM, channel, thread):
            await message.create_thread(name=t("thread.name", locale, id=result.draft.id))
        updated = await self.publish(result.draft, locale, result.notice)
        await discord_amazon.offer(self, thread, result.draft, locale)
        return result, thread, updated

    async def publish(self, draft: DraftView, locale: str | None, notice: str | None = None) -> bool:
        """Post the report in the draft's thread, or edit the one posted before; True when it was an edit."""
        reply = report_reply(draft, locale, notice, actions=self.service.buttons(draft))
        where = Place(PLATFORM, draft.channel, draft.thread)
        return await publish(self.ledger, where, DiscordSurface(self.client, draft.thread), [reply])

    # -- deciding ------------------------------------------------------------------------

    async def button(self, interaction: discord.Interaction, action: str, draft_id: int, digest: str) -> None:
        """A report button: refused at once (privately) when this person may not take it now;
        else its dialog (a reason, order details) or the decision."""
        if await self.refused_while_closing(interaction):
            return
        locale = self.locale(interaction)
        request = self.request(interaction)
        pressed = Pressed(action, draft_id, digest)
        checked = await self.service.may(request, pressed)
        if not checked.ok:
            await interaction.response.send_message(self._refusal(checked, request), ephemeral=True)
            return
        if action == policy.EDIT:
            await interaction.response.send_modal(DetailsModal(draft_id, locale))
            return
        if checked.needs_reason:
            await interaction.response.send_modal(ReasonModal(action, draft_id, digest, interaction.message.id, locale))
            return
        await interaction.response.defer()
        await self.decide(interaction, pressed, None)

    async def reason_given(self, interaction: discord.Interaction, action: str, draft_id: int, digest: str,
                           message_id: int, reason: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.decide(interaction, Pressed(action, draft_id, digest), reason)

    async def details_given(self, interaction: discord.Interaction, draft_id: int, context: dict[str, Any]) -> None:
        """Order details added from the report: the same draft checked again with them."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        locale = self.locale(interaction)
        async with self.answering(interaction, locale):
            try:
                parsed = Context.model_validate(context)
            except ValidationError as exc:
                return await interaction.followup.send(t("invalid_context", locale, reason=_problems(exc, locale)),
                                                       ephemeral=True)
            request = ChatRequest(self.person(interaction.user), Place(PLATFORM, "", ""), context=parsed, locale=locale)
            result = await self.service.add_context(request, draft_id)
            if not result.ok:
                return await interaction.followup.send(result.error, ephemeral=True)
            if result.recorded:
                await self.publish(result.draft, locale, result.notice)
            await interaction.followup.send(t("done", locale), ephemeral=True)

    async def decide(self, interaction: discord.Interaction, pressed: Pressed, reason: str | None) -> None:
        locale = self.locale(interaction)
        async with self.answering(interaction, locale):
            result = await self.service.decide(self.request(interaction, reason or ""), pressed)
            if not result.ok:
                return await interaction.followup.send(result.error, ephemeral=True)
            draft = result.draft
            await self.publish(draft, locale, result.notice)
            if result.recorded and draft.state == "approved":
                await discord_amazon.offer(self, draft.thread, draft, locale)
            if reason is not None:
                word = "override" if pressed.action == policy.OVERRIDE else pressed.action
                note = t(f"decided.{word}", locale, actor=interaction.user.id, reason=reason)
                # The note tells the draft's author; nobody else is pinged, whatever the reason says.
                thread = self.client.get_partial_messageable(int(draft.thread))
                await thread.send(t("decided.to_author", locale, author=draft.author, note=note),
                                  allowed_mentions=author_only(draft.author))
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

    async def refused_while_closing(self, interaction: discord.Interaction) -> bool:
        """A bot that is shutting down takes no new work: the person is asked to try again."""
        if not getattr(self.client, "closing", False):
            return False
        await interaction.response.send_message(t("closing", self.locale(interaction)), ephemeral=True)
        return True

    def person(self, user: discord.abc.User) -> Person:
        return Person(str(user.id), getattr(user, "display_name", None), tuple(self.roles(user)))

    def request(self, interaction: discord.Interaction, text: str = "") -> ChatRequest:
        """The neutral request for a click or dialog in a report's thread."""
        channel = interaction.channel
        parent = getattr(channel, "parent_id", None)
        where = Place(PLATFORM, str(parent or interaction.channel_id), str(interaction.channel_id))
        return ChatRequest(self.person(interaction.user), where, text, None, self.locale(interaction))

    def plain(self, text: str, guild: discord.Guild | None, message: discord.Message | None = None) -> str:
        """The draft with Discord's mention syntax read as the names people see."""
        users: dict[int, str] = {}
        if message is not None:
            users.update({m.id: m.display_name for m in message.mentions})
        roles: dict[int, str] = {}
        if guild is not None:
            roles = {r.id: r.name for r in guild.roles}
            for uid in mentioned_users(text):
                member = guild.get_member(uid)
                if member is not None:
                    users.setdefault(uid, member.display_name)
        channels = {c.id: c.name for c in guild.channels} if guild is not None else {}
        return plain_text(text, users, roles, channels)

    def _refusal(self, checked: ChatResult, request: ChatRequest) -> str:
        """The refusal to show; with no approver role configured, say so rather than "not an approver"."""
        if (not self.settings.approver_role and not self.service.workflow.settings.approvers
                and not self.service.may_approve(request.who)):
            return t("no_role", request.locale)
        return checked.error or ""

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


def author_only(author: str) -> discord.AllowedMentions:
    """Mentions that may ping: the draft's author, nobody else (no @everyone, no roles)."""
    users = [discord.Object(int(author))] if author.isdigit() else False
    return discord.AllowedMentions(everyone=False, roles=False, users=users, replied_user=False)


def _problems(exc: ValidationError, locale: str | None) -> str:
    lang = ui_language(locale)
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {localize(validation_problem(e), lang)}" for e in exc.errors())


def _context(values: dict[str, Any], attachments: list[str]) -> Context:
    given = {k: v for k, v in values.items() if v}
    if attachments:
        given["attachments"] = attachments
    return Context.model_validate(given)
