"""The bot layer's chat texts in English, the source of its catalogue (``bot/messages/zh.toml``).

:func:`message` gives a chat text (a report's verdict, a state, a button) in a
person's locale; rule titles (a person's words for a rule, used as headings)
and what a missing piece of order context would let the checks do are here
too, so a report never shows an internal id or field name. The translations
are in this package's ``zh.toml`` (``[chat]``, ``[rule-title]``,
``[context-hint]``), read like every other catalogue through
``checks.i18n``: one locale fallback ("zh-CN" -> "zh", anything unknown ->
English), and English for a key a catalogue lacks.
"""

from __future__ import annotations

from typing import Any

from checks.i18n import say, ui_language

MESSAGES: dict[str, str] = {
    "verdict.clean": "No problems found: this draft follows Amazon's messaging guidelines.",
    "verdict.errors": "Not ready to send: {errors} and {warnings}.",
    "verdict.warnings": "Can be sent, but look at {warnings} first.",
    "verdict.info": "Can be sent; {infos} to consider.",
    "count.error": "{n} error",
    "count.errors": "{n} errors",
    "count.warning": "{n} warning",
    "count.warnings": "{n} warnings",
    "count.info": "{n} note",
    "count.infos": "{n} notes",
    "draft.title": "Draft #{id}, version {revision}",
    "finding.why": "Why: {message}",
    "finding.guideline": "Guideline: {guideline}",
    "finding.fix": "Fix: {title}",
    "missing.title": "Can also be checked, if you add:",
    "missing.line": "{what}: {why}",
    "rewrite.title": "Suggested rewrite, ready to copy:",
    "rewrite.title-unready": "Suggested rewrite, not ready to send:",
    "rewrite.status.title": "Rewrite checked again:",
    "rewrite.guidance": "- {rule}: {text}",
    "diff.title": "What the rewrite changes:",
    "notes.title": "Notes:",
    "state.pending": "Waiting for approval: {count} of {required}.",
    "state.approved": "Approved by {who}; ready to send. Mark it as sent once it went out.",
    "verdict.overridden": "Approved despite {errors}: {who} overrode them ({reason}).",
    "finding.times": "{title} ({n} times)",
    "finding.more": "… and {n} more",
    "draft.checking": "Checking a draft from {who}…",
    "button.withdraw": "Withdraw",
    "button.edit": "Add order details",
    "state.changes_requested": "Changes requested by {who}{reason}. Edit the draft to submit a new version.",
    "state.withdrawn": "Withdrawn by {who}{reason}.",
    "state.sent": "Sent, marked by {who}.",
    "state.expired": "Expired: its text was removed after the retention period.",
    "state.needs_override": "It has errors: an approver can approve it only with Override and a reason.",
    "state.last": "Last: {action} by {who} at {when}.",
    "action.approve": "approved",
    "action.override": "approved with override ({reason})",
    "action.request_changes": "changes requested",
    "action.withdraw": "withdrawn",
    "action.sent": "marked as sent",
    "result.unchanged": "Nothing changed from the version under review.",
    "result.new_revision": "A new version: it was checked again, and earlier approvals no longer count.",
    "result.repeated": "You had already done this on this version.",
    "error.draft": "Cannot check this draft: {reason}",
    "error.unknown_action": "Unknown action {action!r}.",
    "error.not_found": "There is no draft #{id} here.",
    "error.stale": "Draft #{id} changed after this report was posted; use the buttons on the newest report.",
    "error.reason_required": "A reason is required.",
    "error.override_not_needed": "This draft has no errors; approve it normally.",
    "error.override_approvers": "Only approvers can override errors.",
    "error.draft_required": "Paste the draft message here.",
    "draft.from": "Draft from {who} for review:",
    "button.approve": "Approve",
    "button.request_changes": "Request changes",
    "button.override": "Override",
    "button.sent": "Mark as sent",
    "hint.use_override": "Use Override and give the reason.",
    "part.continued": "(continued, part {n} of {total})",
    "part.attached": "The full report is in the attached file {name}.",
}


RULE_TITLES: dict[str, str] = {
    "content.thanks-only": "Only thanks the buyer",
    "content.auto-reply": "Automated reply",
    "content.objectionable": "Offensive or sensitive wording",
    "content.too-long": "Longer than 2,000 characters",
    "attach.disallowed": "Attachment Amazon does not allow",
    "contact.email": "Email address",
    "contact.phone": "Phone number",
    "contact.social": "Social media or messaging app",
    "link.external": "Link outside Amazon",
    "link.insecure": "Insecure http:// link",
    "link.opt-out": "Unsubscribe link",
    "html.gif": "GIF image",
    "html.tracking-pixel": "Tracking pixel",
    "html.insecure-image": "Image over http://",
    "html.font-override": "Changed font or line height",
    "html.font-sizes": "Too many font sizes",
    "html.alignment": "Centred or re-aligned text",
    "html.margin": "Margin too wide",
    "html.image-width": "Image too wide",
    "html.logo-link": "Logo linking off Amazon",
    "html.accessibility": "Accessibility problem",
    "lang.mismatch": "Not in the buyer's language",
    "lang.mixed": "Passage in another language",
    "order.id-missing": "No order id",
    "order.id-malformed": "Order id in the wrong form",
    "order.id-mismatch": "Order id of another order",
    "order.window": "Sent too late after the order",
    "order.confirmation": "Order or shipping confirmation",
    "order.cancel-request": "Asks the buyer to cancel",
    "order.discourage-return": "Discourages a return or refund",
    "order.divert": "Steers the buyer off Amazon",
    "promo.marketing": "Marketing or promotion",
    "promo.coupon": "Coupon or discount code",
    "review.incentive": "Reward for a review",
    "review.change-request": "Asks to change a review",
    "review.positive": "Asks for a positive review",
    "review.conditional": "Asks only happy buyers for a review",
    "review.repeat": "Second review request for this order",
    "review.scripted": "Tells the buyer what to write",
    "style.emoji": "Emoji",
    "style.line-breaks": "Too many blank lines",
    "style.spelling": "Spelling",
    "style.grammar": "Grammar",
}

# What a rule needs and why, as the team would add it; the context fields each rule reads are
# in its ``needs`` (checks/rules/).
CONTEXT_HINTS: dict[str, tuple[str, str]] = {
    "review.repeat": ("The order id", "then CheckMsg counts the review requests this order already had"),
    "order.window": (
        "The delivery date (or order date)", "to check the message goes out within 30 days of the order"
    ),
    "order.id-mismatch": ("The order id", "to check the order id in the text is this order's"),
    "lang.mismatch": ("The marketplace or the buyer's language", "to check the draft is in the buyer's language"),
}


def message(key: str, locale: str | None = None, /, **values: Any) -> str:
    """The text for ``key`` in ``locale`` ("zh-CN", "en-US", ...), else English.

    Every string of the chat layer goes through here: a translation is one
    more line under ``[chat]`` in a catalogue.
    """
    return say(ui_language(locale), "chat." + key, MESSAGES[key], **values)


def rule_title(rule_id: str, locale: str | None = None) -> str:
    """A rule's title in the person's words; the id only for a rule without one."""
    english = RULE_TITLES.get(rule_id)
    return rule_id if english is None else say(ui_language(locale), "rule-title." + rule_id, english)


def context_hint(rule_id: str, locale: str | None = None) -> tuple[str, str] | None:
    """(what to add, what it lets CheckMsg check) for a rule that lacked context; None when unknown."""
    english = CONTEXT_HINTS.get(rule_id)
    if english is None:
        return None
    lang = ui_language(locale)
    what, why = english
    return say(lang, f"context-hint.{rule_id}.what", what), say(lang, f"context-hint.{rule_id}.why", why)
