"""The phrase prefilter (checks/prefilter.py) skips a sentence only when the
concept cannot match it: with and without the filter, every phrase question
gets the same answer."""

from __future__ import annotations

import datetime as dt

import pytest
import regex
import test_rules_en  # the rule tests: their texts are the phrases to compare on
import test_rules_i18n

from checks import phrases, prefilter
from checks.document import Document
from checks.models import Context, Draft
from checks.rules import all_rules
from checks.settings import CheckSettings


def _literals(pattern: str) -> list[set[str]] | None:
    found = prefilter.required_literals(pattern)
    return None if found is None else [set(f) for f in found]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bthank\s+you\b", [{"thank"}]),  # "you" is too common to be worth counting
        (r"\bus\b", [{"us"}]),  # two letters will do when nothing longer is needed
        (r"\b(?:wechat|qq)\b", [{"wechat", "qq"}]),
        (r"\b(?:leave|write)\s+(?:a\s+)?review\b", [{"leave", "write"}, {"review"}]),
        (r"Gutschein(?:code)?", [{"gutschein"}]),
        (r"(?:free|gratis)\s+(?:\w+\s+){0,2}gift", [{"free", "gratis"}, {"gift"}]),
        (r"(?:coupon)++\s*code", [{"coupon"}, {"code"}]),
        (r"評価", [{"評価"}]),  # one CJK word is selective
        (r"★", [{"★"}]),
        (r"\w+ing\b", [{"ing"}]),  # a word ending is still necessary
    ],
)
def test_required_literals(pattern, expected):
    assert _literals(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+\s+\d+",  # no literal at all
        r"\b[xy]\b",  # one letter is no filter
        r"(?:review|\d+\s*[*★])",  # one branch has no literal
        r"(?:review)?\s*n\b",  # an optional literal, a one-letter one
        r"(?<=\p{L}{2,})review",  # regex-only syntax: not read, left unfiltered
        r"[[:alpha:]]+review",  # read differently by the two engines
        r"(?:review){e<=1}",  # fuzzy matching: regex only
        r"(?:coupon){i<=1,d<=1}",
    ],
)
def test_patterns_without_a_usable_literal_stay_unfiltered(pattern):
    assert prefilter.required_literals(pattern) is None


def test_fold_keeps_length_and_equates_case_forms():
    # long s, Kelvin sign, final sigma: one form each, as case-insensitive matching sees them
    assert prefilter.fold("THANKſ") == "thanks"
    assert prefilter.fold("ＴＥＬ：０９０\u3000x") == "tel:090 x"  # full-width, as extract.narrow reads it
    assert prefilter.fold("\u212aIT") == "kit"
    assert prefilter.fold("ΟΔΟΣ") == prefilter.fold("οδος") == prefilter.fold("οδοσ")
    text = "İstanbul THANK you"  # "İ".lower() is two characters
    assert len(prefilter.fold(text)) == len(text)
    assert prefilter.fold(text) == "istanbul thank you"  # case-insensitive patterns match "İ" where they want "i"


def _texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for _rule, body in test_rules_en.FIRES + test_rules_en.QUIET:
        out.append(("en", body))
    for lang, _rule, body in test_rules_i18n.FIRES + test_rules_i18n.QUIET:
        out.append((lang, test_rules_i18n.FRAME[lang][1].format(body=body)))
    for rule in all_rules().values():
        for example in (rule.violating, rule.compliant):
            out.append((example.context.get("buyer_language") or "en", example.text))
    # Case variants: the filter reads lowered text, the patterns ignore case.
    out += [(lang, text.upper()) for lang, text in out] + [(lang, text.title()) for lang, text in out]
    return out


def test_prefilter_answers_as_the_patterns_do():
    settings = CheckSettings()
    matched = skipped = 0
    for lang, text in _texts():
        doc = Document.build(Draft(text=text, context=Context(buyer_language=lang)), settings, dt.date(2026, 11, 21))
        for concept in phrases.concepts(doc.phrase_language):
            pat = phrases.pattern(doc.phrase_language, concept)
            for sentence in doc.sentences:
                expected = pat.search(sentence.text)
                got = doc.sentence_has(sentence, concept)
                assert (got is None) == (expected is None), (lang, concept, sentence.text)
                if expected is not None:
                    matched += 1
                elif concept in doc.candidates and sentence.index not in doc.candidates[concept]:
                    skipped += 1
            every = [(s.span_of(m), m.group()) for s in doc.sentences for m in pat.finditer(s.text)]
            assert [(span, m.group()) for span, m in doc.finditer(concept)] == every, (lang, concept, text)
    # The check has teeth: many matches were compared, and the filter did skip work.
    assert matched > 500
    assert skipped > 10 * matched


def test_most_concepts_are_filtered():
    for lang in ("en", "de", "fr", "es", "it", "ja"):
        filtered = prefilter.for_language(lang).literals
        assert len(filtered) >= 0.75 * len(phrases.concepts(lang)), lang


def test_a_sentence_without_the_words_is_not_searched(monkeypatch):
    doc = Document.build(
        Draft(text="The shelf ships tomorrow. Please leave a review when it arrives.", context=Context(buyer_language="en")),
        CheckSettings(),
        dt.date(2026, 11, 21),
    )
    searched: list[str] = []
    real = phrases.pattern("en", "review_request")

    class Spy:
        def search(self, text, *args):
            searched.append(text)
            return real.search(text, *args)

    monkeypatch.setattr(doc, "phrase", lambda concept: Spy() if concept == "review_request" else phrases.pattern("en", concept))
    assert [s.text for s, _ in doc.matches("review_request")] == ["Please leave a review when it arrives."]
    assert searched == ["Please leave a review when it arrives."]
    assert isinstance(real, regex.Pattern)


async def test_a_full_width_phone_keyword_still_opens_the_keyword_scan():
    from checks import check

    text = "山田様\n\nご不明な点は ＴＥＬ：０３１２３４５６７ までどうぞ。\n\nAcme"
    report = await check(Draft(text=text, context=Context(buyer_language="ja", marketplace="amazon.co.jp")))
    assert "contact.phone" in report.rule_ids()
    plain = text.replace("ＴＥＬ：", "")  # without the keyword the number is not reported
    report = await check(Draft(text=plain, context=Context(buyer_language="ja", marketplace="amazon.co.jp")))
    assert "contact.phone" not in report.rule_ids()
