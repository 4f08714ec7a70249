"""A sixth held-out batch, written after all h13b fixes without reading the
code path, and run once as written: the estimate for the final state.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "We are offering every buyer who reviews this item a free pack of refills."),
            ("en", "Once your review goes live, just send us the link and we'll PayPal you $8."),
            ("fr", "Après la publication de votre avis, nous vous enverrons un bon d'achat de 10 €."),
        ],
        "near_miss": [
            ("en", "We sent a free spare strap because the first one snapped."),
            ("it", "Le abbiamo rimborsato 12 € per il ritardo."),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", "Pls help us with 5 star, we are new seller."),
            ("en", "We would be honoured to receive a 5-star rating from you."),
            ("en", "Don't forget to rate us 5 stars!"),
            ("de", "Über eine positive Bewertung würden wir uns riesig freuen."),
            ("fr", "Un avis positif de votre part nous aiderait beaucoup."),
        ],
        "near_miss": [
            ("en", "Our tent is the top-rated model in its class."),
            ("es", "Gracias por su valoración de cinco estrellas."),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", "If your experience was positive, we would love you to leave a review."),
            ("en", "Were you satisfied with the delivery? Please rate your experience on Amazon."),
            ("en", "In case anything is not perfect, please contact us first rather than leaving a negative review."),
            ("it", "Se il prodotto le piace, ci lasci una recensione."),
            ("es", "Si todo ha ido bien, le agradeceríamos una reseña."),
        ],
        "near_miss": [
            ("en", "If the parcel has not arrived by Monday, please reply to this message."),
            ("fr", "Si la taille ne convient pas, nous pouvons l'échanger."),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", "Is there any chance you could revise the review now that the refund went through?"),
            ("en", "We would be grateful if the negative feedback could be removed."),
            ("de", "Würden Sie Ihre Bewertung bitte anpassen, da das Problem gelöst ist?"),
        ],
        "near_miss": [
            ("en", "We read every review and changed the packaging because of yours."),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", "If you write a review, please talk about how easy the setup was."),
            ("en", "Here is a short text you can paste into your review."),
        ],
        "near_miss": [
            ("en", "Please tell us which colour you would like instead."),
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", "We just released a new range of garden lights, take a look in our shop!"),
            ("de", "Schauen Sie sich auch unsere neue Kollektion an!"),
            ("en", "Add us to your favourite sellers to get our latest offers."),
        ],
        "near_miss": [
            ("en", "The new filter will arrive on Wednesday."),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", "Use the voucher THANKYOU5 on your next order from us."),
            ("fr", "Utilisez le code promo MERCI5 pour votre prochain achat."),
        ],
        "near_miss": [
            ("en", "Your model code is KX200; please quote it when you write."),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", "Unfortunately we cannot ship to your address, so please cancel the order."),
            ("it", "Per favore, annulli l'ordine dal suo account Amazon."),
        ],
        "near_miss": [
            ("en", "We have cancelled your order and the payment will be released."),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Please think again before returning; every return hurts our small shop."),
            ("de", "Bitte senden Sie die Ware nicht zurück."),
        ],
        "near_miss": [
            ("en", "Your return has been received and the refund is on its way."),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", "We are pleased to inform you that your order has been dispatched."),
            ("es", "Le confirmamos que su paquete ya ha sido enviado."),
        ],
        "near_miss": [
            ("en", "The second box will be dispatched as soon as it is back in stock."),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", "Just wanted to say thank you for buying from us!"),
            ("fr", "Merci pour votre achat, toute l'équipe vous remercie !"),
        ],
        "near_miss": [
            ("en", "Thank you for your order; the gift note you asked for has been added."),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", "Auto-reply: thanks for contacting us, we will answer within 2 business days."),
            ("it", "Questa è una risposta automatica: siamo in ferie fino al 7 gennaio."),
        ],
        "near_miss": [
            ("en", "We answered your question about the hinge yesterday; here is the photo."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "Reply REMOVE if you would rather not receive further messages."),
            ("de", "Um sich abzumelden, antworten Sie bitte mit STOP."),
        ],
        "near_miss": [
            ("en", "Please remove the protective film before use."),
        ],
    },
}
