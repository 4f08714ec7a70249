"""Block Kit for CheckMsg's Slack replies and dialogs, within Slack's limits.

A report becomes one message (the "head": verdict, findings, rewrite, diff,
the status line and the decision buttons) and, when it does not fit, more
messages in the same thread; past ``MAX_MESSAGES`` the head keeps the
verdict, status and buttons and the whole report goes out as a text file.
Nothing is ever cut: a long section is split on line boundaries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot import policy
from bot.chat import (
    Names,
    Section,
    message,
    pack,
    plain_name,
    render_report_parts,
    report_as_text,
    split_text,
    status_line,
)
from bot.review import DraftView
from checks import i18n
from checks.i18n import say

from .text import escape

SECTION_CHARS = 3000  # a section block's text
MAX_BLOCKS = 50  # blocks in one message
MESSAGE_CHARS = 12_000  # block text per message: well inside Slack's 40,000 for text, readable
MAX_MESSAGES = 4  # more than this and the report is attached as a file instead
INPUT_CHARS = 3000  # a plain_text_input's max_length

DRAFT_VIEW, REASON_VIEW, DETAILS_VIEW = "checkmsg_draft", "checkmsg_reason", "checkmsg_details"
SHORTCUT = "checkmsg_check"


@dataclass(frozen=True)
class Button:
    """How a workflow action (``bot.policy``) looks on a Slack report."""

    action_id: str
    label_key: str  # in bot.messages.MESSAGES
    style: str | None = None  # "primary" (green) or "danger" (red)


# The buttons a report can carry, by workflow action, in bot.policy's order. A new action
# (e.g. sending through Amazon) shows once it has a row here.
BUTTONS: dict[str, Button] = {
    policy.APPROVE: Button("checkmsg_approve", "button.approve", "primary"),
    policy.OVERRIDE: Button("checkmsg_override", "button.override", "danger"),
    policy.SENT: Button("checkmsg_sent", "button.sent", "primary"),
    policy.CHANGES: Button("checkmsg_changes", "button.request_changes"),
    policy.WITHDRAW: Button("checkmsg_withdraw", "button.withdraw"),
    policy.EDIT: Button("checkmsg_edit", "button.edit"),
}
APPROVE, OVERRIDE = BUTTONS[policy.APPROVE].action_id, BUTTONS[policy.OVERRIDE].action_id
CHANGES, SENT = BUTTONS[policy.CHANGES].action_id, BUTTONS[policy.SENT].action_id
WITHDRAW, EDIT = BUTTONS[policy.WITHDRAW].action_id, BUTTONS[policy.EDIT].action_id


def action_of(action_id: str) -> str | None:
    """The workflow action a button's ``action_id`` stands for."""
    return next((action for action, button in BUTTONS.items() if button.action_id == action_id), None)
_SEVERITY_MARK = {"error": ":red_circle:", "warning": ":large_orange_circle:", "info": ":large_blue_circle:"}


@dataclass(frozen=True)
class Reply:
    """The messages of one report (``text`` + ``blocks`` each); ``file_text`` when attached instead."""

    messages: list[dict[str, Any]]
    file_text: str | None = None
    file_name: str | None = None


def report_reply(
    draft: DraftView, locale: str | None = None, notice: str | None = None, *,
    actions: list[str] | None = None, names: Names = plain_name,
) -> Reply:
    """The draft's report as Slack messages; the first holds the status and the buttons
    for ``actions`` (``ChatService.buttons``: what can be done in the draft's state)."""
    sections = render_report_parts(draft, locale=locale, include_status=False, names=names)
    verdict, body = sections[0], sections[1:]
    head_top = [_section(f"*{escape(verdict.title or '')}*\n{escape(verdict.body)}")]
    if notice:
        head_top.append(_context(escape(notice)))
    head_bottom = [_context(escape(status_line(draft, locale, names))), *_buttons(draft, actions or [], locale)]
    pieces = [block for section in body for block in section_blocks(section)]
    groups = pack([json.dumps(b) for b in pieces], MAX_BLOCKS - len(head_top) - len(head_bottom), MESSAGE_CHARS)
    fallback = f"{verdict.title}: {verdict.body}"
    if len(groups) <= MAX_MESSAGES:
        messages = []
        for n, group in enumerate(groups or [[]]):
            blocks = [json.loads(b) for b in group]
            if n == 0:
                messages.append({"text": fallback, "blocks": [*head_top, *blocks, *head_bottom]})
            else:
                part = message("part.continued", locale, n=n + 1, total=len(groups))
                messages.append({"text": f"{verdict.title} {part}", "blocks": [_context(part), *blocks]})
        return Reply(messages)
    name = f"checkmsg-draft-{draft.id}-v{draft.revision}.txt"
    note = _context(escape(message("part.attached", locale, name=name)))
    head = {"text": fallback, "blocks": [*head_top, note, *head_bottom]}
    return Reply([head], file_text=report_as_text(sections), file_name=name)


def checking_message(author: str, locale: str | None = None) -> dict[str, Any]:
    """What /checkmsg posts while the draft is checked: who asked, not the draft itself
    (the report that replaces it quotes what it needs)."""
    text = message("draft.checking", locale, who=f"<@{author}>")
    return {"text": text, "blocks": [_context(text)]}


def section_blocks(section: Section) -> list[dict[str, Any]]:
    """One Section as section blocks of at most ``SECTION_CHARS`` characters each."""
    title = ""
    if section.title:
        mark = _SEVERITY_MARK.get(section.severity or "", "")
        title = f"{mark} *{escape(section.title)}*\n".lstrip()
    if section.code:
        fence = "```"
        room = SECTION_CHARS - len(title) - 2 * len(fence) - 2
        chunks = split_text(escape(section.body), room)
        return [
            _section((title if n == 0 else "") + fence + chunk.rstrip("\n") + fence)
            for n, chunk in enumerate(chunks)
        ]
    body = escape(section.body)
    if section.kind == "finding" and body.startswith("“"):
        first, _, rest = body.partition("\n")
        body = "> " + first + ("\n" + rest if rest else "")
    chunks = split_text(body, SECTION_CHARS - len(title))
    return [_section((title if n == 0 else "") + chunk) for n, chunk in enumerate(chunks)]


def _buttons(draft: DraftView, actions: list[str], locale: str | None) -> list[dict[str, Any]]:
    value = json.dumps({"d": draft.id, "h": draft.content_hash})
    buttons = [
        _button(message(BUTTONS[action].label_key, locale), BUTTONS[action].action_id, value, BUTTONS[action].style)
        for action in actions if action in BUTTONS
    ]
    return [{"type": "actions", "block_id": "checkmsg_decide", "elements": buttons}] if buttons else []


def _button(label: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button = {"type": "button", "text": _plain(label), "action_id": action_id, "value": value}
    if style:
        button["style"] = style
    return button


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


# -- dialogs -------------------------------------------------------------------------


def draft_modal(channel: str, locale: str | None = None) -> dict[str, Any]:
    """The dialog `/checkmsg` alone opens: the draft and what is known about the order."""
    lang = i18n.ui_language(locale)
    kinds = [
        {"text": _plain(say(lang, "slack.modal.proactive", "The seller writes first (proactive)")), "value": "proactive"},
        {"text": _plain(say(lang, "slack.modal.reply", "A reply to the buyer")), "value": "reply"},
    ]
    return {
        "type": "modal",
        "callback_id": DRAFT_VIEW,
        "private_metadata": json.dumps({"channel": channel}),
        "title": _plain(say(lang, "slack.modal.title", "Check a draft")),
        "submit": _plain(say(lang, "slack.modal.submit", "Check")),
        "close": _plain(say(lang, "slack.modal.cancel", "Cancel")),
        "blocks": [
            _text_input("draft", say(lang, "slack.modal.draft", "Draft message"), multiline=True, optional=False),
            *_order_inputs(lang),
            {"type": "input", "block_id": "kind", "label": _plain(say(lang, "slack.modal.kind", "This message is")), "optional": True,
             "element": {"type": "radio_buttons", "action_id": "value", "options": kinds,
                         "initial_option": kinds[0]}},
        ],
    }


def details_modal(draft_id: int, channel: str, message_ts: str, locale: str | None = None) -> dict[str, Any]:
    """The dialog "Add order details" opens: the order facts that let more checks run on the draft."""
    lang = i18n.ui_language(locale)
    return {
        "type": "modal",
        "callback_id": DETAILS_VIEW,
        "private_metadata": json.dumps({"d": draft_id, "c": channel, "t": message_ts}),
        "title": _plain(say(lang, "slack.details.title", "Add order details")),
        "submit": _plain(say(lang, "slack.details.submit", "Check again")),
        "close": _plain(say(lang, "slack.modal.cancel", "Cancel")),
        "blocks": _order_inputs(lang),
    }


def _order_inputs(lang: str) -> list[dict[str, Any]]:
    return [
        _text_input("order_id", say(lang, "slack.modal.order-id", "Order id"),
                    hint=say(lang, "slack.modal.order-id-hint", "e.g. 302-1234567-7654321")),
        _text_input("marketplace", say(lang, "slack.modal.marketplace", "Marketplace"),
                    hint=say(lang, "slack.modal.marketplace-hint", "e.g. amazon.de")),
        _text_input(
            "buyer_language",
            say(lang, "slack.modal.buyer-language", "Buyer's language"),
            hint=say(lang, "slack.modal.buyer-language-hint", "e.g. de (used when no marketplace)"),
        ),
        _date_input("order_date", say(lang, "slack.modal.order-date", "Order date")),
        _date_input("delivery_date", say(lang, "slack.modal.delivery-date", "Delivery date")),
    ]


def _text_input(block_id: str, label: str, *, multiline: bool = False, optional: bool = True,
                hint: str | None = None) -> dict[str, Any]:
    element = {"type": "plain_text_input", "action_id": "value", "multiline": multiline}
    if multiline:
        element["max_length"] = INPUT_CHARS
    block = {"type": "input", "block_id": block_id, "label": _plain(label), "optional": optional,
             "element": element}
    if hint:
        block["hint"] = _plain(hint)
    return block


def _date_input(block_id: str, label: str) -> dict[str, Any]:
    return {"type": "input", "block_id": block_id, "label": _plain(label), "optional": True,
            "element": {"type": "datepicker", "action_id": "value"}}


def reason_modal(
    action: str, draft_id: int, content_hash: str, channel: str, message_ts: str, locale: str | None = None
) -> dict[str, Any]:
    """The dialog asking why: Request changes (what to change) and Override (why it may go out)."""
    override = action == OVERRIDE
    lang = i18n.ui_language(locale)
    if override:
        title = say(lang, "slack.reason.override-title", "Override errors")
        submit = say(lang, "slack.reason.override-submit", "Approve anyway")
        label = say(lang, "slack.reason.override-label", "Why may it go out despite the errors?")
    else:
        title = say(lang, "slack.reason.changes-title", "Request changes")
        submit = say(lang, "slack.reason.changes-submit", "Send back")
        label = say(lang, "slack.reason.changes-label", "What should change?")
    return {
        "type": "modal",
        "callback_id": REASON_VIEW,
        "private_metadata": json.dumps(
            {"a": action, "d": draft_id, "h": content_hash, "c": channel, "t": message_ts}
        ),
        "title": _plain(title),
        "submit": _plain(submit),
        "close": _plain(say(lang, "slack.modal.cancel", "Cancel")),
        "blocks": [
            {
                "type": "input",
                "block_id": "reason",
                "label": _plain(label),
                "element": {"type": "plain_text_input", "action_id": "value", "multiline": True,
                            "max_length": INPUT_CHARS},
            }
        ],
    }


def modal_values(view: dict[str, Any]) -> dict[str, str]:
    """The dialog's answers by block id (text, date or chosen option value); empty ones left out."""
    values: dict[str, str] = {}
    for block_id, actions in (view.get("state") or {}).get("values", {}).items():
        field = actions.get("value") or {}
        value = field.get("value") or field.get("selected_date") or (field.get("selected_option") or {}).get("value")
        if value is not None and str(value).strip():
            values[block_id] = str(value).strip()
    return values
