"""A fourth held-out batch, written before any change on branch h13b and run
once as written: published seller-template wording, Chinese sellers'
English, passive voice, split sentences, hard-wrapped lines, one-letter
typos, British spelling, politeness padding, and de/fr/es/it/ja drafts.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "Leave us an honest review and we will reimburse the full cost of the item."),
            ("en", "After your review is posted, a $5 Amazon gift card will be emailed to you."),
            ("en", "Kindly give us a good review, we will return you 10 dollars as thanks."),
            ("en", "As a token of our appreciation for your review, we'd like to send you a free\nphone case."),
            ("en", "Reviewers receive a complimentary sample of our new range."),
            ("de", "Für eine Bewertung erhalten Sie von uns einen Gutschein über 10 €."),
            ("fr", "Laissez un avis et nous vous offrirons un cadeau."),
            ("es", "Si deja una reseña, le reembolsaremos el 20 % del precio."),
            ("ja", "レビューを書いていただいた方にはギフト券をプレゼントいたします。"),
        ],
        "near_miss": [
            ("en", "We have sent you a free replacement because the first one was faulty."),
            ("en", "Your refund of £8.50 was processed today."),
            ("de", "Wir haben Ihnen den vollen Betrag erstattet."),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", "If you are satisfied with your purchase, we would appreciate a five star rating."),
            ("en", "Kindly give us five star praise, it is very important for our small shop."),
            ("en", "A glowing review from you would really make our day."),
            ("en", "We hope to receive your 5-star feedback soon."),
            ("en", "Please rate us\nfive stars on Amazon."),
            ("en", "Please consider leaving a favourable review."),
            ("en", "Please leave a positve review for our store."),
            ("de", "Wir würden uns sehr über eine 5-Sterne-Bewertung freuen."),
            ("fr", "Merci de nous laisser un avis 5 étoiles !"),
            ("es", "Por favor, déjenos una valoración de cinco estrellas."),
            ("it", "Ci lasci una recensione positiva, per favore."),
            ("ja", "星5つの評価をいただけますと幸いです。"),
        ],
        "near_miss": [
            ("en", "This model has an average rating of 4.7 out of 5."),
            ("en", "Thank you for the five-star review you left last week."),
            ("en", "Our customers often mention the battery life in their reviews."),
            ("fr", "Ce produit est noté 4,5 étoiles par nos clients."),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", "If our product has met your expectations, please take a moment to leave a review."),
            ("en", "if any problem pls contact us first, dont leave bad review."),
            ("en", "If you are happy with the item, we would be grateful if you left feedback. If not, please contact us first."),
            ("en", "Should you be pleased with your purchase, a review would be much appreciated."),
            ("en", "Only if you are fully satisfied, please write a review about us."),
            ("en", "Not satisfied? Contact us before leaving feedback.\nSatisfied? Please leave a review."),
            ("de", "Wenn Sie zufrieden sind, hinterlassen Sie bitte eine Bewertung."),
            ("fr", "Si vous êtes satisfait, merci de laisser un commentaire."),
            ("es", "Si está contento con su compra, déjenos una opinión."),
            ("it", "Se è soddisfatto del prodotto, lasci una recensione."),
            ("ja", "ご満足いただけましたら、レビューをお願いいたします。"),
        ],
        "near_miss": [
            ("en", "If you are not satisfied with the item, you can return it within 30 days."),
            ("en", "If the size is wrong, please let us know and we will exchange it."),
            ("de", "Wenn Sie Fragen haben, antworten Sie einfach auf diese Nachricht."),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", "Now that you have received the replacement, would you consider amending your review?"),
            ("en", "We kindly ask that the 2-star rating be revised."),
            ("en", "You left a negative review. Could you please delete it?"),
            ("en", "Please help to remove the bad feedback, we have already refunded you."),
            ("en", "Would you be willing to edit your feedback now the issue is sorted?"),
            ("de", "Könnten Sie Ihre negative Bewertung bitte löschen?"),
            ("fr", "Pourriez-vous modifier votre avis négatif ?"),
            ("es", "¿Podría eliminar su reseña negativa?"),
            ("it", "Potrebbe cambiare la sua recensione negativa?"),
            ("ja", "低評価のレビューを削除していただけないでしょうか。"),
        ],
        "near_miss": [
            ("en", "We have read your review and fixed the zip on all new bags."),
            ("en", "Sorry about the problem you mentioned in your feedback; a replacement is on its way."),
            ("de", "Danke für Ihr Feedback zur Größe; wir schicken Ihnen ein Ersatzteil."),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", "When you write your review, please mention how quick the delivery was."),
            ("en", "In your review, it would be great to say that the colour matches the photos."),
            ("en", "Please write in the review that our customer service was excellent."),
            ("de", "Bitte erwähnen Sie in Ihrer Bewertung unseren schnellen Versand."),
            ("fr", "Dans votre avis, merci de mentionner la qualité du tissu."),
        ],
        "near_miss": [
            ("en", "Several reviews mention the colour; we have updated the photos."),
            ("en", "Please mention your order number when you reply."),
            ("en", "Thank you for your feedback about the lid; we have passed it on to our factory."),
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", "Visit our store to discover our full range of kitchen gadgets."),
            ("en", "Our new autumn collection has just launched. Have a look on our Amazon shop!"),
            ("en", "You may also like our matching towels, available now."),
            ("en", "Follow our brand store for new arrivals every week."),
            ("de", "Entdecken Sie auch unsere anderen Produkte in unserem Shop."),
            ("fr", "Découvrez notre nouvelle collection dans notre boutique."),
            ("es", "Visite nuestra tienda para ver nuestros nuevos productos."),
            ("it", "Scopra la nostra nuova collezione nel nostro negozio."),
            ("ja", "当店の新商品もぜひご覧ください。"),
        ],
        "near_miss": [
            ("en", "The replacement part is a new version of the hinge."),
            ("en", "Our warehouse will ship the missing item tomorrow."),
            ("it", "Il pezzo di ricambio arriverà venerdì."),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", "As a returning customer, enjoy 20% off with code WELCOME20."),
            ("en", "Here is a voucher for your next purchase: SAVE10."),
            ("en", "Use the promo code BACK5 at checkout to save five pounds on your next order."),
            ("de", "Mit dem Gutscheincode DANKE10 sparen Sie 10 % bei Ihrer nächsten Bestellung."),
            ("fr", "Profitez de 15 % de réduction sur votre prochaine commande avec le code MERCI15."),
            ("es", "Use el código DESCUENTO10 para su próxima compra."),
        ],
        "near_miss": [
            ("en", "We have refunded 20% of the price because of the scratch."),
            ("en", "Your order qualified for free delivery."),
            ("en", "We will send a free replacement for the cracked bowl at no cost to you."),
            ("es", "Le hemos reembolsado 10 €."),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", "Due to a stock problem, we kindly ask you to cancel the order on your side."),
            ("en", "Could you please cancel this order from your account?"),
            ("en", "The order needs to be cancelled by you through Your Orders."),
            ("en", "pls cancell the order, item is sold out."),
            ("de", "Bitte stornieren Sie die Bestellung in Ihrem Konto."),
            ("fr", "Pourriez-vous annuler votre commande ?"),
            ("es", "Por favor, cancele el pedido desde su cuenta."),
            ("it", "La preghiamo di annullare l'ordine."),
            ("ja", "ご注文のキャンセルをお願いいたします。"),
        ],
        "near_miss": [
            ("en", "Your cancellation request has been processed and you were not charged."),
            ("en", "The order was cancelled automatically because the payment failed."),
            ("de", "Ihre Bestellung wurde storniert, der Betrag wird erstattet."),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Instead of sending it back, we can offer you a partial refund to keep the item."),
            ("en", "Please do not open a return request, just contact us and we will solve it."),
            ("en", "Returning the item is a big loss for us, so please don't return it."),
            ("en", "We'd rather you didn't return the item; keep it and we'll refund half."),
            ("de", "Bitte schicken Sie den Artikel nicht zurück, wir finden eine andere Lösung."),
            ("fr", "Merci de ne pas retourner l'article, nous allons trouver une solution."),
            ("es", "Por favor, no devuelva el producto; le ofrecemos un reembolso parcial."),
            ("ja", "返品はご遠慮ください。"),
        ],
        "near_miss": [
            ("en", "You can return the item within 30 days using the Amazon returns centre."),
            ("en", "Once we receive the return, your refund will be issued."),
            ("fr", "Vous pouvez retourner l'article via votre compte Amazon."),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", "Good news! Your parcel has been dispatched today."),
            ("en", "This is to confirm that we have received your order and it is being prepared."),
            ("en", "Your item was shipped this morning via Royal Mail."),
            ("de", "Ihre Bestellung wurde heute versandt."),
            ("fr", "Votre commande a été expédiée aujourd'hui."),
            ("es", "Su pedido ha sido enviado hoy."),
            ("it", "Il suo ordine è stato spedito oggi."),
            ("ja", "ご注文の商品を本日発送いたしました。"),
        ],
        "near_miss": [
            ("en", "The replacement will ship on Monday 9 December."),
            ("en", "Your order will be dispatched within 2 working days."),
            ("en", "Your parcel was delayed by the carrier; the new delivery date is Thursday."),
            ("de", "Das Ersatzteil wird voraussichtlich am Montag versendet."),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", "Many thanks for choosing our shop. Have a wonderful day!"),
            ("en", "We truly appreciate your purchase and hope to serve you again."),
            ("en", "Thank you so much for your order, we really appreciate your support."),
            ("de", "Vielen Dank für Ihren Einkauf! Wir wünschen Ihnen viel Freude damit."),
            ("fr", "Merci beaucoup pour votre commande et à bientôt !"),
            ("es", "¡Muchas gracias por su compra!"),
            ("ja", "この度はご購入いただき、誠にありがとうございます。"),
        ],
        "near_miss": [
            ("en", "Thank you for your message. The charger is in the side pocket of the box."),
            ("en", "Thanks for your patience: the missing screws were posted today with tracking 1Z999AA10123456784."),
            ("es", "Gracias por su mensaje. El manual está en la caja."),
            ("ja", "お問い合わせありがとうございます。交換品は明日発送予定です。"),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", "Thank you for your email. Our office is closed until 2 January and we will reply when we are back."),
            ("en", "This is an automated response: we have received your message and will get back to you within 24 hours."),
            ("en", "Our team is out of the office for the holidays; messages will be answered on our return."),
            ("de", "Vielen Dank für Ihre Nachricht. Wir sind derzeit nicht im Büro und melden uns nach unserer Rückkehr."),
            ("fr", "Ceci est une réponse automatique. Nous vous répondrons dans les plus brefs délais."),
        ],
        "near_miss": [
            ("en", "We checked with the warehouse this morning; your parcel leaves today."),
            ("en", "Sorry for the late reply, we were closed for the holiday. The strap is sold separately."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "To stop receiving these messages, click here."),
            ("en", "You can unsubscribe from our messages at any time by replying NO."),
            ("en", "Don't want to hear from us? Reply STOP to opt out."),
            ("de", "Wenn Sie keine weiteren Nachrichten wünschen, antworten Sie mit STOP."),
            ("fr", "Pour vous désabonner, répondez STOP."),
        ],
        "near_miss": [
            ("en", "Please stop charging the battery once the light turns green."),
            ("en", "You can turn off the alarm by holding the button for 3 seconds."),
        ],
    },
}
