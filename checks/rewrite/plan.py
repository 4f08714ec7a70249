"""Planning the edits: finding by finding, what the rewrite removes, replaces or leaves to a person."""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

import regex

from .. import language
from ..html import markup
from ..i18n import tr
from ..models import Edit, Finding, Fix, Guidance
from . import clauses
from .facts import facts
from .fixes import ORDER_ID, SingleFixes
from .guidance import guidance_text
from .texts import phrase_text

if TYPE_CHECKING:
    from ..document import Document, Sentence

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
# A clause breaks the rule, not always the sentence: the clause goes, the rest
# stays when it holds a purpose of its own; else the sentence goes.
CLAUSE_RULES = frozenset(
    {"review.change-request", "order.cancel-request", "order.discourage-return", "content.objectionable"}
)
# Pressure and insults run through the whole sentence, whatever part the finding marks:
# the sentence goes unless it holds facts other than order ids.
WHOLE_FIRST = frozenset({"order.cancel-request", "order.discourage-return", "content.objectionable"})
# A request to change a review goes whole, with every clause that leads up to it
# ("Now that the refund went through, could you …"); a clause set apart by a
# semicolon, colon or dash stays ("The problem is solved; could you …").
WHOLE_REQUEST = frozenset({"review.change-request"})
# A short sentence naming the review before these requests only led up to them.
LEAD_IN_RULES = frozenset({"review.change-request"})
# Contact details and links: the sentence goes when it carries no fact; else the fragment.
FRAGMENT_RULES = frozenset({"contact.email", "contact.phone", "link.external", "contact.social"})
# In these the amount is the offer itself, not a fact to keep.
OFFER_RULES = frozenset({"promo.coupon", "promo.marketing", "review.incentive"})
# A sentence removed for these was asking for a review: a neutral request replaces it.
REVIEW_BIAS = frozenset({"review.positive", "review.conditional", "review.incentive", "review.scripted"})

# A word left dangling before a removed contact fragment ("call us at ___").
_CONNECTOR = regex.compile(
    r"(?:\s(?:at|to|on|via|under|unter|an|au|à|al|a|per|su|sur|por|en|al|:)|[:：])\s*$", regex.IGNORECASE
)
# What is left of a line that only labelled a contact ("Tel.", "Email:", "- ").
_LABEL = regex.compile(r"^\W*(?:\w+\W*){0,2}[:：.\-–|]?\W*$")
# Parts of a line set apart by bars, bullets or spaced slashes and dashes (a signature).
_SEPARATOR = regex.compile(r"(?<![ \t])[ \t]*[|•·][ \t]*|(?<![ \t])[ \t]+[/–—][ \t]+")
# The value after a contact label: "WeChat: shop_88", "Instagram: @cozyshop".
_LABELLED_VALUE = regex.compile(r"[ \t]*[:：][ \t]*[^\s,;]{1,60}")
# After a greeting word, the name it greets and the mark that closes it:
# "Hi Maria,", "Hola, Marta:", "Dear Mr. Patel,", "Hello again Patricia!".
_GREETING_TAIL = regex.compile(r"(?:,?[ \t]+\p{L}[\p{L}\p{M}.'’-]*|,[ \t]*\p{L}[\p{L}\p{M}.'’-]*){0,3}[ \t]*[,!:：，]")
# Elements inside a sentence that may go with it.
_INLINE = frozenset({"b", "strong", "i", "em", "u", "span", "a", "font", "small", "big", "br", "code", "mark", "sup", "sub"})


_CJK_TEXT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


class Plan(SingleFixes):
    """Decides, finding by finding, what the rewrite does."""

    def __init__(self, doc: Document, findings: list[Finding], cautious: bool = False) -> None:
        self.doc = doc
        self.cautious = cautious
        self.findings = findings
        self.edits: list[Edit] = []
        self.guidance: list[Guidance] = []
        self._guided: list[tuple[tuple[int, int] | None, Guidance]] = []
        self.order_line: str | None = None
        self.nothing_left = False  # every sentence with a purpose goes: no rewrite
        self._replaced: int | None = None  # the sentence the neutral review request replaces
        # Sentence index -> (end of the greeting that opens it, start of its words): see ``spans``.
        self.greeted: dict[int, tuple[int, int]] = {}
        self._cut: dict[int, str] = {}  # sentence index -> what a clause edit leaves of it
        self._by_hand: set[int] = set()  # sentences a person must rewrite
        self._fragment_edits: list[tuple[int, Edit]] = []  # contact details removed, by sentence
        self.source = doc.source
        self.is_html = doc.html is not None
        self.lang = doc.language or language.primary(doc.context.buyer_language) or "en"

    @functools.cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """Each sentence's span in the source, as the document found it."""
        return [self.doc.source_span((s.start, s.end)) for s in self.doc.sentences]

    @functools.cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Each sentence's span in the source (worked out only when a finding
        needs it), a greeting that opens it on the same line left out: "Hallo
        Frau Weber, bitte ..." is a greeting and a sentence, and the greeting
        stays whatever happens to the sentence (``greeted``)."""
        out = []
        for i, (start, end) in enumerate(self.sentence_spans):
            body = self._greeting_end(start, end)
            if body is not None:
                self.greeted[i] = body
                start = body[1]
            out.append((start, end))
        return out

    def _greeting_end(self, start: int, end: int) -> tuple[int, int] | None:
        """Where a greeting opening the sentence at ``start`` ends ("Hi Maria,"
        and the whitespace after it), when words of the sentence follow on that line."""
        if self.is_html:
            return None
        greeting = self.doc.phrase("greeting")
        found = greeting.match(self.source[start:end]) if greeting is not None else None  # "^": on the sentence alone
        if found is None:
            return None
        tail = _GREETING_TAIL.match(self.source, start + found.end(), end)
        if tail is None:
            return None
        body = tail.end()
        while body < end and self.source[body] in " \t":
            body += 1
        if body == tail.end() or not regex.search(r"\p{L}", self.source[body:end]):
            return None  # a greeting line, or a greeting with only punctuation after it
        return tail.end(), body

    # --- the plan ---------------------------------------------------------------
    def build(self) -> None:
        doomed: dict[int, list[Finding]] = {}  # sentence index -> findings that remove it
        fragments: dict[int, list[Finding]] = {}
        self._clauses: dict[int, list[Finding]] = {}  # sentence index -> findings whose clause goes
        rules = {f.rule for f in self.findings}
        for finding in self.findings:
            if finding.rule in SENTENCE_RULES or finding.rule in FRAGMENT_RULES or finding.rule in CLAUSE_RULES:
                indexes = self._sentences_of(finding.span)
                if not indexes:
                    self._fallback(finding)
                target = (doomed if finding.rule in SENTENCE_RULES else
                          fragments if finding.rule in FRAGMENT_RULES else self._clauses)
                for i in indexes:
                    target.setdefault(i, []).append(finding)
            elif finding.rule == "lang.mixed":
                self._foreign_passage(finding, doomed)
            elif finding.rule == "order.id-missing":
                self._order_id(finding)
            elif finding.rule == "style.emoji" and self._emoji_ends_sentence(finding):
                pass
            elif finding.rule == "style.spelling" and "lang.mismatch" in rules:
                # Spelled in a language the buyer does not read (or a misread one:
                # "your" is no Spanish word): the message is to be translated, not corrected.
                self._advise(finding.rule, finding)
            elif finding.fix is not None:
                self.edits.extend(finding.fix.edits)
            elif finding.rule == "order.id-malformed":
                self._order_id_fix(finding)
            elif finding.rule == "html.font-sizes" and self._excess_size(finding):
                pass
            elif finding.rule == "style.grammar" and self._grammar_fix(finding):
                pass
            elif finding.rule == "style.spelling" and not self.cautious and self._spelling_fix(finding):
                pass
            else:
                self._advise(finding.rule, finding)
        # Contact details: the whole sentence when it only points at them and
        # carries no fact; else the fragment alone.
        signature_lines: set[int] = set()
        whole: set[int] = set()  # sentences that go whole, their order ids coming back in the order line
        for i, found in fragments.items():
            if i in doomed:
                continue
            if self._separated_line(i, found, signature_lines):
                continue
            if self._introduces(i, found):  # "The video is here: <link>": the rest only announced it
                if not self._has_fact(i, True, found) or self._only_order_ids(i, False):
                    doomed[i] = found
                    whole.add(i)
                else:
                    self._clauses.setdefault(i, []).extend(found)
                continue
            if self._has_fact(i, True, found) or not self._points_at(i, found):
                for finding in found:
                    if self._dangles(finding):  # "visit <link> or scan ...": the clause goes, not the link alone
                        self._clauses.setdefault(i, []).append(finding)
                    else:
                        self._fragment(finding, i)
            else:
                doomed[i] = found
        for i, found in list(doomed.items()):
            if i in whole:
                continue
            offer = any(f.rule in OFFER_RULES or f.rule in REVIEW_BIAS for f in found)  # an amount there is the reward
            if self._has_fact(i, not offer, self._fragments_in(i, fragments)):
                # The facts stay: the offending clause goes, or the sentence by hand
                # (or whole, when only order ids go with it: the order line keeps them).
                del doomed[i]
                for finding in found:
                    if finding.rule not in FRAGMENT_RULES:
                        self._clauses.setdefault(i, []).append(finding)
                # Its contact details go in any case: alone, or with the clause that holds them.
                for finding in {id(f): f for f in found + fragments.get(i, []) if f.rule in FRAGMENT_RULES}.values():
                    self._fragment(finding, i)
                    if finding.fix is not None:
                        self._clauses.setdefault(i, []).append(finding)
        for i, found in self._clauses.items():
            if i not in doomed:
                self._cut_clauses(i, found, doomed)
        # A sentence left to a person stays whole: without its contact details it would
        # read as if it were fixed ("We also sell, order there and save 10%.").
        dropped = {id(edit) for i, edit in self._fragment_edits if i in self._by_hand}
        self.edits = [edit for edit in self.edits if id(edit) not in dropped]
        self._take_along(doomed)
        # No new review request for a buyer asked to change the review they left, nor a repeat one.
        self._remove_sentences(doomed, repeat=bool(rules & {"review.repeat", "review.change-request"}))
        # Judged on what the edits leave: a sentence that lost its clause may say nothing more
        # ("Hi Maria, about order …:" without the request it led to).
        self.nothing_left = bool(doomed or self._cut) and not any(
            i == self._replaced or (i not in doomed and self._says_something(i)) for i in range(len(self.spans))
        )

    def _says_something(self, i: int) -> bool:
        """Sentence ``i`` (what a clause edit left of it) is more than a
        greeting, a closing, a name or an order id."""
        text = ORDER_ID.sub("", self._cut.get(i, self.source[self.spans[i][0] : self.spans[i][1]]))
        count = clauses.word_count(text)
        if count <= 2 or (count <= 4 and not regex.search(r"[.!?。！？]\s*$", text)):
            return False  # a name, a signature line, a label
        for concept, most in (("greeting", 6), ("closing", 5)):
            pattern = self.doc.phrase(concept)
            found = pattern.search(text) if pattern is not None else None
            # A short line that greets or signs off; in Japanese or Chinese, most of the sentence.
            if found is not None and (count <= most or len(found.group()) * 2 >= len(text.strip())):
                return False
        return True

    def _emoji_ends_sentence(self, finding: Finding) -> bool:
        """An emoji that closed a sentence at the end of its line ("… should
        arrive on November 24 :truck:") leaves a full stop when it goes, in a
        draft whose sentences end on one (a closing or a name line gets none)."""
        if finding.fix is None or finding.span is None or self.is_html:
            return False
        start, end = finding.span
        line_start = self.source.rfind("\n", 0, start) + 1
        before = self.source[line_start:start].rstrip()
        after = self.source[end : end + 200]
        ends_line = regex.match(r"[ \t]*(?:\r?\n|$)", after) is not None
        if not ends_line or not regex.search(r"[\p{L}\p{N}]$", before) or clauses.word_count(before) < 5 \
                or not regex.search(r"\p{L}[.!?](?:\s|$)", self.source):
            return False
        edit = Edit(span=(line_start + len(before), end), replacement=".")
        self.edits.append(edit)
        finding.fix = Fix(title=tr("fix.remove-emoji-stop", "Remove the emoji, end the sentence"), edits=[edit])
        return True

    # --- clause-level edits ---------------------------------------------------------
    def _cut_clauses(self, i: int, found: list[Finding], doomed: dict[int, list[Finding]]) -> None:
        """The clauses holding the findings go; the rest stays when it keeps the
        sentence's facts and says something of its own. Else the whole sentence
        goes when only order ids are lost with it (the order line brings them
        back), or a person rewrites it."""
        start, end = self.spans[i]
        sentence = self.source[start:end]
        hits = [(max(f.span[0], start) - start, min(f.span[1], end) - start) for f in found if f.span]
        offer = any(f.rule in OFFER_RULES or f.rule in REVIEW_BIAS for f in found)  # an amount there is the reward
        restorable = not self._has_fact(i, not offer, []) or self._only_order_ids(i, offer)
        if restorable and any(f.rule in WHOLE_FIRST for f in found):
            doomed[i] = found
            return
        text = None if self.cautious or (self.is_html and regex.search(r"[<>]", sentence)) else \
            clauses.cut(sentence, hits, self.lang, self._facts_in(i, offer), apart=any(f.rule in WHOLE_REQUEST for f in found))
        if text is not None and self._keeps_facts(i, text, offer) and clauses.word_count(ORDER_ID.sub("", text)) >= 3:
            edit = Edit(span=(start, end), replacement=text)
            self._cut[i] = text
            self._attach(found, edit, tr("fix.remove-clause", "Remove the clause that breaks the rule"))
        elif restorable:
            doomed[i] = found
        else:
            self._by_hand.add(i)
            for finding in found:
                self._advise(finding.rule, finding, by_hand=True)

    def _facts_in(self, i: int, offer: bool) -> list[tuple[int, int]]:
        """The facts of sentence ``i`` to keep, in offsets within the sentence."""
        start, end = self.spans[i]
        return [(s - start, e - start) for s, e, amount in self.facts
                if start <= s and e <= end and not (amount and offer)]

    def _keeps_facts(self, i: int, text: str, offer: bool) -> bool:
        start, end = self.spans[i]
        return all(self.source[s:e] in text for s, e, amount in self.facts
                   if start <= s and e <= end and not (amount and offer))

    def _only_order_ids(self, i: int, offer: bool) -> bool:
        """Every fact of sentence ``i`` is an order id (a text draft gets it back in the order line)."""
        if self.is_html:
            return False
        start, end = self.spans[i]
        inside = [(s, e) for s, e, amount in self.facts if start <= s and e <= end and not (amount and offer)]
        return bool(inside) and all(ORDER_ID.fullmatch(self.source[s:e]) for s, e in inside)

    def _take_along(self, doomed: dict[int, list[Finding]]) -> None:
        """What only served a removed sentence goes with it: a following
        "Otherwise, ..." or a sentence pointing back at it ("It is valid until
        ..."), a short question introducing it ("Questions?", "Too many
        emails?"), a short sentence leading up to a request to change a review
        or to keep the item ("We saw your 1-star review."), and the rest of a
        sentence that a hard line break split in two. What goes along takes its
        own company along too."""
        queue = sorted(doomed)
        while queue:
            i = queue.pop(0)
            found = doomed[i]
            if not self._removable(self.spans[i]):
                continue  # a sentence across markup stays for a person: so does what serves it
            for other in (self._follower(i, found, doomed), self._leader(i, found, doomed)):
                if other is not None:
                    doomed[other] = found
                    queue.append(other)

    def _free(self, i: int, doomed: dict[int, list[Finding]]) -> bool:
        """Sentence ``i`` exists and nothing is planned for it yet."""
        return 0 <= i < len(self.spans) and i not in doomed and i not in self._clauses and i not in self.greeted

    def _follower(self, i: int, found: list[Finding], doomed: dict[int, list[Finding]]) -> int | None:
        """The sentence after ``i`` when it only served it."""
        after = i + 1
        if not self._free(after, doomed) or self._new_paragraph(i, after):
            return None
        text = self.source[self.spans[after][0] : self.spans[after][1]]
        facts = self._has_fact(after, True, [])
        if self._wrapped(i, after):  # the rest of a hard-wrapped sentence, unless it carries facts
            # A contact line ("WeChat: technova_cs88") is a line of its own: the next line is not its rest.
            contact_line = all(f.rule in FRAGMENT_RULES for f in found)
            return after if not facts and not contact_line else None
        offer = any(f.rule in ("promo.coupon", "review.incentive") for f in found)
        follows = clauses.starts_with(self.lang, "followers", text) and not facts
        # "It is valid until …" after a coupon; without a fact, any "It …" / "the feedback …".
        reference = clauses.starts_with(self.lang, "references", text)
        if reference is not None and self.lang == "de" and text[reference.end() :].lstrip()[:1].isupper():
            reference = None  # "Das Messer ...": an article before a noun, not "das" (that) pointing back
        points_back = (reference is not None and (offer or not facts)) or (
            clauses.mentions(self.lang, text) and not facts)
        # "Just paste it on the product page." after a ready-made review.
        given = any(f.rule in OFFER_RULES or f.rule in REVIEW_BIAS for f in found)
        pronoun = given and not facts and clauses.word_count(text) <= 8 and any(
            clauses.last_word(word) in clauses.words(self.lang, "pronouns") for word in text.lower().split())
        return after if follows or points_back or pronoun else None

    def _leader(self, i: int, found: list[Finding], doomed: dict[int, list[Finding]]) -> int | None:
        """The sentence before ``i`` when it only led up to it."""
        before = i - 1
        if not self._free(before, doomed) or self._new_paragraph(before, i):
            return None
        if self._wrapped(before, i):  # the start of a hard-wrapped sentence, unless it carries facts
            return before if not self._has_fact(before, True, []) else None
        rules = {f.rule for f in found} | self._rules_in(i)
        text = self.source[self.spans[before][0] : self.spans[before][1]].strip()
        count = clauses.word_count(ORDER_ID.sub("", text))
        # "You left neutral feedback for order … saying that …" before "… please remove it":
        # about the review only (its order id comes back in the order line).
        review = self.doc.phrase("review_noun")
        if rules & LEAD_IN_RULES and count <= 20 and review is not None and review.search(text) \
                and (not self._has_fact(before, True, []) or self._only_order_ids(before, False)):
            return before
        if self._has_fact(before, True, []):
            return None
        # A question that sets the condition of a removed review request ("Enjoyed the
        # lamp? If so, please …"), or a short one that introduced it ("Questions?").
        most = 10 if "review.conditional" in rules else 5
        if text.endswith(("?", "？")) and count <= most:
            return before
        # A label left on its own before a removed contact ("Tel." / "(030) 8892 4410 – …").
        if rules & FRAGMENT_RULES and count <= 2 and _LABEL.match(text) and text[-1:] in ".:：":
            return before
        return None

    def _new_paragraph(self, a: int, b: int) -> bool:
        return "\n\n" in self.source[self.spans[a][1] : self.spans[b][0]].replace("\r", "")

    def _wrapped(self, a: int, b: int) -> bool:
        """Sentences ``a`` and ``b`` are one sentence that a hard line break split:
        ``a`` ends without a full stop, one line break before ``b`` ("Use the
        promo code / SPRING15 at checkout."). Not a greeting or a closing line."""
        gap = self.source[self.spans[a][1] : self.spans[b][0]]
        text = self.source[self.spans[a][0] : self.spans[a][1]].rstrip()
        if gap.count("\n") != 1 or gap.strip() or not text or text[-1] in ".!?。！？…:：;；)）" or clauses.word_count(text) < 3:
            return False
        if len(text.split()) < 2 and not _CJK_TEXT.search(text):
            return False  # one token on its line ("service@lumiwood-lighting.com"): a contact line, not a wrapped sentence
        return not any(p is not None and p.search(text) for p in (self.doc.phrase("greeting"), self.doc.phrase("closing")))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [start for start, _end in self.spans]  # in order, the spans never overlap

    def _sentences_of(self, span: tuple[int, int] | None) -> list[int]:
        """The sentences holding the span's start or overlapping it (by
        bisection: a long draft has thousands of sentences and findings)."""
        if span is None:
            return []
        start, end = span
        found = []
        for i in range(max(0, bisect.bisect_right(self._starts, start) - 1), len(self.spans)):
            s, e = self.spans[i]
            if s > start and (start == end or s >= end):
                break
            if (s <= start < e) or (start < e and s < end and start != end):
                found.append(i)
        return found

    @functools.cached_property
    def _fragment_starts(self) -> tuple[list[int], list[Finding]]:
        """The findings of contact fragments, by where they start."""
        found = sorted((f for f in self.findings if f.rule in FRAGMENT_RULES and f.span), key=lambda f: f.span[0])
        return [f.span[0] for f in found], found

    def _fragments_in(self, i: int, fragments: dict[int, list[Finding]]) -> list[Finding]:
        starts, found = self._fragment_starts
        low, high = bisect.bisect_left(starts, self.spans[i][0]), bisect.bisect_left(starts, self.spans[i][1])
        return fragments.get(i, []) + found[low:high]

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

    def _dangles(self, finding: Finding) -> bool:
        """Removing only this contact detail would leave the word before it
        hanging: a verb that took it as its object ("visit <link>") or a copula
        ("our line is <phone>"). Not so after a connector ("call Estes at …"),
        an opening bracket or a line break (a contact line)."""
        if finding.span is None or self.is_html:
            return False
        start = finding.span[0]
        before = self.source[max(0, start - 40) : start]
        connector = _CONNECTOR.search(before)
        if connector is not None:
            return bool(clauses.starts_with(self.lang, "copulas", clauses.last_word(before[: connector.start()])))
        if not regex.search(r"\p{L}[ \t]+$", before):
            return False
        return True

    def _introduces(self, i: int, found: list[Finding]) -> bool:
        """The sentence is built around the contact details: it ends on them,
        announced by a colon or a comma ("Reach Mark on his cell, <phone>."), or
        they are its subject, what follows running on in lower case
        ("<email> is the fastest way.")."""
        start, end = self.spans[i]
        first = min(f.span[0] for f in found if f.span)
        last = max(f.span[1] for f in found if f.span)
        if not regex.search(r"\w", self.source[start:first]):
            return bool(regex.match(r"[ \t]*\p{Ll}", self.source[last:end]))
        return clauses.ends_with(self.source[start:first], ":：,，") and not regex.search(r"\w", self.source[last:end])

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
        self._replaced = replace_at
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
        for i in doomed:
            if i in self.greeted:  # the greeting stays, on a line of its own
                self.edits.append(Edit(span=self.greeted[i], replacement=self._paragraph_break()))

    def _paragraph_break(self) -> str:
        """The break between paragraphs the draft uses: a blank line, else a line break."""
        nl = "\r\n" if "\r\n" in self.source else "\n"
        return nl * 2 if nl * 2 in self.source or nl not in self.source else nl

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
            greeting = any(i in self.greeted for i in members)  # "Hi Sam," stays: no label
            if not rest or (_LABEL.match(rest) and len(rest) <= 12 and not greeting):
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
        if not self._removable(span) or (replacement and regex.search(r"[<>]", self.source[start:end])):
            return None
        if not replacement:
            opening = regex.search(r"<(p|div|li|h[1-6]|td|span)\b[^<>]*>\s*$", self.source[max(0, start - 300) : start])
            if opening:
                closing = regex.match(rf"\s*</{opening.group(1)}\s*>", self.source[end:])
                if closing:
                    start -= len(opening.group())
                    end += closing.end()
        return Edit(span=(start, end), replacement=markup.escape_text(replacement))

    def _removable(self, span: tuple[int, int]) -> bool:
        """A sentence that can go as a whole: in HTML, no markup inside it but
        inline elements that open and close within it ("Call us at <b>…</b>.")."""
        text = self.source[span[0] : span[1]]
        if not self.is_html or not regex.search(r"[<>]", text):
            return True
        tags = regex.findall(r"<(/?)([a-zA-Z][\w-]*)\b[^<>]{0,500}?(/?)>", text)
        if regex.sub(r"<[^<>]{0,500}>", "", text).count("<") or len(tags) != text.count("<"):
            return False
        depth: list[str] = []
        for closing, name, _ in tags:
            name = name.lower()
            if name not in _INLINE:
                return False
            if name == "br":
                continue
            if closing:
                if not depth or depth.pop() != name:
                    return False
            else:
                depth.append(name)
        return not depth

    # --- fragments -----------------------------------------------------------------
    def _separated_line(self, i: int, found: list[Finding], done: set[int]) -> bool:
        """A line of parts set apart by bars or bullets ("Anna | anna@shop.com |
        +1 212 555 0199", a signature): the parts holding contact details go
        with their separators, the name, role and shop name stay."""
        if self.is_html:  # in a template, the sentence when no markup lies inside it
            line_start, line_end = self.spans[i]
            if regex.search(r"[<>]", self.source[line_start:line_end]):
                return False
        else:
            line_start = self.source.rfind("\n", 0, self.spans[i][0]) + 1
            line_end = self.source.find("\n", self.spans[i][0])
            line_end = len(self.source) if line_end < 0 else line_end
        if line_start in done:
            return True
        line = self.source[line_start:line_end]
        separators = list(_SEPARATOR.finditer(line))
        if not separators:
            return False
        cuts = [0] + [p for m in separators for p in (m.start(), m.end())] + [len(line)]
        parts = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
        contacts = [(f.span[0] - line_start, f.span[1] - line_start) for f in self.findings
                    if f.rule in FRAGMENT_RULES and f.span and line_start <= f.span[0] < line_end]
        if any(clauses.word_count(line[a:b]) > 6 for a, b in parts):
            return False  # prose with a dash in it, not a line of parts ("… verschickt. Tel. … – wir helfen gern.")
        kept = [line[a:b].strip() for a, b in parts if not any(a < e and s < b for s, e in contacts)]
        kept = [part for part in kept if regex.search(r"\p{L}", part)]
        if not kept or len(kept) == len(parts):
            return False
        done.add(line_start)
        joiner = separators[0].group() if separators[0].group().strip() else " | "
        joined = joiner.join(kept)
        edit = Edit(span=(line_start, line_end), replacement=markup.escape_text(joined) if self.is_html else joined)
        self._attach([f for f in self.findings if f.span and line_start <= f.span[0] < line_end], edit,
                     tr("fix.remove-contact-parts", "Remove the contact details, keep the name"))
        return True

    def _fragment(self, finding: Finding, i: int | None = None) -> None:
        """Remove only the contact detail, with the word that introduced it
        (without a fix of its own: a label's value with it, "WeChat: shop_88",
        else the clause that holds it)."""
        if finding.fix is None and finding.span is not None and not self.is_html:
            value = _LABELLED_VALUE.match(self.source, finding.span[1])
            if value is not None:
                finding.fix = Fix(title=tr("fix.remove-contact", "Remove the contact detail"),
                                  edits=[Edit(span=(finding.span[0], value.end()), replacement="")])
        if finding.fix is None:
            if i is None:
                self._advise(finding.rule, finding)
            else:
                self._clauses.setdefault(i, []).append(finding)
            return
        for edit in finding.fix.edits:
            start, end = edit.span
            if not self.is_html and not edit.replacement:
                m = _CONNECTOR.search(self.source, max(0, start - 8), start)
                if m:
                    start = m.start()
            self.edits.append(Edit(span=(start, end), replacement=edit.replacement))
            if i is not None:
                self._fragment_edits.append((i, self.edits[-1]))

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

