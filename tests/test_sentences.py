"""Sentence splitting: at sentence punctuation and blank lines, and at a single
line break only where the next line starts a new unit."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

import checks
from checks.document import Document
from checks.models import Draft
from checks.settings import CheckSettings


def split(text: str) -> list[str]:
    doc = Document.build(Draft(text=text), CheckSettings(), dt.date(2026, 12, 1))
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We will send you a gift card\nfor a review.", ["We will send you a gift card\nfor a review."]),
        ("Bitte entfernen Sie die\nBewertung. Danke!", ["Bitte entfernen Sie die\nBewertung.", "Danke!"]),
        ("★5のレビューを\nお願いいたします。", ["★5のレビューを\nお願いいたします。"]),
        ("The parcel left our warehouse this morning and should reach you by\n12 December.", ["The parcel left our warehouse this morning and should reach you by\n12 December."]),
    ],
)
def test_hard_wrapped_sentence_stays_one_sentence(text, expected):
    """A line break inside a sentence does not end it."""
    assert split(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi John,\nThank you for your order.", ["Hi John,", "Thank you for your order."]),
        ("Best regards\nSunny Team", ["Best regards", "Sunny Team"]),
        ("Lumiwood\nservice@lumiwood.com", ["Lumiwood", "service@lumiwood.com"]),
        ("Steps:\n- open the box\n- remove the foam", ["Steps:", "- open the box", "- remove the foam"]),
        ("First line\n\nsecond paragraph", ["First line", "second paragraph"]),
        ("We are sorry about the delay with the order from last week\nThe new parcel is on its way.",
         ["We are sorry about the delay with the order from last week", "The new parcel is on its way."]),
    ],
)
def test_line_that_starts_a_new_unit_is_a_new_sentence(text, expected):
    """Greetings, signatures, list items, paragraphs and capitalised new lines stay apart."""
    assert split(text) == expected


def test_wrapped_lines_raise_no_grammar_finding_per_line():
    """style.grammar does not flag the lower-case start of each wrapped line."""
    text = (
        "We are sorry that the lamp arrived with a cracked shade. A new shade\n"
        "left our warehouse this morning and the carrier expects to deliver it\n"
        "on Friday. Please reply here if the\nbase is damaged as well."
    )
    report = asyncio.run(checks.check(checks.Draft(text=text)))
    assert [f for f in report.findings if f.rule == "style.grammar"] == []
