"""What the re-check of a rewrite says, in words: ready, still needing a
person (with the rules that remain and guidance for each), or no rewrite.

The guidance is written from the re-check's findings on the rewrite, never
from the draft's: what the rewrite already fixed is not named again.
"""

from __future__ import annotations

from ..i18n import Text, tr
from ..models import Finding, Guidance
from .guidance import guidance_text

READY = "ready"  # the re-check finds nothing: the rewrite can be sent as it stands
NEEDS_PERSON = "needs-person"  # the re-check still finds something
NONE = "none"  # nothing permitted is left: there is no rewrite

# The message itself has no permitted purpose: no edit makes it one to send.
DO_NOT_SEND = frozenset({"content.thanks-only", "content.auto-reply", "order.confirmation", "order.window"})
# Written in anger: deleting the insults leaves the tone ("You obviously washed it in hot
# water."), so no rewrite is offered; a person writes the message again.
HOSTILE = frozenset({"content.objectionable"})
# Without a rewrite, the guidance that says why; the rest would be work on a message not to send.
WHY_NOT = DO_NOT_SEND | {"review.repeat", "review.change-request", "order.divert", "order.cancel-request", "lang.mismatch"}


# A plain-text draft longer than this (twice Amazon's 2,000-character limit)
# gets no rewrite: removing what breaks a rule cannot make it sendable, a
# person shortens it first. (It also bounds what a pasted document or a
# hostile input costs: the rewrite and its re-checks are most of a long check.)
MAX_TEXT_CHARS = 4000


def status_text(status: str, remaining: list[str], hostile: bool = False, too_long: int | None = None) -> Text:
    """The rewrite's status as a sentence a person reads (``hostile``: no
    rewrite because the draft insults the reader; ``too_long``: none because
    the draft has that many characters)."""
    if status == READY:
        return tr("rewrite.ready", "The rewrite follows the guidelines.")
    if status == NONE and too_long is not None:
        return tr("rewrite.too-long", "No rewrite: the draft has {count:,} characters, more than twice Amazon's "
                  "2,000-character limit. Shorten it, then check it again.", count=too_long)
    if status == NONE and hostile:
        return tr("rewrite.hostile", "No rewrite: deleting the insults does not make this message polite. "
                  "Write it again in neutral words before sending it.")
    if status == NONE:
        return tr("rewrite.none", "No rewrite: nothing permitted is left once the fixes are applied. "
                  "Do not send this message.")
    return tr("rewrite.needs-person", "The rewrite still needs a person: {rules}.", rules=", ".join(remaining))


def remaining_guidance(findings: list[Finding]) -> list[Guidance]:
    """One piece of guidance per finding the re-check made on the rewrite
    (a rule's guidance once, a by-hand note for each passage otherwise)."""
    out: list[Guidance] = []
    for finding in findings:
        text = guidance_text(finding.rule)
        if text is None:
            text = tr("guidance.by-hand", "Fix by hand: {message}", message=finding.message)
            if finding.excerpt:
                text = tr("guidance.remaining-passage", "{excerpt!r}: {text}", excerpt=finding.excerpt, text=text)
        if not any(g.rule == finding.rule and g.text == text for g in out):
            out.append(Guidance(rule=finding.rule, text=text))
    return out


def do_not_send(draft_guidance: list[Guidance]) -> list[Guidance]:
    """Guidance when no rewrite is left: why, then what the draft's findings ask of a person."""
    out = [Guidance(rule="rewrite", text=tr("guidance.nothing-left", "Nothing permitted is left once the fixes are "
                                             "applied: do not send this message."))]
    for rule in dict.fromkeys(g.rule for g in draft_guidance if g.rule in WHY_NOT):
        text = guidance_text(rule)  # the rule's general advice: no passage of a message not to send
        if text is not None:
            out.append(Guidance(rule=rule, text=text))
    return out


def hostile(rules: set[str]) -> list[Guidance]:
    """Guidance when a draft written in anger gets no rewrite: write it again,
    then the general advice for each rule the draft broke (no passage: the
    message is written anew)."""
    out = [Guidance(rule="rewrite", text=tr("guidance.hostile", "Write the message again in polite, neutral words "
                                             "and do not send it as it is: without its insults it still blames the "
                                             "buyer. Keep only what helps the buyer with the order."))]
    for rule in sorted(rules):
        text = guidance_text(rule)
        if text is not None:
            out.append(Guidance(rule=rule, text=text))
    return out


def too_long(count: int, rules: set[str]) -> list[Guidance]:
    """Guidance when a draft far over the length limit gets no rewrite:
    shorten it, then the general advice for each rule the draft broke."""
    out = [Guidance(rule="rewrite", text=tr("guidance.too-long", "Shorten the message to at most 2,000 characters "
                                             "(it has {count:,}), keeping only what the buyer needs about the order; "
                                             "then check it again for a suggested rewrite.", count=count))]
    for rule in sorted(rules - {"content.too-long"}):
        text = guidance_text(rule)
        if text is not None:
            out.append(Guidance(rule=rule, text=text))
    return out
