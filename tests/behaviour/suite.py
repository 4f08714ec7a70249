"""The behavioural suite (CheckList style) for the intent rules: canonical
breaches and their perturbations must fire the rule (minimum functionality,
invariance); compliant near-misses must not.

Hand-written cases live in cases_en.py and cases_i18n.py; this module adds
the mechanical perturbations (a hard line break inside the text, a
one-letter typo in its longest word) and writes the suite as a labelled
corpus for ``checkmsg eval --by-perturbation``:

    .venv/bin/python -m tests.behaviour.suite > /tmp/behaviour.jsonl
    .venv/bin/checkmsg eval /tmp/behaviour.jsonl --by-perturbation
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import regex

from . import (
    cases_en,
    cases_holdout,
    cases_holdout2,
    cases_holdout3,
    cases_holdout4,
    cases_holdout5,
    cases_holdout6,
    cases_holdout7,
    cases_holdout8,
    cases_holdout9,
    cases_i18n,
)

NEAR_MISS = "near_miss"
CANONICAL = "canonical"
# Perturbations made here from every canonical case.
LINE_BREAK, TYPO = "line_break", "typo"
# Held-out cases, each batch written before a round of tuning (cases_holdout*.py).
HOLDOUT, HOLDOUT_NEAR_MISS = "holdout", "holdout_near_miss"
HOLDOUT2, HOLDOUT2_NEAR_MISS = "holdout2", "holdout2_near_miss"
HOLDOUT3, HOLDOUT3_NEAR_MISS = "holdout3", "holdout3_near_miss"
HOLDOUT4, HOLDOUT4_NEAR_MISS = "holdout4", "holdout4_near_miss"
HOLDOUT5, HOLDOUT5_NEAR_MISS = "holdout5", "holdout5_near_miss"
HOLDOUT6, HOLDOUT6_NEAR_MISS = "holdout6", "holdout6_near_miss"
HOLDOUT7, HOLDOUT7_NEAR_MISS = "holdout7", "holdout7_near_miss"
HOLDOUT8, HOLDOUT8_NEAR_MISS = "holdout8", "holdout8_near_miss"
HOLDOUT9, HOLDOUT9_NEAR_MISS = "holdout9", "holdout9_near_miss"


@dataclass(frozen=True)
class Case:
    rule: str
    lang: str
    perturbation: str
    text: str

    @property
    def should_fire(self) -> bool:
        return not self.perturbation.endswith(NEAR_MISS)

    def item(self, number: int) -> dict:
        """As a corpus line for ``checkmsg eval`` (the rule expected, or none)."""
        return {
            "id": f"b{number:04d}",
            "text": self.text,
            "context": {"buyer_language": self.lang, "proactive": False},
            "expect": [self.rule] if self.should_fire else [],
            "rule": self.rule,
            "perturbation": self.perturbation,
        }


_LATIN_WORD = regex.compile(r"\b\p{Latin}{6,}\b")
# Japanese wraps after a particle or comma more often than inside a word.
_JA_BREAK = regex.compile(r"[をにはがのでと、]")


def with_line_break(text: str, lang: str) -> str:
    """The text hard-wrapped once, near its middle."""
    middle = len(text) // 2
    if lang == "ja":
        spots = [m.end() for m in _JA_BREAK.finditer(text) if m.end() < len(text) - 1]
        if not spots:
            return text[:middle] + "\n" + text[middle:]
        at = min(spots, key=lambda i: abs(i - middle))
        return text[:at] + "\n" + text[at:]
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda i: abs(i - middle))
    return text[:at] + "\n" + text[at + 1 :]


def with_typo(text: str) -> str | None:
    """One letter wrong in the longest word (two inner letters swapped, or one
    dropped when they are the same); None when no word is long enough."""
    words = list(_LATIN_WORD.finditer(text))
    if not words:
        return None
    m = max(words, key=lambda w: (len(w.group()), -w.start()))
    word = m.group()
    if word[2] != word[3]:
        typo = word[:2] + word[3] + word[2] + word[4:]
    else:
        typo = word[:3] + word[4:]
    return text[: m.start()] + typo + text[m.end() :]


def _derived(rule: str, lang: str, text: str) -> list[Case]:
    out = [Case(rule, lang, LINE_BREAK, with_line_break(text, lang))]
    typo = with_typo(text) if lang != "ja" else None
    if typo is not None:
        out.append(Case(rule, lang, TYPO, typo))
    return out


def cases() -> list[Case]:
    out: list[Case] = []
    for rule, table in cases_en.CASES.items():
        for perturbation, texts in table.items():
            for text in texts:
                out.append(Case(rule, "en", perturbation, text))
                if perturbation == CANONICAL:
                    out.extend(_derived(rule, "en", text))
    for lang, rules in cases_i18n.CASES.items():
        for rule, table in rules.items():
            for perturbation, texts in table.items():
                for text in texts:
                    out.append(Case(rule, lang, perturbation, text))
                    if perturbation == CANONICAL:
                        out.extend(_derived(rule, lang, text))
    batches = (
        (cases_holdout, HOLDOUT, HOLDOUT_NEAR_MISS),
        (cases_holdout2, HOLDOUT2, HOLDOUT2_NEAR_MISS),
        (cases_holdout3, HOLDOUT3, HOLDOUT3_NEAR_MISS),
        (cases_holdout4, HOLDOUT4, HOLDOUT4_NEAR_MISS),
        (cases_holdout5, HOLDOUT5, HOLDOUT5_NEAR_MISS),
        (cases_holdout6, HOLDOUT6, HOLDOUT6_NEAR_MISS),
        (cases_holdout7, HOLDOUT7, HOLDOUT7_NEAR_MISS),
        (cases_holdout8, HOLDOUT8, HOLDOUT8_NEAR_MISS),
        (cases_holdout9, HOLDOUT9, HOLDOUT9_NEAR_MISS),
    )
    for module, breach, near in batches:
        for rule, table in module.CASES.items():
            out.extend(Case(rule, lang, breach, text) for lang, text in table["breach"])
            out.extend(Case(rule, lang, near, text) for lang, text in table["near_miss"])
    return out


def main() -> int:
    for number, case in enumerate(cases(), start=1):
        print(json.dumps(case.item(number), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
