"""Clause-level edits: remove the clause that breaks a rule, with what only
served it, and keep the rest of the sentence as a sentence.

A sentence falls into clauses at commas, semicolons, colons and dashes, and
before a connective ("and", "if", "so", per language in
``phrases/rewrite.toml [clauses.<lang>]``). The clauses holding a finding go;
so do the dependent clauses right after them ("... so we can fix it"), a
subordinate opening left without its main clause ("Now that ..."), and a
connective left at the start. The rest keeps the sentence's capital and its
closing punctuation. The caller decides whether what is left is worth
keeping (it must hold the facts and some words of its own); the re-check
decides whether it may be sent.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from importlib import resources

import regex

# Where a clause ends: punctuation inside a sentence (kept with the clause before it).
_PUNCT_CUT = regex.compile(r"[,;:，；：]\s+|\s+[–—]\s+|\s+-\s+")
_TERMINAL = regex.compile(r"[\s.!?。！？…]*$")
_ORDER_ID = regex.compile(r"\d{3}-\d{7}-\d{7}")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("checks").joinpath("phrases", "rewrite.toml").read_text("utf-8")
    return tomllib.loads(raw).get("clauses", {})


def words(lang: str, key: str) -> list[str]:
    """The clause words ``key`` of ``lang`` (none for a language without a table)."""
    return _table().get(lang, {}).get(key, [])


def _alternation(lang: str, key: str) -> str | None:
    """The words ``key`` of ``lang`` as one regex alternation, longest first."""
    listed = sorted(words(lang, key), key=len, reverse=True)
    return "|".join(regex.escape(w) for w in listed) if listed else None


# Formats per use: at the start of a text; before a connective (a cut point); anywhere.
# A word boundary after Latin words; Chinese and Japanese words run on without one.
_SHAPES = {
    "start": r"^\s*(?:{})(?:\b|(?<=[^\p{{Latin}}\p{{N}}_]))[\s,、]*",
    "cut": r"\s(?=(?:{})\b)",
    "anywhere": r"(?:^|(?<=[^\p{{L}}]))(?:{})(?:$|(?=[^\p{{L}}])|(?<=[^\p{{Latin}}]))",
}


@functools.lru_cache(maxsize=64)
def _pattern(lang: str, key: str, shape: str) -> regex.Pattern | None:
    alternatives = _alternation(lang, key)
    return None if alternatives is None else regex.compile(_SHAPES[shape].format(alternatives), regex.IGNORECASE)


def _starts(lang: str, key: str) -> regex.Pattern | None:
    return _pattern(lang, key, "start")


def _connective_cut(lang: str) -> regex.Pattern | None:
    return _pattern(lang, "connectives", "cut")


def _mentions(lang: str) -> regex.Pattern | None:
    return _pattern(lang, "mentions", "anywhere")


def mentions(lang: str, text: str) -> bool:
    """``text`` points back at a review, rating or offer named before ("the feedback")."""
    pattern = _mentions(lang)
    return pattern is not None and pattern.search(text) is not None


def starts_with(lang: str, key: str, text: str) -> regex.Match | None:
    pattern = _starts(lang, key)
    return pattern.match(text) if pattern is not None else None


def pieces(text: str, lang: str) -> list[tuple[int, int]]:
    """The clauses of a sentence ``text`` (without its closing punctuation), as spans."""
    cuts = {0, len(text)}
    for m in _PUNCT_CUT.finditer(text):
        cuts.add(m.end())
    pattern = _connective_cut(lang)
    if pattern is not None:
        for m in pattern.finditer(text):
            cuts.add(m.end())
    points = sorted(cuts)
    return [(a, b) for a, b in itertools.pairwise(points) if text[a:b].strip()]


# The short word that introduced a removed phrase ("via PayPal", "on WhatsApp").
_LEAD_IN = regex.compile(r"\s(?:via|through|by|on|at|to|with|using|per|über|par|por|tramite|su)\s*$", regex.IGNORECASE)


def _shrink(body: str, piece: tuple[int, int], hits: list[tuple[int, int]]) -> str | None:
    """A clause that also holds a fact keeps it: only the short phrases of
    ``hits`` go (with the word that introduced them); None when a hit is long."""
    start, end = piece
    inside = sorted((max(s, start), min(e, end)) for s, e in hits if s < end and start < e)
    if any(len(body[s:e].split()) > 3 for s, e in inside):  # an address is one token, however many dots
        return None
    out, pos = [], start
    for s, e in inside:
        before = body[pos:s]
        lead = _LEAD_IN.search(before)
        if lead is None:  # only a phrase that a preposition introduced can go alone ("via PayPal")
            return None
        out.append(before[: lead.start()])
        pos = max(pos, e)
    out.append(body[pos:end])
    text = "".join(out)
    return text if word_count(text) >= 2 else None


def cut(sentence: str, hits: list[tuple[int, int]], lang: str, keep: list[tuple[int, int]] = (),
        apart: bool = False) -> str | None:
    """``sentence`` without the clauses that overlap ``hits`` (offsets within
    the sentence) and what only served them; a clause that holds one of the
    ``keep`` spans (facts) loses only the hit's short phrase. ``apart``: the
    request goes whole, only a clause set apart from it by a semicolon, colon
    or dash stays ("The problem is solved; could you delete the review?").
    None when no clause is left or the language has no clause table."""
    if not _table().get(lang):
        return None
    body_end = _TERMINAL.search(sentence).start()
    body, terminal = sentence[:body_end], sentence[body_end:].strip()
    parts = pieces(body, lang)
    hit = [any(s < e2 and s2 < e for s2, e2 in hits) for s, e in parts]
    doomed = _whole(body, parts, hit, lang) if apart else list(hit)
    shrunk: dict[int, str] = {}
    for i, (s, e) in enumerate(parts):
        if hit[i] and any(s <= ks and ke <= e for ks, ke in keep):
            text = _shrink(body, (s, e), hits)
            if text is not None:
                shrunk[i], doomed[i] = text, False
    if all(doomed) or not (any(doomed) or shrunk):
        return None
    # A removed clause that opens the sentence takes the rest along unless a
    # semicolon or a dash closed it: what follows a comma or a colon depends on it
    # ("Who is too lazy to read, | should not buy ...", "Please keep it: | returns hurt us").
    first_kept = doomed.index(False)
    if first_kept and not ends_with(body[parts[first_kept - 1][0] : parts[first_kept - 1][1]], ";；–—"):
        return None
    # A dependent clause right after a removed one served it ("so we can fix it").
    for i in range(1, len(parts)):
        piece = body[parts[i][0] : parts[i][1]]
        explains = ends_with(body[parts[i - 1][0] : parts[i - 1][1]], ":：")
        if doomed[i - 1] and not doomed[i] and i not in shrunk and (explains or starts_with(lang, "dependent", piece)):
            doomed[i] = True
    # The clause before a removed dependent clause goes with it when its last word
    # points at it ("we would appreciate it | if you updated your review"), or when
    # the removed clause was its condition: without it the clause would say something
    # else ("We would be grateful | if you removed the review", "We refund you | if …").
    for i in range(len(parts) - 1, 0, -1):
        piece = body[parts[i][0] : parts[i][1]]
        before = body[parts[i - 1][0] : parts[i - 1][1]]
        if hit[i] and not doomed[i - 1] and i - 1 not in shrunk and (
                (starts_with(lang, "dependent", piece) and last_word(before).lower() in words(lang, "references"))
                or starts_with(lang, "conditions", piece)):
            doomed[i - 1] = True
    if all(doomed):
        return None
    # Kept clauses must run on from one another: text on both sides of a removed
    # middle clause rarely makes a sentence ("If it does not charge, ... not our product").
    # A label closed by a colon ("Order 113-…:") stands apart, and may lose the clause after it.
    alive = [i for i, gone in enumerate(doomed) if not gone]
    first = body[parts[alive[0]][0] : parts[alive[0]][1]]
    labelled = ends_with(first, ":：") and word_count(_ORDER_ID.sub("", first)) <= 3
    rest = alive[1:] if labelled else alive
    if labelled and not rest:
        return None  # the label alone says nothing
    if rest and rest[-1] - rest[0] + 1 != len(rest) or (labelled and rest and rest[0] == alive[0] + 1 and len(rest) != len(alive) - 1):
        return None
    kept = [shrunk.get(i, body[s:e]) for i, ((s, e), gone) in enumerate(zip(parts, doomed, strict=True)) if not gone]
    if not kept:
        return None
    text = "".join(kept).strip()
    # A subordinate opening whose main clause went: a condition says nothing on its
    # own ("If it's not too much trouble,"), a stated fact stays ("Now that X was replaced,").
    main_gone = any(doomed[1:]) and not doomed[0]
    if main_gone and starts_with(lang, "conditions", text) is not None:
        return None
    opener = starts_with(lang, "openers", text) if main_gone else None
    if opener is not None:
        text = text[opener.end() :]
    elif main_gone and not _stands_alone(body, parts, doomed, lang):
        return None  # "Por el retraso del pedido …,": a phrase that led into the removed clause
    lead = starts_with(lang, "connectives", text)
    if lead is not None:
        text = text[lead.end() :]
    text = text.strip().rstrip(",;:，；：–—- ").strip()
    if not _WORD.search(text):
        return None
    if sentence[:1].isupper() or not sentence[:1].isalpha():
        text = text[:1].upper() + text[1:]
    if terminal[:1] == "?" and (doomed[-1] or opener is not None):
        terminal = "."  # the question was the removed part
    return text + (terminal[:1] or ".")


def _whole(body: str, parts: list[tuple[int, int]], doomed: list[bool], lang: str) -> list[bool]:
    """The removed clauses take along what is joined to them by a comma: the
    clauses after them, and the clause before them unless the removed one
    opens with a connective that does not make it a consequence ("It ships
    today, | but could you …" keeps "It ships today"; "The carrier was late, |
    so we ask you to remove …" gives a reason for the request, and goes).
    A clause set apart by a semicolon, colon or dash stays."""
    doomed = list(doomed)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(parts)):
            if doomed[i - 1] == doomed[i] or ends_with(body[parts[i - 1][0] : parts[i - 1][1]], ";；:：–—"):
                continue
            piece = body[parts[i][0] : parts[i][1]]
            if doomed[i] and starts_with(lang, "connectives", piece) and not starts_with(lang, "consequences", piece):
                continue
            doomed[i - 1] = doomed[i] = changed = True
    return doomed


_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _stands_alone(body: str, parts: list[tuple[int, int]], doomed: list[bool], lang: str) -> bool:
    """What is kept before the first removed clause is a clause of its own: a
    semicolon, colon or dash closed it, or the removed clause opened with a
    connective ("…, so use code …"), not just a comma ("For the delay, use …")."""
    first_gone = doomed.index(True)
    before = body[parts[first_gone - 1][0] : parts[first_gone - 1][1]]
    if ends_with(before, ";；:：–—"):
        return True
    return starts_with(lang, "connectives", body[parts[first_gone][0] : parts[first_gone][1]]) is not None


def last_word(text: str) -> str:
    """The last word of ``text`` (letters only), or ""."""
    found = regex.search(r"(\p{L}+)\W*$", text)
    return found.group(1) if found else ""


def ends_with(text: str, marks: str) -> bool:
    """``text`` ends on one of ``marks``, trailing whitespace aside."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in marks


def word_count(text: str) -> int:
    """Words in ``text``; in Chinese, Japanese and Korean, two characters count as one word."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2
