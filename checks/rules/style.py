"""Style rules for text: emoji, line breaks, spelling, grammar."""

from __future__ import annotations

import bisect
import functools
import threading
from collections.abc import Iterator

import regex

from .. import extract, spelling
from ..document import Document
from ..i18n import Text, tr
from ..models import Edit, Fix, Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Style'"
MAX_SPELLING_FINDINGS = 50


@register
class Emoji(Rule):
    """An emoji: Unicode emoji (flags, keycaps, skin tones, ZWJ sequences) and
    the ``:shortcode:`` and ``:)`` forms chat clients turn into emoji.

    Why: emojis are not allowed. (©, ® and ™ are symbols, not emoji, and are
    not reported.)
    """

    id = "style.emoji"
    severity = Severity.ERROR
    message = "Emojis are not allowed in buyer messages."
    guideline = f"No emojis. ({SECTION})"
    violating = Example("Sorry for the wait! 🙏")
    compliant = Example("Sorry for the wait! The slots are 8:00-12:00 and 12:00-16:00.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for found in extract.emoji(doc.text):
            start, end = found.span
            # Take one adjoining space with it so the rewrite leaves no gap.
            if start > 0 and doc.text[start - 1] == " ":
                start -= 1
            yield Hit(found.span, fix=Fix(title=tr("fix.remove-emoji", "Remove the emoji"), edits=[Edit(span=(start, end), replacement="")]))


_LINE_BREAK_RUN = regex.compile(r"\n(?:[ \t\u3000]{0,200}\n){2,}")


@register
class LineBreaks(Rule):
    """More than two line breaks in a row (three or more newlines).

    Why: Amazon's style rules allow at most two consecutive line breaks.
    """

    id = "style.line-breaks"
    severity = Severity.ERROR
    message = "More than two line breaks in a row; use at most one blank line."
    guideline = f"No more than two consecutive line breaks. ({SECTION})"
    violating = Example("It should arrive on November 24.\n\n\n\nOakline Furniture")
    compliant = Example("It should arrive on November 24.\n\nOakline Furniture")

    def find(self, doc: Document) -> Iterator[Hit]:
        for m in _LINE_BREAK_RUN.finditer(doc.text):
            span = (m.start(), m.end())
            yield Hit(span, fix=Fix(title=tr("fix.collapse-blank-lines", "Collapse to one blank line"), edits=[Edit(span=span, replacement="\n\n")]))


@register
class Spelling(Rule):
    """A misspelt word, checked with the Hunspell dictionary of the draft's
    language. Names (capitalised words), codes with digits, links and the
    team's own word list are not checked; a name or acronym written in lower
    case ("bluetooth", "usb") and forms the dictionaries leave out (German
    "vorzuwärmen", Spanish "desembalarlo") are not misspellings.

    Why: Amazon asks for messages without spelling errors.
    """

    id = "style.spelling"
    severity = Severity.WARNING
    message = "Possible misspelling: {word!r}."
    guideline = f"No spelling or grammar errors. ({SECTION})"
    violating = Example("We will recieve the new delivery date tomorrow.")
    compliant = Example("We will receive the new delivery date tomorrow.")

    def find(self, doc: Document) -> Iterator[Hit]:
        lang = doc.language
        if lang is None:
            return
        if lang not in spelling.DICTIONARIES:  # Japanese, Chinese...: Hunspell has none
            doc.notes.append(tr("note.spelling-no-dictionary", "Spelling was not checked: there is no spelling dictionary for language '{lang}'.", lang=lang))
            return
        if not spelling.checkers(lang):
            doc.notes.append(tr("note.spelling-not-installed", "Spelling was not checked: no dictionary for language '{lang}' is installed.", lang=lang))
            return
        team_words = {w.lower() for w in doc.settings.words}
        # Only a word in lower case can be reported (a capitalised word is a
        # name or a sentence start, CamelCase and ALLCAPS are brands and
        # codes), so the dictionary is asked once per distinct such word.
        unknown = {
            word for word in spelling.distinct_words(doc.text)
            if len(word) >= 3 and word.islower() and word not in team_words and not _correct(word, lang)
        }
        if not unknown:
            return
        skip = _merged(_claimed(doc) + [s for s, _ in doc.foreign_passages])
        count = 0
        for m in spelling.WORD.finditer(doc.text):
            word = m.group()
            if word not in unknown or _inside(skip, m.start()):
                continue
            # A new word's corrections cost milliseconds to work out: the check's
            # budget allows a few (spelling.spend), words seen before cost nothing.
            suggestions = spelling.known_suggestions(word, lang)
            if suggestions is None:
                suggestions = spelling.suggestions(word, lang) if spelling.spend(doc.budget, lang) else ()
            fix = None
            if len(suggestions) == 1:  # only one clear correction is applied mechanically
                fix = Fix(title=tr("fix.replace-with", "Replace with {0!r}", suggestions[0]), edits=[Edit(span=(m.start(), m.end()), replacement=suggestions[0])])
            yield Hit((m.start(), m.end()), self.say(word=word), fix)
            count += 1
            if count >= MAX_SPELLING_FINDINGS:
                doc.notes.append(tr("note.spelling-stopped", "Spelling stopped after {count} findings.", count=MAX_SPELLING_FINDINGS))
                return


def _claimed(doc: Document) -> list[tuple[int, int]]:
    """Text a contact or link rule reports (also disguised: "lumiwood dot com",
    "four one five..."): the style rules leave it to them."""
    from .contact import social_handles

    return [e.span for e in doc.emails] + [link.span for link in doc.links] + [p.span for p in doc.phones] + social_handles(doc)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """``at`` falls in one of ``spans`` (sorted by start, not overlapping)."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


@functools.lru_cache(maxsize=20000)
def _correct(word: str, lang: str) -> bool:
    if spelling.correct(word, lang):
        return True
    # A name or an acronym written in lower case ("bluetooth", "usb", "iphone", "paypal")
    # is a capitalisation slip, not a misspelling.
    if word.islower() and any(spelling.correct(form, lang) for form in {word.capitalize(), word.upper(), word[0] + word[1:].capitalize()}):
        return True
    # Hyphenated compounds: each part on its own.
    parts = regex.split(r"['’-]", word)
    if len(parts) > 1 and all(len(p) < 2 or spelling.correct(p, lang) for p in parts):
        return True
    return any(spelling.correct(form, lang) for form in _inflected_bases(word, lang))


# Forms Hunspell's dictionaries leave out though the grammar builds them:
# German "zu" inside a separable verb ("vorzuwärmen"), Spanish and Italian
# pronouns joined to a verb ("desembalarlo", "inviarglielo").
_DE_PARTICLES = ("vor", "an", "auf", "aus", "ein", "mit", "nach", "ab", "zurück", "weg", "zusammen", "hin", "her", "fest", "los", "um", "durch", "wieder", "bei", "dar", "fern", "heim", "herunter", "hoch")
_CLITICS = {
    "es": regex.compile(r"(?:(?:me|te|se|nos|os)(?:lo|la|los|las|le|les)|lo|la|los|las|le|les|me|te|se|nos|os)$"),
    "it": regex.compile(r"(?:(?:me|te|se|ce|ve|glie)(?:lo|la|li|le|ne)|lo|la|li|le|gli|mi|ti|si|ci|vi|ne)$"),
}
_ACCENTS = str.maketrans("áéíóú", "aeiou")
_PREFIXES = ("anti", "multi", "super", "ultra", "mini", "semi", "micro", "extra", "auto")


def _inflected_bases(word: str, lang: str) -> list[str]:
    # A common prefix on a word the dictionary has ("antiadherente", "ultraleicht").
    bases = [word[len(p):] for p in _PREFIXES if word.startswith(p) and len(word) - len(p) >= 4]
    if lang == "de":  # "vorzuwärmen", "nachgeschliffen"
        return bases + [
            form for p in _DE_PARTICLES if len(word) > len(p) + 4
            for form in ((p + word[len(p) + 2 :]) if word.startswith(p + "zu") else None, word[len(p):] if word.startswith(p + "ge") else None)
            if form
        ]
    pattern = _CLITICS.get(lang)
    m = pattern.search(word) if pattern is not None else None
    if m is None or m.start() < 3:
        return bases
    stem = word[: m.start()]
    plain = stem.translate(_ACCENTS)
    if not (plain.endswith(("ar", "er", "ir", "ndo")) or plain != stem):
        return bases  # only an infinitive, a gerund or an accented imperative takes the pronoun ("envíelo")
    bases += [stem, plain]  # "dándole": "dando"
    if lang == "it" and stem.endswith("r"):
        bases.append(stem + "e")  # "mandarlo": "mandare"
    return bases


# --- grammar -----------------------------------------------------------------

GRAMMAR_MAX_SENTENCES = 40
GRAMMAR_MAX_SENTENCE_CHARS = 2_000
GRAMMAR_LINTS = ("RepeatedWords", "AnA", "SentenceCapitalization", "PossessiveYour")
_harper_lock = threading.Lock()


_harper_ready = threading.Lock()


def preload_grammar() -> None:
    """Build the Harper linter in a background thread (about a second; Harper
    releases the GIL meanwhile), so the first check does not wait for it."""
    threading.Thread(target=_harper, name="checkmsg-harper-init", daemon=True).start()


def _harper():
    with _harper_ready:  # one construction even when the preload thread races a check
        return _build_harper()


@functools.lru_cache(maxsize=1)
def _build_harper():
    import harper

    linter = harper.Linter()
    config = {name: False for name in linter.get_lint_config()}
    for name in GRAMMAR_LINTS:
        if name in config:
            config[name] = True
    linter.set_lint_config(config)
    return linter


@register
class Grammar(Rule):
    """A grammar problem in an English draft: a doubled word ("the the"), a
    wrong article ("an problem"), a sentence that starts in lower case, "you're"
    for "your". Checked with Harper, offline.

    Why: Amazon asks for messages without spelling or grammar errors.
    """

    id = "style.grammar"

    @classmethod
    def preload(cls) -> None:
        preload_grammar()
    severity = Severity.WARNING
    message = "Possible grammar problem: {problem}"
    guideline = f"No spelling or grammar errors. ({SECTION})"
    violating = Example("The the crack was caused during transport.")
    compliant = Example("The crack was caused during transport.")

    def find(self, doc: Document) -> Iterator[Hit]:
        if doc.language != "en":
            return
        text = doc.text
        spans = _claimed(doc) + _handles(text)
        masked = _mask(text, [(s, min(e, len(text))) for s, e in spans if s < len(text)])
        reported: list[tuple[int, int]] = []
        for m in _DOUBLED.finditer(masked):
            if m.group(1).lower() in _LEGIT_DOUBLES:
                continue
            span = (m.start(), m.end())
            reported.append(span)
            fix = Fix(title=tr("fix.remove-repeated-word", "Remove the repeated word"), edits=[Edit(span=(m.start(1) + len(m.group(1)), m.end()), replacement="")])
            yield Hit(span, self.say(problem=tr("grammar.repeated-word", "the word {0!r} is repeated.", m.group(1))), fix)
        # Harper parses about 15 ms per KB of text it has not seen, so it only
        # reads the sentences a cheap test finds suspicious.
        suspects = _suspects(text, masked, doc.sentences)
        if len(suspects) > GRAMMAR_MAX_SENTENCES:
            doc.notes.append(tr("note.grammar-limited", "Grammar was checked in the first {count} suspicious sentences only.", count=GRAMMAR_MAX_SENTENCES))
            suspects = suspects[:GRAMMAR_MAX_SENTENCES]
        for sentence in suspects:
            # A hard-wrapped sentence is read as one line (same length, same offsets).
            chunk = masked[sentence.start : min(sentence.end, sentence.start + GRAMMAR_MAX_SENTENCE_CHARS)].replace("\n", " ")
            with _harper_lock:
                lints = _harper().lint(chunk)
            for lint in lints:
                start, end = sentence.start + lint.span.start, sentence.start + lint.span.end
                if any(s < end and start < e for s, e in reported) or not lint.span.start < lint.span.end <= len(chunk):
                    continue
                fix = None
                if lint.suggestion_count:
                    replacement = _harper_replacement(lint)
                    if replacement is not None:
                        fix = Fix(title=tr("fix.replace-with", "Replace with {0!r}", replacement), edits=[Edit(span=(start, end), replacement=replacement)])
                yield Hit((start, end), self.say(problem=_grammar_problem(lint)), fix)


def _grammar_problem(lint) -> Text:
    """Our own keyed text for a Harper lint (its message is English only):
    by lint kind, and by message where Harper files the lint as Miscellaneous."""
    kind = str(getattr(lint, "lint_kind", "") or "")
    message = str(getattr(lint, "message", "") or "").lower()
    if kind == "Repetition":
        return tr("grammar.repetition", "a word seems to be written twice.")
    if "indefinite article" in message:
        return tr("grammar.article", 'the article does not fit the next word ("a" before a consonant sound, "an" before a vowel sound).')
    if kind == "Capitalization":
        return tr("grammar.capitalization", "the sentence does not start with a capital letter.")
    if "possessive" in message:
        return tr("grammar.possessive-your", 'the possessive "your" seems to be meant here.')
    return tr("grammar.other", "the sentence may have a grammar mistake.")


# What Harper is asked about: a lower-case sentence start, an article before a
# word whose first letter suggests the other article, "you're" before a word.
_ARTICLE_OR_YOURE = regex.compile(
    r"\ba[ \t]+[aeiou]|\ban[ \t]+[^\W\daeiou]|\byou['’]?re[ \t]+\w", regex.IGNORECASE
)


def _suspects(text: str, masked: str, sentences: list) -> list:
    """Sentences that start in lower case or hold a suspicious article or
    "you're" (one scan of the text, not one per sentence)."""
    starts = [s.start for s in sentences]
    flagged = set()
    for m in _ARTICLE_OR_YOURE.finditer(masked):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sentences[i].end:
            flagged.add(i)
    return [
        s for i, s in enumerate(sentences)
        if i in flagged or (masked[s.start] == text[s.start] and text[s.start].islower())
    ]


# A word written twice ("the the"); bounded and possessive so long runs
# cannot backtrack; \b first rules out most positions cheaply.
_DOUBLED = regex.compile(r"\b(?<!['’-])(\p{L}{1,30}+)[ \t]{1,5}+\1(?![\p{L}\p{N}'’-])", regex.IGNORECASE)
_LEGIT_DOUBLES = frozenset({"that", "had", "is", "bye", "no", "so", "very", "ha", "knock", "chop", "tut", "pom", "dum"})
_HANDLE = regex.compile(r"(?<![\w.])@[\w.]{2,30}\w")


def _handles(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _HANDLE.finditer(text)] if "@" in text else []


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Hide addresses and handles from the grammar checker: their dots are
    not sentence ends. Same length, so offsets stay valid."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "x" * (end - start)
    return "".join(chars)


def _harper_replacement(lint) -> str | None:
    """The replacement text of Harper's first suggestion, when it is a plain
    replacement or removal (harper is alpha: anything odd only loses the fix)."""
    try:
        suggestion = lint.suggestions[0]
        kind = str(suggestion.kind).rsplit(".", 1)[-1].upper()
        if kind == "REPLACE":
            return str(suggestion.replacement_text)
        if kind == "REMOVE":
            return ""
    except Exception:
        return None
    return None
