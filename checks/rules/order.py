"""Permitted purpose and timing: order ids, the 30-day window, order handling."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .. import extract
from ..document import Document, Sentence, negated
from ..frames import Analysis, cover, judgement, sentence_spans
from ..i18n import tr
from ..models import Edit, Fix, Severity
from ..registry import Example, Hit, PhraseRule, Rule, register
from . import contact

SECTION = "Buyer-Seller Communication Guidelines, 'Permitted proactive messages'"
CTX = {"order_id": "113-1234567-1234567", "proactive": True}


@register
class OrderIdMissing(Rule):
    """A proactive message must carry the buyer's 17-digit order id.

    Why: Amazon only allows seller-initiated messages that concern a specific
    order, and the order id in 3-7-7 form ties the message to it.
    Use instead: name the order, e.g. "your order 113-1234567-1234567".
    """

    id = "order.id-missing"
    severity = Severity.ERROR
    message = "A proactive message must name the order id (3-7-7 digits, e.g. 113-1234567-1234567)."
    guideline = f"Every proactive message carries the 17-digit order id. ({SECTION})"
    violating = Example("Hello, please hand-wash the knives you bought from us.", {"proactive": True})
    compliant = Example(
        "Hello, about order 113-1234567-1234567: please hand-wash the knives.", {"proactive": True}
    )

    def find(self, doc: Document) -> Iterator[Hit]:
        ids = doc.order_ids
        if doc.context.proactive and not ids.valid and not ids.malformed:
            yield Hit()


@register
class OrderIdMalformed(Rule):
    """Something meant as an order id has the wrong digit count or grouping.

    Why: Amazon order ids are three groups of 3, 7 and 7 digits; a typo sends
    the buyer (and Amazon's filters) a reference to no order.
    """

    id = "order.id-malformed"
    severity = Severity.ERROR
    message = "This looks like an order id but is not in Amazon's 3-7-7 digit form."
    guideline = f"Order ids are written as 3-7-7 digits, e.g. 112-3456789-0123456. ({SECTION})"
    violating = Example("Please find the invoice for order 113-5920188-304177 attached.")
    compliant = Example("Please find the invoice for order 113-5920188-3041774 attached.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for found in doc.order_ids.malformed:
            yield Hit(found.span)


@register
class OrderIdMismatch(Rule):
    """The order id in the text is not the order this conversation is about.

    Why: a message about another buyer's order discloses it, and the buyer
    cannot match the message to their purchase.
    """

    id = "order.id-mismatch"
    severity = Severity.ERROR
    message = "This order id differs from the order of this conversation ({expected})."
    guideline = f"A message concerns the buyer's own order and names it correctly. ({SECTION})"
    needs = ("order_id",)
    violating = Example("We are writing about order 112-4490218-7730561.", {"order_id": "112-4490218-7730516"})
    compliant = Example("We are writing about order 112-4490218-7730516.", {"order_id": "112-4490218-7730516"})

    def find(self, doc: Document) -> Iterator[Hit]:
        expected = (doc.context.order_id or "").strip()
        ids = doc.order_ids.valid
        if any(found.value == expected for found in ids):
            return
        for found in ids:
            fix = None
            if _mistyped(found.value, expected):
                fix = Fix(title=tr("fix.order-id", "Use the order id {order_id}", order_id=expected),
                          edits=[Edit(span=found.span, replacement=expected)])
            yield Hit(found.span, self.say(expected=expected), fix=fix)


def _mistyped(written: str, expected: str) -> bool:
    """``written`` is ``expected`` with one digit wrong or two neighbours swapped:
    a slip of the keyboard, safely corrected. Any other id may be a real
    other order (a replacement's), which only a person can judge."""
    if len(written) != len(expected) or written == expected:
        return False
    wrong = [i for i, (a, b) in enumerate(zip(written, expected, strict=False)) if a != b]
    if len(wrong) == 1:
        return True
    return (len(wrong) == 2 and wrong[1] == wrong[0] + 1
            and written[wrong[0]] == expected[wrong[1]] and written[wrong[1]] == expected[wrong[0]])


@register
class OrderWindow(Rule):
    """A proactive message sent more than 30 days after the order was completed.

    Why: sellers may contact buyers proactively only within 30 days of order
    completion (delivery, else the order date).
    """

    id = "order.window"
    severity = Severity.ERROR
    message = "This proactive message goes out {days} days after {event}; the limit is 30."
    guideline = f"Proactive messages are allowed only within 30 days of order completion. ({SECTION})"
    needs = (("delivery_date", "order_date"),)
    violating = Example(
        "About order 113-1234567-1234567: how is the hose reel?",
        {"delivery_date": "2026-09-28", "today": "2026-11-21"},
    )
    compliant = Example(
        "About order 113-1234567-1234567: how is the hose reel?",
        {"delivery_date": "2026-11-09", "today": "2026-11-21"},
    )

    def find(self, doc: Document) -> Iterator[Hit]:
        if not doc.context.proactive:
            return
        ctx = doc.context
        start, event = (ctx.delivery_date, tr("order.event.delivery", "delivery")) if ctx.delivery_date else (ctx.order_date, tr("order.event.order", "the order"))
        if start is None:  # given but null
            return
        days = (doc.today - start).days
        if days > 30:
            yield Hit(message=self.say(days=days, event=event))


@register
class OrderConfirmation(Rule):
    """The message is an order or shipping confirmation.

    Why: Amazon already sends order and shipping confirmations; a seller's
    copy has no permitted purpose.
    Use instead: do not send it. Write only if there is a problem to solve.
    """

    id = "order.confirmation"
    severity = Severity.ERROR
    message = "Order and shipping confirmations are sent by Amazon; this message has no other purpose."
    guideline = "Order and shipping confirmations are not permitted: Amazon sends them. (Guidelines, 'Messages that are not permitted')"
    violating = Example("Your order 114-5582019-3306627 has shipped today. Here is your tracking number: 1Z8V47W20392817465.")
    compliant = Example("Your order 114-5582019-3306627 is delayed at the carrier's hub; it should arrive on Monday.")

    def find(self, doc: Document) -> Iterator[Hit]:
        """Judged from the whole message: some sentence confirms the order or
        its shipping, and no sentence does anything else that is permitted."""
        confirming: tuple[int, int] | None = None
        if is_auto_reply(doc):
            return  # "Your message has been received": an auto-reply (content.auto-reply) confirms no order
        for sentence in doc.sentences:
            # Any other purpose (a delay, a question, a review request) makes the
            # shipping news part of a permitted message.
            if has_purpose(doc, sentence):
                return
            if confirming is None:
                confirming = confirms(doc, sentence)
        if confirming is not None:
            yield Hit(confirming)


def has_purpose(doc: Document, sentence: Sentence) -> bool:
    """The sentence does something a message may be sent for: a problem, a
    question, an instruction, a return, a review request..."""
    if doc.sentence_has(sentence, "review_request"):
        return True
    a = doc.analysis(sentence)
    match = doc.sentence_has(sentence, "purpose")
    if match is not None and not (match.group() == "?" and a.has("offer_help")):  # "Any questions?" asks nothing
        return True
    return a.has("problem") and not _only_thanks_for(a)


@judgement
def _only_thanks_for(a: Analysis) -> bool:
    """"Thank you for your feedback": the purpose word is what is thanked for."""
    thanked = [r for t, r in a.followed(["thank"], ["problem"], within=3)]
    return bool(thanked) and all(r in thanked for r in a.ranges("problem")) and not a.has("value")


def confirms(doc: Document, sentence: Sentence) -> tuple[int, int] | None:
    match = doc.sentence_has(sentence, "confirmation")
    if match is not None:
        return sentence.span_of(match)
    a = doc.analysis(sentence)
    pairs = list(a.near(["shipment"], ["confirm"], within=6))
    # "Here's your tracking number": the confirmation names the shipment itself.
    pairs += [(what, done) for done in a.ranges("confirm") for what in a.ranges("shipment") if done[0] <= what[0] and what[1] <= done[1]]
    for what, done in pairs:
        if not a.negated(done, scope=3) and not _to_come(a, done):
            start, end = a.span(cover(what, done))
            return sentence.start + start, sentence.start + end
    return None


def _to_come(a: Analysis, done: tuple[int, int]) -> bool:
    """"will be dispatched within 2 days", "is expected to ship": shipping
    still to come, which confirms nothing."""
    return any(done[0] - 3 <= f[1] <= done[0] for f in a.ranges("future"))


def is_auto_reply(doc: Document) -> bool:
    """Some sentence of the draft is an auto-responder's."""
    if "auto_reply" not in doc.judged:
        doc.judged["auto_reply"] = any(auto_reply_span(doc, sentence) is not None for sentence in doc.sentences)
    return bool(doc.judged["auto_reply"])


def auto_reply_span(doc: Document, sentence: Sentence) -> tuple[int, int] | None:
    """An auto-responder's sentence: "automatic reply", "out of office", or
    away / closed / on holiday with a word about replies."""
    match = doc.sentence_has(sentence, "auto_reply")
    if match is not None:
        return sentence.span_of(match)
    a = doc.analysis(sentence)
    away = [] if a.has("past_away") else a.unnegated("out_of_office", scope=2)  # "we were closed at the weekend": a person writes
    found = a.ranges("auto_reply") or [r for r in away if _names_replies(doc, sentence, a)]
    if not found:
        return None
    start, end = a.span(found[0])
    return sentence.start + start, sentence.start + end


def _names_replies(doc: Document, sentence: Sentence, a) -> bool:
    """Away wording is an auto-reply when it speaks of answering (in the
    sentence or a neighbour: "We are on holiday. We will reply next week.")."""
    if a.has("reply_later", "strong_away"):
        return True
    return sentence.index >= 0 and any(b.has("reply_later") for _s, b in doc.window(sentence.index))


@register
class CancelRequest(PhraseRule):
    """Asks the buyer to submit the cancellation themselves.

    Why: when a seller cannot ship, the seller cancels the order (reason
    NoInventory) and refunds; pushing the cancellation onto the buyer hides a
    seller-caused cancellation.
    Use instead: "We have cancelled the order and refunded you in full."
    """

    id = "order.cancel-request"
    severity = Severity.ERROR
    message = "Do not ask the buyer to cancel the order; the seller must cancel and refund it."
    guideline = "Out of stock or unable to ship: the seller cancels the order itself; never ask the buyer to request the cancellation. (Guidelines, 'Order cancellations')"
    violating = Example("The rack is out of stock. Please cancel the order yourself in Your Orders.")
    compliant = Example("The rack is out of stock, so we will cancel the order and refund you in full.")

    concept = "cancel_request"
    negation_window = 15

    def find(self, doc: Document) -> Iterator[Hit]:
        """Frame: a cancellation with the buyer as the one who does it (please,
        could you, you can, your side, the Request Cancellation button), not
        the seller ("we will cancel", "let us cancel")."""
        spans = sentence_spans(doc, _buyer_cancels)
        yield from (Hit(span) for span in spans)
        if not spans:
            yield from super().find(doc)


@register
class DiscourageReturn(PhraseRule):
    """Pressures the buyer not to return, cancel or ask for a refund.

    Why: buyers keep their right to return and to be refunded; offering a
    partial refund as an option is fine, pressure is not.
    """

    id = "order.discourage-return"
    severity = Severity.WARNING
    message = "This pressures the buyer not to return the item or ask for a refund."
    guideline = "Never pressure a buyer out of a return, cancellation or refund. (Guidelines, 'Returns')"
    violating = Example("Please do not return it! Returns are very expensive for a small seller.")
    compliant = Example("You can return the table for a full refund, or keep it with a partial refund of $25.")

    concept = "discourage_return"

    def find(self, doc: Document) -> Iterator[Hit]:
        found = False
        for index, sentence in enumerate(doc.sentences):
            a = doc.analysis(sentence)
            rng = _discourages(a, index > 0 and doc.analysis(doc.sentences[index - 1]).has("return_act"))
            if rng is not None:
                found = True
                start, end = a.span(rng)
                yield Hit((sentence.start + start, sentence.start + end))
        if not found:
            yield from super().find(doc)


def _sellers_act(a: Analysis, verb: tuple[int, int]) -> bool:
    """The nearest agent before the verb is the seller: "we will cancel",
    "please let us cancel", "wir haben ... storniert"."""
    buyers, sellers = a.ranges("buyer_agent"), a.ranges("seller_agent")
    before = [(r[0], r in sellers) for r in (*buyers, *sellers) if r[0] < verb[0] and not (r in sellers and r in buyers)]
    return bool(before) and max(before)[1]


@judgement
def _buyer_cancels(a: Analysis) -> tuple[int, int] | None:
    agents = a.ranges("buyer_agent")
    if not agents:
        return None
    pressure = _discourages(a)  # "Cancelling now would be unfortunate for us, so we ask you to...": the opposite
    conditions, sellers = a.ranges("condition"), a.ranges("seller_agent")
    for cancel in a.unnegated("cancel", scope=3):
        if _sellers_act(a, cancel) or (pressure and pressure[0] <= cancel[0] < pressure[1]):
            continue
        if any(cancel[0] - 6 <= c[0] < cancel[0] for c in conditions) and any(s[0] > cancel[1] for s in sellers):
            continue  # "if you would prefer to cancel, reply and we will cancel it": the buyer's choice, the seller's act
        return cover(min(agents, key=lambda b: abs(b[0] - cancel[0])), cancel)
    return None


def tokens_cjk(a: Analysis, rng: tuple[int, int]) -> bool:
    return a._cjk(rng[0])


@judgement
def _discourages(a: Analysis, earlier_return: bool = False) -> tuple[int, int] | None:
    """Pressure not to return: "please don't return it", "returns hurt us",
    "could you close the return request", "instead of returning"."""
    earlier_return = earlier_return or a.has("return_act")
    for strong, act in a.near(["discourage_strong"], ["return_act"], within=4):
        return cover(strong, act)  # "we'd rather you didn't return it; keep it": still pressure
    # Asking the buyer to withdraw a return or refund request, even "and keep the item".
    for undo, what in a.followed(["withdraw"], ["return_act"], within=3):
        if a.has("request", "buyer_agent") and not _sellers_act(a, undo):  # "we will cancel the order and refund you"
            return cover(undo, what)
    cancels = a.ranges("cancel")
    keep = a.has("keep_it")
    for undo in a.ranges("withdraw"):  # "Your return request, could you close it?" (not "cancel it": the order,
        # unless the buyer is to keep the item: "could you cancel it and keep the chair?")
        if (undo in cancels and not keep) or not (a.has("request", "buyer_agent") and earlier_return):
            continue
        if any(-1 <= r[0] - undo[1] <= 1 for r in a.ranges("anaphor")):
            return undo
    if keep:
        # "no need to return it, please keep it": no pressure, unless the return is said to harm the seller
        for ret, harm in a.near(["return_act"], ["harm"], within=6):
            if _harms_seller(a, harm) and not a.negated(harm, scope=2):
                return cover(ret, harm)
        return None
    for dont, act in a.followed(["discourage"], ["return_act"], within=4):
        return cover(dont, act)
    for act, dont in a.followed(["return_act"], ["discourage"], within=4):
        if tokens_cjk(a, dont):  # 返品はしないでください: the verb and its negation come last
            return cover(act, dont)
    for ret, harm in a.near(["return_act"], ["harm"], within=6):
        if not a.negated(harm, scope=2):
            return cover(ret, harm)
    for instead, what in a.followed(["instead"], ["return_act"], within=2):
        return cover(instead, what)
    refused = a.ranges("refuse")
    return refused[0] if refused else None


def _harms_seller(a: Analysis, harm: tuple[int, int]) -> bool:
    """The harm names the seller ("a big problem for us", "hurts our shop"): the
    lexicon's ``us`` in it or just after it."""
    return any(harm[0] <= r[0] <= harm[1] for r in a.ranges("us"))


@register
class Divert(Rule):
    """Steers the buyer off Amazon: buy or pay elsewhere, or contact the seller
    through another channel.

    Why: the Prohibited Seller Activities policy forbids diverting
    transactions or buyers; all contact stays in Buyer-Seller Messaging.
    Use instead: "Please reply to this message with the photos."
    """

    id = "order.divert"
    severity = Severity.ERROR
    message = "This steers the buyer away from Amazon ({how}); keep the order and the conversation on Amazon."
    guideline = "Any attempt to divert transactions or buyers off Amazon is prohibited. (Prohibited Seller Activities; Guidelines, 'Content that is not permitted')"
    violating = Example("For faster help, please contact us directly on WhatsApp.")
    compliant = Example("You can reach us any time through Amazon Buyer-Seller Messaging.")

    def find(self, doc: Document) -> Iterator[Hit]:
        contacts = [e.span for e in doc.emails] + [p.span for p in doc.phones]
        # Links to the seller's own pages and chats ("write to us at t.me/...") are contacts too.
        contacts += [link.span for link in doc.links if not extract.is_amazon(link.host)]
        contacts.sort()  # in text order: a sentence finds its own by bisection
        # Channel names of every language (checks/phrases/channels.toml), looked for once per draft.
        apps = bool(contact.platform_spans(doc))
        elsewhere = {c for c in ("pay_channel", "buy_there", "search_engine", "other_marketplace") if contact.mentions(doc, c)}
        for sentence in doc.sentences:
            if doc.analysis(sentence).has("asked_whether"):
                continue  # the buyer's question, reported: the answer is in the next sentence
            for concept, how in _DIVERSIONS:
                m = doc.sentence_has(sentence, concept)
                if m is None or negated(doc, sentence, m, window=20):
                    continue
                if concept == "divert_contact" and _stays_on_amazon(doc, sentence, m, contacts):
                    continue
                yield Hit(sentence.span_of(m), self.say(how=how))
                break
            else:
                span = _send_to_contact(doc, sentence, contacts) or (_off_amazon_channel(doc, sentence) if apps else None)
                if span is not None:
                    yield Hit(span, self.say(how=tr("order.how.contact", "contact outside Amazon")))
                    continue
                span = _paid_or_found_elsewhere(doc, sentence, elsewhere) if elsewhere else None
                if span is not None:
                    yield Hit(span[0], self.say(how=span[1]))


# How far apart an invitation and the app it names may stand ("add our
# customer service team on WeChat"), in characters.
_INVITE_REACH = 60


def _off_amazon_channel(doc: Document, sentence) -> tuple[int, int] | None:
    """'Add us on WhatsApp', 'scan the QR code to add our WeChat', '请加微信':
    an invitation to continue on a messaging app (any language)."""
    named = [s for s in contact.platform_spans(doc) if sentence.start <= s[0] < sentence.end]
    # A QR code counts only where it leads to a chat ("scan to add us"), not to a page or the app's device list.
    named = [s for s in named if not contact.is_qr(doc, s) or contact.channel("qr_chat").search(sentence.text)]
    if not named:
        return None
    negation, amazon = doc.phrase("negation"), doc.phrase("amazon_channel")
    for m in contact.invitations(sentence.text):
        invite = (sentence.start + m.start(), sentence.start + m.end())
        for app in named:
            if app[0] - invite[1] > _INVITE_REACH or invite[0] - app[1] > _INVITE_REACH:
                continue
            if invite[1] <= app[0] and amazon is not None and amazon.search(doc.text, invite[1], app[0]):
                continue  # "send the photo here; our Instagram...": the invitation is to Amazon's messages
            first = min(app[0], invite[0])
            # "please do not message us on WhatsApp", "not on WeChat" (but "don't hesitate to message us")
            before = doc.text[max(sentence.start, first - 25) : first]
            before = before[max(before.rfind(mark) for mark in ",;:，、；") + 1 :]  # its own clause ("If still not work, add us on WeChat")
            if negation is not None and negation.search(before) and not contact.channel("encouraging").search(before):
                return None
            return first, max(app[1], invite[1])
    return None


def _names_elsewhere(doc: Document, sentence) -> bool:
    """The sentence, or the one before it, names a place off Amazon: a link, another marketplace."""
    start = doc.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    if any(start <= link.span[0] < sentence.end and not extract.is_amazon(link.host) for link in doc.links):
        return True
    for concept in ("other_marketplace", "own_shop"):  # "Our own online shop stocks them. You can buy them there."
        if contact.channel(concept).search(doc.text, start, sentence.end) is not None:
            return True
    return False


def _paid_or_found_elsewhere(doc: Document, sentence, present: set[str]) -> tuple[tuple[int, int], object] | None:
    """Paying through a channel off Amazon, or finding the seller's shop
    through a search engine to buy there; ``present``: the channel concepts the draft holds."""
    pay = contact.channel("pay_channel").search(sentence.text) if "pay_channel" in present else None
    if pay is not None and not negated(doc, sentence, pay, window=20):
        return sentence.span_of(pay), tr("order.how.pay", "payment outside Amazon")
    if "buy_there" in present and contact.channel("buy_there").search(sentence.text) and _names_elsewhere(doc, sentence):
        return (sentence.start, sentence.end), tr("order.how.buy", "ordering elsewhere")  # "we also sell at lumiwood.shop, order there"
    for concept in ("search_engine", "other_marketplace"):
        # "search our shop on Google and order there", "visit our Etsy shop"
        found = contact.channel(concept).search(sentence.text) if concept in present else None
        if found is None or not contact.channel("search_to_buy").search(sentence.text) or negated(doc, sentence, found, window=20):
            continue
        if concept == "search_engine" and not contact.channel("search_verb").search(sentence.text):
            continue  # "if Google Maps shows the wrong address for your order"
        return sentence.span_of(found), tr("order.how.buy", "ordering elsewhere")
    return None


_DIVERSIONS = (
    ("divert_buy", tr("order.how.buy", "ordering elsewhere")),
    ("divert_pay", tr("order.how.pay", "payment outside Amazon")),
    ("divert_contact", tr("order.how.contact", "contact outside Amazon")),
)


def _stays_on_amazon(doc: Document, sentence, match, contacts) -> bool:
    """'Contact us through Amazon messages' keeps the buyer on Amazon."""
    direct = doc.phrase("direct_channel")  # "contact us directly" is never through Amazon
    first = bisect.bisect_left(contacts, (sentence.start,))
    if (direct is not None and direct.search(match.group())) or (first < len(contacts) and contacts[first][0] < sentence.end):
        return False
    tail = sentence.text[match.end() :]
    channel = doc.phrase("amazon_channel")
    return channel is not None and channel.search(tail) is not None


def _send_to_contact(doc: Document, sentence, contacts) -> tuple[int, int] | None:
    """'Send a screenshot to name@example.com' asks the buyer to use email;
    so does '(03-1234-5678) までお電話ください' (the request after the contact)."""
    pat, after = doc.phrase("divert_send_to"), doc.phrase("divert_send_after")
    if pat is None and after is None:
        return None
    first = bisect.bisect_left(contacts, (sentence.start,))
    for start, end in contacts[first:]:
        if start >= sentence.end:
            break
        if pat is not None and pat.search(doc.text[sentence.start : start]):
            return sentence.start, end
        if after is not None:
            m = after.search(doc.text[end : sentence.end].lstrip("）)】」 、，,"))
            if m is not None:
                return start, min(sentence.end, end + m.end() + 2)
    return None
