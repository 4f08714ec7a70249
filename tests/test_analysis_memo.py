"""Document.analysis's per-document memo gives what frames.analyse computes afresh."""

from __future__ import annotations

import datetime as dt

from checks import Context, Draft, phrases
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


def test_a_shared_memo_serves_each_language_its_own_analysis() -> None:
    """A re-check's document shares the draft's memo: a sentence analysed in one
    language is not taken for its analysis in another."""
    shared: dict = {}
    searched: dict = {}
    english = Document.build(Draft(text=TEXT, context=Context(buyer_language="en")), CheckSettings(), dt.date(2026, 11, 21), analysed=shared, searched=searched)
    german = Document.build(Draft(text=TEXT, context=Context(buyer_language="de")), CheckSettings(), dt.date(2026, 11, 21), analysed=shared, searched=searched)
    german.__dict__["phrase_language"] = "de"  # as if the same sentences had been read as German
    try:
        assert english.phrase_language != german.phrase_language
        for one, other in zip(english.sentences, german.sentences, strict=True):
            assert english.analysis(one) == analyse.__wrapped__(one.text, english.phrase_language)
            assert german.analysis(other) == analyse.__wrapped__(other.text, german.phrase_language)
            for concept in sorted(set(phrases.concepts("en")) & set(phrases.concepts("de"))):
                for doc, sentence in ((english, one), (german, other)):
                    pattern = phrases.pattern(doc.phrase_language, concept)
                    fresh = pattern.search(sentence.text) if pattern is not None else None
                    memo = doc.sentence_has(sentence, concept)
                    assert (memo and memo.span()) == (fresh and fresh.span()), (concept, doc.phrase_language, sentence.text)
        assert {key[-1] for key in searched} == {"en", "de"}  # each language's searches kept apart
        again = Document.build(Draft(text=TEXT, context=Context(buyer_language="en")), CheckSettings(), dt.date(2026, 11, 21), analysed=shared)
        assert all(again.analysis(s) is english.analysis(s) for s in again.sentences)
    finally:
        english.release()
        german.release()
