"""The suggested compliant rewrite: every mechanical fix applied at once.

A finding with a mechanical fix contributes edits over the submitted source;
a sentence that exists only for something forbidden (a coupon, an opt-out
line, a contact line, a biased review request) goes as a whole, or is
replaced by a neutral review request; where only a clause offends, that
clause goes with what served it and the rest of the sentence stays. The
edits are merged so that none overlaps another, then applied, and the
whitespace (and in HTML the emptied markup) where text was removed is tidied.
What cannot be fixed mechanically becomes plain guidance.

Facts survive: a sentence that also carries a tracking number, a date or an
amount (not an offer's) loses only the offending clause or phrase, or a
person is asked to rewrite it; an order id that leaves with its sentence
comes back in the order id line. The rewrite never adds anything but the
neutral review request and the order id line; when nothing with a purpose
is left, there is no rewrite.

The rewrite is checked again before anyone sees it (``suggest_checked``,
called by the engine with a re-check of its own): ``verdict`` turns what the
re-check finds into ``remaining``, a status and guidance.

Pure: the Document and the findings in, text out. The parts: ``plan``
decides the edits sentence by sentence, ``clauses`` cuts a sentence's
offending clause, ``fixes`` handles single findings (order id, font size,
grammar slips), ``apply`` applies the edits, ``order_line`` places the order
id line, ``diff`` shows the change, ``facts`` finds what must survive,
``guidance`` and ``texts`` hold what the rewrite says and writes, ``verdict``
words the re-check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..i18n import Text
from ..models import Finding, Guidance
from . import verdict
from .apply import apply_edits, merge
from .diff import unified_diff
from .facts import facts
from .guidance import GUIDANCE, guidance_text
from .order_line import insert_order_line
from .plan import Plan
from .texts import PLACEHOLDER, phrase_text

if TYPE_CHECKING:
    from ..document import Document

__all__ = [
    "GUIDANCE", "PLACEHOLDER", "Outcome", "Suggestion", "suggest_checked", "apply_edits", "facts", "guidance_text", "merge",
    "phrase_text", "suggest", "unified_diff",
]


@dataclass
class Suggestion:
    text: str
    diff: str | None
    guidance: list[Guidance] = field(default_factory=list)


@dataclass
class Outcome:
    """A rewrite after its re-check: ``text`` None when nothing permitted is left."""

    text: str | None
    diff: str | None
    guidance: list[Guidance]
    remaining: list[str]
    status: str
    verdict: Text


# Re-checks a rewrite with the draft's context: the findings on it and, when
# asked, the rewrite of the rewrite (a second pass over what the first left).
Recheck = Callable[[str, bool], Awaitable[tuple[list[Finding], "Suggestion | None"]]]


def suggest(doc: Document, findings: list[Finding], cautious: bool = False) -> Suggestion:
    """The rewrite of ``doc.source`` with every mechanical fix applied, its diff
    against the draft, and guidance for the findings a person must handle.

    ``cautious``: only whole sentences and the rules' own fixes, no clause-level
    edits (the fallback when the full rewrite reads worse than the draft).
    Findings that get their fix here (sentence removals, the neutral review
    request, the order id line) have ``fix`` set on them in place.
    """
    plan = Plan(doc, findings, cautious=cautious)
    plan.build()
    merged = merge(plan.edits, doc.source)
    text = apply_edits(doc.source, merged, html=plan.is_html)
    if not text.strip() or plan.nothing_left:
        text = ""
        plan.drop_guidance_inside([])  # no rewrite: all the draft's guidance stands
    else:
        plan.drop_guidance_inside(merged)
        plan.keep_order_id(text)
        if plan.order_line is not None:
            text = insert_order_line(text, plan.order_line, doc)
    return Suggestion(text=text, diff=unified_diff(doc.source, text), guidance=plan.guidance)


async def suggest_checked(doc: Document, findings: list[Finding], recheck: Recheck) -> Outcome:
    """The rewrite, checked again before anyone sees it.

    A draft with nothing permitted to say (thanks only, an auto-reply, a
    confirmation, past the 30-day window), written in anger (an insult:
    deleting it leaves the blame around it) or in plain text more than twice
    Amazon's length limit (a person shortens it first) gets no rewrite.

    A rewrite that raises a rule the draft did not have (what is left has no
    permitted purpose, or an edit reads badly) is replaced by the cautious
    one; when that too adds a finding, or nothing permitted is left, there is
    no rewrite and the guidance says not to send the message. A rewrite the
    re-check still faults gets one second pass, kept when it leaves fewer
    rules; when the second pass leaves nothing permitted, there is no rewrite.
    At most two re-checks; a draft the rewrite leaves unchanged needs none.
    """
    drafted = {f.rule for f in findings}
    length = len(doc.text.strip())
    if doc.html is None and length > verdict.MAX_TEXT_CHARS:  # a person shortens it first
        return Outcome(text=None, diff=None, guidance=verdict.too_long(length, drafted), remaining=[],
                       status=verdict.NONE, verdict=verdict.status_text(verdict.NONE, [], too_long=length))
    if drafted & verdict.DO_NOT_SEND:  # no edit gives the message a permitted purpose
        plan = Plan(doc, findings)
        plan.build()
        plan.drop_guidance_inside([])
        return _nothing(plan.guidance)
    if drafted & verdict.HOSTILE:  # nor a polite tone
        return Outcome(text=None, diff=None, guidance=verdict.hostile(drafted), remaining=[],
                       status=verdict.NONE, verdict=verdict.status_text(verdict.NONE, [], hostile=True))
    # The rules' own fixes, before the plan sets any. Shallow copies suffice (a
    # deep copy of 250 findings cost a tenth of a template's check): the plan only
    # assigns ``finding.fix``, never changes a fix or an edit in place.
    pristine = [f.model_copy() for f in findings]
    first = suggest(doc, findings)
    if not first.text.strip():
        return _nothing(first.guidance)
    if first.text == doc.source:  # nothing changed: the draft's own findings are the re-check's
        return _outcome(first, findings)
    found, second = await recheck(first.text, True)
    if not {f.rule for f in found} - drafted:
        if second is not None and not second.text.strip():
            # What the first pass kept breaks the rules too, and without it nothing is
            # left ("Our spring collection is out." once "Visit our store." went).
            return _nothing(first.guidance)
        if second is not None and second.text != first.text:
            # A second pass over what the first left (a sentence that only served a removed one).
            found2, _ = await recheck(second.text, False)
            rules2 = {f.rule for f in found2}
            if not rules2 - drafted and len(rules2) < len({f.rule for f in found}):
                return _outcome(Suggestion(second.text, unified_diff(doc.source, second.text), second.guidance), found2)
        return _outcome(first, found)
    safer = suggest(doc, pristine, cautious=True)
    if safer.text.strip() and safer.text != first.text:
        found, _ = await recheck(safer.text, False)
        if not {f.rule for f in found} - drafted:
            return _outcome(safer, found)
    return _nothing(first.guidance)


def _nothing(guidance: list[Guidance]) -> Outcome:
    return Outcome(text=None, diff=None, guidance=verdict.do_not_send(guidance), remaining=[],
                   status=verdict.NONE, verdict=verdict.status_text(verdict.NONE, []))


def _outcome(suggestion: Suggestion, found: list[Finding]) -> Outcome:
    remaining = sorted({f.rule for f in found})
    status = verdict.NEEDS_PERSON if remaining else verdict.READY
    guidance = verdict.remaining_guidance(found)
    placeholder = [g for g in suggestion.guidance if g.rule == "order.id-missing" and PLACEHOLDER in g.text]
    if placeholder and "order.id-missing" in remaining:  # the rewrite's placeholder is what is left to fill in
        guidance = [g for g in guidance if g.rule != "order.id-missing"] + placeholder
    return Outcome(text=suggestion.text, diff=suggestion.diff, guidance=guidance, remaining=remaining,
                   status=status, verdict=verdict.status_text(status, remaining))
