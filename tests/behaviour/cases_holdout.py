"""Held-out cases, written after the lexicons were tuned on cases_en.py and
cases_i18n.py, and not tuned on: their failure rate is the honest estimate
of how the frames generalise to wording nobody fitted them to.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "Share a quick review and a complimentary travel pouch is on us."),
            ("en", "Customers who review the mixer get their delivery fee back."),
            ("en", "We're giving away a $20 Amazon voucher to every reviewer this month."),
            ("en", "Rate us on Amazon, then message us for your cashback."),
            ("de", "Nach Ihrer Bewertung bekommen Sie 5 € zurück."),
            ("fr", "Après la publication de votre avis, un cadeau vous sera envoyé."),
            ("es", "Le regalamos un accesorio si nos deja su opinión."),
            ("it", "Chi lascia una recensione riceve uno sconto di 10 €."),
            ("ja", "レビュー投稿でクーポンをプレゼント中です。"),
        ],
        "near_miss": [
            ("en", "We have credited $12 back to your card for the late delivery."),
            ("en", "Reviews from buyers help us choose which colours to stock."),
            ("de", "Ihre Erstattung über 20 € ist unterwegs."),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", "Help us reach five stars by rating your order!"),
            ("en", "We'd be thrilled with a top rating from you."),
            ("en", "Would you consider a 5/5 rating on Amazon?"),
            ("en", "Please tap the fifth star when you review us."),
            ("de", "Über eine Top-Bewertung würden wir uns freuen."),
            ("fr", "Une note de 5/5 nous ferait très plaisir."),
            ("es", "Le agradeceríamos una valoración excelente."),
            ("it", "Ci farebbe piacere una valutazione a 5 stelle."),
            ("ja", "ぜひ星5つで評価してください。"),
        ],
        "near_miss": [
            ("en", "Our charger is rated five stars for safety by an independent lab."),
            ("en", "Any rating you choose is welcome; we value honest opinions."),
            ("fr", "Le produit a une note moyenne de 4,5 sur 5."),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", "Happy with your purchase? Then please leave a review!"),
            ("en", "Should the curtains meet your expectations, we'd appreciate a review."),
            ("en", "If the knife has served you well, a short review would help us."),
            ("en", "Only if you are delighted, please post a review on Amazon."),
            ("de", "Sind Sie zufrieden? Dann freuen wir uns über eine Bewertung."),
            ("fr", "Si vous êtes content de votre achat, laissez-nous un avis."),
            ("es", "Si quedó satisfecho con el envío, deje una valoración."),
            ("it", "Se è contento del prodotto, ci lasci una recensione."),
            ("ja", "商品にご満足いただけた場合のみ、レビューをお願いします。"),
        ],
        "near_miss": [
            ("en", "If the lid does not fit, please reply and we will send another one."),
            ("en", "Whatever your experience, you are welcome to leave a review."),
            ("es", "Si necesita ayuda, escríbanos por este chat."),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", "Now that the refund went through, could you revise your rating?"),
            ("en", "We'd be grateful if you took down the one-star feedback."),
            ("en", "Is there any chance you could edit your review?"),
            ("en", "Please consider upgrading the stars you gave us."),
            ("de", "Könnten Sie Ihre Rezension bitte löschen?"),
            ("fr", "Pourriez-vous mettre à jour votre note ?"),
            ("es", "¿Sería posible que borrara su comentario negativo?"),
            ("it", "Potrebbe cancellare la sua recensione negativa?"),
            ("ja", "お手数ですが、評価を修正していただけますでしょうか。"),
        ],
        "near_miss": [
            ("en", "We changed our packaging after reading customer feedback."),
            ("en", "Please delete the old app before installing the new one."),
            ("it", "Abbiamo modificato l'indirizzo di consegna come richiesto."),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", "When you post your review, could you note how fast it heats up?"),
            ("en", "Feel free to copy this into your review: 'Best kettle ever!'"),
            ("en", "In the review, tell other buyers about our quick support."),
            ("de", "Erwähnen Sie in der Bewertung gern unseren schnellen Service."),
            ("fr", "Dans votre avis, parlez de notre service rapide."),
            ("es", "En la reseña, mencione lo cómoda que es la silla."),
            ("it", "Nella recensione, citi la qualità del tessuto."),
            ("ja", "レビューには「とても使いやすい」と書いてください。"),
        ],
        "near_miss": [
            ("en", "Please note the filter needs replacing every three months."),
            ("en", "Could you describe where the crack is, with a photo if possible?"),
            ("de", "Bitte nennen Sie uns die gewünschte Farbe."),
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", "Our winter range just dropped, take a peek in our storefront!"),
            ("en", "Like our Facebook page for early access to new designs."),
            ("en", "Shop the rest of our kitchen collection on Amazon."),
            ("en", "Big holiday sale this weekend only in our shop!"),
            ("de", "Schauen Sie sich unsere neue Kollektion an!"),
            ("fr", "Visitez notre boutique pour voir toute la gamme."),
            ("es", "No se pierda nuestras ofertas especiales de Navidad."),
            ("it", "Scopra la nostra nuova collezione nel nostro negozio."),
            ("ja", "当店の新作もぜひご覧ください。"),
        ],
        "near_miss": [
            ("en", "The carrier has a new delivery time window for your area."),
            ("en", "You can find the warranty terms on the card in the box."),
            ("fr", "Votre colis arrivera vendredi."),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", "Enter WELCOME5 at checkout for five dollars off."),
            ("en", "Here's 15% off your next purchase from our shop."),
            ("en", "We've included a discount voucher inside the parcel."),
            ("de", "Mit dem Gutscheincode DANKE5 sparen Sie beim nächsten Einkauf."),
            ("fr", "Profitez de 10 % de remise sur votre prochaine commande."),
            ("es", "Le enviamos un cupón del 20 % para su próxima compra."),
            ("it", "Con il codice SCONTO10 risparmia sul prossimo ordine."),
            ("ja", "次回使える15%割引クーポンを同封しました。"),
        ],
        "near_miss": [
            ("en", "The QR code on the box links to the setup video."),
            ("en", "The refund covers 15% of the price, as agreed."),
            ("es", "Su código de seguimiento es 1Z999AA10123456784."),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", "Since we can't restock it, kindly cancel on your end."),
            ("en", "Please go to Your Orders and cancel the item, as it's unavailable."),
            ("en", "It would help us if you could request the cancellation yourself."),
            ("de", "Bitte stornieren Sie den Artikel über Ihr Kundenkonto."),
            ("fr", "Pouvez-vous annuler la commande de votre côté ?"),
            ("es", "Le pedimos que cancele el pedido desde su cuenta."),
            ("it", "Le chiediamo di annullare l'ordine dal suo account."),
            ("ja", "恐れ入りますが、ご注文をキャンセルしていただけますか。"),
        ],
        "near_miss": [
            ("en", "The order has been cancelled on our side and you will not be charged."),
            ("en", "We are cancelling the backordered item and refunding it today."),
            ("fr", "Nous annulons la commande et vous remboursons intégralement."),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Returns cost us a fortune, so please hold on to the item."),
            ("en", "Please refrain from requesting a refund through Amazon."),
            ("en", "Sending it back would put our small shop at risk."),
            ("de", "Bitte schicken Sie die Ware nicht zurück."),
            ("fr", "Ne demandez pas de remboursement, s'il vous plaît."),
            ("es", "No abra una reclamación, por favor."),
            ("it", "Per favore, non chieda il rimborso."),
            ("ja", "返品はしないでいただけますと助かります。"),
        ],
        "near_miss": [
            ("en", "If you prefer, you can return it for a full refund at no cost."),
            ("en", "No need to send the broken mug back; a new one is on its way."),
            ("de", "Die Rücksendung ist für Sie kostenlos."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "To stop hearing from us, just reply with the word STOP."),
            ("en", "Click the link below to unsubscribe from future updates."),
            ("en", "Let us know if you'd rather not get these messages and we'll take you off the list."),
            ("de", "Um keine Nachrichten mehr zu erhalten, antworten Sie mit STOP."),
            ("fr", "Pour vous désabonner, répondez STOP."),
            ("es", "Para darse de baja, responda BAJA."),
            ("it", "Per disiscriversi, risponda STOP."),
        ],
        "near_miss": [
            ("en", "Please stop using the heater until the new cable arrives."),
            ("en", "You can remove the sticker with warm water."),
            ("es", "Para detener el temporizador, pulse el botón dos veces."),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", "Thanks for reaching out! We're closed for the weekend and will get back to you on Monday."),
            ("en", "I am out of the office with limited access to email until 12 May."),
            ("en", "This is an auto-generated reply confirming we received your message."),
            ("de", "Vielen Dank für Ihre Nachricht. Wir sind im Urlaub und antworten ab dem 3. Januar."),
            ("fr", "Ceci est une réponse automatique : nous sommes absents jusqu'à lundi."),
            ("es", "Respuesta automática: volveremos a responder el lunes."),
            ("it", "Risposta automatica: siamo in ferie fino al 20 agosto."),
            ("ja", "自動返信：ただいま休業中です。"),
        ],
        "near_miss": [
            ("en", "Our courier does not deliver on bank holidays, so it arrives Tuesday."),
            ("en", "The pump switches itself off automatically when the tank is full."),
            ("de", "Der Versand erfolgt nach den Feiertagen am Montag."),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", "Just a note to say your order is packed and has left our warehouse."),
            ("en", "Your parcel was collected by DHL this afternoon."),
            ("en", "We confirm that your order has been processed."),
            ("de", "Ihr Paket wurde heute an DHL übergeben."),
            ("fr", "Votre commande est en route."),
            ("es", "Le confirmamos que su pedido ha sido enviado."),
            ("it", "Il suo pacco è stato spedito oggi."),
            ("ja", "本日、商品を出荷いたしました。"),
        ],
        "near_miss": [
            ("en", "Your order has shipped, but one of the two boxes is missing; we are sending it now."),
            ("en", "The parcel left today; it needs a signature, so please be at home on Friday."),
            ("de", "Ihre Bestellung ist unterwegs, aber leider wurde ein Teil vergessen."),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", "Just wanted to say thanks for picking our shop!"),
            ("en", "We appreciate you! Enjoy your new kettle."),
            ("en", "Thanks for your order, and have a lovely weekend!"),
            ("de", "Danke, dass Sie bei uns bestellt haben! Viel Freude damit."),
            ("fr", "Merci pour votre commande et à bientôt !"),
            ("es", "¡Gracias por confiar en nosotros! Que disfrute su compra."),
            ("it", "Grazie per aver scelto il nostro negozio!"),
            ("ja", "お買い上げいただき、ありがとうございます。"),
        ],
        "near_miss": [
            ("en", "Thanks for your order. The charger is sold out, so we have refunded it."),
            ("en", "Thank you! Please see the attached assembly guide."),
            ("de", "Danke für Ihre Bestellung. Die Lieferung verzögert sich um einen Tag."),
        ],
    },
}
