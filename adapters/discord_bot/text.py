"""Every string the Discord bot shows, through one function: :func:`t`.

Keys the chat layer has (verdicts, states, ...) come from ``bot.chat.message``;
the Discord-only ones (buttons, dialogs, thread names) live here. Adding a
language is one more table in each place, keyed like ``"zh"`` or ``"zh-CN"``.
"""

from __future__ import annotations

from typing import Any

from bot.chat import message

DISCORD_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
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
        "anchor": "Draft by <@{author}> for review:\n{preview}",
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
    },
}


def t(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` (Discord's ``en-US``, ``zh-CN``, ...), English when missing."""
    table = _table(locale)
    if key in table or key in DISCORD_MESSAGES["en"]:
        text = table.get(key) or DISCORD_MESSAGES["en"][key]
        return text.format(**values) if values else text
    return message(key, locale, **values)


def _table(locale: str | None) -> dict[str, str]:
    if locale:
        parts = str(locale).replace("_", "-").split("-")
        for n in range(len(parts), 0, -1):
            candidate = "-".join(parts[:n])
            if candidate in DISCORD_MESSAGES:
                return DISCORD_MESSAGES[candidate]
    return DISCORD_MESSAGES["en"]
