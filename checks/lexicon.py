"""Concept lexicons per language, matched against the stems of a sentence.

Data lives in ``checks/lexicons/<lang>.toml``: each table is a concept
(``review``, ``value``, ``cancel``...) with ``words``: entries written as
ordinary words or phrases ("gift card", "taken down"). An entry is stemmed
like the text (checks/tokens.py), so one form stands for its inflections; a
form that stems apart (German participles: gelöscht / löschen) is listed as
well. In an entry, ``~`` is a gap of up to three tokens ("take ~ down"),
``=word`` is that form only, not its stem ("=shipped": not "ships"), and
``<rating_high>``, ``<amount>``... stand for typed tokens.
``checks/lexicons/zh.toml`` holds the Chinese that teams paste into drafts of
any language (好评返现, 五星好评): it is merged into every language.

Typo tolerance: a word of the text that is no lexicon key, has 5 letters or
more, is not in the language's spelling dictionary and is no name (a
capitalised word inside a sentence, outside German and Title Case) is read as the lexicon
word (5+ letters) at edit distance 1 from it, transpositions counting as one
edit ("reveiw" → review), or whose stem is a lexicon stem at distance 1
("reomving" → remov). A dictionary word never is ("form" stays "form").
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from . import spelling, tokens
from .tokens import Token

GAP = "~"
EXACT = "="
MAX_GAP = 3
SHARED = "zh"  # merged into every language
TYPO_MIN = 5


@dataclass
class Lexicon:
    lang: str
    # first key -> entries (tuples of keys) starting with it, with their concept
    entries: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    single: dict[str, list[str]] = field(default_factory=dict)  # one-key entries: key -> concepts
    # longer entries by their first two keys (the second may be a gap)
    pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)  # every key of every entry
    typo_words: dict[str, str] = field(default_factory=dict)  # surface word (5+ letters) -> its key
    typo_stems: set[str] = field(default_factory=set)
    has_exact: bool = False  # some entry names an exact form ("=shipped")  # keys of 5+ letters (a typo in an ending: "reomving")

    def add(self, concept: str, entry: str) -> None:
        keys: list[str] = []
        for part in entry.split():
            if part == GAP or (part.startswith("<") and part.endswith(">")):
                keys.append(part)
                continue
            if part.startswith(EXACT):  # this form only, not its stem ("=shipped", not "ships")
                word = part[1:].lower()
                keys.append(EXACT + word)
                if len(word) >= TYPO_MIN and word.isalpha():  # "dipsatched" is still "dispatched"
                    self.typo_words.setdefault(word, tokens.stem(word, self.lang))
                continue
            for token in tokens.tokenize(part, self.lang):
                keys.append(token.key)
                word = token.text.lower()
                if len(word) >= TYPO_MIN and not token.typed and word.isalpha():
                    self.typo_words.setdefault(word, token.key)
                    if len(token.key) >= TYPO_MIN:
                        self.typo_stems.add(token.key)
        if any(k.startswith(EXACT) for k in keys):
            self.has_exact = True
        if not keys or keys[0] == GAP:
            raise ValueError(f"lexicon {self.lang}: bad entry {entry!r} in {concept}")
        found = self.entries.setdefault(keys[0], [])
        if (tuple(keys), concept) not in found:  # forms of one stem ("review", "reviews")
            found.append((tuple(keys), concept))
            if len(keys) == 1:
                self.single.setdefault(keys[0], []).append(concept)
            else:
                self.pairs.setdefault((keys[0], keys[1]), []).append((tuple(keys), concept))
        self.keys.update(keys)

    @functools.cached_property
    def words_by_length(self) -> dict[int, list[str]]:
        return _group_by_length(self.typo_words)

    @functools.cached_property
    def stems_by_length(self) -> dict[int, list[str]]:
        return _group_by_length(self.typo_stems)

    def _keys(self, toks: list[Token]) -> tuple[list[str], list[str]]:
        """Every token's key, read through typo tolerance when it is no lexicon
        key, and its exact form (for "=word" entries), typo-corrected like its
        key. One pass: the hot loop of a sentence's analysis."""
        known, lang, has_exact = self.keys, self.lang, self.has_exact
        keys: list[str] = []
        exact: list[str] = []
        names: bool | None = None  # judged once, when a capitalised word inside the sentence would be read as a typo
        for i, token in enumerate(toks):
            key = token.key
            if key in known or key[:1] == "<":
                keys.append(key)
                if has_exact:
                    exact.append(EXACT + token.text.lower())
                continue
            word = token.text.lower()
            typo = len(word) >= TYPO_MIN and word.isalpha()
            if typo and i > 0 and _capitalised(token.text):
                if names is None:
                    names = _names_stand_out(toks, lang)
                typo = not names
            found = _typo_key(lang, word) if typo else None
            keys.append(found[1] if found else key)
            if has_exact:
                exact.append(EXACT + (found[0] if found else word))
        return keys, (exact if has_exact else keys)

    def match(self, toks: list[Token]) -> dict[str, list[tuple[int, int]]]:
        """Per concept, the token ranges [i, j) where one of its entries stands."""
        keys, exact = self._keys(toks)
        hits: dict[str, list[tuple[int, int]]] = {}
        last = len(keys) - 1
        for i, key in enumerate(keys):
            for first in (key, exact[i]) if exact is not keys else (key,):
                if first not in self.entries:
                    continue
                for concept in self.single.get(first, ()):
                    hits.setdefault(concept, []).append((i, i + 1))
                if i == last:
                    continue
                for second in {keys[i + 1], exact[i + 1], GAP}:
                    for entry, concept in self.pairs.get((first, second), ()):
                        end = _match_at(entry, keys, i, exact)
                        if end is not None:
                            hits.setdefault(concept, []).append((i, end))
        for found in hits.values():
            found.sort()
        return hits


def _match_at(entry: tuple[str, ...], keys: list[str], i: int, exact: list[str]) -> int | None:
    """Where ``entry`` matched from token ``i`` ends, or None (gaps: shortest first)."""
    if len(entry) == 1:
        return i + 1
    pos = i + 1
    for n, part in enumerate(entry[1:], start=1):
        if part == GAP:
            nxt = entry[n + 1]
            for skip in range(MAX_GAP + 1):
                if pos + skip < len(keys) and nxt in (keys[pos + skip], exact[pos + skip]):
                    return _match_at(entry[n + 1 :], keys, pos + skip, exact)
            return None
        if pos >= len(keys) or part not in (keys[pos], exact[pos]):
            return None
        pos += 1
    return pos


@functools.cache
def _data(lang: str) -> dict:
    try:
        raw = resources.files(__package__).joinpath("lexicons", f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(raw)


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    folder = resources.files(__package__).joinpath("lexicons")
    return frozenset(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")) - {SHARED}


@functools.cache
def for_language(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (English when it has none), with the shared Chinese."""
    if lang not in languages():
        lang = "en"
    lex = Lexicon(lang)
    for source in (lang, SHARED):
        for concept, table in _data(source).items():
            for entry in table.get("words", ()):
                lex.add(concept, entry)
    return lex


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and not text.isupper()


def _names_stand_out(toks: list[Token], lang: str) -> bool:
    """Whether a capitalised word inside this sentence is a name, never a
    misspelt lexicon word ("Famille Morel" is not "modèle"): so in every
    language that capitalises only names and sentence starts (not German,
    whose nouns are capitalised), unless the sentence is in Title Case
    ("Please Leave A Positive Reveiw")."""
    if lang in tokens.NOUNS_CAPITALISED:
        return False
    words = [t.text for t in toks if t.text[:1].isalpha()]
    return sum(_capitalised(w) for w in words) * 2 < len(words)


@functools.lru_cache(maxsize=20_000)
def _typo_key(lang: str, word: str) -> tuple[str, str] | None:
    """(the lexicon word meant, its key) for a misspelt word, or None."""
    if len(word) < TYPO_MIN or not word.isalpha() or not spelling.checkers(lang):
        return None
    if spelling.correct(word, lang):
        return None
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extractOne

    lex = for_language(lang)
    found = extractOne(word, _near_length(lex.words_by_length, len(word)), scorer=OSA.distance, score_cutoff=1)
    if found:
        return found[0], lex.typo_words[found[0]]
    # The word's stem against the lexicon's stems: "reomving" -> "reomv" ~ "remov".
    stemmed = tokens.stem(word, lex.lang)
    if len(stemmed) < TYPO_MIN:
        return None
    found = extractOne(stemmed, _near_length(lex.stems_by_length, len(stemmed)), scorer=OSA.distance, score_cutoff=1)
    return (word, found[0]) if found else None


def _near_length(by_length: dict[int, list[str]], length: int) -> list[str]:
    """The words one edit can reach in length (the others cannot be at distance 1)."""
    return by_length.get(length - 1, []) + by_length.get(length, []) + by_length.get(length + 1, [])


def _group_by_length(words) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for word in words:
        grouped.setdefault(len(word), []).append(word)
    return grouped
