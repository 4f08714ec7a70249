"""Fixes for one finding at a time: the order id (added, its typo corrected,
kept when its sentence goes), a font size beyond the third, the grammar slips
with one right answer, a misspelling that is one typing slip from one word,
an internal note in another language.

A mixin of :class:`checks.rewrite.plan.Plan`: it reads the plan's document,
source, sentence spans and language, and adds to its edits and guidance.
"""

from __future__ import annotations

import difflib

import regex

from .. import spelling
from ..i18n import tr
from ..models import Edit, Finding, Fix, Guidance
from .order_line import order_line_edit
from .texts import PLACEHOLDER, phrase_text

ORDER_ID = regex.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])")
_FONT_SIZE = regex.compile(r"font-size\s*:\s*(\d{1,4}(?:\.\d{1,3})?)\s*(px|pt|em|rem|%)", regex.IGNORECASE)
_OPENERS, _CLOSERS = "（(【[「", "）)】]」"
# A short lower-case word and a full stop before a lower-case word: an abbreviation
# ("12 in. and", "approx. two"), not the end of a sentence to capitalise after.
_ABBREVIATED = regex.compile(r"(?<![\p{L}.])(?:\p{Ll}{1,3}|approx|incl|excl|pcs|qty|dept)\.[ \t]+$")


class SingleFixes:
    """The plan's fixes for single findings (see the module docstring)."""

    def _foreign_passage(self, finding: Finding, doomed: dict[int, list[Finding]]) -> None:
        """An internal note in another language: its sentences go when the note
        is all they say, a bracketed note goes with its brackets."""
        if finding.span is None:
            self._advise(finding.rule, finding)
            return
        start, end = finding.span
        if start > 0 and self.source[start - 1] in _OPENERS:
            start -= 1
        if end < len(self.source) and self.source[end] in _CLOSERS:
            end += 1
        indexes = self._sentences_of((start, end))
        covered = [i for i in indexes if not _remainder(self.source, self.spans[i], (start, end))]
        if indexes and len(covered) == len(indexes):
            for i in indexes:
                doomed.setdefault(i, []).append(finding)
        elif self.source[start] in _OPENERS and self.source[end - 1] in _CLOSERS and not self.is_html:
            if start > 0 and self.source[start - 1] in " \t":
                start -= 1
            edit = Edit(span=(start, end), replacement="")
            self.edits.append(edit)
            finding.fix = finding.fix or Fix(title=tr("fix.remove-note", "Remove the note"), edits=[edit])
        else:
            self._advise(finding.rule, finding)

    # --- order id -------------------------------------------------------------------
    def _order_id(self, finding: Finding) -> None:
        template = phrase_text(self.lang, "order_line") or phrase_text("en", "order_line")
        if self.is_html or template is None:
            self._advise(finding.rule, finding)
            return
        order_id = self.doc.context.order_id or PLACEHOLDER
        self.order_line = template.format(order_id=order_id)
        at, inserted = order_line_edit(self.source, self.order_line, self.doc)
        finding.fix = finding.fix or Fix(title=tr("fix.add-order-id", "Add the order id"), edits=[Edit(span=(at, at), replacement=inserted)])
        if order_id == PLACEHOLDER:
            self.guidance.append(
                Guidance(rule=finding.rule, text=tr("guidance.fill-order-id", "Fill in the order id where the rewrite says {placeholder}: "
                         "no order id was given with the draft.", placeholder=PLACEHOLDER))
            )

    def keep_order_id(self, text: str) -> None:
        """A rewrite that removed every order id of the draft gets the order id line back."""
        if self.order_line is not None or self.is_html:
            return
        ids = ORDER_ID.findall(self.source)
        kept = ids + [self.doc.context.order_id] if self.doc.context.order_id else ids  # a mistyped id corrected
        if not ids or any(order_id in text for order_id in kept):
            return
        template = phrase_text(self.lang, "order_line") or phrase_text("en", "order_line")
        if template is not None:
            self.order_line = template.format(order_id=self.doc.context.order_id or ids[0])

    def _excess_size(self, finding: Finding) -> bool:
        """A size beyond the third (the finding points at its declaration)
        becomes the nearest size the template already uses in the same unit,
        else its declaration goes and the text takes its parent's size."""
        if finding.span is None or not self.is_html:
            return False
        start, end = finding.span
        declared = _FONT_SIZE.fullmatch(self.source, start, end)
        if declared is None:
            return False
        value, unit = float(declared.group(1)), declared.group(2).lower()
        others = {float(m.group(1)) for m in _FONT_SIZE.finditer(self.source)
                  if m.group(2).lower() == unit and m.start() != start} - {value}
        if others:
            nearest = min(others, key=lambda size: (abs(size - value), size))
            shown = f"{nearest:g}"
            edit = Edit(span=(declared.start(1), declared.end(1)), replacement=shown)
            title = tr("fix.font-size", "Use the font size {size} already used", size=shown + unit)
        else:
            while end < len(self.source) and self.source[end] in " ;":
                end += 1
            edit = Edit(span=(start, end), replacement="")
            title = tr("fix.remove-font-size", "Remove this font size")
        self.edits.append(edit)
        finding.fix = finding.fix or Fix(title=title, edits=[edit])
        return True

    def _grammar_fix(self, finding: Finding) -> bool:
        """The two grammar slips with one right answer: an article that the
        checker faulted (a ↔ an), and a sentence that starts in lower case."""
        if finding.span is None or not finding.excerpt:
            return False
        start, end = finding.span
        word = self.source[start:end]
        replacement = None
        if word.lower() in ("a", "an"):
            flipped = "an" if word.lower() == "a" else "a"
            replacement = (flipped[0].upper() + flipped[1:]) if word[0].isupper() else flipped
        elif regex.fullmatch(r"\p{Ll}[\p{L}'’]*", word) and any(s == start for s, _ in self.sentence_spans) \
                and not _ABBREVIATED.search(self.source, max(0, start - 12), start):
            replacement = word[0].upper() + word[1:]
        if replacement is None:
            return False
        edit = Edit(span=(start, end), replacement=replacement)
        self.edits.append(edit)
        finding.fix = finding.fix or Fix(title=tr("fix.replace-with", "Replace with {0!r}", replacement), edits=[edit])
        return True

    def _spelling_fix(self, finding: Finding) -> bool:
        """A misspelling the rule left without one clear correction, of which
        exactly one dictionary word is a typing slip away (two letters swapped,
        a letter doubled or not): "recieve" -> "receive", "posible" ->
        "possible"; for a long word, two slips ("inconvienence")."""
        if finding.span is None:
            return False
        start, end = finding.span
        word = self.source[start:end]
        fixed = spelling.slip_correction(word, self.lang)
        # Two slips cost milliseconds a word: only within the check's budget (spelling.spend).
        if fixed is None and len(word) >= spelling.DEEP_SLIP_LENGTH and spelling.spend(self.doc.budget, self.lang):
            fixed = spelling.slip_correction(word, self.lang, twice=True)
        if fixed is None:
            return False
        edit = Edit(span=(start, end), replacement=fixed)
        self.edits.append(edit)
        finding.fix = Fix(title=tr("fix.replace-with", "Replace with {0!r}", fixed), edits=[edit])
        return True

    def _order_id_fix(self, finding: Finding) -> None:
        """A malformed order id that is a typo of the order id the draft was
        checked with becomes that id (a different order's id is left to a person)."""
        order_id = self.doc.context.order_id
        if order_id is None or finding.span is None or not finding.excerpt:
            self._advise(finding.rule, finding)
            return
        found = regex.search(r"\d[\d\s\-]*\d", finding.excerpt)
        typed = regex.sub(r"\D", "", found.group()) if found else ""
        if found is None or difflib.SequenceMatcher(None, typed, order_id.replace("-", "")).ratio() < 0.85:
            self._advise(finding.rule, finding)
            return
        start = finding.span[0] + found.start()
        edit = Edit(span=(start, start + len(found.group())), replacement=order_id)
        self.edits.append(edit)
        finding.fix = finding.fix or Fix(title=tr("fix.order-id", "Use the order id {order_id}", order_id=order_id), edits=[edit])


def _remainder(source: str, sentence: tuple[int, int], passage: tuple[int, int]) -> str:
    s, e = sentence
    ps, pe = max(s, passage[0]), min(e, passage[1])
    rest = source[s:ps] + source[pe:e] if ps < pe else source[s:e]
    return regex.sub(r"[\s\p{P}]+", "", rest)
