"""Language: the buyer's language, and passages left in another one."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import language
from ..document import Document
from ..models import Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Permitted proactive messages': the buyer's preferred language"

_CJK_RUN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}](?:[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{P}\p{N}\p{Zs}ー]{0,400})",
    regex.V1,
)
_LATIN_WORD = regex.compile(r"\b\p{Latin}{2,}\b", regex.V1)
_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", regex.V1)
_CJK_LANGS = {"zh", "ja", "ko"}


def main_language(doc: Document) -> tuple[str | None, float]:
    """The draft's language, judged on its dominant script."""
    text = doc.text
    cjk = len(_CJK_CHAR.findall(text)) if not text.isascii() else 0
    if cjk == 0:
        return doc.detected
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    if cjk * 2 >= latin:
        only_cjk = " ".join(m.group() for m in _CJK_RUN.finditer(text))
        return language.detect(only_cjk)
    return language.detect(_CJK_RUN.sub(" ", text))


@register
class LanguageMismatch(Rule):
    """The draft is not in the buyer's preferred language.

    Why: proactive messages and replies must be in the buyer's preferred
    language: the one in ``buyer_language``, else the marketplace's.
    """

    id = "lang.mismatch"
    severity = Severity.ERROR
    message = "The draft is in {found}, but the buyer's language is {expected}."
    guideline = f"Write in the buyer's preferred language (else the marketplace's). ({SECTION})"
    needs = (("buyer_language", "marketplace"),)
    violating = Example("We are sorry: your espresso machine will ship two days late.", {"marketplace": "amazon.fr"})
    compliant = Example("Nous sommes désolés : votre machine à expresso partira avec deux jours de retard.", {"marketplace": "amazon.fr"})

    def find(self, doc: Document) -> Iterator[Hit]:
        expected = language.expected_languages(doc.context.buyer_language, doc.context.marketplace)
        if not expected:
            return
        found, score = main_language(doc)
        if found is None or score < language.CONFIDENT or found in expected:
            return
        yield Hit(message=self.message.format(found=found, expected=" or ".join(expected)))


@register
class LanguageMixed(Rule):
    """A passage in another language or script is left in the draft, such as
    an internal Chinese note in an English message.

    Why: the whole message must be in the buyer's language; leftover notes
    also leak internal instructions to the buyer.
    """

    id = "lang.mixed"
    severity = Severity.WARNING
    message = "This passage is in {lang}, not in the language of the rest of the draft ({main})."
    guideline = f"The whole message is in the buyer's language; remove notes and passages in other languages. ({SECTION})"
    violating = Example("We are sending a replacement adapter free of charge.\n（备注：客户上次投诉过，语气要客气一点）")
    compliant = Example("We are sending a replacement adapter free of charge.\nBest regards,\nLumiwood")

    def find(self, doc: Document) -> Iterator[Hit]:
        main, score = main_language(doc)
        if main is None:
            return
        for span, lang in _foreign_passages(doc, main, score):
            yield Hit(span, self.message.format(lang=lang, main=main))


def _foreign_passages(doc: Document, main: str, main_score: float) -> Iterator[tuple[tuple[int, int], str]]:
    text = doc.text
    cjk_main = main in _CJK_LANGS
    # Runs of CJK script.
    if not text.isascii():
        for m in _CJK_RUN.finditer(text):
            run = m.group().rstrip()
            chars = len(_CJK_CHAR.findall(run))
            if chars < 2:
                continue
            span = (m.start(), m.start() + len(run))
            if not cjk_main:
                lang, _ = language.detect(run)
                yield span, lang or "another script"
            elif chars >= 6 and not language.has_kana(run) and main == "ja":
                lang, conf = language.detect(run)
                if lang == "zh" and conf >= 0.8:
                    yield span, lang
            elif main == "zh" and language.has_kana(run):
                yield span, "ja"
    # Sentences in another Latin-script language (or any Latin prose in CJK text).
    if main_score < 0.8 and not cjk_main:
        return
    for sentence in doc.sentences:
        words = _LATIN_WORD.findall(sentence.text)
        if len(words) < (4 if cjk_main else 5):
            continue
        latin_only = _CJK_RUN.sub(" ", sentence.text)
        lang, conf = language.detect(latin_only)
        if lang and lang != main and conf >= 0.85:
            yield (sentence.start, sentence.end), lang
