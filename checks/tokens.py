"""Tokens of a sentence: words with their stems, and typed tokens for ratings
and amounts, so that rules read "a high rating" or "an amount of money"
however it is written (5-star, five stars, ★★★★★, 5/5, 5 Sterne, 五星; $10,
10 €, 15%, ten dollars).

Word forms: a word's key is its Snowball stem (``snowballstemmer`` runs on
PyStemmer's C code when installed: no data to load, ~0.1 ms per 2,000
characters), so "removing", "removed" and "remove" are one key. Lexicons
(checks/lexicon.py) are written as words and stemmed the same way. Chinese
and Japanese characters are one token each: their lexicon entries are
character sequences.

Typed tokens have keys in angle brackets: ``<rating_high>`` (4 or 5 out of
5, full marks), ``<rating_low>`` (1 or 2), ``<rating>`` (3, or a count that
is not a rating of the buyer's), ``<amount>`` (money), ``<percent>``.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import regex

from .prefilter import FULL_WIDTH, fold

# Snowball's algorithm per language code (Polish and Japanese have none).
# Languages that capitalise every noun, not only names and sentence starts.
NOUNS_CAPITALISED = frozenset({"de"})

STEMMERS = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "nl": "dutch", "sv": "swedish", "tr": "turkish", "pt": "portuguese",
}

HIGH, LOW, MID, AMOUNT, PERCENT = "<rating_high>", "<rating_low>", "<rating>", "<amount>", "<percent>"


class Token(NamedTuple):  # a tuple: thousands are made per draft
    start: int  # offsets in the sentence's text
    end: int
    text: str
    key: str  # the stem (lower case), a typed key, or the character (CJK)

    @property
    def typed(self) -> bool:
        return self.key.startswith("<")


# Numbers 1-5 in words, per language (a rating is 1 to 5 stars).
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "ein": 1, "eins": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "funf": 5,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
}
_NUM = r"(?:[1-5](?:[.,]0)?|one|two|three|four|five|eins?|einen|zwei|drei|vier|f[üu]nf|une?|deux|trois|quatre|cinq|uno|una|dos|tres|cuatro|cinco|due|tre|quattro|cinque)"
_STAR_WORD = r"(?:stars?|sterne?n?|[ée]toiles?|estrellas?|stell[ea])"
_SEP = r"[\s\-‐‑–/]{0,2}"
# A word that only dresses the stars up ("five little stars", "cinq belles étoiles"): a closed list, so a number
# and a star word further apart stay two things.
_STAR_ADJECTIVE = (
    r"(?:(?:little|tiny|shiny|shining|bright|golden|gold|big|full|whole|well-deserved|deserved|glowing|sparkling"
    r"|kleinen?|goldenen?|glänzenden?|vollen?|petites?|belles?|jolies?|brillantes?|pequeñas?|doradas?|brillanti|piccole|belle)\s+)?"
)
_RATING = regex.compile(
    rf"""
    (?P<n>(?<![\p{{Latin}}\d.,]){_NUM}){_SEP}{_STAR_ADJECTIVE}(?:(?:star[\s\-]?ratings?|{_STAR_WORD})(?!\w)|つ星|星|★|⭐)
    | (?:★|⭐|☆|星){_SEP}(?P<n2>[1-5]|[一二三四五])(?!\d)(?:つ)?
    | 星(?P<n3>[一二三四五1-5])つ?
    | (?P<n4>[一二三四五])(?:つ)?星
    | (?P<stars>[★⭐]{{1,5}}+)(?!\d)
    | (?<![\d.,/])(?P<n5>[1-5])(?:[.,]0)?\s?(?:/|out\s+of|von|sur|de|su|di)\s?5(?![\d.,])(?!\s?(?:€|\$|%|euros?|dollars?))
    | (?P<fifth>(?:the\s+)?(?:fifth|5th|last)\s+star)
    | (?<![\d.,/])(?P<ten>10|9|8)\s?/\s?10(?![\d.,])
    | (?P<full>full\s+marks|top\s+marks|full\s+score|perfect\s+score|höchstnote|bestnote|volle\s+punktzahl|note\s+maximale|note\s+parfaite|puntuaci[óo]n\s+m[áa]xima|nota\s+m[áa]xima|massimo\s+dei\s+voti|punteggio\s+pieno|満点|满分)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
_CURRENCY_WORD = r"(?:dollars?|bucks|euros?|eur|usd|gbp|cad|aud|pounds?|quid|yen|jpy|yuan|rmb|cny|francs?|pesos?|euro|円|元|块|ドル|ユーロ)"
_AMOUNT = regex.compile(
    rf"""
    (?:(?:us|ca|au|a|c)?\$|€|£|¥|￥|₹|(?:usd|eur|gbp|jpy|cad|aud)\s?)\s?\d{{1,7}}(?:[.,]\d{{1,3}}){{0,2}}
    | (?<![\w.,])\d{{1,7}}(?:[.,]\d{{1,3}}){{0,2}}\s?(?:€|£|¥|\$|円|元|块|ドル|ユーロ|{_CURRENCY_WORD}(?!\w))
    | (?<![\w])(?:one|two|three|five|ten|fifteen|twenty|thirty|fifty|hundred|zehn|zwanzig|f[üu]nf|dix|vingt|cinq|diez|veinte|cinco|dieci|venti|cinque)\s(?:{_CURRENCY_WORD})(?!\w)
    | [一二三四五六七八九十百千]{{1,4}}(?:円|元|块|ドル|ユーロ)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
_CURRENCY_NAMED = re.compile(rf"[$€£¥￥₹]|{_CURRENCY_WORD}")  # on the folded sentence, like the hints below
_PERCENT = regex.compile(
    r"(?<![\w.,])\d{1,3}(?:[.,]\d{1,2})?\s?(?:%|％|percent|per\s?cent|prozent|pour\s?cent|por\s?ciento|per\s?cento|パーセント)|[一二三四五六七八九十]{1,3}(?:%|％|割|パーセント)",
    regex.IGNORECASE,
)
# A word (letters, an apostrophe inside), a number, or one CJK character. A
# word's letters are \p{L} and \p{M} except CJK, written as \w minus the rest
# of \w: "Amazonギフトカード" is a word and six characters.
_LETTER = r"[^\W\d\p{Pc}\p{N}\p{So}\u200c\u200d\p{Han}\p{Hiragana}\p{Katakana}ー]"
_WORD = regex.compile(rf"[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}ー]|{_LETTER}++(?:['’]{_LETTER}++)?|\d++")
# French and Italian elided articles and prepositions ("l'avis", "dell'ordine").
_ELIDED = frozenset("l d j m n s t c qu dell all dall nell sull un quell quest lorsqu puisqu jusqu".split())


def _elision(word: str) -> int:
    """Where the word after an elided article starts, or 0."""
    for mark in "'’":
        head, sep, _tail = word.partition(mark)
        if sep and head in _ELIDED:
            return len(head) + 1
    return 0
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")


# What a rating, an amount or a percentage cannot be written without: cheap
# tests before the typed scans, which are the slow part of a sentence. Each
# is a necessary condition of its scan (every match of _RATING holds a match
# of _RATING_HINT), written in lower case for the folded sentence
# (prefilter.fold), so the standard library's engine runs them without
# case-insensitive matching: several times faster than ``regex`` here.
_RATING_HINT = re.compile(
    r"[★⭐☆星]|stars?(?!\w)|star[\s\-]?rating|(?:fifth|5th|last)\s+star|sterne?n?(?!\w)|[ée]toiles?(?!\w)"
    r"|estrellas?(?!\w)|stell[ea](?!\w)|/\s?(?:5|10)(?!\d)|\d\s?(?:out\s+of|von|sur|de|su|di)\s?5"
    r"|marks|score|höchstnote|bestnote|punktzahl|note\s+(?:maximale|parfaite)|puntuaci|nota\s+m|massimo\s+dei|punteggio|満点|满分"
)
_PERCENT_HINT = re.compile(r"[%％割]|per\s?cent|prozent|pour\s?cent|por\s?ciento|パーセント")


def rating_value(m: regex.Match) -> int | None:
    """The number of stars a rating match gives (5 for "full marks")."""
    if m.group("full") or m.group("fifth") or m.group("ten"):
        return 5  # 8/10 and up is a top rating too
    if m.group("stars"):
        return len(m.group("stars"))
    raw = next(g for g in (m.group("n"), m.group("n2"), m.group("n3"), m.group("n4"), m.group("n5")) if g)
    raw = raw.lower().split(".")[0].split(",")[0]
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)


def rating_key(value: int | None) -> str:
    if value is None:
        return MID
    return HIGH if value >= 4 else LOW if value <= 2 else MID


@functools.cache
def stemmer(lang: str):
    import snowballstemmer

    name = STEMMERS.get(lang)
    if not name:
        return None
    found = snowballstemmer.stemmer(name)
    # PyStemmer's own cache keeps each word as a [stem, counter] list: ten
    # thousand objects per language for the garbage collector to walk, and
    # stems are memoised here already (``_STEMS``, ``stem``).
    if hasattr(found, "maxCacheSize"):
        found.maxCacheSize = 0
    return found


@functools.lru_cache(maxsize=20_000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a lower-case word (the word itself without a stemmer)."""
    s = stemmer(lang)
    if s is None or _CJK.match(word):
        return word
    return s.stemWord(word.replace("’", "'"))


def tokenize(text: str, lang: str) -> list[Token]:
    """The sentence's tokens in order: typed tokens where a rating, an amount
    or a percentage stands, else words (stemmed) and CJK characters."""
    narrow = text.translate(FULL_WIDTH) if _FULL_WIDTH_CHAR.search(text) else text
    typed: list[Token] = []
    # Each typed scan runs only where a cheap test finds what it needs.
    folded = fold(narrow)
    if _RATING_HINT.search(folded):
        for m in _RATING.finditer(narrow):
            typed.append(Token(m.start(), m.end(), text[m.start() : m.end()], rating_key(rating_value(m))))
    for pattern, hint, key in ((_AMOUNT, _CURRENCY_NAMED, AMOUNT), (_PERCENT, _PERCENT_HINT, PERCENT)):
        if not hint.search(folded):
            continue
        for m in pattern.finditer(narrow):
            if not any(t.start < m.end() and m.start() < t.end for t in typed):
                typed.append(Token(m.start(), m.end(), text[m.start() : m.end()], key))
    typed.sort(key=lambda t: t.start)
    return _words(text, narrow, lang, typed)


def _words(text: str, narrow: str, lang: str, typed: list[Token]) -> list[Token]:
    """Words and CJK characters around the typed tokens, in order. (The
    hottest loop of the layer: one pass, a plain dict for stems.)"""
    out: list[Token] = []
    append = out.append
    stems = _STEMS.setdefault(lang, {})
    elide = lang in ("fr", "it")
    same = text is narrow
    i, count = 0, len(typed)
    for m in _WORD.finditer(narrow):
        start, end = m.span()
        if i < count:
            while i < count and typed[i].end <= start:
                append(typed[i])
                i += 1
            if i < count and typed[i].start < end:
                continue  # inside a typed token
        surface = m.group() if same else text[start:end]
        word = surface.lower()
        cut = _elision(word) if elide else 0
        if cut:  # "l'iscrizione": the article and the word
            append(Token(start, start + cut, surface[:cut], word[:cut]))
            start, surface, word = start + cut, surface[cut:], word[cut:]
        key = stems.get(word)
        if key is None:
            key = stem(word, lang)
            if len(stems) < _STEMS_KEPT:
                stems[word] = key
        append(_token(Token, (start, end, surface, key)))
    out.extend(typed[i:])
    return out


# A character FULL_WIDTH maps (a search is far cheaper than translate's walk).
_FULL_WIDTH_CHAR = re.compile("[\u3000\uff01-\uff5e]")  # the keys of FULL_WIDTH

# Token(...) through tuple.__new__ directly: the named tuple's own __new__ is
# Python code, and this is once a word.
_token = tuple.__new__

# Stems already computed, per language (a dict lookup is cheaper than the
# lru_cache call on the hot path; bounded so a stream of odd words stays small).
_STEMS: dict[str, dict[str, str]] = {}
_STEMS_KEPT = 50_000
