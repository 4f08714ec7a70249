"""Reviews and feedback: incentives, bias, conditions, repeats, scripts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import frames
from ..document import Document, Sentence, negated
from ..frames import Analysis, cover, judgement
from ..models import Severity
from ..registry import Example, Hit, PhraseRule, Rule, register

SECTION = "Guidelines, 'Messages that are not permitted'; customer product review policies"


def _review_context(doc: Document, index: int) -> bool:
    """The sentence, or the one before it, is about a review or feedback."""
    sentences = doc.sentences
    for i in (index, index - 1):
        if 0 <= i < len(sentences) and doc.sentence_has(sentences[i], "review_noun"):
            return True
    return False


@register
class ReviewIncentive(Rule):
    """Offers something of value for a review or feedback, or for changing one.

    Why: money, refunds, gift cards, free or discounted products and future
    benefits in exchange for a review are forbidden, however honest the
    review is meant to be.
    Use instead: ask for a review with nothing attached to it.
    """

    id = "review.incentive"
    severity = Severity.ERROR
    message = "Nothing of value may be offered in exchange for a review or feedback."
    guideline = f"No incentive of any kind for a review or feedback, or for changing one. ({SECTION})"
    violating = Example("If you leave a review, we will refund you $10 as a thank-you gift.")
    compliant = Example("If you have a moment, please share your honest experience in a review on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        """Frame: a value from the seller + a review by the buyer + a link of
        exchange, condition or time between them, in one sentence or in a
        sentence and its neighbour that refers back to it."""
        sentences = doc.sentences
        for index, sentence in enumerate(sentences):
            a = doc.analysis(sentence)
            span = _incentive(a)
            if span is not None:
                yield Hit(_chars(sentence, a, span))
                continue
            if index + 1 < len(sentences):  # "Leave a review. We will then send you $10."
                b = doc.analysis(sentences[index + 1])
                if _incentive_pair(a, b) or _incentive_pair(b, a):
                    yield Hit((sentence.start, sentences[index + 1].end))
                    continue
            if not a.has("thank") and _incentive_phrases(doc, sentence):  # the phrase data's older net
                yield Hit((sentence.start, sentence.end))


def _incentive_phrases(doc: Document, sentence: Sentence) -> bool:
    if not doc.sentence_has(sentence, "review_noun"):
        return False
    value = doc.sentence_has(sentence, "incentive_value")
    if value is None or negated(doc, sentence, value, window=20):
        return False
    return doc.sentence_has(sentence, "incentive_link") is not None


def _chars(sentence: Sentence, a: Analysis, rng: tuple[int, int]) -> tuple[int, int]:
    start, end = a.span(rng)
    return sentence.start + start, sentence.start + end


@judgement
def _review_act(a: Analysis) -> list[tuple[int, int]]:
    """Writing a review, or a review named where the seller does not report
    reading one ("Hemos leído su opinión... y le enviamos": a reply, no deal)."""
    if _seller_states(a) and not a.has("act", "composed_review"):
        return []
    return a.ranges("review", "act")


@judgement
def _incentive(a: Analysis) -> tuple[int, int] | None:
    direct = a.ranges("incentive_direct")  # 好评返现: the whole frame in one word
    if direct:
        return direct[0]
    values = _values(a)
    reviews = _review_nouns(a)
    if not reviews and a.has("exchange"):  # "review your purchase; as a token of our appreciation, we shall reimburse..."
        reviews = list(a.ranges("review"))
    if not values or not reviews:
        return None
    for ex in a.ranges("exchange"):
        return cover(values[0], ex, reviews[0])
    # "if / once / after you leave a review"
    for cond, act in a.followed(["condition"], ["review", "act"], within=5):
        if not a.negated(act, scope=2):
            return cover(values[0], cond, act)
    # "$10 for a 5-star review", not "thank you for your feedback"
    for link, act in a.followed(["for"], ["review"], within=4):
        if not any(t[1] <= link[0] <= t[1] + 3 for t in a.ranges("thank", "sorry")):
            return cover(values[0], link, act)
    # "leave a review and (we will send / you will receive) a gift card"
    for act in _review_act(a):
        for gain in a.ranges("gain", "and"):
            if act[1] <= gain[0] <= act[1] + 8 and any(gain[1] <= v[0] <= gain[1] + 8 for v in values):
                return cover(act, gain, values[-1])
    # "Would a full refund help you reconsider the rating?": a value offered for changing a review
    asks = list(a.ranges("request", "gain"))
    if a.tokens and a.tokens[0].key in _MODALS and a.text.rstrip().endswith(("?", "？")):
        asks.append((0, 1))  # "Would a partial refund of $20 help you rethink...?"
    for change in a.unnegated("change", scope=3):
        if any(r[0] < values[0][0] for r in asks) and values[0][1] <= change[0]:
            return cover(values[0], change)
    # "to receive your gift card, simply post a review"
    for gain in a.ranges("gain"):
        if any(gain[1] <= v[0] <= gain[1] + 5 for v in values) and a.has("condition", "anaphor", "for") and a.has("act"):
            return cover(gain, values[0], reviews[0])
    return None


def incentive_in(a: Analysis) -> bool:
    """The sentence offers something of value for a review (review.incentive's frame)."""
    return _incentive(a) is not None


@judgement
def _values(a: Analysis) -> list[tuple[int, int]]:
    """Things of value offered (not negated, not "gift wrap")."""
    excluded = a.ranges("not_value")
    found, negated_before = [], None
    for v in a.ranges("value"):
        # A negation reaches along a list: "we never offer gifts, refunds or discounts".
        negated = a.negated(v, scope=3) or (negated_before is not None and v[0] - negated_before[1] <= 2)
        negated_before = v if negated else None
        if not negated and not any(e[0] <= v[0] < e[1] for e in excluded):
            found.append(v)
    return found


def _incentive_pair(first: Analysis, second: Analysis) -> bool:
    """A review request in one sentence, a value in the next that refers to it."""
    reviews = _review_nouns(first)
    if not reviews:
        return False
    # Writing a review, or changing one ("remove the 1-star review? After you remove it, we will refund you")
    acts = [act for act in first.unnegated("act", scope=3) if act not in reviews] or first.unnegated("change", scope=3)
    # The act may be in the second sentence: "...your honest thoughts. Once they are posted, a gift card is yours."
    acts = acts or [act for act in second.unnegated("act", scope=3) if second.has("condition")]
    exchanges = second.ranges("exchange")
    thanks = [t for t in second.ranges("thank") if not any(e[0] <= t[0] < e[1] for e in exchanges)]  # "as our thank-you" is the exchange
    return bool(acts) and bool(_values(second)) and second.has("anaphor", "exchange") and not thanks


@register
class ReviewChangeRequest(PhraseRule):
    """Asks the buyer to remove, change or update an existing review or feedback.

    Why: reviews and feedback belong to the buyer; asking to change them is
    forbidden even after the problem was solved.
    """

    id = "review.change-request"
    severity = Severity.ERROR
    message = "Do not ask the buyer to remove or change a review or feedback."
    guideline = f"Never ask a buyer to remove or update a review or feedback, even after solving the problem. ({SECTION})"
    violating = Example("The delay was the carrier's fault, so we kindly ask you to remove this feedback.")
    compliant = Example("We are sorry about the delay and have sent a replacement at no cost.")

    concept = "review_change"
    negation_window = 25

    def find(self, doc: Document) -> Iterator[Hit]:
        """Frame: a change (remove, update, take down...) of an existing review,
        asked of the buyer; the review may stand in the sentence before ("You
        left feedback. Could you take it down?")."""
        found = False
        for index, sentence in enumerate(doc.sentences):
            a = doc.analysis(sentence)
            for change in a.unnegated("change", scope=5):
                if not a.has("request", "buyer_agent"):
                    break
                if change[0] > 0 and a.tokens[change[0] - 1].key in _SELLER_BEFORE:
                    continue  # "helps us improve": the seller changes
                review = next((r for r in _review_nouns(a) if -1 <= r[0] - change[1] <= 4 or -1 <= change[0] - r[1] <= 4), None)
                if review is None and any(m[1] == change[0] for m in a.ranges("modal_passive")):
                    # Passive: the review is the subject ("your earlier rating of our teapot could be revised")
                    review = next((r for r in reversed(_review_nouns(a)) if r[1] <= change[0]), None)
                if review is None and _points_back(a, change):  # "The review you left, could you delete it?"
                    earlier = [r for r in _review_nouns(a) if r[1] <= change[0]]
                    review = earlier[0] if earlier else (_review_noun(doc.analysis(doc.sentences[index - 1])) if index > 0 else None)
                    review = review and change
                if review is not None:
                    found = True
                    yield Hit(_chars(sentence, a, cover(change, review)))
                    break
        if not found:
            for hit in super().find(doc):  # fixed forms, where a review (not "please review") is named
                sentence = doc.sentence_at(hit.span[0])
                a = doc.analysis(sentence)
                if _review_nouns(a) and not _seller_states(a):
                    yield hit


@judgement
def _seller_states(a: Analysis) -> bool:
    """"We read every review and changed the packaging": the seller reports
    what it did, asking nothing of the buyer."""
    if not a.has("seller_agent") or a.has("request", "buyer_agent", "modal_passive"):
        return False
    # "Si vous modifiez votre avis, nous...": the buyer is the one who changes.
    return not any(c[0] - 3 <= y[0] < c[0] for c in a.ranges("change") for y in a.ranges("you"))


def _clause_start(a: Analysis, rng: tuple[int, int]) -> bool:
    """The word opens its sentence or a clause (an imperative: "In your review, highlight...")."""
    if rng[0] == 0:
        return True
    between = a.text[a.tokens[rng[0] - 1].end : a.tokens[rng[0]].start]
    return any(mark in between for mark in ",;:")


def _points_back(a: Analysis, rng: tuple[int, int]) -> bool:
    """An anaphor just after (or, Romance clitics and Japanese, just before) the verb."""
    return any(rng[0] - 1 <= r[0] <= rng[1] + 1 for r in a.ranges("anaphor"))  # "take it down" too


@judgement
def _review_nouns(a: Analysis) -> list[tuple[int, int]]:
    """Reviews as things (not "please review the manual", "our team reviewed
    it", "a waterproof rating"): a rating token, feedback, a review."""
    excluded = a.ranges("not_review")
    found = []
    for rng in a.ranges("review"):
        token = a.tokens[rng[0]]
        before = a.tokens[rng[0] - 1].key if rng[0] > 0 else ""
        if any(e[0] <= rng[0] < e[1] for e in excluded) or _a_return(a, rng):
            continue
        if token.typed or before not in _VERB_CUES or rng in a.ranges("composed_review"):
            found.append(rng)
    return found


def _a_return(a: Analysis, rng: tuple[int, int]) -> bool:
    """A word that is a review or a return ("votre retour": your feedback, or
    your return) read as the return, unless the sentence says more of a
    review: a rating, an act of writing, another review word, a point to
    mention in it (not "nous indiquer si": tell us whether)."""
    if rng not in a.ranges("return_act"):
        return False
    told_us = [m for m in a.ranges("mention") if any(u[1] == m[0] for u in a.ranges("us"))]
    points = len(a.ranges("mention")) > len(told_us)
    return not a.has("positive", "act", "neutral") and not points and all(r == rng for r in a.ranges("review"))


@judgement
def _review_noun(a: Analysis) -> tuple[int, int] | None:
    found = _review_nouns(a)
    return found[0] if found else None


_SELLER_BEFORE = frozenset({"us", "we", "i", "uns", "wir", "nous", "nos", "noi", "ci"})


_MODALS = frozenset({"would", "could", "can", "will", "might", "may", "wurd", "konnt", "war", "pourr", "ser", "podr", "potrebb", "sarebb"})


# Words before "review" that make it the verb ("please review", "we have reviewed").
_VERB_CUES = frozenset({"pleas", "please", "to", "can", "will", "kind", "kindly", "we", "i", "and", "could", "would", "should", "may", "must",
                        "have", "has", "had", "team", "we'v", "we've", "bitt", "bitte", "zu", "wir", "nous", "avons", "hemos", "abbiamo"})


@register
class ReviewPositive(Rule):
    """Asks for a positive, good or five-star review rather than an honest one.

    Why: sellers may ask for a review, never for a particular rating.
    Use instead: "Would you share your experience by leaving a review on Amazon?"
    """

    id = "review.positive"
    severity = Severity.ERROR
    message = "Ask for an honest review, not a positive or five-star one."
    guideline = f"A review request must be neutral: never ask for a positive or five-star review. ({SECTION})"
    violating = Example("We would be grateful if you could leave us a 5-star review.")
    compliant = Example("We would be grateful if you could leave an honest review on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        """Frame: a high rating in a review or rating context (a 5-star token,
        "good review", 好评) + a request or wish, with or without a verb."""
        for index, sentence in enumerate(doc.sentences):
            a = doc.analysis(sentence)
            rng = _positive(a)
            if rng is not None and not a.has("neutral") and (_asks(a) or _incentive(a) or _scripted_text(doc, index)):
                yield Hit(_chars(sentence, a, rng))
                continue
            match = doc.sentence_has(sentence, "review_positive")
            if rng is not None or match is None or doc.sentence_has(sentence, "review_positive_neutralizer"):
                continue  # the frame saw the rating and found no request: a description ("our many 5-star reviews")
            if negated(doc, sentence, match, window=25):
                continue
            if _is_request(doc, sentence) or _scripted_text(doc, index):
                yield Hit(sentence.span_of(match))


def _plural_or_rating(text: str) -> bool:
    """"5 stars", "5 Sterne", "5-star rating", ★★★★★: never a product's description."""
    low = text.lower()
    if low.startswith(("the ", "fifth", "5th", "last")):  # "the fifth star"
        return True
    return not any(c.isalpha() for c in low) or low.endswith(("stars", "sterne", "toiles", "estrellas", "stelle", "rating", "ratings", "星"))


@judgement
def _asks(a: Analysis) -> bool:
    """A request or wish, or an imperative review verb at the start ("Give us 5 stars")."""
    return a.has("request") or any(r[0] <= 1 for r in a.ranges("act"))


@judgement
def _positive(a: Analysis) -> tuple[int, int] | None:
    """Where a high rating for the seller stands, unnegated."""
    for rng in a.ranges("positive_review"):
        if not a.negated(rng):
            return rng
    glue = {r[0] for r in a.ranges("glue", "review", "act", "request")}
    for rng in a.ranges("positive"):
        token = a.tokens[rng[0]]
        if a.negated(rng, scope=3):
            continue
        if token.key == frames.tokens.HIGH:
            # "5 stars", "5-star review": a rating; "our 5-star hotel towels": a description
            after = rng[1]
            if _plural_or_rating(token.text) or after >= len(a.tokens) or after in glue or a.text[token.end : a.tokens[after].start].strip(" -") != "":
                return rng
            continue
        nouns = [r for r in a.ranges("review") if -1 <= r[0] - rng[1] <= 2 or -1 <= rng[0] - r[1] <= 1]
        if nouns:  # "good review", "avis positif"
            return cover(rng, nouns[0])
    return None


def _is_request(doc: Document, sentence: Sentence) -> bool:
    return bool(doc.sentence_has(sentence, "review_request"))


def _scripted_text(doc: Document, index: int) -> bool:
    sentence = doc.sentences[index]
    return bool(doc.sentence_has(sentence, "review_script")) and _review_context(doc, index)


@register
class ReviewConditional(Rule):
    """Asks only satisfied buyers for a review, or routes unhappy buyers to the
    seller first.

    Why: filtering who reviews biases reviews; every buyer may review freely.
    """

    id = "review.conditional"
    severity = Severity.ERROR
    message = "Do not ask only happy buyers for a review or send unhappy buyers to you before they review."
    guideline = f"Review requests may not depend on the buyer's satisfaction or route unhappy buyers to the seller. ({SECTION})"
    violating = Example("If you are happy with the brush, please leave a review. If not, contact us first.")
    compliant = Example("If you have a moment, please leave a review of the brush on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        sentences = doc.sentences
        for index, sentence in enumerate(sentences):
            a = doc.analysis(sentence)
            rng = _satisfaction_condition(a) or _route_first(a) or _if_so(doc, index, a) or _otherwise(doc, index, a)
            if rng is not None and any(_review_request(b) for _s, b in doc.window(index)):
                yield Hit(_chars(sentence, a, rng))
                continue
            condition = doc.sentence_has(sentence, "review_condition")
            if condition and not _is_whether(doc, sentence, condition):
                near = sentences[max(0, index - 1) : index + 2]
                if any(_is_request(doc, s) for s in near):
                    yield Hit(sentence.span_of(condition))
                    continue
            route = doc.sentence_has(sentence, "review_route_first")
            if route and _review_context(doc, index):
                if doc.sentence_has(sentence, "route_to_us"):  # "contact us first": the seller
                    yield Hit(sentence.span_of(route))


@judgement
def _review_request(a: Analysis) -> bool:
    return a.has("review") and a.has("act", "request")


@judgement
def _satisfaction_condition(a: Analysis) -> tuple[int, int] | None:
    """"If you are happy / if it met your expectations / if our service make you
    satisfied": a condition on the buyer's satisfaction (not "whether or not")."""
    if a.has("whether"):
        return None
    pairs = a.near(["condition"], ["satisfied"], within=6) if a.scale > 1 else a.followed(["condition"], ["satisfied"], within=6)
    wishes = a.ranges("request")
    for cond, sat in pairs:  # Japanese: ご満足いただけましたら (the condition comes last)
        if a.negated(sat, scope=2) or _bare_wish(a, sat):
            continue
        if any((w[0] <= sat[0] and sat[1] <= w[1] and w != sat) or w[1] == sat[0] for w in wishes):
            continue  # the seller's wish, not the buyer's satisfaction: "nos gustaría", "we'd love", "nous serions heureux"
        return cover(cond, sat)
    return None


def _if_so(doc: Document, index: int, a: Analysis) -> tuple[int, int] | None:
    """A satisfaction condition that refers back: "We hope you are happy with
    it. If so, please leave a review." (the condition, then the request)."""
    found = a.ranges("if_so")
    previous = doc.sentences[index - 1] if index > 0 else None
    if not found and previous is not None and previous.text.rstrip().endswith(("?", "？")):
        found = [r for r in a.ranges("then") if r[0] == 0]  # "Happy with it? Then please..."
        if not found and _review_request(a) and a.tokens:  # "Loving your new rug? We'd be grateful for a review."
            found = [(0, 1)]
    if not found or previous is None:
        return None
    before = doc.analysis(previous)
    if any(not before.negated(s, scope=2) for s in before.ranges("satisfied")) and _review_request(a):
        return found[0]
    return None


def _otherwise(doc: Document, index: int, a: Analysis) -> tuple[int, int] | None:
    """"If anything is wrong, contact us. Otherwise, please leave a review":
    the review request is for those without a problem (in one sentence or two)."""
    found = a.ranges("otherwise")
    if not found or not _review_request(a):
        return None
    before = [a] + ([doc.analysis(doc.sentences[index - 1])] if index > 0 else [])
    for b in before:
        pairs = b.near if b.scale > 1 else b.followed
        if any(True for _c, _d in pairs(["condition"], ["dissatisfied"], within=6)):
            return cover(found[0], a.ranges("review")[-1])
    return None


def _bare_wish(a: Analysis, sat: tuple[int, int]) -> bool:
    """"if you like," / "if you would like to": a wish, not satisfaction."""
    token = a.tokens[sat[0]]
    if sat[1] - sat[0] != 1 or token.key not in _WISH_KEYS:
        return False
    if sat[1] >= len(a.tokens):
        return True
    following = a.tokens[sat[1]]
    gap = a.text[token.end : following.start]
    return bool(gap.strip()) or following.key in ("to", "that")


# Satisfaction verbs that are also wishes ("if you like").
_WISH_KEYS = frozenset({"like", "love", "wish", "want", "möcht", "voul", "quier", "vogli"})


@judgement
def _route_first(a: Analysis) -> tuple[int, int] | None:
    """"If you are not satisfied, contact us before leaving a review": an
    unhappy buyer routed to the seller first."""
    pairs = a.near if a.scale > 1 else a.followed
    for cond, sat in pairs(["condition"], ["dissatisfied", "satisfied"], within=6):
        if sat in a.ranges("satisfied") and not a.negated(sat, scope=2):
            continue
        for route in a.ranges("route"):
            if route[0] > sat[0] and a.has("before", "instead"):
                return cover(cond, route)
    for before, act in a.followed(["before", "instead"], ["review", "act"], within=4):
        # a route of its own: "first" in "only read the first few reviews" routes nobody
        if any(not (r[0] < before[1] and before[0] < r[1]) for r in a.ranges("route")) and a.has("review"):
            return cover(before, act)
    # "Please do not leave negative feedback without contacting us first"
    for act in a.ranges("act"):
        if a.negated(act, scope=3) and _review_nouns(a):
            for before, route in a.followed(["before"], ["route"], within=2):
                if before[0] > act[0]:
                    return cover(act, route)
    return None


def _is_whether(doc: Document, sentence: Sentence, match) -> bool:
    """'Whether you are happy or not' just before the condition: not a condition."""
    pat = doc.phrase("condition_whether")
    return pat is not None and pat.search(sentence.text, max(0, match.start() - 20), match.start()) is not None


@register
class ReviewRepeat(Rule):
    """A second review or feedback request for the same order.

    Why: a seller may request a review and feedback once per order.
    """

    id = "review.repeat"
    severity = Severity.ERROR
    message = "This order already had a review request; only one is allowed per order."
    guideline = f"Request a review and/or feedback at most once per order. ({SECTION}; Solicitations API)"
    needs = ("previous_review_requests",)
    violating = Example("We would appreciate it if you left a review on Amazon.", {"previous_review_requests": 1})
    compliant = Example("We would appreciate it if you left a review on Amazon.", {"previous_review_requests": 0})

    def find(self, doc: Document) -> Iterator[Hit]:
        if (doc.context.previous_review_requests or 0) < 1:
            return
        requests = doc.review_sentences
        if requests:
            first = requests[0]
            yield Hit((first.start, first.end))


@register
class ReviewScripted(Rule):
    """Tells the buyer what to write in the review.

    Why: a review must be the buyer's own words; points to mention or
    ready-made review text are forbidden.
    """

    id = "review.scripted"
    severity = Severity.ERROR
    message = "Do not tell the buyer what to write in a review."
    guideline = f"Never tell a buyer what to write in a review. ({SECTION})"
    violating = Example("Please leave a review on Amazon. It would help if you mentioned how quiet the motor is.")
    compliant = Example("Please leave a review on Amazon about your experience.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for index, sentence in enumerate(doc.sentences):
            a = doc.analysis(sentence)
            match = doc.sentence_has(sentence, "review_script")
            if match and _review_context(doc, index) and not negated(doc, sentence, match, window=20) and _addressed(a):
                yield Hit(sentence.span_of(match))
                continue
            # Frame: "mention / highlight / say that..." asked of the buyer, about the review.
            # "tell other customers whatever you honestly think, in your own words" scripts nothing
            # nor does "we like to say thank you"
            mentions = [
                m for m in a.unnegated("mention", scope=4)
                if not any(0 <= n[0] - m[1] <= 5 for n in a.ranges("neutral", "opinion_piece")) and not any(t[0] == m[1] for t in a.ranges("thank", "sorry"))
            ]
            if mentions and (a.has("request", "buyer_agent", "modal_passive") or _clause_start(a, mentions[0])):
                if any(_review_noun(b) for _s, b in doc.window(index)):
                    yield Hit(_chars(sentence, a, mentions[0]))
                    continue
            # Frame: ready-made text in quotes, offered for the buyer to write ("You can write
            # in your review like this: '...'"); "you wrote: '...'" quotes the buyer and asks nothing.
            quote = _quoted_text(sentence.text)
            cued = any(b.has("script_cue") for _s, b in doc.window(index))  # "Not sure what to say? Something like '...'"
            if quote and (a.has("act") or cued) and a.has("request", "buyer_agent", "modal_passive") and (cued or _review_context(doc, index)):
                yield Hit((sentence.start + quote[0], sentence.start + quote[1]))


# A quotation of several words: straight quotes only where they cannot be an apostrophe.
_QUOTE = re.compile(r"""(?<!\w)'[^'\n]{6,300}'(?!\w)|"[^"\n]{6,300}"|[“„][^”“\n]{6,300}[”“]|«[^»\n]{6,300}»|‘[^’\n]{6,300}’|「[^」\n]{4,300}」|『[^』\n]{4,300}』""")


def _quoted_text(text: str) -> tuple[int, int] | None:
    """The span of a quotation of three words or more (or of CJK text), if any."""
    for m in _QUOTE.finditer(text):
        inner = m.group()[1:-1]
        if len(inner.split()) >= 3 or m.group()[0] in "「『":
            return m.span()
    return None


@judgement
def _addressed(a: Analysis) -> bool:
    """The sentence speaks to the buyer (a request, "you", "your review"), not
    about what others wrote ("several reviews mention the colour")."""
    return a.has("request", "buyer_agent", "modal_passive", "you") or any(_clause_start(a, r) for r in a.ranges("mention"))
