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

Pure: the Document and the findings in, text out.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

import regex

from . import language, phrases
from .html import markup
from .i18n import Text, tr
from .models import Edit, Finding, Fix, Guidance

if TYPE_CHECKING:
    from .document import Document, Sentence

PLACEHOLDER = "[ORDER ID]"

# A finding of these marks a sentence that exists only for the forbidden thing.
SENTENCE_RULES = frozenset(
    {
        "promo.coupon",
        "promo.marketing",
        "review.incentive",
        "review.positive",
        "review.conditional",
        "review.scripted",
        "link.opt-out",
        "order.divert",
    }
)
# Contact details and links: the sentence goes when it carries no fact; else the fragment.
FRAGMENT_RULES = frozenset({"contact.email", "contact.phone", "link.external", "contact.social"})
# In these the amount is the offer itself, not a fact to keep.
OFFER_RULES = frozenset({"promo.coupon", "promo.marketing", "review.incentive"})
# A sentence removed for these was asking for a review: a neutral request replaces it.
REVIEW_BIAS = frozenset({"review.positive", "review.conditional", "review.incentive", "review.scripted"})

GUIDANCE = {
    "content.thanks-only": "Do not send this message: it has no permitted purpose. If it answers a buyer's "
    "thank-you, mark the buyer's message \"No Response Required\" in Seller Central instead.",
    "content.auto-reply": "Do not send automatic replies. Answer the buyer yourself, or mark the message "
    "\"No Response Required\" when it needs no answer.",
    "order.confirmation": "Do not send it: Amazon already sends order and shipping confirmations. "
    "Write only when there is a problem to solve.",
    "order.window": "Do not send it: proactive messages are allowed only within 30 days of order completion. "
    "Wait for the buyer to write.",
    "review.repeat": "Remove the review request: this order already had one. Amazon allows one per order "
    "(Amazon's own \"Request a Review\" button counts too).",
    "review.change-request": "Remove the request to change or remove the review or feedback. "
    "If nothing else is left to say, do not send the message.",
    "lang.mismatch": "Translate the whole message into the buyer's language before sending it.",
    "lang.mixed": "Remove or translate the passage in another language.",
    "attach.disallowed": "Remove the attachment: only product instructions, warranty information "
    "and invoices may be attached.",
    "order.id-mismatch": "Check the order id: it must be the order this conversation is about.",
    "order.id-malformed": "Correct the order id to Amazon's 3-7-7 digit form (e.g. 113-1234567-1234567).",
    "order.cancel-request": "Cancel the order yourself (reason NoInventory or CouldNotShip) and tell the buyer "
    "it was cancelled and refunded; do not ask the buyer to cancel.",
    "order.discourage-return": "Remove the pressure not to return, cancel or ask for a refund; you may offer "
    "a partial refund as an option.",
    "order.divert": "Keep the order and the conversation on Amazon: ask the buyer to reply to this message.",
    "content.objectionable": "Rewrite this passage in polite, neutral words.",
    "content.too-long": "Shorten the message to 2,000 characters or fewer.",
    "style.spelling": "Correct the spelling by hand: the dictionary has no single clear suggestion.",
    "style.grammar": "Correct the grammar by hand.",
    "link.insecure": "Use the https:// address of this link, or remove the link.",
    "order.id-missing": "Add the order id (3-7-7 digits) to the message.",
}



def guidance_text(rule: str) -> Text | None:
    """The guidance for ``rule``'s findings, translatable under ``guidance.<rule id>``."""
    text = GUIDANCE.get(rule)
    return None if text is None else Text("guidance." + rule, text)


# Facts a rewrite keeps. Amounts only guard contact lines: in a coupon or an
# incentive the amount is the offer itself. Each pattern starts on a digit or
# a capital where it can (one alternation of them all is ten times slower).
_MONTHS = (
    "jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vrier|m[aä]r(?:ch|z)|mars|apr(?:il)?|avril|may|mai|june?|juni|"
    "juin|july?|juli|juillet|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember)?)?|septembre|oct(?:ober)?|okt(?:ober)?|octobre|"
    "nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    "septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
_FACTS = (
    (regex.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])"), False),  # order id
    (regex.compile(r"\b[0-9A-Z]{10,34}\b"), False),  # tracking number (with a digit, see facts())
    (regex.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{1,2}月\d{1,2}日"), False),
    (regex.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2}\b"), False),
    (regex.compile(rf"\b\d{{1,2}}\.?\s(?:de\s)?(?:{_MONTHS})\b", regex.IGNORECASE), False),
    (regex.compile(r"[$€£¥]\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:€|\$|£|%|EUR|USD|GBP|円|元)"), True),  # amount
)


def facts(text: str) -> list[tuple[int, int, bool]]:
    """Order ids, tracking numbers, dates and amounts in ``text``:
    (start, end, is an amount)."""
    found = []
    for pattern, amount in _FACTS:
        for m in pattern.finditer(text):
            if pattern is _FACTS[1][0] and not any(ch.isdigit() for ch in m.group()):
                continue
            found.append((m.start(), m.end(), amount))
    return found


# A word left dangling before a removed contact fragment ("call us at ___").
_CONNECTOR = regex.compile(
    r"(?:\s(?:at|to|on|via|under|unter|an|au|à|al|a|per|su|sur|por|en|al|:)|[:：])\s*$", regex.IGNORECASE
)
# What is left of a line that only labelled a contact ("Tel.", "Email:", "- ").
_LABEL = regex.compile(r"^\W*(?:\w+\W*){0,2}[:：.\-–|]?\W*$")
_OPENERS, _CLOSERS = "（(【[「", "）)】]」"
_WS = " \t\r\n"


@dataclass
class Suggestion:
    text: str
    diff: str | None
    guidance: list[Guidance] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _texts() -> dict[str, dict]:
    raw = resources.files(__package__).joinpath("phrases", "rewrite.toml").read_text("utf-8")
    return tomllib.loads(raw)


def phrase_text(lang: str, key: str) -> str | None:
    """A text the rewrite writes: ``[key] text`` in ``<lang>.toml``, else ``rewrite.toml``."""
    entry = phrases._table(lang).get(key)
    if isinstance(entry, dict) and isinstance(entry.get("text"), str):
        return entry["text"]
    return _texts().get(lang, {}).get(key)


def suggest(doc: Document, findings: list[Finding]) -> Suggestion:
    """The rewrite of ``doc.source`` with every mechanical fix applied, its diff
    against the draft, and guidance for the findings a person must handle.

    Findings that get their fix here (sentence removals, the neutral review
    request, the order id line) have ``fix`` set on them in place.
    """
    plan = _Plan(doc, findings)
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


class _Plan:
    """Decides, finding by finding, what the rewrite does."""

    def __init__(self, doc: Document, findings: list[Finding]) -> None:
        self.doc = doc
        self.findings = findings
        self.edits: list[Edit] = []
        self.guidance: list[Guidance] = []
        self._guided: list[tuple[tuple[int, int] | None, Guidance]] = []
        self.order_line: str | None = None
        self.source = doc.source
        self.is_html = doc.html is not None
        self.lang = doc.language or language.primary(doc.context.buyer_language) or "en"

    @functools.cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Each sentence's span in the source (worked out only when a finding needs it)."""
        return [self.doc.source_span((s.start, s.end)) for s in self.doc.sentences]

    # --- the plan ---------------------------------------------------------------
    def build(self) -> None:
        doomed: dict[int, list[Finding]] = {}  # sentence index -> findings that remove it
        fragments: dict[int, list[Finding]] = {}
        rules = {f.rule for f in self.findings}
        for finding in self.findings:
            if finding.rule in SENTENCE_RULES or finding.rule in FRAGMENT_RULES:
                indexes = self._sentences_of(finding.span)
                if not indexes:
                    self._fallback(finding)
                target = doomed if finding.rule in SENTENCE_RULES else fragments
                for i in indexes:
                    target.setdefault(i, []).append(finding)
            elif finding.rule == "lang.mixed":
                self._foreign_passage(finding, doomed)
            elif finding.rule == "order.id-missing":
                self._order_id(finding)
            elif finding.fix is not None:
                self.edits.extend(finding.fix.edits)
            else:
                self._advise(finding.rule, finding)
        # Contact details: the whole sentence when it only points at them and
        # carries no fact; else the fragment alone.
        for i, found in fragments.items():
            if i in doomed:
                continue
            if self._has_fact(i, True, found) or not self._points_at(i, found):
                for finding in found:
                    self._fragment(finding)
            else:
                doomed[i] = found
        for i, found in list(doomed.items()):
            offer = any(f.rule in OFFER_RULES for f in found)
            if self._has_fact(i, not offer, self._fragments_in(i, fragments)):
                del doomed[i]
                for finding in found:
                    if finding.rule in FRAGMENT_RULES:
                        self._fragment(finding)
                    else:
                        self._advise(finding.rule, finding, by_hand=True)
        self._remove_sentences(doomed, repeat="review.repeat" in rules)

    def _sentences_of(self, span: tuple[int, int] | None) -> list[int]:
        if span is None:
            return []
        start, end = span
        return [
            i for i, (s, e) in enumerate(self.spans) if (s <= start < e) or (start < e and s < end and start != end)
        ]

    def _fragments_in(self, i: int, fragments: dict[int, list[Finding]]) -> list[Finding]:
        return fragments.get(i, []) + [f for f in self.findings if f.rule in FRAGMENT_RULES and f.span and
                                       self.spans[i][0] <= f.span[0] < self.spans[i][1]]

    def _points_at(self, i: int, found: list[Finding]) -> bool:
        """The sentence exists for the contact detail: little else is left
        without it, or it leads up to it ("email us at", "register at")."""
        start, end = self.spans[i]
        rest, pos = [], start
        for f in sorted(found, key=lambda f: f.span):
            rest.append(self.source[pos : f.span[0]])
            pos = max(pos, f.span[1])
            if _CONNECTOR.search(self.source, max(start, f.span[0] - 8), f.span[0]):
                return True
        rest.append(self.source[pos:end])
        return len(regex.findall(r"\w+", "".join(rest))) <= 3

    @functools.cached_property
    def facts(self) -> list[tuple[int, int, bool]]:
        """Facts in the source, found once: (start, end, is an amount)."""
        return facts(self.source)

    def _has_fact(self, i: int, amounts: bool, besides: list[Finding]) -> bool:
        """A fact in sentence ``i`` outside the fragments that are going anyway
        (amounts count only when ``amounts``)."""
        start, end = self.spans[i]
        taken = [f.span for f in besides if f.span and f.rule in FRAGMENT_RULES]
        for s, e, amount in self.facts:
            if start <= s and e <= end and (amounts or not amount):
                if not any(ts <= s and e <= te for ts, te in taken):
                    return True
        return False

    # --- sentence removal and the neutral review request ------------------------
    def _remove_sentences(self, doomed: dict[int, list[Finding]], repeat: bool) -> None:
        if not doomed:
            return
        sentences = self.doc.sentences
        replace_at = None
        if not repeat:
            surviving = [s for i, s in enumerate(sentences) if i not in doomed and self._is_request(s)]
            if not surviving:
                for i in sorted(doomed):
                    rules = {f.rule for f in doomed[i]} | self._rules_in(i)
                    asks = self._is_request(sentences[i]) or rules & REVIEW_BIAS
                    if asks and "review.change-request" not in rules:
                        replace_at = i
                        break
        neutral = phrase_text(self.lang, "neutral_review_request")
        if replace_at is not None and neutral is None:
            self._advise("review.positive", None, text=tr("guidance.neutral-review", "Ask for a review neutrally, in the buyer's language, "
                         "with no rating, condition or reward attached."))
            replace_at = None
        removals: list[int] = []
        for i in sorted(doomed):
            if i == replace_at:
                edit = self._safe_edit(self.spans[i], neutral)
                title = tr("fix.neutral-review", "Ask for a review neutrally")
            else:
                removals.append(i)
                continue
            self._attach(doomed[i], edit, title)
        for i, edit in self._removal_edits(removals).items():
            self._attach(doomed[i], edit, tr("fix.remove-sentence", "Remove the sentence"))

    def _rules_in(self, i: int) -> set[str]:
        start, end = self.spans[i]
        return {f.rule for f in self.findings if f.span and start <= f.span[0] < end}

    def _is_request(self, sentence: Sentence) -> bool:
        return bool(self.doc.sentence_has(sentence, "review_request"))

    def _attach(self, found: list[Finding], edit: Edit | None, title: str) -> None:
        if edit is None:
            for finding in found:
                self._advise(finding.rule, finding, by_hand=True, html=True)
            return
        self.edits.append(edit)  # merge() drops the copies
        for finding in found:
            if finding.fix is None:
                finding.fix = Fix(title=title, edits=[edit])

    def _removal_edits(self, indexes: list[int]) -> dict[int, Edit | None]:
        """One edit per removed sentence; a line left with nothing but a label
        ("Tel.", "Email:") goes as a whole (text drafts)."""
        out: dict[int, Edit | None] = {}
        if self.is_html:
            for i in indexes:
                out[i] = self._safe_edit(self.spans[i], "")
            return out
        by_line: dict[int, list[int]] = {}
        for i in indexes:
            by_line.setdefault(self.source.rfind("\n", 0, self.spans[i][0]) + 1, []).append(i)
        for line_start, members in by_line.items():
            line_end = self.source.find("\n", line_start)
            line_end = len(self.source) if line_end < 0 else line_end
            left = []
            pos = line_start
            for i in members:
                left.append(self.source[pos : self.spans[i][0]])
                pos = self.spans[i][1]
            left.append(self.source[pos:line_end])
            rest = "".join(left).strip()
            if not rest or (_LABEL.match(rest) and len(rest) <= 12):
                whole = Edit(span=(line_start, line_end), replacement="")
                for i in members:
                    out[i] = whole
            else:
                for i in members:
                    out[i] = Edit(span=self.spans[i], replacement="")
        return out

    def _safe_edit(self, span: tuple[int, int], replacement: str) -> Edit | None:
        """An edit over a sentence's source; in HTML only when no markup lies
        inside it (a removed paragraph takes its element along)."""
        start, end = span
        if not self.is_html:
            return Edit(span=span, replacement=replacement)
        if "<" in self.source[start:end] or ">" in self.source[start:end]:
            return None
        if not replacement:
            opening = regex.search(r"<(p|div|li|h[1-6]|td|span)\b[^<>]*>\s*$", self.source[max(0, start - 300) : start])
            if opening:
                closing = regex.match(rf"\s*</{opening.group(1)}\s*>", self.source[end:])
                if closing:
                    start -= len(opening.group())
                    end += closing.end()
        return Edit(span=(start, end), replacement=markup.escape_text(replacement))

    # --- fragments -----------------------------------------------------------------
    def _fragment(self, finding: Finding) -> None:
        """Remove only the contact detail, with the word that introduced it."""
        if finding.fix is None:
            self._advise(finding.rule, finding)
            return
        if finding.excerpt:
            self._advise(finding.rule, None, text=tr("guidance.fragment-removed", "Read the sentence that held {excerpt!r} again: "
                         "only that was removed, because the sentence also carries a fact to keep.", excerpt=finding.excerpt))
        for edit in finding.fix.edits:
            start, end = edit.span
            if not self.is_html and not edit.replacement:
                m = _CONNECTOR.search(self.source, max(0, start - 8), start)
                if m:
                    start = m.start()
            self.edits.append(Edit(span=(start, end), replacement=edit.replacement))

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
        at, inserted = _order_line_edit(self.source, self.order_line, self.doc)
        finding.fix = finding.fix or Fix(title=tr("fix.add-order-id", "Add the order id"), edits=[Edit(span=(at, at), replacement=inserted)])
        if order_id == PLACEHOLDER:
            self.guidance.append(
                Guidance(rule=finding.rule, text=tr("guidance.fill-order-id", "Fill in the order id where the rewrite says {placeholder}: "
                         "no order id was given with the draft.", placeholder=PLACEHOLDER))
            )

    # --- guidance --------------------------------------------------------------------
    def _fallback(self, finding: Finding) -> None:
        if finding.fix is not None:
            self.edits.extend(finding.fix.edits)
        else:
            self._advise(finding.rule, finding)

    def _advise(
        self, rule: str, finding: Finding | None, by_hand: bool = False, html: bool = False, text: str | None = None
    ) -> None:
        if text is None:
            text = guidance_text(rule) or (
                tr("guidance.by-hand", "Fix by hand: {message}", message=finding.message)
                if finding
                else tr("guidance.by-hand-plain", "Fix by hand.")
            )
            if html and self.is_html:
                text = tr("guidance.html-by-hand", "Edit this sentence in the template by hand (it spans markup): {text}", text=text)
            elif by_hand and finding is not None and finding.excerpt:
                text = tr(
                    "guidance.sentence-by-hand",
                    "Rewrite the sentence with {excerpt!r} by hand (it also carries a fact to keep): {text}",
                    excerpt=finding.excerpt,
                    text=guidance_text(rule) or finding.message,
                )
        if not any(g.rule == rule and g.text == text for _, g in self._guided):
            self._guided.append((finding.span if finding else None, Guidance(rule=rule, text=text)))

    def drop_guidance_inside(self, edits: list[Edit]) -> None:
        """Guidance about text the rewrite removes anyway is noise: keep the rest."""
        removed = [e.span for e in edits if e.span[0] < e.span[1]]
        for span, guidance in self._guided:
            if span is None or not any(s <= span[0] and span[1] <= e for s, e in removed):
                self.guidance.append(guidance)


def _remainder(source: str, sentence: tuple[int, int], passage: tuple[int, int]) -> str:
    s, e = sentence
    ps, pe = max(s, passage[0]), min(e, passage[1])
    rest = source[s:ps] + source[pe:e] if ps < pe else source[s:e]
    return regex.sub(r"[\s\p{P}]+", "", rest)


# --- applying edits ------------------------------------------------------------------


def merge(edits: list[Edit], source: str = "") -> list[Edit]:
    """Edits sorted and without overlaps: an edit inside an accepted one is
    dropped (a removed sentence takes its fragments' fixes along), and of two
    crossing edits the first wins."""
    out: list[Edit] = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for edit in sorted(edits, key=lambda e: (e.span[0], -(e.span[1] - e.span[0]))):
        key = (edit.span, edit.replacement)
        if key in seen:
            continue
        # Accepted edits do not overlap and start in order: the last one ends last.
        if out and _clash(*edit.span, *out[-1].span):
            last = out[-1]
            if edit.span[1] <= last.span[1] or last.replacement:
                continue  # inside the last edit, or crossing a replacement: the first wins
            # A removal crossed by a longer edit (an emoji and its sentence): both apply.
            start = last.span[0]
            if edit.replacement:  # keep the whitespace the removal took before the replaced text
                while start < edit.span[0] and source[start : start + 1] in (" ", "\t"):
                    start += 1
            edit = Edit(span=(start, edit.span[1]), replacement=edit.replacement)
            out.pop()
        seen.add(key)
        out.append(edit)
    return out


def _clash(start: int, end: int, s: int, e: int) -> bool:
    if start == end:  # an insertion clashes only strictly inside another edit
        return s < start < e
    if s == e:
        return start < s < end
    return start < e and s < end


def apply_edits(source: str, edits: list[Edit]) -> str:
    """``source`` with ``edits`` applied; where text was removed, the whitespace
    left on both sides is made tidy."""
    merged = merge(edits, source)  # idempotent: suggest() passes merged edits
    if not merged:
        return source
    newline = "\r\n" if "\r\n" in source else "\n"
    pieces: list[str] = []
    junctions: list[int] = []
    pos = length = 0
    for edit in merged:
        start, end = edit.span
        pieces.append(source[pos:start])
        length += start - pos
        if not edit.replacement:
            junctions.append(length)
        pieces.append(edit.replacement)
        length += len(edit.replacement)
        pos = end
    pieces.append(source[pos:])
    text = "".join(pieces)
    trailing = source[len(source.rstrip(_WS)) :]
    points = sorted(set(junctions))
    floor = len(text) + 1
    for at in reversed(points):
        if at >= floor:  # in the whitespace run just tidied
            continue
        text, floor = _tidy(text, at, points, newline, trailing)
    return text


def _tidy(text: str, at: int, points: list[int], newline: str, trailing: str) -> tuple[str, int]:
    """Tidy the whitespace run around the junction ``at``; returns the text and
    where the run began. The run keeps the widest break of the original
    whitespace it joins (removing a paragraph between two blank lines leaves
    one blank line; a line between two lines leaves one line break)."""
    i = at
    while i > 0 and text[i - 1] in _WS:
        i -= 1
    k = at
    while k < len(text) and text[k] in _WS:
        k += 1
    if k == len(text):
        return text[:i] + (trailing if trailing.count("\n") <= 2 and i else ""), i
    if i == 0:
        return text[k:], 0
    cuts = [i] + [p for p in points if i < p < k] + [k]
    breaks = max(text[a:b].count("\n") for a, b in zip(cuts, cuts[1:]))
    if breaks:
        last = text[i:k].rsplit("\n", 1)[1]
        indent = last if k - len(last) > at else ""  # indentation of a line that was kept
        middle = newline * min(2, breaks) + indent
    elif text[k] in ".,;:!?)）。，" or text[i - 1] in "(（":
        middle = ""
    else:
        middle = " "
    return text[:i] + middle + text[k:], i


# --- the order id line -----------------------------------------------------------


def _order_line_edit(text: str, line: str, doc: Document) -> tuple[int, str]:
    """Where the order id line goes (after a greeting line, else first) and
    the text inserted there."""
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)].strip()
    greeting = doc.phrase("greeting")
    is_greeting = first_end >= 0 and (
        (greeting is not None and greeting.search(first) and len(first.split()) <= 6)
        or (first.endswith((",", ":", "，")) and len(first.split()) <= 6)
    )
    if not is_greeting:
        return 0, line + "\n\n"
    at = first_end + 1
    blank = False
    while at < len(text) and text[at] in "\r\n \t":
        blank = blank or text[at] == "\n"
        at += 1
    if at >= len(text):
        return len(text), "\n\n" + line
    line_start = text.rfind("\n", 0, at) + 1
    return line_start, line + ("\n\n" if blank else "\n")


def insert_order_line(text: str, line: str, doc: Document) -> str:
    at, inserted = _order_line_edit(text, line, doc)
    return text[:at] + inserted + text[at:]


# --- the diff --------------------------------------------------------------------


def unified_diff(before: str, after: str, context: int = 1) -> str | None:
    """A compact line-level unified diff ("--- draft", "+++ rewrite", hunks
    with ``context`` lines around each change); None when nothing changed.

    The rewrite only removes and replaces passages in order, so the lines are
    aligned greedily (the nearest next common line) instead of by difflib's
    longest-match search, which is slow on drafts with many repeated lines.
    """
    if before == after:
        return None
    a, b = before.splitlines(), after.splitlines()
    opcodes = _align(a, b)
    out = ["--- draft", "+++ rewrite"]
    for group in _groups(opcodes, context):
        i1, i2 = group[0][1], group[-1][2]
        j1, j2 = group[0][3], group[-1][4]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@")
        for tag, s1, e1, s2, e2 in group:
            if tag == "equal":
                out.extend(" " + line for line in a[s1:e1])
            else:
                out.extend("-" + line for line in a[s1:e1])
                out.extend("+" + line for line in b[s2:e2])
    return "\n".join(out)


def _align(a: list[str], b: list[str], window: int = 40) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes: equal runs, and the fewest lines skipped on
    either side to reach the next common line (within ``window``)."""
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while i < len(a) or j < len(b):
        if i < len(a) and j < len(b) and a[i] == b[j]:
            start_i, start_j = i, j
            while i < len(a) and j < len(b) and a[i] == b[j]:
                i, j = i + 1, j + 1
            ops.append(("equal", start_i, i, start_j, j))
            continue
        skip = None
        for total in range(1, window + 1):
            for k in range(total + 1):
                ii, jj = i + k, j + total - k
                if ii < len(a) and jj < len(b) and a[ii] == b[jj]:
                    skip = (ii, jj)
                    break
            if skip:
                break
        ii, jj = skip or (len(a), len(b))
        ops.append(("replace", i, ii, j, jj))
        i, j = ii, jj
    return ops


def _groups(opcodes: list[tuple[str, int, int, int, int]], n: int) -> list[list[tuple[str, int, int, int, int]]]:
    """Hunks: changes with up to ``n`` equal lines around them (as difflib)."""
    groups: list[list[tuple[str, int, int, int, int]]] = []
    current: list[tuple[str, int, int, int, int]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            current.append((tag, i1, i2, j1, j2))
            continue
        last = index == len(opcodes) - 1
        if not current:  # leading context of the next hunk
            if not last:
                current.append((tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2))
            continue
        if last or i2 - i1 > 2 * n:
            current.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            groups.append(current)
            current = [] if last else [(tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)]
        else:
            current.append((tag, i1, i2, j1, j2))
    if current and any(op[0] != "equal" for op in current):
        groups.append(current)
    return groups


def _range(start: int, stop: int) -> str:
    """A unified-diff line range: 1-based start and length (difflib's rules)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"
