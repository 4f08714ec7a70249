"""Spell checking with Hunspell dictionaries from the system (``/usr/share/hunspell``)."""

from __future__ import annotations

import functools
import itertools
import os
from pathlib import Path

import regex

DICTIONARY_DIRS = [
    Path(p) for p in os.environ.get("CHECKMSG_HUNSPELL_PATH", "").split(os.pathsep) if p
] + [Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/local/share/hunspell")]

# Language -> dictionaries; a word is correct if any of them accepts it.
DICTIONARIES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB"),
    "de": ("de_DE",),
    "fr": ("fr_FR", "fr"),
    "es": ("es_ES",),
    "it": ("it_IT",),
    "nl": ("nl_NL", "nl"),
    "pl": ("pl_PL",),
    "sv": ("sv_SE",),
    "tr": ("tr_TR",),
}

# \b first: at a letter it says what the lookbehind would of \w, and it
# rules out most positions before the lookbehind runs (twice as fast).
WORD = regex.compile(r"\b(?<![@./\\-])\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*){0,3}(?![\w@/\\]|\.\w)")


def distinct_words(text: str) -> set[str]:
    """``set(WORD.findall(text))``, read token by token: a word never spans
    whitespace, and whitespace around a token looks to ``WORD``'s boundary
    tests as the ends of the string do. A long template repeats its tokens,
    so this scans a few distinct tokens instead of the whole text."""
    words: set[str] = set()
    findall = WORD.findall
    for token in set(text.split()):
        words.update(findall(token))
    return words


def _find(name: str) -> Path | None:
    for folder in DICTIONARY_DIRS:
        if (folder / f"{name}.dic").exists() and (folder / f"{name}.aff").exists():
            return folder
    return None


@functools.cache
def checkers(lang: str) -> tuple:
    """Hunspell objects for ``lang``; empty when no dictionary is installed."""
    import hunspell

    found = []
    for name in DICTIONARIES.get(lang, ()):
        folder = _find(name)
        if folder is not None:
            found.append(hunspell.Hunspell(name, hunspell_data_dir=str(folder)))
            # One dictionary per language is enough except English (US and UK
            # spellings); the rest are fallbacks, not loaded when the first exists.
            if lang != "en":
                break
    return tuple(found)


@functools.lru_cache(maxsize=100_000)
def correct(word: str, lang: str) -> bool:
    """Whether a dictionary of ``lang`` accepts the word. Memoised: a German or
    French lookup costs ~25 µs (compounds, affixes), a draft asks a few
    hundred, and a rewrite's re-check and the next draft ask mostly the same."""
    return any(h.spell(word) for h in checkers(lang))


@functools.cache
def _alphabet(lang: str) -> str:
    """Letters to try in corrections: the dictionary's TRY line, else a-z."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for name in DICTIONARIES.get(lang, ()):
        folder = _find(name)
        if folder is None:
            continue
        raw = (folder / f"{name}.aff").read_bytes()
        for line in raw.splitlines():
            if line.startswith(b"TRY "):
                encoding = "utf-8"
                for other in raw.splitlines():
                    if other.startswith(b"SET "):
                        encoding = other[4:].strip().decode("ascii", "replace")
                        break
                try:
                    tried = line[4:].strip().decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    break
                return "".join(dict.fromkeys(ch for ch in tried.lower() if ch.isalpha())) or letters
        break
    return letters


def _edits(word: str, alphabet: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return deletes | transposes | replaces | inserts


def _doublings(word: str) -> set[str]:
    """One letter doubled or one doubled letter made single ("tommorow" -> "tomorow")."""
    out = {word[: i + 1] + word[i:] for i in range(len(word)) if word[i].isalpha()}
    out |= {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    return out


COMMON_LETTERS = 14

# Working out a new word's corrections is the costliest step of a check. One
# check (the draft, its rewrite and the rewrite's re-checks together) spends
# at most CORRECTION_BUDGET units on it: a unit is one word in a fast
# dictionary (English, Spanish, Italian: ~2 ms); German and French
# dictionaries analyse compounds and affixes, so a word costs more there.
# Words worked out before (the usual typos) cost nothing.
CORRECTION_BUDGET = 3
_CORRECTION_COST = {"de": 3, "fr": 2}
_BUDGET_KEY = "spelling.corrections"


def spend(budget: dict[str, int], lang: str) -> bool:
    """Take one word's corrections out of a check's ``budget`` (a
    ``Document.budget``); False when too little is left to work them out."""
    cost = _CORRECTION_COST.get(lang, 1)
    spent = budget.get(_BUDGET_KEY, 0)
    if spent + cost > CORRECTION_BUDGET:
        return False
    budget[_BUDGET_KEY] = spent + cost
    return True

_SUGGESTED: dict[tuple[str, str], tuple[str, ...]] = {}
_SUGGESTED_MAX = 20_000


def known_suggestions(word: str, lang: str) -> tuple[str, ...] | None:
    """Suggestions already worked out for this word, else None (no work done)."""
    return _SUGGESTED.get((word, lang))


def suggestions(word: str, lang: str) -> tuple[str, ...]:
    key = (word, lang)
    if key not in _SUGGESTED:
        if len(_SUGGESTED) >= _SUGGESTED_MAX:
            _SUGGESTED.clear()
        _SUGGESTED[key] = _suggest(word, lang)
    return _SUGGESTED[key]


def _suggest(word: str, lang: str) -> tuple[str, ...]:
    """Dictionary words one edit away, or two doubling edits away.

    Hunspell's own ``suggest`` takes tens of milliseconds a word; generating
    near candidates and asking ``spell`` keeps a check within budget. The
    result is sorted; a caller wanting "one clear suggestion" checks len == 1.
    """
    if len(word) > 30 or not checkers(lang):
        return ()
    lower = word.lower()
    main = checkers(lang)[0]  # the first dictionary decides candidates: half the calls
    # The dictionary's most frequent letters only: each candidate costs a
    # Hunspell lookup, and typos mostly involve common letters.
    found = {c for c in _edits(lower, _alphabet(lang)[:COMMON_LETTERS]) if c and main.spell(c)}
    if not found and any(a == b for a, b in itertools.pairwise(lower)):
        # "tommorow": one letter doubled where another should be.
        found = {d2 for d1 in _doublings(lower) for d2 in _doublings(d1) | {d1} if main.spell(d2)}
    if word[:1].isupper():
        found = {f[:1].upper() + f[1:] for f in found}
    return tuple(sorted(found))


DEEP_SLIP_LENGTH = 8  # a word this long may be corrected two typing slips away


def _slips(word: str) -> set[str]:
    """Words one typing slip away: two neighbouring letters swapped ("recieve"),
    a letter typed once where it is doubled ("shiping"), or twice where it is single."""
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]}
    return (swapped | _doublings(word)) - {word}


@functools.lru_cache(maxsize=2048)
def slip_correction(word: str, lang: str, twice: bool = False) -> str | None:
    """The one dictionary word a single typing slip away from ``word``
    (see ``_slips``), in ``word``'s capitalisation; None when there is none
    or more than one. For a misspelling with several corrections one edit
    away ("posible": "possible", "posable"), the slip is the likely one.

    ``twice``: when no word is one slip away, a long word (8 letters or more)
    may be two slips away ("inconvienence"); this costs a few milliseconds.
    """
    if len(word) > 30 or len(word) < 4 or not checkers(lang):
        return None
    lower = word.lower()
    found = {c for c in _slips(lower) if correct(c, lang)}
    if not found and twice and len(word) >= DEEP_SLIP_LENGTH:
        main = checkers(lang)[0]
        found = {c for c in {c2 for c1 in _slips(lower) for c2 in _slips(c1)} - {lower} if main.spell(c)}
    if len(found) != 1:
        return None
    (fixed,) = found
    return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed
