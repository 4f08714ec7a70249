"""Document.analysis's per-document memo gives what frames.analyse computes afresh."""

from __future__ import annotations

import datetime as dt

from checks import Context, Draft
from checks.document import Document
from checks.frames import analyse
from checks.settings import CheckSettings

TEXT = (
    "Hi Maria,\n\nIf you love the lamp, please leave us a 5-star review! We are out of the office until Monday. "
    "If you love the lamp, please leave us a 5-star review! Wir senden Ihnen 10 € zurück.\n\nBest regards,\nLumiwood"
)


def test_memoised_analysis_equals_a_fresh_one() -> None:
    """Every sentence's memoised analysis equals an uncached analysis of its text, and repeats share one."""
    doc = Document.build(Draft(text=TEXT, context=Context(buyer_language="en")), CheckSettings(), dt.date(2026, 11, 21))
    try:
        for sentence in doc.sentences:
            memo = doc.analysis(sentence)
            fresh = analyse.__wrapped__(sentence.text, doc.phrase_language)
            assert memo == fresh, sentence.text
            assert doc.analysis(sentence) is memo
        repeated = [s for s in doc.sentences if s.text.startswith("If you love")]
        assert len(repeated) == 2 and doc.analysis(repeated[0]) is doc.analysis(repeated[1])
    finally:
        doc.release()
