"""Frames: an intent as concepts with roles, in any order, inside a clause.

A sentence is read once into an :class:`Analysis`: its tokens
(checks/tokens.py) and, per lexicon concept (checks/lexicon.py), where the
concept stands. Rules then ask role questions of one sentence or of a
sentence and its neighbour ("You left feedback. Could you take it down?"):
is there a value, a review act, a link of exchange between them; is this
concept negated. Word order, passive voice and padding do not change which
concepts a clause holds, so they do not change the answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from . import lexicon, tokens
from .tokens import Token

# Tokens between a negation and what it negates ("we will not offer any refund").
NEGATION_SCOPE = 4


class Tokens(Sequence):
    """A sentence's tokens, kept as plain tuples: thousands of analyses stay
    cached, and the garbage collector stops walking plain tuples of numbers
    and strings after one pass, while it walks every ``Token`` (a tuple
    subclass) on every pass. Indexing gives ``Token`` objects as before."""

    __slots__ = ("rows",)

    def __init__(self, toks: Iterable[Token]) -> None:
        self.rows = tuple(tuple(t) for t in toks)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):  # noqa: ANN001 - an index or a slice
        if isinstance(i, slice):
            return [_token(Token, row) for row in self.rows[i]]
        return _token(Token, self.rows[i])

    def __iter__(self) -> Iterator[Token]:
        for row in self.rows:
            yield _token(Token, row)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tokens) and other.rows == self.rows

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


_token = tuple.__new__


@dataclass(frozen=True)
class Analysis:
    text: str
    tokens: Tokens
    hits: dict[str, tuple[tuple[int, int], ...]]
    # Token distances are words; a Chinese or Japanese token is one character,
    # so their distances are this many times longer.
    scale: int = 1
    # What the rules' judgements (:func:`judgement`) found in this sentence.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def has(self, *concepts: str) -> bool:
        return any(c in self.hits for c in concepts)

    def ranges(self, *concepts: str) -> Sequence[tuple[int, int]]:
        if len(concepts) == 1:  # already in text order (checks/lexicon.py matches left to right)
            return self.hits.get(concepts[0], ())
        out: list[tuple[int, int]] = []
        for c in concepts:
            out.extend(self.hits.get(c, ()))
        return sorted(out)

    def span(self, rng: tuple[int, int]) -> tuple[int, int]:
        """Offsets in the sentence's text of a token range."""
        return self.tokens[rng[0]].start, self.tokens[rng[1] - 1].end

    def negated(self, rng: tuple[int, int], scope: int = NEGATION_SCOPE, after: int | None = None) -> bool:
        """A negation stands just before the range (or, for a Japanese or Chinese
        verb, just after it: レビューを書かないで); with ``after``, also in the
        range or up to that many tokens after it (German and Italian verbs come
        last: "Gutscheine können wir leider nicht vergeben")."""
        idioms = self.hits.get("not_negation", ())
        for start, _end in self.hits.get("negation", ()):
            if any(i[0] <= start < i[1] for i in idioms):
                continue  # "if it's no trouble", "no matter"
            if rng[0] - scope <= start < rng[0]:
                return True
            if after is not None and rng[0] <= start <= rng[1] + after:
                return True
            if self._cjk(start) and rng[1] <= start <= rng[1] + 2 * scope:
                return True
        return False

    def _cjk(self, i: int) -> bool:
        return tokens._CJK.match(self.tokens[i].text) is not None

    def unnegated(self, *concepts: str, scope: int = NEGATION_SCOPE) -> list[tuple[int, int]]:
        return [r for r in self.ranges(*concepts) if not self.negated(r, scope)]

    def followed(self, first: Iterable[str], then: Iterable[str], within: int) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
        """Pairs (a, b): ``then`` starts at most ``within`` tokens after ``first`` ends."""
        within *= self.scale
        later = self.ranges(*then)
        for a in self.ranges(*first):
            for b in later:
                if a[1] <= b[0] <= a[1] + within:
                    yield a, b

    def near(self, one: Iterable[str], other: Iterable[str], within: int) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
        """Pairs in either order, at most ``within`` tokens apart."""
        within *= self.scale
        others = self.ranges(*other)
        for a in self.ranges(*one):
            for b in others:
                gap = b[0] - a[1] if b[0] >= a[1] else a[0] - b[1]
                if -1 <= gap <= within and a != b:
                    yield a, b


def judgement(read: Callable[..., object]) -> Callable[..., object]:
    """A rule's reading of one sentence from its analysis alone (and hashable
    arguments), memoised on the analysis. Analyses are shared by text
    (:func:`analyse`), so a sentence the rewrite keeps is judged once for the
    draft and its re-check, and a judgement several rules ask for is made
    once. ``read`` must depend on nothing else, and its callers must not
    change what it returns."""

    @functools.wraps(read)
    def judged(a: Analysis, *args: object):
        key = (read, args) if args else read
        memo = a.memo
        if key in memo:
            return memo[key]
        found = memo[key] = read(a, *args)
        return found

    return judged


# Small: every cached analysis is objects the cyclic collector walks.
@functools.lru_cache(maxsize=1024)
def analyse(text: str, lang: str) -> Analysis:
    """The sentence's tokens and concept hits (memoised: templates repeat sentences)."""
    lex = lexicon.for_language(lang)
    toks = tokens.tokenize(text, lex.lang)
    cjk = sum(1 for t in toks if tokens._CJK.match(t.text))
    found = lex.match(toks)
    _compose_reviews(found)
    hits = {concept: tuple(ranges) for concept, ranges in found.items()}  # tuples: see Tokens
    return Analysis(text, Tokens(toks), hits, 3 if cjk * 2 > len(toks) else 1)


# A review described instead of named: the buyer publishes an opinion piece
# where shoppers read it ("pop a few words onto its Amazon page", "post a
# photo of the mat on Amazon", "tell other shoppers what you think").
COMPOSED_REACH = 4  # tokens from the publishing verb to the piece
COMPOSED_REACH_BACK = 6  # from the piece to a verb after it (verb-last German: "wer ein paar Worte ... schreibt")


def _compose_reviews(hits: dict[str, list[tuple[int, int]]]) -> None:
    """Add such a description to the sentence's ``review`` hits (and to
    ``composed_review``): a ``publish`` verb, an ``opinion_piece`` at most
    :data:`COMPOSED_REACH` tokens after it (or :data:`COMPOSED_REACH_BACK`
    before it), and a ``review_venue`` anywhere in the sentence; not a photo
    of a ``problem`` ("a photo of the damage")."""
    venues, pieces = hits.get("review_venue"), hits.get("opinion_piece")
    if not venues or not pieces or "publish" not in hits:
        return
    problems = hits.get("problem", ())
    composed = []
    for verb in hits["publish"]:
        for piece in pieces:
            after = verb[1] <= piece[0] <= verb[1] + COMPOSED_REACH
            before = piece[1] <= verb[0] <= piece[1] + COMPOSED_REACH_BACK
            if (after or before) and not any(piece[1] <= p[0] <= piece[1] + 3 for p in problems):
                composed.append((min(verb[0], piece[0]), max(verb[1], piece[1])))
                break
    if composed:
        hits["composed_review"] = composed
        hits["review"] = sorted({*hits.get("review", ()), *composed})


def sentence_spans(doc, frame: Callable[[Analysis], tuple[int, int] | None]) -> list[tuple[int, int]]:
    """Where ``frame`` finds its intent, sentence by sentence, in text offsets
    (the words of the range it returns)."""
    spans = []
    for sentence in doc.sentences:
        a = doc.analysis(sentence)
        rng = frame(a)
        if rng is not None:
            start, end = a.span(rng)
            spans.append((sentence.start + start, sentence.start + end))
    return spans


def cover(*ranges: tuple[int, int] | None) -> tuple[int, int]:
    """The smallest token range holding every given range."""
    given = [r for r in ranges if r is not None]
    return min(r[0] for r in given), max(r[1] for r in given)
