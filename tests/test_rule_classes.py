"""Classes of wording found by held-out batches 7, 8 and 9 (tests/behaviour/cases_holdout*.py,
tests/corpus/messages*.jsonl), each tried here in sentences of our own: the
breach fires its rule, the look-alike raises no error."""

from __future__ import annotations

import pytest

from checks import check
from checks.models import Context, Draft, Severity

FIRES = [
    # A review described instead of named: an opinion piece published where shoppers read it.
    ("review.incentive", "en", "Anyone who jots a couple of lines about the kettle on its product page gets a second filter free of charge."),
    ("review.incentive", "en", "Upload a picture of your new rug to the listing and we will refund $8 of the price."),
    ("review.incentive", "en", "Tell fellow shoppers how you liked the desk lamp, and a bonus bulb is yours."),
    ("review.incentive", "de", "Wer ein paar Zeilen zur Lampe auf der Produktseite postet, bekommt eine Ersatzbirne gratis."),
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
    ("review.incentive", "en", "As a little token of our gratitude for reviewing the rug, we would like to mail you a matching cushion, totally free."),
    ("review.incentive", "en", "We would love your thoughts on the product page. Once they are up, a ten-dollar gift card is yours as our thank-you."),
    ("review.incentive", "en", "Would a partial refund of $20 help you rethink the 2-star rating?"),
    ("review.incentive", "ja", "レビューをご投稿いただいたお客様には、お礼の気持ちとして1000円分のギフトカードを差し上げます。"),
    ("review.incentive", "fr", "Publiez un avis et nous vous offrirons un second oreiller."),
    ("review.positive", "en", "A review that fills in every star would make our team's whole week."),
    ("review.scripted", "en", "Reviewers tend to skip the noise level. Please be sure to bring it up in your review."),
    ("order.confirmation", "en", "Hello, thanks for your order, we have received it and it will ship out tomorrow."),
    ("link.opt-out", "it", "Per non ricevere più i nostri messaggi, risponda con la parola STOP."),
    ("review.scripted", "en", "No idea what to write? Something like 'Sturdy, quiet and easy to clean' would be ideal."),
    ("review.scripted", "en", "Once you review the lamp, a line like \"Warm light, solid base!\" would be ideal."),
    ("review.scripted", "it", "Nella sua recensione sarebbe utile citare la qualità della cucitura."),
    ("review.incentive", "it", "A chi ci lascia una recensione regaliamo un secondo cuscino."),
    ("review.incentive", "fr", "À ceux qui laissent un avis, nous offrons une housse gratuite."),
    ("review.change-request", "it", "Ora che il problema è risolto, non potrebbe modificare la sua recensione?"),
    ("review.positive", "fr", "Une note de cinq étoiles, n'est-ce pas la meilleure façon de nous aider ?"),
    ("order.discourage-return", "de", "Von einer Rücksendung bitten wir abzusehen, da sie unser Konto gefährdet."),
    ("order.discourage-return", "fr", "Un retour nous coûterait très cher, merci de garder l'article plutôt que de le renvoyer."),
    ("order.discourage-return", "it", "Annullare adesso ci danneggerebbe molto: la preghiamo di ripensarci."),
    ("promo.marketing", "de", "Übrigens läuft ab Montag unser Winterschlussverkauf mit reduzierten Preisen."),
    ("promo.marketing", "fr", "Avez-vous déjà découvert nos nouvelles tasses dans notre boutique ?"),
    ("content.thanks-only", "fr", "Bonjour, merci beaucoup pour votre commande. Toute l'équipe vous souhaite une excellente soirée."),
    ("content.thanks-only", "en", "Hi! A huge thanks for shopping with our tiny studio. It really means a lot to us."),
    ("order.divert", "en", "Our own web shop has the bigger sizes too. You can order them there for less."),
    ("order.divert", "en", "Why not order the refills straight from our own website next time?"),
    ("order.divert", "it", "Ci invii le foto per email invece che tramite Amazon, così facciamo prima."),
    ("order.divert", "de", "Schicken Sie uns die Fotos bitte per E-Mail statt über Amazon."),
    ("review.incentive", "en", "A little program for our buyers: everyone who shares their experience of the kettle on Amazon gets a spare lid for free."),
    ("review.positive", "en", "We are a small team and we really hope to earn all five of those shiny stars from you."),
    ("review.conditional", "de", "Falls etwas nicht stimmt, sprechen Sie bitte zuerst mit uns, bevor Sie irgendwo etwas posten."),
    ("content.thanks-only", "fr", "Bonjour,\n\nMerci pour votre commande. C'est une grande joie pour nous. Chaque tasse est peinte à la main. Nous vous souhaitons une belle journée.\n\nAvec toute notre gratitude,\nAtelier Bleu"),
    ("review.positive", "en", "Kindly consider giving our shop the full set of stars, it would make the whole crew smile."),
    ("promo.marketing", "es", "Acabamos de lanzar la nueva versión de esta lámpara. ¡Échele un vistazo a nuestra tienda!"),
]

QUIET = [
    ("en", "If you upload a photo of the cracked lid on the listing's question page, we will refund $8 straight away."),
    ("en", "The product page shows photos of every colour, and each order comes with a free cleaning cloth."),
    ("de", "Laden Sie ein Foto des Schadens in Ihrem Amazon-Konto hoch, dann erstatten wir Ihnen 8 Euro."),
    ("en", "Please tell other shoppers what you think on the product page; your honest review helps them choose."),
    ("en", "If you would prefer not to wait, please reply and we will cancel the order and refund you in full."),
    ("en", "This negative review has hurt our small shop, and we are sorry the lid cracked; a new one is on its way."),
    ("es", "Si tiene un momento, nos gustaría conocer su opinión sincera en una reseña de Amazon."),
    ("de", "Das Ersatzteil ist ab sofort wieder bei uns erhältlich; wir senden es Ihnen heute kostenlos zu."),
    ("en", "Our bluetooth speaker charges over usb; if the light blinks, hold the button for five seconds."),
    ("en", "We have a small gift wrap option on Amazon, and your question about the size is answered below: it is 30 cm."),
    ("ja", "ご質問の定期おトク便は、アカウントサービスからいつでもスキップしていただけます。"),
    ("en", "In your review you wrote: 'the handle feels loose'. We are sending a new handle with a tighter screw."),
    ("en", "If you review the mat, please tell other buyers whatever you really think, in your own words."),
    ("en", "Should you wish to leave a review, please note that we never offer gifts, refunds or discounts for reviews."),
    ("en", "Thanks for the feedback on the wobbly leg; we have told the factory, and a new leg is on its way at no cost."),
    ("en", "We like to say thank you to every customer for their patience while the parcel was held at customs."),
    ("en", "Your return label is now available under Your Orders; the refund follows once the carrier scans it."),
    ("de", "Zu Ihrer Frage: Die Ware wird verzollt geliefert, Sie müssen bei der Zustellung nichts nachzahlen."),
    ("it", "Il modello che ha ricevuto è la versione aggiornata: il pulsante ora si trova sul lato sinistro."),
    ("de", "Bitte denken Sie daran, den Akku vor der ersten Nutzung vollständig aufzuladen und die Kanne vorzuwärmen."),
    ("es", "Le recomendamos desembalarlo con cuidado y dejarlo reposar un día antes de usarlo."),
    ("en", "We are unable to offer coupons or discount codes in messages; the price on Amazon is the one that applies."),
    ("de", "Rabattcodes können wir über Nachrichten leider nicht vergeben, den Rahmen ersetzen wir aber kostenlos."),
    ("en", "The coupon you saw on the product page was applied by Amazon at checkout."),
    ("it", "L'abbonamento Iscriviti e Risparmia è gestito da Amazon: può sospenderlo dal suo account."),
    ("fr", "Bonjour, nous étions fermés ce week-end, d'où ce délai de réponse : la pièce manquante part demain."),
    ("en", "You asked whether you can pay by bank transfer: all payments go through Amazon, so we cannot accept another way."),
    ("it", "Le nuove batterie sono in arrivo entro venerdì."),
    ("en", "Please send the photos through Amazon messages instead of by email; we reply within a day."),
    ("en", "Our website has the assembly video too, but the manual.pdf attached here covers every step."),
    ("en", "Many shoppers only read the first few reviews, so we have added the size chart to the listing."),
    ("fr", "Si vous avez un moment, nous serions heureux que vous laissiez un avis honnête sur Amazon."),
    ("en", "Please mark the holes with the template; the anchors are rated for 25 kg."),
    ("en", "If you would rather cancel, just reply here and we will cancel the order and refund you in full."),
    ("de", "Die Messer sollten nach jeder Saison nachgeschliffen werden."),
    ("en", "Hi Tom, the hinge screws are M4 x 12, rated for 20 kg; please tighten them after a week of use."),
    ("de", "Hallo, zu Ihrer Bestellung: Die beschädigte Lampe erstatten wir vollständig. Vielen Dank für Ihr Feedback zur Verpackung."),
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


async def test_a_shop_given_stars_is_rated_not_marketed():
    report = await check(_draft("en", "Kindly consider giving our shop the full set of stars, it would make the whole crew smile."), rewrite=False)
    assert {f.rule for f in report.findings} & {"review.positive", "promo.marketing"} == {"review.positive"}


# A second review request for an order, in the marketplace languages whose
# judgement data is only the review request (held-out batch 10 found Swedish).
SECOND_REQUEST = [
    ("sv", "Vi blir glada om du vill skriva ett omdöme om lampan på Amazon.", True),
    ("nl", "Zou u de tijd willen nemen om een beoordeling te schrijven over de stoel?", True),
    ("pl", "Prosimy o wystawienie opinii o czajniku, jeśli znajdzie Pan chwilę.", True),
    ("tr", "Ürün hakkında kısa bir yorum yazarsanız çok seviniriz.", True),
    ("sv", "Lampan skickas i morgon från vårt lager i Malmö.", False),
    ("nl", "De stoel wordt morgen opnieuw verzonden vanuit ons magazijn.", False),
    ("pl", "Czajnik zostanie wysłany jutro z naszego magazynu.", False),
    ("tr", "Ürün yarın depomuzdan tekrar gönderilecek.", False),
]


@pytest.mark.parametrize("lang, text, asks", SECOND_REQUEST)
async def test_a_second_review_request_is_counted_in_every_marketplace_language(lang, text, asks):
    context = Context(buyer_language=lang, proactive=False, previous_review_requests=1)
    report = await check(Draft(text=text, context=context), rewrite=False)
    assert ("review.repeat" in {f.rule for f in report.findings}) is asks
