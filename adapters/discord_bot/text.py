"""Every string the Discord bot shows, through one function: :func:`t`.

Keys the chat layer has (verdicts, states, ...) come from ``bot.messages.message``;
the Discord-only ones (buttons, dialogs, thread names) are here in English,
their translations under ``[discord]`` in the adapters' catalogue
(``adapters/messages/zh.toml``), found through the one locale fallback of
``checks.i18n``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.messages import message
from checks.i18n import say, ui_language

DISCORD_MESSAGES: dict[str, str] = {
    "modal.details.title": "Add order details",
    "closing": "CheckMsg is restarting; try again in a minute.",
    "modal.delivery_date": "Delivery date, e.g. 2025-03-01 (optional)",
    "modal.order_date": "Order date, e.g. 2025-02-20 (optional)",
    "option.delivery_date": "When the order was delivered, e.g. 2025-03-01",
    "option.order_date": "When the order was placed, e.g. 2025-02-20",
    "decided.to_author": "<@{author}>: {note}",
    "command.description": "Check a buyer message draft against Amazon's guidelines",
    "option.draft": "The draft; leave empty to paste a long one in a dialog",
    "option.order_id": "The Amazon order id, 123-1234567-1234567",
    "option.buyer_language": "The buyer's language, e.g. de",
    "option.marketplace": "The marketplace, e.g. amazon.de",
    "option.attachment": "A file that goes with the message",
    "menu.check": "Check with CheckMsg",
    "modal.draft.title": "Check a draft",
    "modal.draft.text": "Draft",
    "modal.draft.placeholder": "Paste the message to the buyer",
    "modal.order_id": "Order id (optional)",
    "modal.buyer_language": "Buyer's language (optional)",
    "modal.marketplace": "Marketplace (optional)",
    "modal.changes.title": "Request changes",
    "modal.changes.reason": "What should change?",
    "modal.override.title": "Approve despite errors",
    "modal.override.reason": "Why is it fine to send as it is?",
    "thread.name": "CheckMsg draft #{id}",
    "anchor": "Draft by <@{author}> for review: the report is in the thread.",
    "checked": "Checked: the report is in {thread}.",
    "updated": "Checked again: the report in {thread} is updated.",
    "not_approver": "Only members with the approver role can do this.",
    "no_role": "No approver role is configured (DISCORD_APPROVER_ROLE), so no one can decide here.",
    "stale": "This draft changed after this report was posted; use the buttons on the newest report.",
    "gone": "This report no longer matches a draft here.",
    "invalid_context": "Cannot check this draft: {reason}",
    "done": "Done: the report is updated.",
    "discord_error": "Discord refused a step ({status}: {reason}). Check the bot's permissions here: "
    "Send Messages, Create Public Threads, Send Messages in Threads, Embed Links, Attach Files.",
    "empty_message": "This message has no text to check.",
    "report.more": "{count} more section(s) are in the attached file {name}.",
    "report.whole": "(whole in {name})",
    "report.file": "checkmsg-draft-{id}-v{revision}.txt",
    "decided.request_changes": "Changes requested by <@{actor}>: {reason}",
    "decided.override": "Approved with override by <@{actor}>: {reason}",
}


def t(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` (Discord's ``en-US``, ``zh-CN``, ...), English when missing."""
    if key in DISCORD_MESSAGES:
        return say(ui_language(locale), "discord." + key, DISCORD_MESSAGES[key], **values)
    return message(key, locale, **values)


_USER_MENTION = re.compile(r"<@!?([0-9]{15,21})>")
_ROLE_MENTION = re.compile(r"<@&([0-9]{15,21})>")
_CHANNEL_MENTION = re.compile(r"<#([0-9]{15,21})>")


def mentioned_users(text: str) -> list[int]:
    """User ids in Discord's mention syntax (``<@id>``, ``<@!id>``), in order, once each;
    a bare number is not a mention."""
    return list(dict.fromkeys(int(m) for m in _USER_MENTION.findall(text)))


def plain_text(text: str, users: Mapping[int, str], roles: Mapping[int, str] | None = None,
               channels: Mapping[int, str] | None = None) -> str:
    """The draft as the buyer would read it: mentions become ``@name`` / ``#channel``."""
    roles, channels = roles or {}, channels or {}
    text = _USER_MENTION.sub(lambda m: "@" + users.get(int(m[1]), "user"), text)
    text = _ROLE_MENTION.sub(lambda m: "@" + roles.get(int(m[1]), "role"), text)
    return _CHANNEL_MENTION.sub(lambda m: "#" + channels.get(int(m[1]), "channel"), text)
