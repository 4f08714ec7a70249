"""A second held-out batch, written after the first batch's gaps were filled
(cases_holdout.py is therefore no longer held out). Not tuned on.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "Post a photo review and we'll ship you a bonus charging cable."),
            ("en", "Reviewers of this lamp are entitled to a 30% rebate."),
            ("fr", "En échange d'un avis, nous vous offrons la livraison."),
            ("it", "Le regaliamo un buono da 5 € in cambio di una recensione."),
        ],
        "near_miss": [
            ("en", "As promised, the $10 partial refund for the scratch has been sent."),
            ("en", "Your review was helpful; we have fixed the instructions."),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", "Nothing less than five stars would make us happy!"),
            ("en", "Please rate us with the highest score."),
            ("de", "Bitte bewerten Sie uns mit fünf Sternen."),
            ("es", "¿Nos daría cinco estrellas en Amazon?"),
        ],
        "near_miss": [
            ("en", "The five-star resort sample is included as a gift with your order."),
            ("en", "We welcome every kind of review, high or low."),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", "Loving your new rug? We'd be grateful for a review."),
            ("en", "Only satisfied buyers, please share a review on Amazon."),
            ("fr", "Si tout s'est bien passé, laissez-nous une évaluation."),
            ("it", "Se è rimasto soddisfatto, ci lasci un feedback."),
        ],
        "near_miss": [
            ("en", "If you need a different size, reply and we will swap it."),
            ("en", "Good or bad, your review helps other shoppers."),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", "Since we replaced the blender, we'd ask you to reconsider the two stars."),
            ("en", "Kindly withdraw the critical comment you posted."),
            ("de", "Würden Sie Ihre Bewertung nach oben korrigieren?"),
            ("fr", "Pourriez-vous effacer votre commentaire négatif ?"),
        ],
        "near_miss": [
            ("en", "We updated the listing photos last week."),
            ("en", "Please remove the protective film before first use."),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", "Could you say in your review that the blender is quiet?"),
            ("en", "Here is a suggested review you can paste: 'Great quality!'"),
            ("es", "En su opinión, destaque nuestro envío rápido."),
            ("it", "Nella valutazione, menzioni il nostro servizio clienti."),
        ],
        "near_miss": [
            ("en", "Please say whether you would like a refund or a replacement."),
            ("en", "Note that the lid is dishwasher safe."),
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", "Stay tuned for our upcoming spring launch!"),
            ("en", "Visit our brand store to discover more items like this."),
            ("de", "Besuchen Sie unseren Shop für weitere Produkte."),
            ("es", "Visite nuestra tienda para ver más productos."),
        ],
        "near_miss": [
            ("en", "The new tracking number is 1Z999AA10123456784."),
            ("en", "We sent the replacement in a new box."),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", "Apply code LAMP25 to get 25% off any order."),
            ("en", "Take 10% off next time with this voucher."),
            ("de", "Hier ist ein Rabattcode für Ihren nächsten Kauf: MEHR10."),
            ("it", "Ecco un coupon del 10 % per il prossimo ordine."),
        ],
        "near_miss": [
            ("en", "The access code for the parcel locker is in the carrier's email."),
            ("en", "A partial refund of 15% was issued for the scratch."),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", "As the part is discontinued, please submit a cancellation request."),
            ("en", "Would you be able to cancel the purchase through your Amazon account?"),
            ("de", "Können Sie die Bestellung bitte selbst stornieren?"),
            ("es", "Por favor, solicite usted la cancelación del pedido."),
        ],
        "near_miss": [
            ("en", "We cancelled the duplicate order you placed by mistake."),
            ("en", "If you want us to cancel, just reply to this message."),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Please don't send the blender back, a return hurts our rating."),
            ("en", "We ask that you not file an A-to-z claim."),
            ("fr", "Merci de ne pas renvoyer le produit."),
            ("it", "I resi danneggiano molto il nostro negozio."),
        ],
        "near_miss": [
            ("en", "You are welcome to return it within 30 days for a full refund."),
            ("en", "Keep the damaged one; there's no need to send it back."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "Reply NO if you no longer want updates from our shop."),
            ("en", "You may unsubscribe from seller messages by replying STOP."),
            ("de", "Sie möchten keine Nachrichten mehr? Antworten Sie mit STOP."),
            ("fr", "Pour ne plus recevoir nos messages, répondez STOP."),
        ],
        "near_miss": [
            ("en", "Stop the machine before cleaning the blade."),
            ("en", "Reply with the serial number and we'll check the warranty."),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", "Autoreply: we're on vacation until 2 January and will answer then."),
            ("en", "Your message was received by our automated system; an agent will respond soon."),
            ("de", "Dies ist eine automatische Antwort. Wir melden uns am Montag."),
            ("es", "Estamos fuera de la oficina hasta el lunes."),
        ],
        "near_miss": [
            ("en", "The parcel is held at the depot over the holiday and moves on Monday."),
            ("en", "The light turns off automatically after ten minutes."),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", "Your order is confirmed and will ship tomorrow."),
            ("en", "Here's your tracking number: 1Z8V47W20392817465."),
            ("fr", "Votre colis a été remis au transporteur."),
            ("it", "Il suo ordine è stato confermato e spedito."),
        ],
        "near_miss": [
            ("en", "Your order shipped, but the carrier marked it undeliverable; please confirm your address."),
            ("en", "The replacement shipped today since the first one was cracked."),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", "Thanks so much for your support of our small business!"),
            ("en", "We hope you love it. Thanks again!"),
            ("fr", "Merci infiniment pour votre achat !"),
            ("es", "Muchas gracias por su pedido."),
        ],
        "near_miss": [
            ("en", "Thanks for your order! The blue one is out of stock, so we sent green; reply if you'd like to swap."),
            ("en", "Thank you; here is the invoice you asked for."),
        ],
    },
}
