"""The draft's main language, and passages left in another language or script."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from . import language, spelling

if TYPE_CHECKING:
    from .document import Document

_SCRIPT = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
CJK_RUN = regex.compile(rf"[{_SCRIPT}](?:[{_SCRIPT}\p{{P}}\p{{N}}\p{{Zs}}ー]{{0,400}})")
_LATIN_WORD = regex.compile(r"\b\p{Latin}{2,}\b")
_CJK_CHAR = regex.compile(rf"[{_SCRIPT}]")
CJK_LANGS = {"zh", "ja", "ko"}
# The commonest function words: a sentence full of them is in that language,
# and needs no per-sentence detection (the costliest part of this module).
_COMMON_WORDS = {
    "en": frozenset("the and to of a you we is for your our in it be on that this with will are have as at if".split()),
    "de": frozenset("der die das und ist nicht sie wir ihr ihre ihnen mit für auf den dem zu ein eine im bitte".split()),
    "fr": frozenset("le la les et est vous nous de des du un une pour votre vos en au dans pas que qui sur".split()),
    "es": frozenset("el la los las y es usted su sus de del un una para en por que con no nos le se".split()),
    "it": frozenset("il la le gli e è di del della un una per in che con non suo sua ci la le si".split()),
}


# A draft this short (in words) is too little for the detector alone.
SHORT_DRAFT_WORDS = 20


def main_language(doc: Document) -> tuple[str | None, float]:
    """The draft's language, judged on its dominant script."""
    text = doc.text
    cjk = len(_CJK_CHAR.findall(text)) if not text.isascii() else 0
    if cjk == 0:
        return _short_draft_checked(doc, *doc.detected)
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    if cjk * 2 >= latin:
        only_cjk = " ".join(m.group() for m in CJK_RUN.finditer(text))
        return language.detect(only_cjk)
    return language.detect(CJK_RUN.sub(" ", text))


def _short_draft_checked(doc: Document, lang: str | None, score: float) -> tuple[str | None, float]:
    """The detector's answer, unless the draft is short and its function words
    say it is in the language the buyer expects: a one-line thank-you in
    English ("For your purchase, thank you so much!") can look Spanish to the
    detector, and would then be spelled and judged as Spanish. The words
    decide only when they are at least two of the expected language's
    commonest and more than the detected language's."""
    expected = language.expected_languages(doc.context.buyer_language, doc.context.marketplace)
    if not expected or lang in expected:
        return lang, score
    words = [w.lower() for w in _LATIN_WORD.findall(doc.text)]
    if len(words) > SHORT_DRAFT_WORDS:
        return lang, score
    detected_common = _COMMON_WORDS.get(lang or "", frozenset())
    for candidate in expected:
        common = _COMMON_WORDS.get(candidate)
        if not common:
            continue
        found = sum(w in common for w in words)
        if found >= 2 and found > sum(w in detected_common for w in words):
            return candidate, max(score, language.CONFIDENT)
    return lang, score


def foreign_passages(doc: Document) -> list[tuple[tuple[int, int], str]]:
    main, score = doc.main_language
    if main is None:
        return []
    return list(itertools.islice(_foreign(doc, main, score), 60))


def _foreign(doc: Document, main: str, main_score: float) -> Iterator[tuple[tuple[int, int], str]]:
    text = doc.text
    cjk_main = main in CJK_LANGS
    if not text.isascii():
        for m in CJK_RUN.finditer(text):
            run = m.group().rstrip()
            chars = len(_CJK_CHAR.findall(run))
            if chars < 2:
                continue
            span = (m.start(), m.start() + len(run))
            if not cjk_main:
                lang, _ = language.detect(run)
                yield span, lang or "another script"
            elif main == "ja" and chars >= 6 and not language.has_kana(run):
                lang, conf = language.detect(run)
                if lang == "zh" and conf >= 0.8:
                    yield span, lang
            elif main == "zh" and language.has_kana(run):
                yield span, "ja"
    if main_score < 0.8 and not cjk_main:
        return
    for sentence in doc.sentences:
        key = (sentence.text, main, cjk_main)
        lang = _JUDGED.get(key, _UNJUDGED)
        if lang is _UNJUDGED:
            failed = language.failure_count()
            lang = _foreign_sentence(*key)
            if language.failure_count() == failed:  # a failed detection is not kept: it is reported each time
                if len(_JUDGED) >= _JUDGED_KEPT:
                    _JUDGED.clear()
                _JUDGED[key] = lang
        if lang is not None:
            yield (sentence.start, sentence.end), lang


# Sentences already judged, by (text, main language, CJK main): templates
# repeat sentences, and a rewrite's re-check holds mostly the draft's.
_JUDGED: dict[tuple[str, str, bool], str | None] = {}
_JUDGED_KEPT = 4096
_UNJUDGED = object()


def _foreign_sentence(text: str, main: str, cjk_main: bool) -> str | None:
    """The language of a sentence not in the draft's main language, else None."""
    common = _COMMON_WORDS.get(main, frozenset())
    words = _LATIN_WORD.findall(text)
    if len(words) < (3 if cjk_main else 4):
        return None
    if common and sum(w.lower() in common for w in words) >= max(2, len(words) // 4):
        return None  # plainly in the main language: spare the detector
    lang, conf = language.detect(CJK_RUN.sub(" ", text))
    if not lang or lang == main:
        return None
    if conf >= 0.9 or (conf >= 0.5 and (cjk_main or _unknown_to_main(words, main))):
        return lang
    return None


def _unknown_to_main(words: list[str], main: str) -> bool:
    """Most words of the passage are not words of the draft's language.

    Only the main language's dictionary is asked (it is loaded anyway for
    spelling); loading another language's costs more than the whole check.
    """
    if not spelling.checkers(main):
        return False
    lower = [w for w in words if w.islower() and len(w) >= 3]
    if len(lower) < 3:
        return False
    return sum(not spelling.correct(w, main) for w in lower) >= 0.6 * len(lower)
