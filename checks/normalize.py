"""The text as a reader sees it, for finding disguised contact details.

Sellers hide addresses from filters in ways a person still reads at once:
full-width letters, zero-width characters inside a word, Cyrillic letters
that look Latin, letters spaced apart ("l u m i w o o d"), digits spelled
out ("four one five", "null drei null", "〇三・一二三四"). ``read`` undoes
these and keeps, for every character of the result, the span of the
original text it came from, so findings still point into the draft.

Only the contact and link extractors read this text; every other rule reads
the draft as written. Digits, ``@`` and ``.`` are never remapped (the
confusables data would turn ``@`` into ``a`` and ``0`` into ``O``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

import regex

from .prefilter import FULL_WIDTH

# Format characters a reader never sees (zero-width space and joiners, word
# joiner, BOM, soft hyphen, bidi controls, variation selectors, tag characters).
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xE0000, 0xE007F),
)
_INVISIBLE = frozenset(chr(c) for lo, hi in _INVISIBLE_RANGES for c in range(lo, hi + 1))
# Marks read as ASCII: the katakana middle dot as a dot in "〇三・一二三四",
# the heavy plus sign as a plus in "➕V lumiwood88" (add me on WeChat), CJK
# brackets as brackets in "lumiwood【at】gmail【dot】com", the small at sign.
_SEPARATORS = {0x30FB: ".", 0xFF65: ".", 0x2795: "+", 0x3010: "[", 0x3011: "]", 0x300C: "[", 0x300D: "]", 0xFE6B: "@"}
# Emoji between the parts of an address ("lumiwood🙂@gmail.com",
# "shop. 🙏com") are read past, like invisible characters.
_PICTOGRAPH = regex.compile(r"(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Emoji_Modifier}\u20e3]")


class _Runs:
    """Where the characters of a reading come from, run by run: character p
    of run k (the run starting at reading position ``at[k]``) stands for the
    original span ``(first[k] + d, last[k] + d)``, d = ``step[k] * (p - at[k])``.
    Copied text steps by 1, a replacement by 0 (its characters all stand for
    one span). Kept by run, not by character: lists of a long text's every
    position cost more to build than the whole reading."""

    __slots__ = ("at", "first", "last", "step")

    def __init__(self) -> None:
        self.at: list[int] = []
        self.first: list[int] = []
        self.last: list[int] = []
        self.step: list[int] = []

    def add(self, at: int, first: int, last: int, step: int) -> None:
        self.at.append(at)
        self.first.append(first)
        self.last.append(last)
        self.step.append(step)

    def start(self, position: int) -> int:
        k = bisect.bisect_right(self.at, position) - 1
        return self.first[k] + self.step[k] * (position - self.at[k])

    def end(self, position: int) -> int:
        k = bisect.bisect_right(self.at, position) - 1
        return self.last[k] + self.step[k] * (position - self.at[k])


@dataclass(frozen=True)
class Reading:
    """``text`` as read; ``runs``: the original span of each of its characters (None: same text)."""

    text: str
    runs: _Runs | None = None

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        """The original span of a span of the reading."""
        if self.runs is None:
            return span
        start, end = span
        if end <= start:
            at = self.runs.start(start) if start < len(self.text) else (self.runs.end(len(self.text) - 1) if self.text else 0)
            return at, at
        return self.runs.start(start), self.runs.end(end - 1)


class _Builder:
    """Characters of a new reading, each with the original span it stands for."""

    def __init__(self, source: Reading) -> None:
        self.source = source
        self.chars: list[str] = []
        self.runs = _Runs()
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Characters ``start:end`` of the source reading, unchanged."""
        if end <= start:
            return
        self.chars.append(self.source.text[start:end])
        runs = self.source.runs
        if runs is None:
            self.runs.add(self.length, start, start + 1, 1)
        else:  # the source's runs from the one holding ``start``, cut to start:end
            k = bisect.bisect_right(runs.at, start) - 1
            while k < len(runs.at) and runs.at[k] < end:
                lo = max(runs.at[k], start)
                d = runs.step[k] * (lo - runs.at[k])
                self.runs.add(self.length + lo - start, runs.first[k] + d, runs.last[k] + d, runs.step[k])
                k += 1
        self.length += end - start

    def add(self, text: str, start: int, end: int) -> None:
        """``text`` standing for characters ``start:end`` of the source reading."""
        s, e = self.source.span((start, end))
        self.chars.append(text)
        if text:
            self.runs.add(self.length, s, e, 0)
            self.length += len(text)

    def reading(self) -> Reading:
        return Reading("".join(self.chars), self.runs)


def _rewrite(reading: Reading, pieces: list[tuple[int, int, list[tuple[str, int, int]]]]) -> Reading:
    """Replace the stretches ``(start, end, [(text, from, to), ...])`` of
    ``reading`` (sorted, positions in the reading); the rest is copied."""
    if not pieces:
        return reading
    out = _Builder(reading)
    position = 0
    for start, end, replacement in pieces:
        if start < position:
            continue
        out.copy(position, start)
        for text, a, b in replacement:
            out.add(text, a, b)
        position = end
    out.copy(position, len(reading.text))
    return out.reading()


# --- look-alike letters -------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _confusable_letters() -> dict[int, str]:
    """Non-Latin letters that look like one Latin letter (Unicode's confusables
    data, via confusable_homoglyphs), mapped to that letter. Latin letters with
    diacritics and CJK are left alone: they are real letters of real words."""
    from confusable_homoglyphs import confusables

    table: dict[int, str] = {}
    for char, homoglyphs in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii() or not unicodedata.category(char).startswith("L"):
            continue
        if "LATIN" in unicodedata.name(char, "") or ord(char) in FULL_WIDTH:
            continue
        for glyph in homoglyphs:
            target = glyph["c"]
            if len(target) == 1 and target.isascii() and target.isalpha():
                table[ord(char)] = target
                break
    return table


_PLAIN_CHANGES = frozenset(map(chr, set(FULL_WIDTH) | set(_SEPARATORS))) | _INVISIBLE


@functools.lru_cache(maxsize=1)
def _changed_chars() -> frozenset[str]:
    """Every character ``_chars`` maps or drops, look-alike letters included (emoji aside)."""
    return frozenset(map(chr, _confusable_letters())) | _PLAIN_CHANGES


_PAST_EMOJI_FLOOR = re.compile("[\u203c-\U0010ffff]")  # no emoji lies below U+203C (checks/extract.py)


def _chars(text: str) -> Reading:
    """Full-width forms narrowed, invisible characters and emoji dropped, look-alike letters mapped."""
    if text.isascii():
        return Reading(text)
    table = _changed_chars()
    present = table.intersection(text)  # a set operation: most texts hold none of them
    changed = []
    if present:
        changed = [m.span() for m in re.finditer("[" + "".join(map(re.escape, present)) + "]", text)]
    if _PAST_EMOJI_FLOOR.search(text):
        changed += [m.span() for m in _PICTOGRAPH.finditer(text) if m.group() not in table]
        changed.sort()
    if not changed:
        return Reading(text)
    letters = _confusable_letters()
    pieces = []
    for start, end in changed:
        code = ord(text[start])
        mapped = FULL_WIDTH.get(code) or _SEPARATORS.get(code) or letters.get(code)
        replacement = chr(mapped) if isinstance(mapped, int) else (mapped or "")
        pieces.append((start, end, [(replacement, start, end)] if replacement else []))
    return _rewrite(Reading(text), pieces)


# --- dots written with another mark --------------------------------------------
# "info@kozynest·com", "lumiwood。com", "lumiwood,com/manual": a middle dot,
# an ideographic full stop or a comma between a name and a top-level domain
# reads as the dot of an address (only there: "Mon · Tue", "A,B" stay).
_DOT_LOOKALIKE = regex.compile(
    r"(?<=[A-Za-z0-9])(?:[·•∙。｡]|,(?=(?:com|net|org|shop|store|info)(?:/|\b)))(?=(?:com|net|org|info|biz|shop|store|online|site|io|co|app|de|fr|es|it|uk|jp|cn|nl|pl|eu)\b)"
)


# "lumiwood.c0m": a zero for the o of the commonest top-level domain.
_ZERO_COM = regex.compile(r"(?<=[A-Za-z0-9]\.)[cC]0[mM](?![A-Za-z0-9])")


# A letter O written for a zero inside a number ("415-829-31O7"): only
# between digits (or digit groups), so "O-ring" and "ISO 9001" stay.
_LETTER_O = re.compile(
    r"(?<=\d)[Oo](?=[Oo]?\d|[ .\-]\d)|(?<=\d[ .\-])[Oo](?=[ .\-]?\d)|(?<=\d[Oo])[Oo](?=\d)"
)
# A letter l or I written for a one the same way ("+1 (4l5) 8O2-66O1").
_LETTER_L = re.compile(
    r"(?<=\d)[lI](?=[lIOo]?\d|[ .\-]\d)|(?<=\d[ .\-])[lI](?=[ .\-]?\d)|(?<=\d[lIOo])[lI](?=\d)"
)
_DIGIT_THEN_O = re.compile(r"\d[\d .\-]{0,2}[Oo]")  # in every _LETTER_O match; cheap to look for
_DIGIT_L_DIGIT = re.compile(r"[lI][lIOo .\-]?\d")  # in every _LETTER_L match (a cheap scan)
_COMMA_DOT = re.compile(r"[A-Za-z0-9],(?:com|net|org|shop|store|info)\b")  # a comma can be a dot only here


def _dots(reading: Reading) -> Reading:
    text = reading.text
    pieces = []
    if any(c in text for c in "·•∙。｡") or ("," in text and _COMMA_DOT.search(text)):
        pieces += [(m.start(), m.end(), [(".", m.start(), m.end())]) for m in _DOT_LOOKALIKE.finditer(text)]
    if "0" in text:
        pieces += [(m.start(), m.end(), [("com", m.start(), m.end())]) for m in _ZERO_COM.finditer(text)]
    if _DIGIT_THEN_O.search(text):
        pieces += [(m.start(), m.end(), [("0", m.start(), m.end())]) for m in _LETTER_O.finditer(text)]
    if _DIGIT_L_DIGIT.search(text):
        pieces += [(m.start(), m.end(), [("1", m.start(), m.end())]) for m in _LETTER_L.finditer(text)]
    return _rewrite(reading, sorted(pieces, key=lambda piece: piece[0]))


# --- letters spaced apart -----------------------------------------------------
# Four or more single characters with one or two spaces between them
# ("l u m i w o o d . c o m"): read as one word. Each start is a token start,
# and the repetition is bounded.
_SPACED = regex.compile(r"(?<!\S)(?:[\p{L}\p{Nd}@.\-_][ ]{1,2}){3,80}[\p{L}\p{Nd}@.\-_](?!\S)")


# Three or more single letters or digits joined by hyphens ("l-u-m-i-h-e-l-p
# at y-a-h-o-o dot c-o-m"): read as one word. Words ("polka-dot", "T-shirt",
# "x-ray") have more than one letter on a side of some hyphen.
_HYPHENATED = regex.compile(r"(?<![\p{L}\p{Nd}-])(?:[\p{L}\p{Nd}]-){2,80}[\p{L}\p{Nd}](?![\p{L}\p{Nd}-])")
_LETTER_HYPHEN_LETTER = re.compile(r"-\w-")  # in every _HYPHENATED match; cheap to look for


def _spaced(reading: Reading) -> Reading:
    if " " in reading.text:
        pieces = [
            (m.start(), m.end(), [(ch, m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch != " "])
            for m in _SPACED.finditer(reading.text)
        ]
        reading = _rewrite(reading, pieces)
    if "-" in reading.text and _LETTER_HYPHEN_LETTER.search(reading.text):
        pieces = [
            (m.start(), m.end(), [(ch, m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch != "-"])
            for m in _HYPHENATED.finditer(reading.text)
        ]
        reading = _rewrite(reading, pieces)
    return reading


# --- digits in words ----------------------------------------------------------
# The words for 0-9 (and 10-99 where phone numbers are read in pairs, as in
# French) in the supported languages. A run of such words, possibly mixed
# with digit groups, that holds at least seven digits is read as digits.
_DIGIT_WORDS = {
    "en": "zero one two three four five six seven eight nine",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve",
    "it": "zero uno due tre quattro cinque sei sette otto nove",
    "nl": "nul een twee drie vier vijf zes zeven acht negen",
    "pl": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć",
    "sv": "noll ett två tre fyra fem sex sju åtta nio",
    "tr": "sıfır bir iki üç dört beş altı yedi sekiz dokuz",
}
_UNITS = {word: i for words in _DIGIT_WORDS.values() for i, word in enumerate(words.split())}
_UNITS.update({"zwo": 2, "oh": 0, "une": 1})
_TENS_WORDS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig neunzig "
    "dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante "
    "diez once doce trece catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa "
    "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta settanta ottanta novanta"
).split()
# Spanish and Italian read numbers in hundreds as one word ("seiscientos doce").
_HUNDREDS_WORDS = (
    "cien ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos "
    "cento duecento trecento quattrocento cinquecento seicento settecento ottocento novecento"
).split()
_TENS_WORDS += _HUNDREDS_WORDS
_MULTIPLIERS = {"double": 2, "triple": 3, "doppel": 2, "doppia": 2, "doble": 2}
# Letters that stand for digits inside a hyphenated run of digit words ("nine-l-seven", "two-O").
_LETTER_DIGITS = {"l": 1, "i": 1, "o": 0}
# "nine hundred" read out in a number is 900 (British style: "oh-seven-seven double-oh, nine hundred, one-two-three").
_HUNDRED = frozenset({"hundred", "hundert"})
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "０": 0, "幺": 1}  # 幺: "one" read out in numbers
# Compounds written as one word: "thirty-one", "soixante-dix-huit",
# "einundzwanzig", "trentotto", "veintidós".
_TENS_STEM = (
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|"
    r"vingt|trente|quarante|cinquante|soixante|quatre-vingts?|veinti|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
    r"venti?|trenta?|quaranta?|cinquanta?|sessanta?|settanta?|ottanta?|novanta?|dieci|dicia"
)
_COMPOUND = regex.compile(rf"(?:\w{{2,6}}und)?(?:{_TENS_STEM})[\w-]{{0,14}}", regex.IGNORECASE)
# Between the parts of a number: marks, "and", or a word that goes on to the next part
# ("four one five – then 823 – then 6601", "y luego", "dann", "puis", "poi").
_RUN_GAP = regex.compile(
    r"[ \t,.\-–—/·・、，()]{0,4}(?:(?:and|and\s+then|then|followed\s+by|y|y\s+luego|luego|después|despues|e|e\s+poi|poi|"
    r"et|puis|ensuite|und|dann|danach)[ \t,:\-–—]{1,4})?"
)
_CJK_RUN = regex.compile(r"[〇一二三四五六七八九零幺](?:[ ・.\-、]{0,2}[〇一二三四五六七八九零幺]){6,24}")


@functools.lru_cache(maxsize=4096)
def _number_value(word: str) -> str | None:
    """The digits a number word stands for ("five" -> "5", "trente-quatre" -> "34"), or None."""
    low = word.lower()
    if low.isdigit():
        return low
    if low in _UNITS:
        return str(_UNITS[low])
    parts = low.split("-")
    if len(parts) > 1 and any(part in _UNITS for part in parts):  # "four-one-five", "nine-l-seven", "double-oh"
        digits = _hyphenated_digits(parts)
        if digits is not None:
            return digits
    if low in _TENS_WORDS or _COMPOUND.fullmatch(low):
        return _compound_value(low)
    return None


def _hyphenated_digits(parts: list[str]) -> str | None:
    """The digits of digit words joined by hyphens, a letter l or o among them
    read as a digit, "double-"/"triple-" repeating the next; None if any part is none."""
    digits, times = [], 1
    for part in parts:
        if part in _MULTIPLIERS and times == 1:
            times = _MULTIPLIERS[part]
            continue
        value = _UNITS.get(part, _LETTER_DIGITS.get(part))
        if value is None:
            return None
        digits.append(str(value) * times)
        times = 1
    return "".join(digits) if times == 1 else None


@functools.lru_cache(maxsize=2048)
def _compound_value(word: str) -> str | None:
    from text_to_num import text2num

    for lang in ("en", "fr", "de", "es", "it"):
        try:
            value = text2num(word, lang)
        except (ValueError, IndexError, KeyError):
            continue
        if 0 <= value < 1000:
            return str(value)
    return None


@functools.lru_cache(maxsize=1)
def _number_words():
    """One automaton over every number word, for a single pass over the lowered text."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in {*_UNITS, *_TENS_WORDS, *_MULTIPLIERS, *_HUNDRED}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_MIN_RUN_DIGITS = 7  # the shortest phone numbers worth a disguise
_DIGITS = re.compile(r"\d{1,12}")


def _word_around(low: str, start: int, end: int, last: tuple[int, int]) -> tuple[int, int]:
    """The whole (hyphenated) word holding ``low[start:end]``; ``last``, the
    word found for the hit before (hits come in order, so no letter is walked
    twice: "one-one-one..." walked from every hit cost seconds)."""
    if last[0] <= start < last[1]:
        return last
    while start > 0 and (low[start - 1].isalpha() or (low[start - 1] == "-" and start > 1 and low[start - 2].isalpha())):
        start -= 1
    while end < len(low) and (low[end].isalpha() or (low[end] == "-" and end + 1 < len(low) and low[end + 1].isalpha())):
        end += 1
    return start, end


def _number_tokens(text: str) -> list[tuple[int, int, str | None]]:
    """Number words ("five", "trente-quatre", "einundzwanzig") and digit
    groups, with the digits each stands for, in order. Words are found with
    one automaton pass; only those at a word start (or a tens word inside a
    compound) are read further, each as the whole (hyphenated) word holding it."""
    low = text.lower()
    words: dict[tuple[int, int], str | None] = {}
    span = (0, 0)
    for last, word in _number_words().iter(low):
        start = last + 1 - len(word)
        if start > 0 and low[start - 1].isalpha() and word not in _TENS_WORDS:
            continue  # "one" in "phone"
        span = _word_around(low, start, last + 1, span)
        if span not in words:
            word = low[span[0] : span[1]]
            words[span] = "" if word in _MULTIPLIERS or word in _HUNDRED else _number_value(word)
    tokens = [(s, e, v) for (s, e), v in words.items() if v is not None]
    if not tokens:
        return []
    tokens += [(m.start(), m.end(), m.group()) for m in _DIGITS.finditer(text)]
    tokens.sort()
    return tokens


def _digit_runs(text: str) -> list[tuple[int, int, list[tuple[str, int, int]]]]:
    """Runs of number words and digit groups holding 7+ digits and at least one word."""
    runs = []
    current: list[tuple[str, int, int]] = []
    words = 0
    last_end = -1
    multiplier = 1

    def close() -> None:
        nonlocal current, words
        while current and current[0][0] == "0" and text[current[0][1] : current[0][2]].lower() == "oh":
            current.pop(0)  # "Oh, four one five": the exclamation is no zero
        if words and sum(len(d) for d, _, _ in current) >= _MIN_RUN_DIGITS:
            runs.append((current[0][1], current[-1][2], current))
        current, words = [], 0

    for start, end, value in itertools.islice(_number_tokens(text), 4000):
        if (current or multiplier > 1) and not _RUN_GAP.fullmatch(text, last_end, start):
            close()
            multiplier = 1
        last_end = end
        low = text[start:end].lower()
        if low in _MULTIPLIERS:  # "double five"
            multiplier = _MULTIPLIERS[low]
            continue
        if low in _HUNDRED:  # "nine hundred": a digit word and two zeros; else no number
            if current and len(current[-1][0]) == 1 and not text[current[-1][1] : current[-1][2]].isdigit() and current[-1][2] <= start:
                value, first, _ = current.pop()
                current.append((value + "00", first, end))
            else:
                close()
            continue
        spelled = not low.isdigit()
        if spelled and current and _adds_to(current[-1], value, text):
            # "thirty one", "treinta y dos", "seiscientos doce": a round number and a smaller one make one number
            previous = current.pop()
            value, start = str(int(previous[0]) + int(value)), previous[1]
        words += spelled
        current.append((value * multiplier, start, end))
        multiplier = 1
    close()
    return runs


def _adds_to(token: tuple[str, int, int], value: str, text: str) -> bool:
    """Whether a spelled ``value`` completes the spelled round number before it (40 + 5, 600 + 12)."""
    previous, start, end = token
    zeros = len(previous) - len(previous.rstrip("0"))
    if text[start:end].isdigit() or zeros == 0 or int(previous) == 0 or value == "0" or text[start:end].lower().endswith(_HUNDRED_ENDS):
        return False
    return int(value) < 10**zeros


# "plus" (or its sign word) just before a spelled number reads as "+": "plus four four seven seven ...".
_HUNDRED_ENDS = tuple(_HUNDRED)  # "nine hundred, one two three" is 900 123, not 901 23
_PLUS_WORD = regex.compile(r"(?<![\p{L}\p{N}])(?:plus|più|más|mas)\s{1,2}$", regex.IGNORECASE)


def _with_plus(text: str, run: tuple[int, int, list[tuple[str, int, int]]]) -> tuple[int, int, list[tuple[str, int, int]]]:
    start, end, digits = run
    sign = _PLUS_WORD.search(text, max(0, start - 8), start)
    if sign is None:
        return run
    return sign.start(), end, [("+", sign.start(), sign.start() + len(sign.group().rstrip()))] + digits


def _spelled(reading: Reading) -> Reading:
    text = reading.text
    runs = [_with_plus(text, run) for run in _digit_runs(text)]
    if not text.isascii():
        for m in _CJK_RUN.finditer(text):
            digits = [(str(_CJK_DIGITS[ch]), m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch in _CJK_DIGITS]
            runs.append((m.start(), m.end(), digits))
    runs.sort(key=lambda run: run[0])
    return _rewrite(reading, runs)


@functools.lru_cache(maxsize=32)
def read(text: str) -> Reading:
    """The text as read, with the map back (cached: the email, link and phone
    extractors of one check all read the same text)."""
    return _spelled(_spaced(_dots(_chars(text))))
