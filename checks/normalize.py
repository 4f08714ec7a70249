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

import functools
import re
import unicodedata
from dataclasses import dataclass

import regex

from .prefilter import FULL_WIDTH

# Format characters a reader never sees (zero-width space and joiners, word
# joiner, BOM, soft hyphen, bidi controls, variation selectors, tag characters).
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# Emoji between the parts of an address ("lumiwood🙂@gmail.com",
# "shop. 🙏com") are read past, like invisible characters.
_PICTOGRAPH = regex.compile(r"(?![\u00a9\u00ae\u2122])[\p{Extended_Pictographic}\p{Emoji_Modifier}\u20e3]")
_SEPARATORS = {0x30FB: ".", 0xFF65: ".", 0x3002: "。"}  # katakana middle dot reads as a dot in "〇三・一二三四"


@dataclass(frozen=True)
class Reading:
    """``text`` as read; ``starts[i]``/``ends[i]``: the original span of its character i (None: same text)."""

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        """The original span of a span of the reading."""
        if self.starts is None or self.ends is None:
            return span
        start, end = span
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


class _Builder:
    """Characters of a new reading, each with the original span it stands for."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, start: int, end: int) -> None:
        for ch in text:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def reading(self) -> Reading:
        return Reading("".join(self.chars), self.starts, self.ends)


def _rewrite(reading: Reading, pattern: regex.Pattern, replace) -> Reading:
    """Apply ``replace(match) -> [(text, start, end)]`` (spans in reading
    coordinates) to every match of ``pattern``; the rest is copied."""
    matches = list(pattern.finditer(reading.text))
    if not matches:
        return reading
    out = _Builder()
    text = reading.text
    orig = reading.span
    position = 0

    def copy(start: int, end: int) -> None:
        for i in range(start, end):
            s, e = orig((i, i + 1))
            out.add(text[i], s, e)

    for m in matches:
        pieces = replace(m)
        if pieces is None:
            continue
        copy(position, m.start())
        for piece, start, end in pieces:
            s, _ = orig((start, start + 1))
            _, e = orig((end - 1, end))
            out.add(piece, s, e)
        position = m.end()
    copy(position, len(text))
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


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _chars(text: str) -> Reading:
    """Full-width forms narrowed, invisible characters dropped, look-alike letters mapped."""
    if text.isascii():
        return Reading(text)
    letters = _confusable_letters()
    out = _Builder()
    changed = False
    for i, ch in enumerate(text):
        code = ord(ch)
        if code < 0x80:
            out.add(ch, i, i + 1)
            continue
        if _INVISIBLE_RE.match(ch) or (code >= 0x203C and _PICTOGRAPH.match(ch)):
            changed = True
            continue
        mapped = FULL_WIDTH.get(code) or _SEPARATORS.get(code) or letters.get(code)
        if mapped is not None:
            mapped = chr(mapped) if isinstance(mapped, int) else mapped
            changed = changed or mapped != ch
            out.add(mapped, i, i + 1)
            continue
        out.add(ch, i, i + 1)
    return out.reading() if changed else Reading(text)


# --- letters spaced apart -----------------------------------------------------
# Four or more single characters with one or two spaces between them
# ("l u m i w o o d . c o m"): read as one word. Each start is a token start,
# and the repetition is bounded.
_SPACED = regex.compile(r"(?<!\S)(?:[\p{L}\p{Nd}@.\-_][ ]{1,2}){3,80}[\p{L}\p{Nd}@.\-_](?!\S)")


def _join_spaced(m: regex.Match) -> list[tuple[str, int, int]]:
    return [(ch, m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch != " "]


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
_MULTIPLIERS = {"double": 2, "triple": 3}
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "０": 0}
# Compounds written as one word: "thirty-one", "soixante-dix-huit",
# "einundzwanzig", "trentotto", "veintidós".
_TENS_STEM = (
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|"
    r"vingt|trente|quarante|cinquante|soixante|quatre-vingts?|veinti|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
    r"venti?|trenta?|quaranta?|cinquanta?|sessanta?|settanta?|ottanta?|novanta?|dieci|dicia"
)
_COMPOUND = regex.compile(rf"(?:\w{{2,6}}und)?(?:{_TENS_STEM})[\w-]{{0,14}}", regex.IGNORECASE)
_RUN_GAP = regex.compile(r"[ \t,.\-/·・、，()]{0,4}(?:(?:and|y|e|et|und)\s)?")
_CJK_RUN = regex.compile(r"[〇一二三四五六七八九零](?:[ ・.\-、]{0,2}[〇一二三四五六七八九零]){6,24}")


def _number_value(word: str) -> str | None:
    """The digits a number word stands for ("five" -> "5", "trente-quatre" -> "34"), or None."""
    low = word.lower()
    if low.isdigit():
        return low
    if low in _UNITS:
        return str(_UNITS[low])
    parts = low.split("-")
    if len(parts) > 1 and all(part in _UNITS for part in parts):  # "four-one-five"
        return "".join(str(_UNITS[part]) for part in parts)
    if low in _TENS_WORDS or _COMPOUND.fullmatch(low):
        return _compound_value(low)
    return None


@functools.lru_cache(maxsize=2048)
def _compound_value(word: str) -> str | None:
    from text_to_num import text2num

    for lang in ("en", "fr", "de", "es", "it"):
        try:
            value = text2num(word, lang)
        except (ValueError, IndexError, KeyError):
            continue
        if 0 <= value < 100:
            return str(value)
    return None


# A candidate token: a word, a digit group, or one CJK numeral.
_TOKEN = regex.compile(r"[\p{L}]+(?:-[\p{L}]+){0,4}|\d{1,6}")
_HAS_NUMBER_WORD = regex.compile(
    r"(?i)\b(?:zero|one|two|three|four|five|six|seven|eight|nine|oh|null|eins|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun|"
    r"zéro|un|deux|trois|quatre|cinq|sept|huit|neuf|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|due|tre|quattro|cinque|sei|sette|otto|nove|"
    rf"double|triple|ten|eleven|twelve|\w{{0,6}}(?:{_TENS_STEM}))"
)


def _digit_runs(text: str) -> list[tuple[int, int, list[tuple[str, int, int]]]]:
    """Runs of number words and digit groups holding 7+ digits and at least one word."""
    runs = []
    current: list[tuple[str, int, int]] = []
    words = 0
    last_end = -1
    pending_multiplier = 1

    def close() -> None:
        nonlocal current, words
        while current and current[0][0] == "0" and text[current[0][1] : current[0][2]].lower() == "oh":
            current.pop(0)  # "Oh, four one five": the exclamation is no zero
        digits = sum(len(d) for d, _, _ in current)
        if words and digits >= 7:
            runs.append((current[0][1], current[-1][2], current))
        current, words = [], 0

    for m in _TOKEN.finditer(text):
        token = m.group()
        low = token.lower()
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        if current and not _RUN_GAP.fullmatch(gap):
            close()
            pending_multiplier = 1
        if low in _MULTIPLIERS:
            pending_multiplier = _MULTIPLIERS[low]
            last_end = m.end()
            continue
        value = _number_value(token)
        if value is None:
            if current:
                close()
            pending_multiplier = 1
            last_end = -1
            continue
        if not token.isdigit():
            words += 1
        current.append((value * pending_multiplier, m.start(), m.end()))
        pending_multiplier = 1
        last_end = m.end()
    if current:
        close()
    return runs


def _spelled(reading: Reading) -> Reading:
    text = reading.text
    runs = _digit_runs(text) if _HAS_NUMBER_WORD.search(text) else []
    if _CJK_RUN.search(text):
        for m in _CJK_RUN.finditer(text):
            pieces = [(str(_CJK_DIGITS[ch]), m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch in _CJK_DIGITS]
            runs.append((m.start(), m.end(), pieces))
    if not runs:
        return reading
    runs.sort()
    out = _Builder()
    position = 0
    for start, end, pieces in runs:
        if start < position:
            continue
        for i in range(position, start):
            s, e = reading.span((i, i + 1))
            out.add(text[i], s, e)
        for digits, s, e in pieces:
            os_, oe = reading.span((s, e))
            out.add(digits, os_, oe)
        position = end
    for i in range(position, len(text)):
        s, e = reading.span((i, i + 1))
        out.add(text[i], s, e)
    return out.reading()


# --- the whole reading --------------------------------------------------------
def _compose(outer: Reading, inner: Reading) -> Reading:
    """``outer`` was made from ``inner.text``: map its spans through ``inner`` too."""
    if outer.starts is None:
        return inner
    if inner.starts is None:
        return outer
    starts = [inner.span((s, s + 1))[0] for s in outer.starts]
    ends = [inner.span((e - 1, e))[1] for e in outer.ends]
    return Reading(outer.text, starts, ends)


@functools.lru_cache(maxsize=32)
def read(text: str) -> Reading:
    """The text as read, with the map back (cached: the email, link and phone
    extractors of one check all read the same text)."""
    reading = _chars(text)
    spaced = _rewrite(Reading(reading.text), _SPACED, _join_spaced) if "  " in reading.text or " " in reading.text else Reading(reading.text)
    reading = _compose(spaced, reading)
    spelled = _spelled(Reading(reading.text))
    return _compose(spelled, reading)
