"""Classes of wording found by held-out batch 7 (tests/behaviour/cases_holdout7.py,
tests/corpus/messages7.jsonl), each tried here in sentences of our own: the
breach fires its rule, the look-alike raises no error."""

from __future__ import annotations

import pytest

from checks import check
from checks.models import Context, Draft, Severity

FIRES = [
    ("review.incentive", "en", "Everyone who posts a review of the blender receives a free year of extended warranty."),
    ("review.incentive", "en", "Please write a review of the lamp. In return, we will mail you a spare bulb at no cost."),
    ("review.incentive", "en", "Could you delete the 2-star review? Once you delete it, we will refund the whole order as compensation."),
    ("review.incentive", "de", "Wer eine Bewertung schreibt, erhält von uns eine Garantieverlängerung um zwölf Monate."),
    ("review.incentive", "en", "Take a minute to review your purchase; as a token of thanks we will reimburse the shipping once it is posted."),
    ("review.scripted", "en", "You could put in your review something like: 'Strong hinges, easy to fit, great value.'"),
    ("review.scripted", "it", "Nella sua recensione potrebbe scrivere: «Spedizione veloce, prodotto di qualità»."),
    ("review.scripted", "fr", "Dans votre commentaire, n'hésitez pas à mentionner la qualité du tissu."),
    ("review.change-request", "en", "We would be thankful if your previous review of the kettle could be updated now that it works."),
    ("review.conditional", "en", "We trust the rug turned out as you hoped. If that is the case, would you post a review?"),
    ("order.discourage-return", "en", "We noticed your return request. Could you cancel it and keep the chair instead?"),
    ("order.discourage-return", "en", "A return at this point would be a big problem for us, so please keep the lamp."),
    ("order.confirmation", "en", "Thanks for your order 113-1234567-1234567. We confirm it has been received and is being prepared for dispatch."),
    ("order.confirmation", "it", "Il suo ordine 405-1234567-1234567 è stato consegnato oggi; può vedere la consegna nella sezione I miei ordini."),
    ("order.confirmation", "en", "Your order 113-1234567-1234567 was shipped with DHL. The estimated delivery date is Monday, May 4."),
    ("promo.marketing", "de", "Übrigens sind unsere neuen Gartenstühle ab sofort bei Amazon erhältlich."),
    ("content.auto-reply", "en", "Thank you, your message has been logged by our system and a ticket number will follow."),
]

QUIET = [
    ("en", "If you would prefer not to wait, please reply and we will cancel the order and refund you in full."),
    ("en", "This negative review has hurt our small shop, and we are sorry the lid cracked; a new one is on its way."),
    ("es", "Si tiene un momento, nos gustaría conocer su opinión sincera en una reseña de Amazon."),
    ("de", "Das Ersatzteil ist ab sofort wieder bei uns erhältlich; wir senden es Ihnen heute kostenlos zu."),
    ("en", "Our bluetooth speaker charges over usb; if the light blinks, hold the button for five seconds."),
    ("en", "We have a small gift wrap option on Amazon, and your question about the size is answered below: it is 30 cm."),
    ("ja", "ご質問の定期おトク便は、アカウントサービスからいつでもスキップしていただけます。"),
    ("en", "In your review you wrote: 'the handle feels loose'. We are sending a new handle with a tighter screw."),
]


def _draft(lang: str, text: str) -> Draft:
    return Draft(text=text, context=Context(buyer_language=lang, proactive=False))


@pytest.mark.parametrize("rule, lang, text", FIRES)
async def test_the_breach_fires_its_rule(rule, lang, text):
    report = await check(_draft(lang, text), rewrite=False)
    assert rule in {f.rule for f in report.findings}, [(f.rule, f.excerpt) for f in report.findings]


@pytest.mark.parametrize("lang, text", QUIET)
async def test_the_look_alike_raises_no_error(lang, text):
    report = await check(_draft(lang, text), rewrite=False)
    assert not [f.rule for f in report.findings if f.severity == Severity.ERROR or f.rule == "style.spelling"]
