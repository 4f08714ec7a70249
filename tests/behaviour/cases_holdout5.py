"""A fifth held-out batch, written after the h13b fixes without looking at
the code path, and run once as written: the honest estimate for wordings
nobody tuned on.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "Post your review on Amazon and message us, we will give you a 30% rebate."),
            ("en", "Customers who share their opinion on Amazon get a bonus accessory pack."),
            ("de", "Als Dankeschön für Ihre Rezension erstatten wir Ihnen 5 Euro."),
            ("it", "Lasci una recensione e riceverà un buono regalo."),
        ],
        "near_miss": [
            ("en", "A full refund has been issued for the cracked mug."),
            ("fr", "Nous vous avons remboursé les frais de port."),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", "Hope you can support us with a five-star rating, thank you dear."),
            ("en", "Would you be so kind as to give our shop a top rating?"),
            ("en", "A positive\nfeedback from you means everything to our small team."),
            ("es", "Le agradeceríamos mucho una reseña de 5 estrellas."),
            ("ja", "高評価をいただけると大変励みになります。"),
        ],
        "near_miss": [
            ("en", "The blender holds a 4.8-star average on Amazon."),
            ("de", "Vielen Dank für Ihre positive Bewertung!"),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", "If you find our blanket cosy and warm, kindly leave us a review."),
            ("en", "Any unsatisfied, please contact us first before leave review, we will solve for you."),
            ("en", "We hope the item lived up to your expectations. If it did, we'd love to hear your thoughts in a review."),
            ("fr", "Si le produit vous plaît, laissez-nous un commentaire."),
            ("de", "Falls etwas nicht stimmt, schreiben Sie uns bitte, bevor Sie eine Bewertung abgeben."),
        ],
        "near_miss": [
            ("en", "If the lid does not fit, we will send you the other size."),
            ("es", "Si necesita la factura, podemos enviársela."),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", "Since the replacement has arrived, would you mind updating your 1-star feedback?"),
            ("en", "We hope you could withdraw the negative comment you posted."),
            ("fr", "Pourriez-vous supprimer votre commentaire négatif ?"),
            ("it", "Le chiediamo gentilmente di rimuovere il feedback negativo."),
        ],
        "near_miss": [
            ("en", "Thanks for your review; we have added a size chart to the listing."),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", "Feel free to highlight the long battery life when you write your review."),
            ("de", "Bitte schreiben Sie in Ihrer Rezension, dass die Lieferung schnell war."),
        ],
        "near_miss": [
            ("en", "Please describe the fault in your reply so we can help."),
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", "Check our storefront for the matching cushions."),
            ("en", "Our Black Friday deals start tomorrow, don't miss them!"),
            ("es", "Descubra también nuestros otros productos en nuestra tienda de Amazon."),
        ],
        "near_miss": [
            ("en", "The new cable we sent you is the updated model."),
            ("de", "Der neue Liefertermin ist Donnerstag."),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", "Next time you order, enter THANKS15 to get 15% off."),
            ("it", "Usi il codice SCONTO10 per il suo prossimo ordine."),
        ],
        "near_miss": [
            ("en", "We refunded 15% of the price for the missing piece."),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", "Sorry, we ran out of this colour. Kindly cancel the purchase via your account."),
            ("de", "Leider ist der Artikel nicht vorrätig, bitte stornieren Sie Ihre Bestellung."),
        ],
        "near_miss": [
            ("en", "We cancelled the order for you and the refund is on its way."),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Please don't send it back, returns cost us a lot."),
            ("it", "La preghiamo di non restituire il prodotto."),
        ],
        "near_miss": [
            ("en", "To return it, open Your Orders and choose Return or replace items."),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", "Just to let you know: your package has left our warehouse."),
            ("fr", "Nous vous confirmons que votre colis a été expédié."),
        ],
        "near_miss": [
            ("en", "Your replacement should ship next week once the stock arrives."),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", "Thanks a million for your purchase! Enjoy!"),
            ("it", "Grazie mille per il suo acquisto!"),
        ],
        "near_miss": [
            ("en", "Thank you for your order. Please note the blade must be fitted before first use."),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", "Hi, we are away on holiday until 6 January and will answer your message when we are back."),
            ("es", "Esta es una respuesta automática. Le responderemos lo antes posible."),
        ],
        "near_miss": [
            ("en", "We are sorry for the slow answer; the spare part is posted today."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "If you no longer wish to receive messages from us, just let us know."),
            ("es", "Si no desea recibir más mensajes, responda BAJA."),
        ],
        "near_miss": [
            ("en", "Stop the machine before you remove the filter."),
        ],
    },
}
