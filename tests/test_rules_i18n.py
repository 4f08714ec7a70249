"""Marketplace languages: German, French, Spanish, Italian and Japanese
phrasings beyond the corpus. Each rule fires on the guideline's breach and
stays quiet on the legitimate use of the same words. Also: full-width forms
typed by Japanese and Chinese input methods, and the languages that have only
language-independent rules (Dutch, Polish, Swedish, Turkish)."""

from __future__ import annotations

import pytest

from checks import Context, Draft, check

OID = "113-1234567-1234567"
FRAME = {
    "de": ("amazon.de", "Hallo Frau Weber,\n\n{body}\n\nMit freundlichen Grüßen\nAcme Haus"),
    "fr": ("amazon.fr", "Bonjour Madame Martin,\n\n{body}\n\nCordialement,\nAcme Maison"),
    "es": ("amazon.es", "Hola, Lucía:\n\n{body}\n\nUn saludo,\nAcme Hogar"),
    "it": ("amazon.it", "Gentile signora Rossi,\n\n{body}\n\nCordiali saluti,\nAcme Casa"),
    "ja": ("amazon.co.jp", "山田様\n\n{body}\n\nよろしくお願いいたします。\nAcme ジャパン"),
}


def draft(lang: str, body: str, **context) -> Draft:
    marketplace, frame = FRAME[lang]
    base = {"order_id": OID, "today": "2026-11-21", "delivery_date": "2026-11-15", "previous_review_requests": 0,
            "buyer_language": lang, "marketplace": marketplace}
    return Draft(text=frame.format(body=body), context=Context(**{**base, **context}))


FIRES = [
    # --- German ---
    ("de", "review.incentive", f"Für jede Bewertung zu Bestellung {OID} erhalten Sie einen Amazon-Gutschein über 10 €."),
    ("de", "review.incentive", f"Wenn Sie Ihre Rezension zu Bestellung {OID} anpassen, erstatten wir Ihnen die Versandkosten."),
    ("de", "review.positive", f"Wir würden uns sehr über eine 5-Sterne-Bewertung für Bestellung {OID} freuen."),
    ("de", "review.positive", f"Bitte hinterlassen Sie uns eine positive Bewertung zu Bestellung {OID}."),
    ("de", "review.conditional", f"Wenn Ihnen der Wasserkocher aus Bestellung {OID} gefällt, schreiben Sie bitte eine Rezension."),
    ("de", "review.change-request", f"Das Problem mit Bestellung {OID} ist gelöst; könnten Sie Ihre negative Bewertung bitte löschen?"),
    ("de", "review.scripted", f"Bitte bewerten Sie Bestellung {OID} und heben Sie dabei hervor, wie leise der Motor ist."),
    ("de", "promo.marketing", f"Ihre Bestellung {OID} ist unterwegs. Entdecken Sie auch unsere neue Winterkollektion!"),
    ("de", "promo.coupon", f"Entschuldigung für die Verzögerung bei Bestellung {OID}: Mit dem Gutscheincode WINTER20 sparen Sie beim nächsten Einkauf."),
    ("de", "order.divert", f"Beim nächsten Mal kaufen Sie am besten direkt in unserem Onlineshop ein. Bestellung {OID}."),
    ("de", "order.divert", f"Wir erstatten Bestellung {OID} gerne per PayPal."),
    ("de", "order.divert", f"Zu Bestellung {OID}: Bitte rufen Sie uns direkt an, dann klären wir das schnell."),
    ("de", "order.cancel-request", f"Die Lampe aus Bestellung {OID} ist nicht lieferbar. Sie müssen die Bestellung leider selbst stornieren."),
    ("de", "order.discourage-return", f"Bitte senden Sie die Lampe aus Bestellung {OID} nicht zurück, Rücksendungen sind für uns sehr teuer."),
    ("de", "order.confirmation", f"Gute Nachricht: Ihre Bestellung {OID} wurde heute versandt. Ihre Sendungsnummer lautet 1Z999AA10123456784."),
    ("de", "content.thanks-only", f"Herzlichen Dank für Ihre Bestellung {OID}! Viel Freude mit Ihrer neuen Lampe."),
    ("de", "content.auto-reply", f"Automatische Antwort: Wir haben Ihre Nachricht zu Bestellung {OID} erhalten und melden uns nach unserem Urlaub."),
    ("de", "link.opt-out", f"Die Pflegeanleitung zu Bestellung {OID} liegt bei. Wenn Sie keine weiteren Nachrichten erhalten möchten, antworten Sie mit STOPP."),
    ("de", "contact.social", f"Zu Bestellung {OID}: Folgen Sie uns auf Instagram @acmehaus für Pflegetipps."),
    ("de", "content.objectionable", f"Zu Bestellung {OID}: Sie sind wirklich ein Idiot."),
    # --- French ---
    ("fr", "review.incentive", f"Pour chaque avis laissé sur la commande {OID}, nous vous offrons une carte cadeau de 10 €."),
    ("fr", "review.positive", f"Pourriez-vous nous laisser une évaluation positive pour la commande {OID} ?"),
    ("fr", "review.positive", f"Un avis 5 étoiles pour la commande {OID} nous aiderait beaucoup, merci de le laisser sur Amazon."),
    ("fr", "review.conditional", f"Si le grille-pain de la commande {OID} vous plaît, laissez-nous un avis sur Amazon."),
    ("fr", "review.change-request", f"Le problème de la commande {OID} est réglé : pourriez-vous modifier votre commentaire négatif ?"),
    ("fr", "review.scripted", f"Merci de laisser un avis sur la commande {OID} en mentionnant la rapidité de la livraison."),
    ("fr", "promo.marketing", f"Votre commande {OID} est en route. Découvrez aussi nos nouveautés sur notre boutique Amazon !"),
    ("fr", "promo.coupon", f"Pour le retard de la commande {OID}, voici un code promo : MERCI10."),
    ("fr", "order.divert", f"La prochaine fois, commandez directement sur notre site pour éviter les frais. Commande {OID}."),
    ("fr", "order.divert", f"Nous pouvons rembourser la commande {OID} par virement bancaire."),
    ("fr", "order.cancel-request", f"La lampe de la commande {OID} est en rupture de stock. Veuillez annuler la commande de votre côté."),
    ("fr", "order.discourage-return", f"Merci de ne pas retourner la lampe de la commande {OID} : les retours nous coûtent très cher."),
    ("fr", "order.confirmation", f"Bonne nouvelle : votre colis de la commande {OID} a été expédié. Votre numéro de suivi est 1Z999AA10123456784."),
    ("fr", "content.thanks-only", f"Merci beaucoup pour votre commande {OID} ! Nous espérons que votre lampe vous plaira."),
    ("fr", "content.auto-reply", f"Ceci est une réponse automatique. Notre équipe est en congés et vous répondra à son retour. Commande {OID}."),
    ("fr", "link.opt-out", f"La notice de la commande {OID} est jointe. Pour vous désabonner de nos messages, répondez STOP."),
    ("fr", "content.objectionable", f"Commande {OID} : arrêtez de vous plaindre, espèce d'imbécile."),
    # --- Spanish ---
    ("es", "review.incentive", f"Si deja una reseña del pedido {OID}, le reembolsaremos 10 € como agradecimiento."),
    ("es", "review.positive", f"¿Podría dejarnos una valoración de cinco estrellas para el pedido {OID}?"),
    ("es", "review.conditional", f"Si está satisfecho con el pedido {OID}, déjenos una reseña en Amazon."),
    ("es", "review.change-request", f"Ya hemos resuelto el problema del pedido {OID}; ¿podría eliminar su opinión negativa?"),
    ("es", "review.scripted", f"Al escribir la reseña del pedido {OID}, mencione lo fácil que fue el montaje."),
    ("es", "promo.marketing", f"Su pedido {OID} ya está en camino. ¡Descubra también nuestros otros productos en nuestra tienda!"),
    ("es", "promo.coupon", f"Por el retraso del pedido {OID}, use el cupón AHORRA15 en su próxima compra."),
    ("es", "order.divert", f"La próxima vez, compre directamente en nuestra tienda online. Pedido {OID}."),
    ("es", "order.divert", f"Sobre el pedido {OID}: llámenos al servicio técnico y lo solucionamos."),
    ("es", "order.cancel-request", f"La lámpara del pedido {OID} está agotada. Por favor, cancele el pedido usted mismo."),
    ("es", "order.discourage-return", f"Le rogamos que no devuelva la lámpara del pedido {OID}; las devoluciones nos causan muchas pérdidas."),
    ("es", "order.confirmation", f"Su pedido {OID} ha sido enviado hoy. Su número de seguimiento es 1Z999AA10123456784."),
    ("es", "content.thanks-only", f"¡Muchas gracias por su pedido {OID}! Esperamos que disfrute de su nueva lámpara."),
    ("es", "content.auto-reply", f"Respuesta automática: hemos recibido su mensaje sobre el pedido {OID} y le contestaremos pronto."),
    ("es", "link.opt-out", f"El manual del pedido {OID} va adjunto. Si no desea recibir más mensajes, responda BAJA."),
    ("es", "contact.social", f"Pedido {OID}: escríbanos por WhatsApp al +34 612 345 678."),
    ("es", "content.objectionable", f"Pedido {OID}: no sea tan estúpido, lea el manual."),
    # --- Italian ---
    ("it", "review.incentive", f"Se lascia una recensione per l'ordine {OID}, le rimborseremo 10 € come ringraziamento."),
    ("it", "review.positive", f"Ci lascerebbe una recensione a cinque stelle per l'ordine {OID}?"),
    ("it", "review.conditional", f"Se è soddisfatta dell'ordine {OID}, ci lasci una recensione su Amazon."),
    ("it", "review.change-request", f"Abbiamo risolto il problema dell'ordine {OID}: potrebbe rimuovere la sua recensione negativa?"),
    ("it", "promo.marketing", f"Il Suo ordine {OID} è in arrivo. Scopra anche i nostri nuovi prodotti!"),
    ("it", "promo.coupon", f"Per il ritardo dell'ordine {OID}, usi il codice sconto GRAZIE10."),
    ("it", "order.divert", f"La prossima volta acquisti direttamente sul nostro sito. Ordine {OID}."),
    ("it", "order.divert", f"Per l'ordine {OID}, ci contatti direttamente su WhatsApp."),
    ("it", "order.cancel-request", f"La lampada dell'ordine {OID} è esaurita. La preghiamo di annullare l'ordine."),
    ("it", "order.discourage-return", f"La preghiamo di non restituire la lampada dell'ordine {OID}: i resi ci costano moltissimo."),
    ("it", "order.confirmation", f"Il Suo ordine {OID} è stato spedito. Il numero di tracciamento è 1Z999AA10123456784."),
    ("it", "content.thanks-only", f"Grazie mille per il Suo ordine {OID}! Speriamo che la lampada Le piaccia."),
    ("it", "content.auto-reply", f"Risposta automatica: il nostro ufficio è chiuso e risponderemo lunedì. Ordine {OID}."),
    ("it", "link.opt-out", f"Il manuale dell'ordine {OID} è allegato. Se non desidera più ricevere messaggi, risponda STOP."),
    ("it", "content.objectionable", f"Ordine {OID}: non sia cretino, legga le istruzioni."),
    # --- Japanese ---
    ("ja", "review.incentive", f"ご注文番号 {OID} の商品のレビューを投稿していただいた方には、Amazonギフト券1000円分をプレゼントいたします。"),
    ("ja", "review.positive", f"ご注文番号 {OID} の商品について、高評価のレビューをお願いいたします。"),
    ("ja", "review.conditional", f"ご注文番号 {OID} の商品にご満足いただけましたら、レビューをお願いいたします。"),
    ("ja", "review.change-request", f"ご注文番号 {OID} の件は解決いたしましたので、レビューの削除をお願いできますでしょうか。"),
    ("ja", "review.scripted", f"ご注文番号 {OID} のレビューをお願いいたします。組み立てが簡単だったことを書いていただけると助かります。"),
    ("ja", "promo.marketing", f"ご注文番号 {OID} の商品は発送準備中です。新商品のキャンペーンも実施中です。"),
    ("ja", "promo.coupon", f"ご注文番号 {OID} の遅延のお詫びとして、次回使える10%オフのクーポンをお送りします。"),
    ("ja", "order.divert", f"ご注文番号 {OID} の件、次回は公式サイトからご注文いただくとお得です。"),
    ("ja", "order.divert", f"ご注文番号 {OID} の返金は銀行振込にて対応いたします。"),
    ("ja", "order.cancel-request", f"ご注文番号 {OID} の商品は在庫切れです。お客様ご自身でキャンセルしていただけますでしょうか。"),
    ("ja", "order.discourage-return", f"ご注文番号 {OID} の商品の返品はご遠慮ください。"),
    ("ja", "order.confirmation", f"ご注文番号 {OID} の商品を本日発送いたしました。追跡番号は1Z999AA10123456784です。"),
    ("ja", "content.thanks-only", f"ご注文番号 {OID} のご購入、誠にありがとうございます。末永くご愛用ください。"),
    ("ja", "content.auto-reply", f"こちらは自動返信です。ご注文番号 {OID} について、休業明けに順次ご返信いたします。"),
    ("ja", "link.opt-out", f"ご注文番号 {OID} の取扱説明書を添付いたします。今後メッセージの受信を希望されない場合は「停止」と返信してください。"),
    ("ja", "contact.social", f"ご注文番号 {OID} の件、公式LINE（ID：acme_jp）までご連絡ください。"),
    ("ja", "content.objectionable", f"ご注文番号 {OID} の説明書も読めないなんて、バカですか。"),
]

QUIET = [
    # --- German ---
    ("de", "review.incentive", f"Wir senden Ihnen einen kostenlosen Ersatz für Bestellung {OID}. Über eine ehrliche Bewertung würden wir uns freuen."),
    ("de", "review.incentive", f"Für Bestellung {OID} erhalten Sie einen kostenlosen Ersatz im Rahmen der Garantie."),
    ("de", "review.positive", f"Wir freuen uns über eine ehrliche Bewertung zu Bestellung {OID}, ob positiv oder negativ."),
    ("de", "review.conditional", f"Wenn Sie einen Moment Zeit haben, würden wir uns über eine Bewertung zu Bestellung {OID} freuen."),
    ("de", "review.change-request", f"Wir haben Ihre Anfrage zu Bestellung {OID} geprüft und schicken ein neues Teil."),
    ("de", "promo.marketing", f"Wir können Bestellung {OID} noch mit einer Geschenkverpackung versehen, da sie nicht versandt wurde."),
    ("de", "promo.coupon", f"Wir bieten keinen Gutschein an, haben Ihnen aber die Versandkosten für Bestellung {OID} erstattet."),
    ("de", "promo.coupon", f"Das Display der Fritteuse aus Bestellung {OID} zeigt den Fehlercode E05."),
    ("de", "order.divert", f"Sie können uns jederzeit über die Amazon-Nachrichten zu Bestellung {OID} kontaktieren."),
    ("de", "order.cancel-request", f"Die Lampe aus Bestellung {OID} ist nicht lieferbar, daher haben wir die Bestellung storniert und Ihnen den Betrag erstattet."),
    ("de", "order.cancel-request", f"Sie müssen die Bestellung {OID} nicht stornieren; wir liefern am Montag."),
    ("de", "order.discourage-return", f"Sie müssen die beschädigte Lampe aus Bestellung {OID} nicht zurücksenden; wir schicken Ihnen eine neue."),
    ("de", "order.confirmation", f"Ihre Bestellung {OID} wurde versandt, aber der Zusteller meldet eine Verzögerung; sie kommt am Montag."),
    ("de", "content.thanks-only", f"Vielen Dank für Ihre Bestellung {OID}. Bitte bestätigen Sie den Gravurtext: „Mia 2026“."),
    ("de", "content.objectionable", f"Bitte entfernen Sie vor dem Gebrauch den Staub vom Filter aus Bestellung {OID}."),
    ("de", "link.opt-out", f"Bitte melden Sie sich bei der Spedition für Bestellung {OID} an, um einen Termin zu wählen."),
    # --- French ---
    ("fr", "review.incentive", f"Nous vous envoyons gratuitement un produit de remplacement pour la commande {OID}. Un avis honnête nous aiderait."),
    ("fr", "review.positive", f"Pourriez-vous partager votre expérience de la commande {OID} dans un avis, positif ou négatif ?"),
    ("fr", "review.conditional", f"Si vous avez un moment, laissez un avis sur la commande {OID} sur Amazon."),
    ("fr", "promo.coupon", f"Nous n'offrons pas de code promo, mais nous avons remboursé la livraison de la commande {OID}."),
    ("fr", "promo.coupon", f"L'écran de la friteuse de la commande {OID} affiche le code d'erreur E05."),
    ("fr", "order.divert", f"N'hésitez pas à nous contacter via la messagerie Amazon au sujet de la commande {OID}."),
    ("fr", "order.cancel-request", f"La lampe de la commande {OID} est en rupture de stock : nous avons annulé la commande et vous avons remboursé."),
    ("fr", "order.discourage-return", f"Vous n'avez pas besoin de retourner la lampe endommagée de la commande {OID} ; nous en envoyons une nouvelle."),
    ("fr", "content.thanks-only", f"Merci pour votre commande {OID}. Pourriez-vous confirmer le texte de la gravure : « Mia 2026 » ?"),
    ("fr", "content.objectionable", f"Le colis de la commande {OID} a pris du retard au centre de tri."),
    # --- Spanish ---
    ("es", "review.incentive", f"Le enviamos gratis un producto de sustitución para el pedido {OID}. Si tiene un momento, una reseña sincera nos ayudaría."),
    ("es", "review.positive", f"¿Podría compartir su experiencia con el pedido {OID} en una reseña, positiva o negativa?"),
    ("es", "promo.coupon", f"No ofrecemos cupones, pero hemos reembolsado el envío del pedido {OID}."),
    ("es", "order.divert", f"Puede escribirnos cuando quiera a través de la mensajería de Amazon sobre el pedido {OID}."),
    ("es", "order.cancel-request", f"La lámpara del pedido {OID} está agotada, así que hemos cancelado el pedido y le hemos reembolsado."),
    ("es", "order.discourage-return", f"No necesita devolver la lámpara dañada del pedido {OID}; le enviamos una nueva."),
    ("es", "content.thanks-only", f"Gracias por su pedido {OID}. ¿Podría confirmar el texto del grabado: «Mia 2026»?"),
    ("es", "content.objectionable", f"El pedido {OID} llegará con retraso por una huelga de transportistas."),
    # --- Italian ---
    ("it", "review.incentive", f"Le inviamo gratuitamente un prodotto sostitutivo per l'ordine {OID}. Una recensione sincera ci aiuterebbe."),
    ("it", "review.positive", f"Potrebbe condividere la Sua esperienza con l'ordine {OID} in una recensione, positiva o negativa?"),
    ("it", "promo.coupon", f"Non offriamo buoni sconto, ma abbiamo rimborsato la spedizione dell'ordine {OID}."),
    ("it", "order.divert", f"Può scriverci quando vuole tramite la messaggistica di Amazon per l'ordine {OID}."),
    ("it", "order.cancel-request", f"La lampada dell'ordine {OID} è esaurita, quindi abbiamo annullato l'ordine e La abbiamo rimborsata."),
    ("it", "order.discourage-return", f"Non deve restituire la lampada danneggiata dell'ordine {OID}; gliene inviamo una nuova."),
    ("it", "content.thanks-only", f"Grazie per il Suo ordine {OID}. Potrebbe confermare il testo dell'incisione: «Mia 2026»?"),
    # --- Japanese ---
    ("ja", "review.incentive", f"ご注文番号 {OID} の商品の交換品を無料でお送りいたします。"),
    ("ja", "review.positive", f"ご注文番号 {OID} の商品について、率直なレビューをお寄せいただけますと幸いです。"),
    ("ja", "promo.marketing", f"ご注文番号 {OID} の商品は、新品と交換いたします。"),
    ("ja", "promo.coupon", f"ご注文番号 {OID} の炊飯器の表示はエラーコードE05です。"),
    ("ja", "order.divert", f"ご注文番号 {OID} の件は、Amazonのメッセージからお気軽にご連絡ください。"),
    ("ja", "order.cancel-request", f"ご注文番号 {OID} の商品は在庫切れのため、こちらでキャンセルと全額返金の手続きをいたします。"),
    ("ja", "order.discourage-return", f"ご注文番号 {OID} の破損品の返品は不要です。新しい商品をお送りします。"),
    ("ja", "content.thanks-only", f"ご注文番号 {OID} のご購入ありがとうございます。刻印の文字をご確認いただけますか？"),
    ("ja", "content.objectionable", f"ご注文番号 {OID} のカスタマーサポートより、カスタム品の仕様をご案内いたします。"),
]


@pytest.mark.parametrize(("lang", "rule", "body"), FIRES)
async def test_fires(lang, rule, body):
    report = await check(draft(lang, body))
    assert rule in report.rule_ids(), report.rule_ids()


@pytest.mark.parametrize(("lang", "rule", "body"), QUIET)
async def test_quiet(lang, rule, body):
    report = await check(draft(lang, body))
    assert rule not in report.rule_ids(), [f.excerpt for f in report.findings if f.rule == rule]


# --- full-width forms (Japanese and Chinese input methods) ------------------------

FULL_WIDTH_OID = "２５０－１２３４５６７－１２３４５６７"


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("link.external", f"ご注文番号 {OID} の説明書はｈｔｔｐｓ：／／ａｃｍｅ．ｃｏ．ｊｐ／ｍａｎｕａｌをご覧ください。"),
        ("link.external", f"ご注文番号 {OID} の詳細はacme-home.jpでご確認ください。"),
        ("link.insecure", f"ご注文番号 {OID} の返品はｈｔｔｐ：／／ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐから手続きできます。"),
        ("contact.email", f"ご注文番号 {OID} の写真はｓｕｐｐｏｒｔ＠ａｃｍｅ．ｊｐまでお送りください。"),
        ("contact.email", f"ご注文番号 {OID} の件はinfo@acme.co.jpまでお送りください。"),
        ("contact.phone", f"ご注文番号 {OID} の件は、お電話（０３－１２３４－５６７８）でも承ります。"),
        ("style.emoji", f"ご注文番号 {OID} の商品を本日お届けします🚚"),
        ("style.line-breaks", f"ご注文番号 {OID} の商品は明日届きます。\n\u3000\n\u3000\n新しい日時をご確認ください。"),
        ("order.id-malformed", "ご注文番号 ２５０－１２３４５６７－１２３４５６ の商品は明日届きます。"),
    ],
)
async def test_full_width_forms_fire(rule, body):
    report = await check(draft("ja", body))
    assert rule in report.rule_ids(), report.rule_ids()


async def test_full_width_order_id_is_the_order():
    report = await check(draft("ja", f"ご注文番号 {FULL_WIDTH_OID} の商品は明日届きます。", order_id="250-1234567-1234567"))
    ids = report.rule_ids()
    assert not {"order.id-missing", "order.id-malformed", "order.id-mismatch", "contact.phone"} & set(ids), ids


async def test_amazon_link_followed_by_japanese_is_amazon():
    report = await check(draft("ja", f"ご注文番号 {OID} の返品はhttps://www.amazon.co.jp/gp/css/order-historyから手続きできます。"))
    assert "link.external" not in report.rule_ids()


async def test_japanese_spelling_is_not_checked_and_the_report_says_so():
    report = await check(draft("ja", f"ご注文番号 {OID} の商品は明日届きます。"))
    assert "style.spelling" not in report.rule_ids()
    assert any("Spelling was not checked" in note and "'ja'" in note for note in report.notes)


# --- languages with language-independent rules only ------------------------------

OTHER = {
    "nl": ("amazon.nl", f"Beste meneer De Vries,\n\nDe levering van uw bestelling {OID} is helaas twee dagen vertraagd. "
           "U hoeft de oude lamp niet terug te sturen; wij sturen kosteloos een nieuwe.\n\nMet vriendelijke groet,\nAcme Huis"),
    "pl": ("amazon.pl", f"Dzień dobry,\n\nprzesyłka z zamówienia {OID} jest opóźniona o dwa dni. "
           "Nie musi Pani zwracać starej lampy; wyślemy bezpłatnie nową.\n\nZ poważaniem,\nAcme Dom"),
    "sv": ("amazon.se", f"Hej Anna,\n\nleveransen av din beställning {OID} är tyvärr försenad med två dagar. "
           "Du behöver inte returnera den gamla lampan; vi skickar en ny kostnadsfritt.\n\nMed vänliga hälsningar,\nAcme Hem"),
    "tr": ("amazon.com.tr", f"Merhaba Ayşe Hanım,\n\n{OID} numaralı siparişinizin teslimatı iki gün gecikecektir. "
           "Eski lambayı iade etmenize gerek yok; size ücretsiz olarak yenisini göndereceğiz.\n\nSaygılarımızla,\nAcme Ev"),
}
TYPOS = {"nl": ("drukkte", "vertraagd door de drukkte"), "pl": ("opużniona", "opóźniona, jest opużniona"),
         "sv": ("besvärett", "försenad, ursäkta besvärett"), "tr": ("edilecekdir", "gecikecektir, teslim edilecekdir")}


def _other(lang: str, text: str | None = None, **context) -> Draft:
    marketplace, default = OTHER[lang]
    ctx = {"order_id": OID, "today": "2026-11-21", "delivery_date": "2026-11-15", "buyer_language": lang, "marketplace": marketplace}
    return Draft(text=text or default, context=Context(**{**ctx, **context}))


@pytest.mark.parametrize("lang", list(OTHER))
async def test_clean_draft_in_other_languages_has_no_findings(lang):
    report = await check(_other(lang))
    assert report.rule_ids() == [], [(f.rule, f.excerpt) for f in report.findings]


@pytest.mark.parametrize("lang", list(OTHER))
async def test_other_languages_are_spell_checked_with_their_dictionary(lang):
    word, replacement = TYPOS[lang]
    _marketplace, text = OTHER[lang]
    original = {"nl": "vertraagd", "pl": "opóźniona", "sv": "försenad", "tr": "gecikecektir"}[lang]
    report = await check(_other(lang, text.replace(original, replacement, 1)))
    assert [f.excerpt for f in report.findings if f.rule == "style.spelling"] == [word]


@pytest.mark.parametrize("lang", list(OTHER))
async def test_other_languages_get_the_language_independent_rules(lang):
    _marketplace, text = OTHER[lang]
    report = await check(_other(lang, text + "\n\n\nWhatsApp: +31 6 12345678 · info@acme-huis.nl 🙂", proactive=True))
    assert {"style.line-breaks", "contact.social", "contact.phone", "contact.email", "style.emoji"} <= set(report.rule_ids())
    report = await check(_other(lang, text, buyer_language="en", marketplace="amazon.com"))
    assert "lang.mismatch" in report.rule_ids()
