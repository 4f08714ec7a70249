"""A draft prepared once for all rules: text, sentences, language, extractions."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from . import extract, frames, language, mixing, phrases, prefilter, tokens
from .html import markup
from .models import Context, Draft, Edit, Fix
from .settings import CheckSettings

# Each alternative starts only where its run starts (lookbehind), so a long
# run of dots or newlines is scanned once, not once per position. A line
# break is a candidate only: _line_ends decides whether a single one ends the
# sentence (a hard-wrapped sentence stays one sentence); a blank line always does.
_BOUNDARY = regex.compile(
    r"(?<![.!?。！？])[.!?。！？]++[\"'”’»)\]]{0,3}[ \t\n]++|(?<![。！？])[。！？]++|(?<![\n.!?。！？])\n[ \t]*+(?:\n[ \t\n]*+)?"
)
# Sentence punctuation closed by a quotation mark, on one line ('"Great!" would').
_QUOTE_GOES_ON = regex.compile(r"[.!?]++[\"'”’»]{1,3}[ \t]++$")
# The line break of a list item, heading or greeting: the next line starts a unit.
_ITEM_START = regex.compile(r"[-*•·–—>#]|\d{1,3}[.)]\s|\p{Lu}[\p{L}\s]{0,20}:")
# A line ending in one of these words goes on in the next line (a wrapped sentence).
_CONTINUES = frozenset(
    "a an the to for of and or but with in on at by from as your our my you we if that "
    "der die das den dem des ein eine einen einem und oder zu für mit von im am bei ihre ihren ihr sie wir wenn "
    "le la les un une des de du et ou pour avec en au aux votre vos nous vous si "
    "el los las una unos y o para con del al su sus nos le si "
    "il lo gli uno e per con di da nel sul suo sua vostra vostro ci se".split()
)
# A line at least this long without a sentence end is prose wrapped by the editor.
_WRAPPED_LINE = 55
_CJK_PARTICLES = frozenset("をにはがのとでへも、，")
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{Ll}'’-]*+(?:[\s,;!?]|\.\s|\.$|$)")
_LAST_WORD = regex.compile(r"(\w+)\W*$")
_ABBREVIATION = regex.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|no|nr|vs|etc|approx|ca|bzw|z\.b|e\.g|i\.e|sr|sra|mme|m|p|s)\.[ \t]+)$",
    regex.IGNORECASE,
)


# Languages without phrase data that a detector gives for short drafts in a
# close relative (pt for Spanish, lb for German): read as the buyer's language.
_NEIGHBOURS: dict[str, frozenset[str]] = {
    "pt": frozenset({"es", "it"}),
    "gl": frozenset({"es"}),
    "ca": frozenset({"es", "fr"}),
    "oc": frozenset({"fr", "es", "it"}),
    "lb": frozenset({"de"}),
}


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    index: int = -1  # position in Document.sentences

    def span_of(self, match: regex.Match) -> tuple[int, int]:
        return self.start + match.start(), self.start + match.end()


@dataclass
class Document:
    """What every rule reads. ``text`` is what is checked; ``source`` is what
    was submitted (they differ for HTML, where ``offsets`` maps text positions
    back into the source)."""

    text: str
    source: str
    context: Context
    settings: CheckSettings
    today: dt.date
    given_context: set[str]
    offsets: list[int] | None = None
    notes: list[str] = field(default_factory=list)
    # Sentence searches by (text, concept, language) and analyses by (text,
    # language), shared with the rewrite's re-checks (the engine passes the
    # draft's on, as it does ``budget``): a rewrite keeps most sentences, and on
    # a long template the shared lru_cache is too small to still hold them when
    # the re-check asks.
    _searched: dict[tuple[str, str, str], regex.Match | None] = field(default_factory=dict, repr=False)
    _analysed: dict[tuple[str, str], frames.Analysis] = field(default_factory=dict, repr=False)
    # Whole-draft judgements several rules ask for (is it an auto-reply?), once per draft.
    judged: dict[str, object] = field(default_factory=dict, repr=False)
    html: markup.Markup | None = None  # the parsed HTML draft (issue 3), None for text
    # What one check spends across the draft and its rewrite's re-checks (the
    # engine passes the draft's to the re-checks): e.g. the spelling rule's
    # budget of new corrections, so a re-check does not work out more of them.
    budget: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        draft: Draft,
        settings: CheckSettings,
        today: dt.date,
        budget: dict[str, int] | None = None,
        analysed: dict[tuple[str, str], frames.Analysis] | None = None,
        searched: dict[tuple[str, str, str], regex.Match | None] | None = None,
    ) -> Document:
        context = draft.context
        updates = {}
        if context.marketplace is None and settings.marketplace:
            updates["marketplace"] = settings.marketplace
        if context.buyer_language is None and settings.buyer_language:
            updates["buyer_language"] = settings.buyer_language
        given = context.given() | set(updates)
        if updates:
            context = context.model_copy(update=updates)
        checked = draft.text.replace("\r\n", "\n").replace("\r", "\n")
        offsets = None
        if len(checked) != len(draft.text):
            offsets = _crlf_offsets(draft.text)
        # --- HTML drafts (issue 3): check the visible text, keep the tree ---
        html = None
        if markup.is_html(draft.text, context.format):
            html = markup.parse(draft.text)
            html.default_width = settings.html_max_width or html.default_width
            html.rtl = language.primary(context.buyer_language) in ("ar", "he", "fa", "ur")
            checked, offsets = html.text, None  # html.source_span maps its positions
        # --- end HTML ---
        given.update({"today", "proactive"})  # both have defaults, never unknown
        return cls(
            text=checked,
            source=draft.text,
            context=context,
            settings=settings,
            today=context.today or today,
            given_context=given,
            offsets=offsets,
            notes=html.notes if html is not None else [],
            html=html,
            budget={} if budget is None else budget,
            _analysed={} if analysed is None else analysed,
            _searched={} if searched is None else searched,
        )

    def release(self) -> None:
        """Free what the check built (the HTML tree) without the cyclic collector."""
        if self.html is not None:
            self.html.release()

    # --- positions -------------------------------------------------------
    def source_span(self, span: tuple[int, int]) -> tuple[int, int]:
        if self.html is not None:
            return self.html.source_span(span)
        if self.offsets is None:
            return span
        start, end = span
        last = len(self.offsets) - 1
        return self.offsets[min(start, last)], self.offsets[min(end, last)]

    def source_fix(self, fix: Fix) -> Fix:
        """A text rule's fix with its edits moved into the source (HTML: the
        replacement escaped; removing a link's target unwraps its anchor)."""
        if self.offsets is None and self.html is None:
            return fix
        edits: list[Edit] = []
        for edit in fix.edits:
            href = self.html.href_at(edit.span) if self.html is not None and not edit.replacement else None
            if href is not None:
                edits.extend(self.html.unwrap_anchor(href))
                continue
            replacement = markup.escape_text(edit.replacement) if self.html is not None else edit.replacement
            edits.append(Edit(span=self.source_span(edit.span), replacement=replacement))
        return Fix(title=fix.title, edits=edits)

    # --- language --------------------------------------------------------
    @functools.cached_property
    def detected(self) -> tuple[str | None, float]:
        return language.detect(self.text)

    @property
    def language(self) -> str | None:
        lang, score = self.main_language
        if score >= language.CONFIDENT:
            return lang
        # Unsure on a short draft: accept the guess when it is the expected language.
        expected = language.expected_languages(self.context.buyer_language, self.context.marketplace)
        return lang if lang in expected and score >= 0.2 else None

    @functools.cached_property
    def main_language(self) -> tuple[str | None, float]:
        """Language of the dominant script (a Chinese note does not make an English draft Chinese)."""
        return mixing.main_language(self)

    @functools.cached_property
    def foreign_passages(self) -> list[tuple[tuple[int, int], str]]:
        return mixing.foreign_passages(self)

    @functools.cached_property
    def phrase_language(self) -> str:
        """The language whose phrase data the judgement rules use.

        Languages with a file but no judgement data (nl, pl, sv, tr) get no
        judgement there. A language with no file at all (pt, zh, ar...) falls
        back to English: its patterns need English words, so they rarely
        match such a draft, and they keep the platform names (WeChat, PayPal)
        and phone keywords that stay useful in any language."""
        lang = self.language or language.primary(self.context.buyer_language) or "en"
        if lang in phrases.languages():
            return lang
        # A short Spanish draft is often detected as Portuguese or Galician:
        # a close neighbour of the buyer's language is read as that language.
        buyer = language.primary(self.context.buyer_language)
        return buyer if buyer in _NEIGHBOURS.get(lang, ()) and buyer in phrases.languages() else "en"

    def phrase(self, concept: str) -> regex.Pattern | None:
        return phrases.pattern(self.phrase_language, concept)

    # --- structure -------------------------------------------------------
    @functools.cached_property
    def lower(self) -> str:
        return self.text.lower()

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        start = 0
        for m in _BOUNDARY.finditer(self.text):
            if m.group().startswith(".") and "\n" not in m.group():
                if _ABBREVIATION.search(self.text, max(0, m.end() - 12), m.end()):
                    continue
            if _QUOTE_GOES_ON.match(m.group()) and m.end() < len(self.text) and self.text[m.end()].islower():
                continue  # 'something like "Easy to fit!" would be perfect': the quotation ends, the sentence goes on
            if m.group().startswith("\n") and m.group().count("\n") == 1 and not _line_ends(self.text, start, m, self._nouns_capitalised):
                continue
            self._add_sentence(out, start, m.end())
            start = m.end()
        self._add_sentence(out, start, len(self.text))
        return out

    @functools.cached_property
    def _nouns_capitalised(self) -> bool:
        """German: a capital at a line's start may be a noun inside the sentence."""
        return self.detected[0] in tokens.NOUNS_CAPITALISED or language.primary(self.context.buyer_language) in tokens.NOUNS_CAPITALISED

    def _add_sentence(self, out: list[Sentence], start: int, end: int) -> None:
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return
        lead = len(chunk) - len(chunk.lstrip())
        real_start = start + lead
        real_end = real_start + len(stripped)
        out.append(Sentence(real_start, real_end, stripped, len(out)))

    # --- linguistic layer (checks/tokens.py, lexicon.py, frames.py) -------
    def analysis(self, sentence: Sentence) -> frames.Analysis:
        """The sentence's tokens and lexicon concepts, in the judgement language.
        Memoised per document by text: rules ask it tens of thousands of times
        on a long template, and a dict lookup is cheaper than the shared
        lru_cache call (which still serves the re-check's documents)."""
        key = (sentence.text, self.phrase_language)
        found = self._analysed.get(key)
        if found is None:
            found = self._analysed[key] = frames.analyse(*key)
        return found

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding character ``pos`` (a phrase hit's start)."""
        sentences = self.sentences
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return sentences[max(0, i)]

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def window(self, index: int) -> list[tuple[Sentence, frames.Analysis]]:
        """The sentence and its neighbours, as the clause window of a frame."""
        return [(s, self.analysis(s)) for s in self.sentences[max(0, index - 1) : index + 2]]

    def matches(self, concept: str) -> list[tuple[Sentence, regex.Match]]:
        """Every sentence match of a phrase concept, first match per sentence."""
        found = []
        for sentence in self.sentences_for(concept):
            m = self.sentence_has(sentence, concept)
            if m:
                found.append((sentence, m))
        return found

    def sentence_has(self, sentence: Sentence, concept: str) -> regex.Match | None:
        """The concept's first match in the sentence. Memoised by the sentence's
        text: several rules ask the same question of the same sentence (is it
        a review request?), and templates repeat sentences (the match's
        offsets are relative to the text, so one match serves every copy)."""
        candidates = self.candidates.get(concept)
        if candidates is not None and sentence.index >= 0 and sentence.index not in candidates:
            return None  # none of the words the concept cannot match without
        key = (sentence.text, concept, self.phrase_language)
        if key not in self._searched:
            pat = self.phrase(concept)
            self._searched[key] = pat.search(sentence.text) if pat is not None else None
        return self._searched[key]

    @functools.cached_property
    def literal_hits(self) -> dict[str, list[tuple[int, int]]]:
        """Per concept (those with required literals), where its literals occur
        in the text: a sentence without one cannot match (checks/prefilter.py)."""
        return prefilter.for_language(self.phrase_language).hits(prefilter.fold(self.text))

    @functools.cached_property
    def candidates(self) -> dict[str, set[int]]:
        """Per filtered concept, the indices of the sentences it may match."""
        starts = [s.start for s in self.sentences]
        ends = [s.end for s in self.sentences]
        return {concept: prefilter.containing(spans, starts, ends) for concept, spans in self.literal_hits.items()}

    def sentences_for(self, concept: str) -> list[Sentence]:
        """The sentences a concept may match, in order (all when it is unfiltered)."""
        candidates = self.candidates.get(concept)
        if candidates is None:
            return self.sentences
        return [self.sentences[i] for i in sorted(candidates)]

    def finditer(self, concept: str) -> Iterator[tuple[tuple[int, int], regex.Match]]:
        """Every match of a concept, sentence by sentence (the sentences it may
        match only), with its span in the text."""
        pat = self.phrase(concept)
        if pat is None:
            return
        for sentence in self.sentences_for(concept):
            for m in pat.finditer(sentence.text):
                yield sentence.span_of(m), m

    def any_sentence(self, concept: str) -> bool:
        return bool(self.matches(concept))

    # --- extractions shared by several rules ------------------------------
    @functools.cached_property
    def emails(self) -> list[extract.Found]:
        found = extract.emails(self.text)
        return found if self.html is None else self.html.emails(found)  # + mailto: targets

    @functools.cached_property
    def links(self) -> list[extract.Link]:
        taken = [e.span for e in self.emails]
        found = extract.links(self.text, exclude=taken)
        return found if self.html is None else self.html.links(found)  # + <a href> targets

    @functools.cached_property
    def order_ids(self) -> extract.OrderIds:
        return extract.order_ids(self.text, self.phrase("order_reference"))

    @functools.cached_property
    def phones(self) -> list[extract.Found]:
        blocked = [e.span for e in self.emails] + [link.span for link in self.links]
        blocked += [o.span for o in self.order_ids.valid + self.order_ids.malformed]
        regions = extract.regions_for(
            self.context.marketplace, self.context.buyer_language, self.settings.phone_region, self.text, self.language
        )
        allowed = self.settings.allowed_phone_numbers
        # The keyword scan runs only when the text holds one of a keyword's
        # literals (or the text is read differently: spelled digits, invisible characters).
        hits = self.literal_hits.get("phone_keyword", True) or extract.normalize.read(self.text).runs is not None
        keyword = self.phrase("phone_keyword") if hits else None
        return extract.phones(self.text, regions, blocked, allowed, keyword)

    @functools.cached_property
    def review_sentences(self) -> list[Sentence]:
        """Sentences that ask the buyer for a review or feedback."""
        return [s for s, _ in self.matches("review_request")]


def _line_ends(text: str, start: int, brk: regex.Match, nouns_capitalised: bool = False) -> bool:
    """Whether a single line break ends the sentence begun at ``start``: not
    when the next line starts in lower case, when the line ends in a word
    that needs a continuation ("for a"), or when it is a long line of prose
    wrapped by an editor; always before a list item, a heading or a bullet."""
    after = text[brk.end() : brk.end() + 24]
    if not after or _ITEM_START.match(after):
        return True
    line_start = text.rfind("\n", start, brk.start()) + 1
    line = text[max(line_start, start) : brk.start()].rstrip()
    if not line or line[-1] in ":;,)" and not after[0].islower():
        return True
    first = after[0]
    if _LOWER_WORD.match(after):  # a plain lower-case word, not an address or handle
        return False
    if line[-1] in _CJK_PARTICLES:  # Japanese: a particle or comma always goes on
        return False
    word = _LAST_WORD.search(line[-30:])
    if word is not None and word.group(1).lower() in _CONTINUES and line[-1].isalnum():
        return False
    words = len(line.split())
    if word is not None and words >= 2 and word.group(1)[0].islower() and (first.isdigit() or first in "$€£¥★" or (nouns_capitalised and first.isupper())):
        return False  # "We'd love\n5 stars", "Entdecken Sie unsere anderen\nProdukte"
    # A long line of prose goes on into an amount or number; a capital may be a new sentence.
    return not (len(line) >= _WRAPPED_LINE and line[-1].isalnum() and (first.isdigit() or first in "$€£¥"))


def _crlf_offsets(source: str) -> list[int]:
    offsets: list[int] = []
    i = 0
    while i < len(source):
        offsets.append(i)
        if source[i] == "\r" and i + 1 < len(source) and source[i + 1] == "\n":
            i += 2
        else:
            i += 1
    offsets.append(len(source))
    return offsets


def negated(doc: Document, sentence: Sentence, match: regex.Match, window: int = 40) -> bool:
    """True when a negation stands shortly before ``match`` in its sentence
    ("we will not offer a discount")."""
    pat = doc.phrase("negation")
    if pat is None:
        return False
    return pat.search(sentence.text, max(0, match.start() - window), match.start()) is not None
