"""The suggested compliant rewrite: every mechanical fix applied at once.

A finding with a mechanical fix contributes edits over the submitted source;
a sentence that exists only for something forbidden (a coupon, an opt-out
line, a contact line, a biased review request) goes as a whole, or is
replaced by a neutral review request. The edits are merged so that none
overlaps another, then applied, and the whitespace where text was removed is
tidied (no double spaces, no runs of blank lines). What cannot be fixed
mechanically becomes plain guidance.

Facts outside the removed sentences survive: a sentence that also carries an
order id, a tracking number or a date (and, for contact details, an amount)
is never removed; only the offending fragment is, or a person is asked to
rewrite it. The rewrite never adds anything but the neutral review request
and the order id line.

Pure: the Document and the findings in, text out. The parts:
``plan`` decides the edits, ``apply`` applies them, ``order_line`` places
the order id line, ``diff`` shows the change, ``facts`` finds what must
survive, ``guidance`` and ``texts`` hold what the rewrite says and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..i18n import tr
from ..models import Finding, Guidance
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
    "GUIDANCE", "PLACEHOLDER", "Suggestion", "apply_edits", "facts", "guidance_text", "merge",
    "phrase_text", "suggest", "unified_diff",
]


@dataclass
class Suggestion:
    text: str
    diff: str | None
    guidance: list[Guidance] = field(default_factory=list)


def suggest(doc: Document, findings: list[Finding]) -> Suggestion:
    """The rewrite of ``doc.source`` with every mechanical fix applied, its diff
    against the draft, and guidance for the findings a person must handle.

    Findings that get their fix here (sentence removals, the neutral review
    request, the order id line) have ``fix`` set on them in place.
    """
    plan = Plan(doc, findings)
    plan.build()
    merged = merge(plan.edits, doc.source)
    plan.drop_guidance_inside(merged)
    text = apply_edits(doc.source, merged)
    if not text.strip():
        text = ""
        plan.guidance.append(Guidance(rule="rewrite", text=tr("guidance.nothing-left", "Nothing permitted is left once the fixes are "
                                      "applied: do not send this message.")))
    elif plan.order_line is not None:
        text = insert_order_line(text, plan.order_line, doc)
    return Suggestion(text=text, diff=unified_diff(doc.source, text), guidance=plan.guidance)
