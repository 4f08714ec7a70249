"""Behavioural cases in the other marketplace languages: per intent rule, at
least three breaches in different wording, and compliant near-misses.
The generator adds a hard line break and (Latin scripts) a one-letter typo."""

# lang -> rule -> {"canonical": [...], "near_miss": [...]}
CASES: dict[str, dict[str, dict[str, list[str]]]] = {
    "de": {
        "review.incentive": {
            "canonical": [
                "Für eine 5-Sterne-Bewertung erhalten Sie einen Gutschein über 10 €.",
                "Wenn Sie eine Rezension schreiben, erstatten wir Ihnen 20 % des Kaufpreises.",
                "Hinterlassen Sie eine Bewertung und wir schicken Ihnen ein kostenloses Geschenk.",
            ],
            "near_miss": [
                "Vielen Dank für Ihr Feedback; wir haben Ihnen 15 € erstattet.",
                "Die Rückerstattung wurde heute veranlasst.",
            ],
        },
        "review.positive": {
            "canonical": [
                "Wir würden uns über 5 Sterne sehr freuen!",
                "Bitte geben Sie uns eine positive Bewertung.",
                "Eine Fünf-Sterne-Bewertung würde uns sehr helfen.",
            ],
            "near_miss": [
                "Bitte hinterlassen Sie eine ehrliche Bewertung, ob positiv oder negativ.",
                "Unsere Lampe hat viele 5-Sterne-Bewertungen.",
            ],
        },
        "review.conditional": {
            "canonical": [
                "Wenn Sie zufrieden sind, hinterlassen Sie bitte eine Bewertung.",
                "Falls Ihnen der Artikel gefällt, freuen wir uns über eine Rezension.",
                "Wenn Sie nicht zufrieden sind, kontaktieren Sie uns bitte, bevor Sie eine Bewertung schreiben.",
            ],
            "near_miss": [
                "Wenn Sie Fragen haben, kontaktieren Sie uns bitte.",
                "Wenn Sie einen Moment Zeit haben, hinterlassen Sie bitte eine Bewertung.",
            ],
        },
        "review.change-request": {
            "canonical": [
                "Könnten Sie bitte die negative Bewertung entfernen?",
                "Wir bitten Sie, Ihre Bewertung zu ändern.",
                "Würden Sie Ihr Feedback aktualisieren, da das Problem gelöst ist?",
            ],
            "near_miss": [
                "Wir haben die Anleitung nach Ihrem Hinweis aktualisiert.",
                "Ihr Feedback hilft uns, unsere Produkte zu verbessern.",
            ],
        },
        "review.scripted": {
            "canonical": [
                "Bitte erwähnen Sie in Ihrer Bewertung den schnellen Versand.",
                "Schreiben Sie in der Rezension bitte, dass der Stoff weich ist.",
                "Bitte heben Sie in Ihrer Bewertung die gute Qualität hervor.",
            ],
            "near_miss": [
                "Bitte nennen Sie in Ihrer Antwort die Bestellnummer.",
                "Bitte beschreiben Sie den Schaden, damit wir helfen können.",
            ],
        },
        "promo.marketing": {
            "canonical": [
                "Folgen Sie uns auf Instagram für Neuheiten!",
                "Entdecken Sie unsere anderen Produkte in unserem Shop.",
                "Unser Black Friday Sale beginnt nächste Woche.",
            ],
            "near_miss": [
                "Das neue Lieferdatum ist Freitag.",
                "Der Betrag enthält die Mehrwertsteuer.",
            ],
        },
        "promo.coupon": {
            "canonical": [
                "Mit dem Code SPAR10 sparen Sie 10 % bei Ihrer nächsten Bestellung.",
                "Hier ist ein Gutschein für Ihren nächsten Einkauf.",
                "Nutzen Sie den Rabattcode HERBST15 an der Kasse.",
            ],
            "near_miss": [
                "Bitte geben Sie Ihre Postleitzahl an.",
                "Der Fehlercode E4 bedeutet, dass der Filter verstopft ist.",
            ],
        },
        "order.cancel-request": {
            "canonical": [
                "Bitte stornieren Sie die Bestellung selbst.",
                "Könnten Sie die Bestellung in Ihrem Konto stornieren?",
                "Der Artikel ist ausverkauft. Sie müssen die Stornierung selbst beantragen.",
            ],
            "near_miss": [
                "Wir haben Ihre Bestellung storniert und den Betrag erstattet.",
                "Der Artikel ist ausverkauft, daher stornieren wir die Bestellung.",
            ],
        },
        "order.discourage-return": {
            "canonical": [
                "Bitte senden Sie den Artikel nicht zurück, Rücksendungen sind für uns sehr teuer.",
                "Eine Rücksendung würde unserem kleinen Geschäft schaden.",
                "Bitte beantragen Sie keine Rückerstattung.",
            ],
            "near_miss": [
                "Sie können den Artikel innerhalb von 30 Tagen zurücksenden.",
                "Sie müssen die defekte Lampe nicht zurücksenden; Ersatz ist unterwegs.",
            ],
        },
        "link.opt-out": {
            "canonical": [
                "Wenn Sie keine weiteren Nachrichten erhalten möchten, antworten Sie mit STOP.",
                "Hier können Sie sich vom Newsletter abmelden.",
                "Sie können sich jederzeit abmelden.",
            ],
            "near_miss": [
                "Bitte antworten Sie mit einem Foto des Etiketts.",
                "Das Ladegerät schaltet sich automatisch ab.",
            ],
        },
        "content.auto-reply": {
            "canonical": [
                "Automatische Antwort: Wir sind bis Montag nicht im Büro.",
                "Dies ist eine automatisch generierte Nachricht.",
                "Wir sind im Urlaub und beantworten Ihre Nachricht nach unserer Rückkehr.",
            ],
            "near_miss": [
                "Unser Lager ist am Sonntag geschlossen, daher wird das Paket am Montag versendet.",
                "Die Lampe schaltet sich nach 8 Stunden automatisch aus.",
            ],
        },
        "order.confirmation": {
            "canonical": [
                "Ihre Bestellung wurde heute versandt.",
                "Ihr Paket ist unterwegs.",
                "Wir haben Ihre Bestellung verschickt. Ihre Sendungsnummer lautet 1Z8V47W20392817465.",
            ],
            "near_miss": [
                "Ihre Bestellung wurde versandt, ist aber beim Zoll verzögert.",
                "Ihr Ersatz wurde versandt, da die erste Lampe beschädigt war.",
            ],
        },
        "content.thanks-only": {
            "canonical": [
                "Vielen Dank für Ihren Einkauf! Wir hoffen, er gefällt Ihnen.",
                "Danke für Ihre Bestellung. Bei Fragen melden Sie sich gerne.",
                "Herzlichen Dank für Ihr Vertrauen. Einen schönen Tag noch!",
            ],
            "near_miss": [
                "Vielen Dank für Ihre Bestellung. Leider verzögert sich die Lieferung um zwei Tage.",
                "Danke für Ihren Einkauf. Die Anleitung finden Sie im Anhang.",
            ],
        },
    },
    "fr": {
        "review.incentive": {
            "canonical": [
                "Pour un avis 5 étoiles, nous vous offrons une carte cadeau de 10 €.",
                "Si vous laissez un avis, nous vous rembourserons 20 % de votre commande.",
                "Laissez un commentaire et recevez un cadeau gratuit.",
            ],
            "near_miss": [
                "Merci pour votre retour ; nous vous avons remboursé 15 €.",
                "Votre remboursement a été effectué aujourd'hui.",
            ],
        },
        "review.positive": {
            "canonical": [
                "Nous aimerions beaucoup recevoir 5 étoiles !",
                "Merci de nous laisser un avis positif.",
                "Une évaluation cinq étoiles nous aiderait énormément.",
            ],
            "near_miss": [
                "Merci de laisser un avis honnête, positif ou négatif.",
                "Notre lampe a reçu de nombreux avis 5 étoiles.",
            ],
        },
        "review.conditional": {
            "canonical": [
                "Si vous êtes satisfait, merci de laisser un avis.",
                "Si le produit vous plaît, n'hésitez pas à laisser un commentaire.",
                "Si vous n'êtes pas satisfait, contactez-nous avant de laisser un avis.",
            ],
            "near_miss": [
                "Si vous avez des questions, contactez-nous.",
                "Si vous avez un moment, merci de laisser un avis sur Amazon.",
            ],
        },
        "review.change-request": {
            "canonical": [
                "Pourriez-vous supprimer votre avis négatif ?",
                "Merci de modifier votre évaluation maintenant que le problème est résolu.",
                "Nous vous demandons de retirer votre commentaire.",
            ],
            "near_miss": [
                "Nous avons mis à jour la notice après votre message.",
                "Votre avis nous aide à améliorer nos produits.",
            ],
        },
        "review.scripted": {
            "canonical": [
                "Dans votre avis, merci de mentionner la livraison rapide.",
                "Veuillez écrire dans votre commentaire que le tissu est doux.",
                "Dans votre évaluation, soulignez la qualité du produit.",
            ],
            "near_miss": [
                "Merci de mentionner votre numéro de commande dans votre réponse.",
                "Veuillez décrire le dommage pour que nous puissions vous aider.",
            ],
        },
        "promo.marketing": {
            "canonical": [
                "Suivez-nous sur Instagram pour découvrir nos nouveautés !",
                "Découvrez nos autres produits dans notre boutique.",
                "Nos soldes commencent la semaine prochaine.",
            ],
            "near_miss": [
                "La nouvelle date de livraison est vendredi.",
                "Le montant comprend la TVA.",
            ],
        },
        "promo.coupon": {
            "canonical": [
                "Utilisez le code MERCI10 pour 10 % de réduction sur votre prochaine commande.",
                "Voici un bon de réduction pour votre prochain achat.",
                "Profitez de notre code promo PRINTEMPS15.",
            ],
            "near_miss": [
                "Veuillez indiquer votre code postal.",
                "Le code d'erreur E4 signifie que le filtre est bouché.",
            ],
        },
        "order.cancel-request": {
            "canonical": [
                "Merci d'annuler la commande vous-même.",
                "Pourriez-vous annuler la commande depuis votre compte ?",
                "L'article est en rupture de stock, veuillez demander l'annulation.",
            ],
            "near_miss": [
                "Nous avons annulé votre commande et vous avons remboursé.",
                "L'article est en rupture de stock, nous allons donc annuler la commande.",
            ],
        },
        "order.discourage-return": {
            "canonical": [
                "Merci de ne pas retourner l'article, les retours nous coûtent très cher.",
                "Un retour nuirait beaucoup à notre petite entreprise.",
                "Veuillez ne pas demander de remboursement.",
            ],
            "near_miss": [
                "Vous pouvez retourner l'article sous 30 jours.",
                "Pas besoin de retourner la lampe cassée, vous pouvez la garder.",
            ],
        },
        "link.opt-out": {
            "canonical": [
                "Si vous ne souhaitez plus recevoir nos messages, répondez STOP.",
                "Cliquez ici pour vous désabonner.",
                "Vous pouvez vous désinscrire à tout moment.",
            ],
            "near_miss": [
                "Merci de répondre avec une photo de l'étiquette.",
                "Le chargeur s'arrête automatiquement.",
            ],
        },
        "content.auto-reply": {
            "canonical": [
                "Réponse automatique : notre équipe est absente du bureau jusqu'à lundi.",
                "Ceci est un message automatique.",
                "Nous sommes en vacances et répondrons à votre message à notre retour.",
            ],
            "near_miss": [
                "Notre entrepôt est fermé le dimanche, le colis partira lundi.",
                "La lampe s'éteint automatiquement après 8 heures.",
            ],
        },
        "order.confirmation": {
            "canonical": [
                "Votre commande a été expédiée aujourd'hui.",
                "Votre colis est en route.",
                "Nous avons expédié votre commande. Votre numéro de suivi est 1Z8V47W20392817465.",
            ],
            "near_miss": [
                "Votre commande a été expédiée mais elle est retardée en douane.",
                "Votre remplacement a été expédié car la première lampe était cassée.",
            ],
        },
        "content.thanks-only": {
            "canonical": [
                "Merci beaucoup pour votre achat ! Nous espérons qu'il vous plaira.",
                "Merci pour votre commande. N'hésitez pas à nous contacter si vous avez des questions.",
                "Merci de votre confiance. Bonne journée !",
            ],
            "near_miss": [
                "Merci pour votre commande. Malheureusement, la livraison est retardée de deux jours.",
                "Merci pour votre achat. Vous trouverez la notice en pièce jointe.",
            ],
        },
    },
    "es": {
        "review.incentive": {
            "canonical": [
                "Por una reseña de 5 estrellas le enviaremos una tarjeta regalo de 10 €.",
                "Si deja una opinión, le reembolsaremos el 20 % del pedido.",
                "Deje una valoración y reciba un regalo gratis.",
            ],
            "near_miss": [
                "Gracias por su opinión; le hemos reembolsado 15 €.",
                "Su reembolso se ha procesado hoy.",
            ],
        },
        "review.positive": {
            "canonical": [
                "¡Nos encantaría recibir 5 estrellas!",
                "Por favor, déjenos una reseña positiva.",
                "Una valoración de cinco estrellas nos ayudaría mucho.",
            ],
            "near_miss": [
                "Deje una opinión sincera, sea positiva o negativa.",
                "Nuestra lámpara tiene muchas reseñas de 5 estrellas.",
            ],
        },
        "review.conditional": {
            "canonical": [
                "Si está satisfecho, por favor deje una reseña.",
                "Si le gusta el producto, le agradeceríamos una valoración.",
                "Si no está satisfecho, contáctenos antes de dejar una reseña.",
            ],
            "near_miss": [
                "Si tiene alguna pregunta, contáctenos.",
                "Si tiene un momento, deje una reseña en Amazon.",
            ],
        },
        "review.change-request": {
            "canonical": [
                "¿Podría eliminar su reseña negativa?",
                "Le rogamos que modifique su valoración ahora que el problema está resuelto.",
                "Por favor, cambie su opinión en Amazon.",
            ],
            "near_miss": [
                "Hemos actualizado las instrucciones tras su mensaje.",
                "Su opinión nos ayuda a mejorar nuestros productos.",
            ],
        },
        "review.scripted": {
            "canonical": [
                "En su reseña, por favor mencione el envío rápido.",
                "Escriba en su opinión que la tela es suave.",
                "Por favor, destaque la calidad del producto en su valoración.",
            ],
            "near_miss": [
                "Por favor, mencione su número de pedido en su respuesta.",
                "Describa el daño para que podamos ayudarle.",
            ],
        },
        "promo.marketing": {
            "canonical": [
                "¡Síganos en Instagram para ver nuestras novedades!",
                "Descubra nuestros otros productos en nuestra tienda.",
                "Nuestras rebajas de Black Friday empiezan la semana que viene.",
            ],
            "near_miss": [
                "La nueva fecha de entrega es el viernes.",
                "El importe incluye el IVA.",
            ],
        },
        "promo.coupon": {
            "canonical": [
                "Use el código AHORRA10 para obtener un 10 % de descuento en su próximo pedido.",
                "Aquí tiene un cupón para su próxima compra.",
                "Aproveche nuestro código promocional VERANO15.",
            ],
            "near_miss": [
                "Indique su código postal, por favor.",
                "El código de error E4 significa que el filtro está obstruido.",
            ],
        },
        "order.cancel-request": {
            "canonical": [
                "Por favor, cancele el pedido usted mismo.",
                "¿Podría cancelar el pedido desde su cuenta?",
                "El artículo está agotado; solicite la cancelación en Mis pedidos.",
            ],
            "near_miss": [
                "Hemos cancelado su pedido y le hemos reembolsado el importe.",
                "El artículo está agotado, así que cancelaremos el pedido.",
            ],
        },
        "order.discourage-return": {
            "canonical": [
                "Por favor, no devuelva el artículo; las devoluciones nos cuestan mucho.",
                "Una devolución perjudicaría mucho a nuestra pequeña empresa.",
                "Le rogamos que no solicite un reembolso.",
            ],
            "near_miss": [
                "Puede devolver el artículo en un plazo de 30 días.",
                "No es necesario devolver la lámpara rota; puede quedársela.",
            ],
        },
        "link.opt-out": {
            "canonical": [
                "Si no desea recibir más mensajes, responda STOP.",
                "Haga clic aquí para darse de baja.",
                "Puede darse de baja en cualquier momento.",
            ],
            "near_miss": [
                "Responda con una foto de la etiqueta, por favor.",
                "El cargador se apaga automáticamente.",
            ],
        },
        "content.auto-reply": {
            "canonical": [
                "Respuesta automática: nuestro equipo está fuera de la oficina hasta el lunes.",
                "Este es un mensaje automático.",
                "Estamos de vacaciones y responderemos a su mensaje a nuestro regreso.",
            ],
            "near_miss": [
                "Nuestro almacén está cerrado el domingo, el paquete saldrá el lunes.",
                "La lámpara se apaga automáticamente después de 8 horas.",
            ],
        },
        "order.confirmation": {
            "canonical": [
                "Su pedido ha sido enviado hoy.",
                "Su paquete está en camino.",
                "Hemos enviado su pedido. Su número de seguimiento es 1Z8V47W20392817465.",
            ],
            "near_miss": [
                "Su pedido ha sido enviado, pero está retenido en la aduana.",
                "Su reemplazo ha sido enviado porque la primera lámpara llegó rota.",
            ],
        },
        "content.thanks-only": {
            "canonical": [
                "¡Muchas gracias por su compra! Esperamos que la disfrute.",
                "Gracias por su pedido. Si tiene preguntas, no dude en contactarnos.",
                "Gracias por su confianza. ¡Que tenga un buen día!",
            ],
            "near_miss": [
                "Gracias por su pedido. Lamentablemente, la entrega se retrasa dos días.",
                "Gracias por su compra. Adjuntamos el manual de instrucciones.",
            ],
        },
    },
    "it": {
        "review.incentive": {
            "canonical": [
                "Per una recensione a 5 stelle le invieremo un buono regalo da 10 €.",
                "Se lascia una recensione, le rimborseremo il 20 % dell'ordine.",
                "Lasci una valutazione e riceverà un regalo gratuito.",
            ],
            "near_miss": [
                "Grazie per il suo feedback; le abbiamo rimborsato 15 €.",
                "Il suo rimborso è stato elaborato oggi.",
            ],
        },
        "review.positive": {
            "canonical": [
                "Ci piacerebbe ricevere 5 stelle!",
                "Per favore, ci lasci una recensione positiva.",
                "Una valutazione a cinque stelle ci aiuterebbe molto.",
            ],
            "near_miss": [
                "Lasci una recensione sincera, positiva o negativa.",
                "La nostra lampada ha molte recensioni a 5 stelle.",
            ],
        },
        "review.conditional": {
            "canonical": [
                "Se è soddisfatto, la preghiamo di lasciare una recensione.",
                "Se il prodotto le è piaciuto, lasci una valutazione.",
                "Se non è soddisfatto, ci contatti prima di lasciare una recensione.",
            ],
            "near_miss": [
                "Se ha domande, ci contatti.",
                "Se ha un momento, lasci una recensione su Amazon.",
            ],
        },
        "review.change-request": {
            "canonical": [
                "Potrebbe rimuovere la sua recensione negativa?",
                "La preghiamo di modificare la sua valutazione ora che il problema è risolto.",
                "Per favore, aggiorni il suo feedback.",
            ],
            "near_miss": [
                "Abbiamo aggiornato le istruzioni dopo il suo messaggio.",
                "Il suo feedback ci aiuta a migliorare i nostri prodotti.",
            ],
        },
        "review.scripted": {
            "canonical": [
                "Nella sua recensione, per favore menzioni la spedizione veloce.",
                "Scriva nella recensione che il tessuto è morbido.",
                "Per favore, evidenzi la qualità del prodotto nella sua valutazione.",
            ],
            "near_miss": [
                "Per favore, indichi il numero d'ordine nella sua risposta.",
                "Descriva il danno così possiamo aiutarla.",
            ],
        },
        "promo.marketing": {
            "canonical": [
                "Ci segua su Instagram per scoprire le novità!",
                "Scopra i nostri altri prodotti nel nostro negozio.",
                "I nostri saldi del Black Friday iniziano la prossima settimana.",
            ],
            "near_miss": [
                "La nuova data di consegna è venerdì.",
                "L'importo include l'IVA.",
            ],
        },
        "promo.coupon": {
            "canonical": [
                "Usi il codice GRAZIE10 per uno sconto del 10 % sul prossimo ordine.",
                "Ecco un coupon per il suo prossimo acquisto.",
                "Approfitti del nostro codice sconto ESTATE15.",
            ],
            "near_miss": [
                "Indichi il suo codice postale, per favore.",
                "Il codice di errore E4 indica che il filtro è ostruito.",
            ],
        },
        "order.cancel-request": {
            "canonical": [
                "Per favore, annulli l'ordine lei stesso.",
                "Potrebbe annullare l'ordine dal suo account?",
                "L'articolo è esaurito; richieda l'annullamento nei suoi ordini.",
            ],
            "near_miss": [
                "Abbiamo annullato il suo ordine e l'abbiamo rimborsata.",
                "L'articolo è esaurito, quindi annulleremo l'ordine.",
            ],
        },
        "order.discourage-return": {
            "canonical": [
                "Per favore, non restituisca l'articolo: i resi ci costano molto.",
                "Un reso danneggerebbe molto la nostra piccola azienda.",
                "La preghiamo di non richiedere un rimborso.",
            ],
            "near_miss": [
                "Può restituire l'articolo entro 30 giorni.",
                "Non è necessario restituire la lampada rotta, può tenerla.",
            ],
        },
        "link.opt-out": {
            "canonical": [
                "Se non desidera ricevere altri messaggi, risponda STOP.",
                "Clicchi qui per annullare l'iscrizione.",
                "Può disiscriversi in qualsiasi momento.",
            ],
            "near_miss": [
                "Risponda con una foto dell'etichetta, per favore.",
                "Il caricatore si spegne automaticamente.",
            ],
        },
        "content.auto-reply": {
            "canonical": [
                "Risposta automatica: il nostro team è fuori ufficio fino a lunedì.",
                "Questo è un messaggio automatico.",
                "Siamo in ferie e risponderemo al suo messaggio al nostro rientro.",
            ],
            "near_miss": [
                "Il nostro magazzino è chiuso la domenica, il pacco partirà lunedì.",
                "La lampada si spegne automaticamente dopo 8 ore.",
            ],
        },
        "order.confirmation": {
            "canonical": [
                "Il suo ordine è stato spedito oggi.",
                "Il suo pacco è in viaggio.",
                "Abbiamo spedito il suo ordine. Il numero di tracciamento è 1Z8V47W20392817465.",
            ],
            "near_miss": [
                "Il suo ordine è stato spedito, ma è fermo in dogana.",
                "La sostituzione è stata spedita perché la prima lampada era rotta.",
            ],
        },
        "content.thanks-only": {
            "canonical": [
                "Grazie mille per il suo acquisto! Speriamo che le piaccia.",
                "Grazie per il suo ordine. Per qualsiasi domanda non esiti a contattarci.",
                "Grazie per la sua fiducia. Buona giornata!",
            ],
            "near_miss": [
                "Grazie per il suo ordine. Purtroppo la consegna è in ritardo di due giorni.",
                "Grazie per il suo acquisto. In allegato trova il manuale di istruzioni.",
            ],
        },
    },
    "ja": {
        "review.incentive": {
            "canonical": [
                "星5つのレビューを書いていただいた方には、Amazonギフト券1000円分をプレゼントいたします。",
                "レビューを投稿していただければ、送料を返金いたします。",
                "ご感想をお寄せいただいたお客様に、割引クーポンを差し上げます。",
            ],
            "near_miss": [
                "ご意見ありがとうございます。1500円を返金いたしました。",
                "返金手続きは本日完了いたしました。",
            ],
        },
        "review.positive": {
            "canonical": [
                "★5のレビューをお願いいたします。",
                "高評価をいただけると大変嬉しいです。",
                "5つ星の評価をつけていただけますと幸いです。",
            ],
            "near_miss": [
                "率直なご感想をレビューでお聞かせください。",
                "当店のランプは多くの5つ星レビューをいただいております。",
            ],
        },
        "review.conditional": {
            "canonical": [
                "ご満足いただけましたら、レビューをお願いいたします。",
                "商品を気に入っていただけた場合は、ぜひ評価をお願いします。",
                "ご不満がある場合は、レビューを書く前にまずご連絡ください。",
            ],
            "near_miss": [
                "ご不明な点がございましたら、お気軽にご連絡ください。",
                "お時間がございましたら、Amazonでレビューをお願いいたします。",
            ],
        },
        "review.change-request": {
            "canonical": [
                "低評価のレビューを削除していただけないでしょうか。",
                "問題は解決しましたので、評価を変更していただけますと幸いです。",
                "投稿されたレビューの修正をお願いできますでしょうか。",
            ],
            "near_miss": [
                "ご指摘を受けて説明書を更新いたしました。",
                "お客様のご意見は商品の改善に役立てております。",
            ],
        },
        "review.scripted": {
            "canonical": [
                "レビューでは、発送の速さについて触れていただけると嬉しいです。",
                "レビューに「生地が柔らかい」と書いていただけますか。",
                "評価の際は、品質の良さを強調していただけますと幸いです。",
            ],
            "near_miss": [
                "ご返信の際は注文番号をご記載ください。",
                "破損の状況を詳しくお知らせください。",
            ],
        },
        "promo.marketing": {
            "canonical": [
                "新商品はインスタグラムでご覧いただけます。フォローをお願いします！",
                "当店の他の商品もぜひチェックしてください。",
                "来週からブラックフライデーセールを開催します。",
            ],
            "near_miss": [
                "新しいお届け予定日は金曜日です。",
                "金額には消費税が含まれております。",
            ],
        },
        "promo.coupon": {
            "canonical": [
                "次回のご注文にご利用いただける10%オフクーポンをお送りします。",
                "クーポンコードSAVE10をご利用ください。",
                "次回購入時に使える割引コードをお付けいたします。",
            ],
            "near_miss": [
                "郵便番号をお知らせください。",
                "エラーコードE4はフィルターの詰まりを示しています。",
            ],
        },
        "order.cancel-request": {
            "canonical": [
                "お客様ご自身で注文をキャンセルしていただけますでしょうか。",
                "在庫切れのため、注文履歴からキャンセルをお願いいたします。",
                "アカウントからキャンセル手続きをしてください。",
            ],
            "near_miss": [
                "ご注文をキャンセルし、全額返金いたしました。",
                "在庫切れのため、当店にてご注文をキャンセルいたします。",
            ],
        },
        "order.discourage-return": {
            "canonical": [
                "返品はご遠慮いただけますでしょうか。",
                "返品されると当店に大きな損害が出てしまいます。",
                "返金申請はしないでください。",
            ],
            "near_miss": [
                "商品到着後30日以内であれば返品が可能です。",
                "破損した商品はご返送不要です。そのままお手元で処分してください。",
            ],
        },
        "link.opt-out": {
            "canonical": [
                "今後のメッセージが不要な場合は「配信停止」とご返信ください。",
                "配信停止をご希望の方はこちらから手続きできます。",
                "メッセージの受信を希望されない場合はお知らせください。今後のメッセージを停止します。",
            ],
            "near_miss": [
                "ラベルの写真を添えてご返信ください。",
                "充電が完了すると自動で停止します。",
            ],
        },
        "content.auto-reply": {
            "canonical": [
                "こちらは自動返信メッセージです。",
                "ただいま休業中のため、ご返信は休業明けとなります。",
                "本メールは自動送信されています。",
            ],
            "near_miss": [
                "倉庫が日曜日休みのため、月曜日の発送となります。",
                "ランプは8時間後に自動で消灯します。",
            ],
        },
        "order.confirmation": {
            "canonical": [
                "ご注文の商品を本日発送いたしました。",
                "お荷物は配送中です。",
                "ご注文を発送しました。追跡番号は1Z8V47W20392817465です。",
            ],
            "near_miss": [
                "ご注文の商品は発送済みですが、税関で遅延しております。",
                "最初の商品が破損していたため、交換品を発送いたしました。",
            ],
        },
        "content.thanks-only": {
            "canonical": [
                "ご購入いただき誠にありがとうございます。お楽しみいただければ幸いです。",
                "この度はご注文ありがとうございました。ご不明な点がございましたらお気軽にお問い合わせください。",
                "いつもご利用いただきありがとうございます。今後ともよろしくお願いいたします。",
            ],
            "near_miss": [
                "ご注文ありがとうございます。申し訳ございませんが、お届けが2日遅れます。",
                "ご購入ありがとうございます。取扱説明書を添付いたしました。",
            ],
        },
    },
}
