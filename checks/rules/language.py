"""Language: the buyer's language, and passages left in another one."""

from __future__ import annotations

from collections.abc import Iterator

from .. import language
from ..document import Document
from ..i18n import Either, language_name
from ..models import Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Permitted proactive messages': the buyer's preferred language"


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
        found, score = doc.main_language
        if found is None or score < language.CONFIDENT or found in expected:
            return
        yield Hit(message=self.say(found=language_name(found), expected=Either(language_name(c) for c in expected)))


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
        main = doc.main_language[0]
        for span, lang in doc.foreign_passages:
            yield Hit(span, self.say(lang=language_name(lang), main=language_name(main)))

