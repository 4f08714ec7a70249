"""Which sentences a phrase concept can match at all, found in one pass.

A concept's alternation (``checks/phrases``) costs a full regex scan of every
sentence, and on a 40 KB template that is most of the check. Nearly every
pattern needs some literal word to match ("review", "coupon", "thank"), so
the patterns are read once for the words they cannot match without (their
*required literals*), every literal of every concept is found in the
lowered text with one Aho-Corasick pass, and a sentence holding none of a
concept's literals is not scanned for it.

The literals are a necessary condition, never a guess: they come from the
parsed pattern (a literal run every match contains; for an alternation, one
such literal per branch). Where a pattern has several such sets, the one
rarest in the text at hand is used. A pattern with a branch that needs no
literal at all (``\\w+\\s+\\d+``), or that the standard parser cannot
read or might read differently from ``regex`` (``\\p{L}``, fuzzy matching,
POSIX classes), leaves its concept unfiltered: every sentence is scanned.
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings
from dataclasses import dataclass

import ahocorasick

from . import phrases

try:  # the standard library's regex parser (private); without it, no filtering
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python layout
    _sre = _sre_parse = None

# A literal shorter than this (one Latin letter) is no filter at all. Two
# letters are kept: "qq" is rare, and "us" is common but only costs its count.
MIN_LITERAL = 2
# Where a pattern has several necessary sets, those of words this long are
# enough (counting "the" or "you" as well only costs time).
STRONG_LITERAL = 4
_WIDE = 0x2000

Literals = frozenset[str]
# regex's fuzzy matching ("(?:word){e<=1}"): the standard parser reads it as literal text.
_FUZZY = re.compile(r"\{[^{}]*\b[eids]\s*(?:<=?|=)")


# Full-width forms (Japanese and Chinese input methods) and the ideographic
# space, as the ASCII characters they stand for: one character for one, so
# offsets stay valid. checks/extract.py reads addresses and numbers with it.
FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}


@functools.lru_cache(maxsize=1)
def _fold_table() -> tuple[dict[int, str], re.Pattern]:
    """Characters that case-insensitive matching equates but ``str.lower``
    does not (long s, final sigma, micro sign...), mapped to one form, and a
    pattern that finds them."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        low = chr(code).lower()
        if len(low) != 1:
            continue
        folded = low.casefold()
        if len(folded) == 1 and folded != low:
            table[ord(low)] = folded
    # Full-width forms as their ASCII letters, as the contact extractors read them.
    table.update({code: chr(ascii_code).lower() for code, ascii_code in FULL_WIDTH.items()})
    return table, re.compile("[" + "".join(re.escape(chr(c)) for c in table) + "]")


def fold(text: str) -> str:
    """Lower-case ``text`` for literal search, keeping its length (so match
    positions are text positions). Full-width letters count as ASCII ones:
    the filter then also holds for text read through ``extract.narrow``."""
    if len(text) < _FOLD_KEPT_FROM:
        return _fold(text)
    return _fold_long(text)


# A whole draft is folded by several gates of one check (the phrase filter,
# the channel gate, the link scan): long texts are folded once.
_FOLD_KEPT_FROM = 2_000


@functools.lru_cache(maxsize=8)
def _fold_long(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: "İ" is "i" and a dot, and matches "i"
        low = "".join(c.lower()[0] for c in text)
    table, odd = _fold_table()
    return low.translate(table) if odd.search(low) else low


def required_literals(pattern: str) -> list[Literals] | None:
    """Sets of strings (lowered), each such that one of its strings occurs in
    every match of ``pattern``; None when no useful set could be read."""
    if _sre_parse is None or _FUZZY.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": syntax the two engines read differently
            parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-only syntax (\p{L}, variable lookbehind...): unfiltered
        return None
    found = [frozenset(fold(s) for s in conjunct) for conjunct in _conjuncts(list(parsed))]
    return found or None


def _selective(literal: str) -> bool:
    return len(literal) >= MIN_LITERAL or any(ord(c) >= _WIDE for c in literal)


def _strength(found: Literals) -> tuple[int, int]:
    return min(len(s) if not any(ord(c) >= _WIDE for c in s) else STRONG_LITERAL + len(s) for s in found), -len(found)


def _conjuncts(items: list) -> list[Literals]:
    """Every item of a sequence must match, so each item's sets are necessary;
    a run of plain characters is one literal string. Only selective sets
    (every string long enough to be rare) are kept."""
    out: list[Literals] = []
    run: list[str] = []

    def end_run() -> None:
        if run and _selective(word := "".join(run)):
            out.append(frozenset((word,)))
        run.clear()

    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        end_run()
        out.extend(_item(op, arg))
    end_run()
    if len(out) > 1:  # a word as common as "you" or "for" only costs time to count
        strong = [found for found in out if _strength(found)[0] >= STRONG_LITERAL]
        out = strong or out  # all short: the text decides which is rarest
    return out


def _item(op, arg) -> list[Literals]:
    if op is _sre.SUBPATTERN:
        return _conjuncts(list(arg[-1]))
    if op is _sre.ATOMIC_GROUP:
        return _conjuncts(list(arg))
    if op is _sre.BRANCH:  # one string from the strongest set of each branch
        union: set[str] = set()
        for branch in arg[1]:
            found = _conjuncts(list(branch))
            if not found:
                return []
            union |= max(found, key=_strength)
        return [frozenset(union)]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = arg
        return _conjuncts(list(inner)) if low >= 1 else []
    return []  # classes, anchors, lookarounds, back-references: no literal


@dataclass(frozen=True)
class Filter:
    """The required literals of one language's concepts, and one automaton over all of them."""

    literals: dict[str, list[list[Literals]]]  # concept -> per pattern, its necessary sets (absent: unfiltered)
    automaton: ahocorasick.Automaton | None

    def hits(self, folded: str) -> dict[str, list[tuple[int, int]]]:
        """Per filtered concept, spans in the folded text of which every match
        of the concept contains one. Each pattern contributes the necessary
        set that is rarest in this text."""
        seen: dict[str, list[tuple[int, int]]] = {}
        if self.automaton is not None:
            for end, literal in self.automaton.iter(folded):
                seen.setdefault(literal, []).append((end + 1 - len(literal), end + 1))
        # How often each necessary set occurs: sets are shared by patterns, and
        # most sets occur nowhere (their pattern then cannot match at all).
        cost: dict[Literals, int] = {}
        out: dict[str, list[tuple[int, int]]] = {}
        for concept, patterns in self.literals.items():
            spans: list[tuple[int, int]] = []
            for conjuncts in patterns:
                rarest, least = None, -1
                for found in conjuncts:
                    count = cost.get(found)
                    if count is None:
                        count = cost[found] = sum(len(seen[s]) for s in found if s in seen)
                    if least < 0 or count < least:
                        rarest, least = found, count
                        if count == 0:
                            break
                if least > 0:
                    for literal in rarest:
                        spans.extend(seen.get(literal, ()))
            spans.sort()
            out[concept] = spans
        return out


@functools.cache
def for_language(lang: str) -> Filter:
    literals: dict[str, list[list[Literals]]] = {}
    for concept in phrases.concepts(lang):
        found = [required_literals(p) for p in phrases.patterns(lang, concept)]
        if found and all(f is not None for f in found):
            literals[concept] = found
    words = {literal for patterns in literals.values() for conjuncts in patterns for found in conjuncts for literal in found}
    if not words:
        return Filter(literals, None)
    automaton = ahocorasick.Automaton()
    for literal in words:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return Filter(literals, automaton)


def containing(spans: list[tuple[int, int]], starts: list[int], ends: list[int]) -> set[int]:
    """The indices of the ranges (``starts``, ``ends``: sorted, disjoint) that
    wholly contain one of ``spans``."""
    found: set[int] = set()
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= ends[i]:
            found.add(i)
    return found


# --- where a gated concept can match at all ---------------------------------
#
# A concept's necessary literals also say where a match can start: a match
# holds one literal of each of its pattern's necessary sets, and a pattern
# that consumes at most W characters starts no earlier than W characters
# before the end of that literal. Trying the pattern only at those starts
# finds what a scan of the whole text finds (tests/test_scan_gates.py).


@functools.cache
def max_widths(lang: str, concept: str) -> tuple[int | None, ...] | None:
    """Per pattern of the concept, the most characters a match consumes
    (None: no bound); None when a pattern could not be read. Lookarounds
    consume nothing; with simple case folding one character matches one."""
    if _sre_parse is None:
        return None
    widths: list[int | None] = []
    for pattern in phrases.patterns(lang, concept):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                low, high = _sre_parse.parse(pattern, re.IGNORECASE).getwidth()
        except Exception:  # noqa: BLE001 - regex-only syntax: no bound known
            return None
        if low == 0:  # an empty match: a scan would step past it, a start list cannot say how
            return None
        widths.append(high if high < _sre.MAXREPEAT else None)
    return tuple(widths)


def match_starts(lang: str, concept: str, seen: dict[str, list[int]]) -> list[int] | None:
    """Sorted positions where a match of the concept can start, given
    ``seen``: each required literal's start positions in the folded text
    (every literal of the concept's necessary sets found there must be in
    it). None when that cannot be bounded (an unfiltered concept, or a
    pattern of unbounded width whose literals occur): scan the whole text."""
    patterns = for_language(lang).literals.get(concept)
    widths = max_widths(lang, concept)
    if patterns is None or widths is None or len(widths) != len(patterns):
        return None
    starts: set[int] = set()
    for conjuncts, width in zip(patterns, widths, strict=True):
        rarest, least = None, -1
        for found in conjuncts:
            count = sum(len(seen.get(s, ())) for s in found)
            if least < 0 or count < least:
                rarest, least = found, count
        if not least:
            continue  # a necessary set that occurs nowhere: the pattern cannot match
        if width is None:
            return None
        for literal in rarest:
            for at in seen.get(literal, ()):
                starts.update(range(max(0, at + len(literal) - width), at + 1))
    return sorted(starts)


def finditer_at(pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """What ``pattern.finditer(text)`` finds, trying only ``starts`` (a
    superset of the positions where a match can start, sorted); matches are
    not empty (``max_widths``)."""
    found: list[tuple[int, int]] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            found.append(m.span())
            pos = m.end()
    return found
