"""Contact details and links."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import regex

from .. import extract, normalize, phrases, prefilter
from ..document import Document
from ..i18n import tr
from ..models import Edit, Fix, Severity
from ..registry import Example, Hit, Rule, register

SECTION = "Guidelines, 'Content that is not permitted'"


def _removal(span: tuple[int, int], title: str) -> Fix:
    return Fix(title=title, edits=[Edit(span=span, replacement="")])


@register
class Email(Rule):
    """An email address, also written to dodge filters ("name at domain dot com").

    Why: buyer messages may not contain email addresses; all contact stays on
    Amazon.
    """

    id = "contact.email"
    severity = Severity.ERROR
    message = "Email addresses are not allowed in buyer messages."
    guideline = f"No email addresses. ({SECTION}; Messaging API)"
    violating = Example("Best regards,\nservice@lumiwood-lighting.com")
    compliant = Example("Best regards,\nLumiwood Lighting")

    def find(self, doc: Document) -> Iterator[Hit]:
        for found in doc.emails:
            yield Hit(found.span, fix=_removal(found.span, tr("fix.remove-email", "Remove the email address")))


@register
class Phone(Rule):
    """A phone number in any country's format, whoever it belongs to.

    Why: buyer messages may not contain phone numbers. A number the team has
    allowed in its configuration is not reported.
    """

    id = "contact.phone"
    severity = Severity.ERROR
    message = "Phone numbers are not allowed in buyer messages."
    guideline = f"No phone numbers. ({SECTION})"
    violating = Example("Please call us at +86 138 2765 4410.")
    compliant = Example("Please reply to this message with a photo of the label.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for found in doc.phones:
            yield Hit(found.span, fix=_removal(found.span, tr("fix.remove-phone", "Remove the phone number")))


@register
class Social(Rule):
    """A social-media or messaging-app contact: WhatsApp, WeChat, LINE,
    Telegram, Instagram or Facebook accounts and handles.

    Why: these take the conversation off Amazon.
    """

    id = "contact.social"
    severity = Severity.ERROR
    message = "Social-media and messaging-app contacts are not allowed in buyer messages."
    guideline = f"No calls to action that take the buyer to social media or messaging apps. ({SECTION})"
    violating = Example("Best regards,\nTechNova Support\nWeChat: technova_cs88")
    compliant = Example("Best regards,\nTechNova Support")

    def find(self, doc: Document) -> Iterator[Hit]:
        named = platform_spans(doc)
        qrs = qr_codes(doc)  # most drafts name none
        for sentence in doc.sentences:
            platform = doc.sentence_has(sentence, "social")
            if platform is not None and (
                doc.sentence_has(sentence, "social_contact") or any(sentence.start <= p.span[0] < sentence.end for p in doc.phones)
            ):
                yield Hit(sentence.span_of(platform))
                continue
            # Names in any language (WA, VX, 微信, t.me/, a QR code), with a cue that they are a contact.
            spans = _in(named, sentence)  # named is in text order
            if qrs:
                # A QR code is a contact only when it leads to a person to add or
                # chat with ("scan to chat with us", "...has a QR code. Scan it to
                # add our assistant as a chat contact"), not to a product page, a
                # video or the app's device list.
                qr = _scanned_to_chat(doc, sentence, qrs)
                if qr is not None:
                    yield Hit(qr)
                    continue
                spans = [s for s in spans if not is_qr(doc, s)]
            if not spans:
                continue
            span = spans[0]
            handle = _HANDLE_NEXT.match(doc.text, span[1]) is not None  # "our IG lumiwood.home", "WeChat is lumiwood88"
            if invitation(sentence.text) is not None or handle or social_cue(sentence.text):
                yield Hit(span)


def _in(spans: list[tuple[int, int]], sentence) -> list[tuple[int, int]]:
    """The spans (in text order) that start in the sentence."""
    first = bisect.bisect_left(spans, (sentence.start,))
    return spans[first : bisect.bisect_left(spans, (sentence.end,), lo=first)]


def _scanned_to_chat(doc: Document, sentence, qrs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a QR code (``qrs``: those of the draft), named in this sentence or
    scanned in it after the one before named it, leads to a chat contact; or None."""
    here = _in(qrs, sentence)
    if not here and (
        sentence.index <= 0 or not _in(qrs, doc.sentences[sentence.index - 1]) or channel("scan").search(sentence.text) is None
    ):
        return None
    chat = channel("qr_chat").search(sentence.text)
    if chat is None:
        return None
    return here[0] if here else sentence.span_of(chat)


# --- channels named the same in every language (checks/phrases/channels.toml) ---
CHANNELS = "channels"
_QR = re.compile(r"QR|二维码|二維碼", re.IGNORECASE)
# A QR code in the languages of the marketplaces ("código QR", "QR-Code", "QR kodu").
_QR_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?:qr[\s-]?codes?|qrcode|(?:c[óo]digos?|codice|code|kod|koden|kodu)\s+qr|qr[\s-]?kod\w{0,4})(?![A-Za-z0-9])|QRコード|二维码|二維碼",
    re.IGNORECASE,
)


def is_qr(doc: Document, span: tuple[int, int]) -> bool:
    """Whether the named channel at ``span`` is a QR code."""
    return _QR.search(doc.text, span[0], span[1]) is not None


@functools.lru_cache(maxsize=64)
def _qr_codes(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _QR_CODE.finditer(text)) if _QR.search(text) else ()


def qr_codes(doc: Document) -> list[tuple[int, int]]:
    """Where the draft names a QR code, in text order (one scan, and only of a text holding "QR")."""
    return list(_qr_codes(doc.text))


def channel(concept: str):
    return phrases.pattern(CHANNELS, concept)


# The concepts looked for in a whole draft; the others are only asked of a sentence already picked.
_GATED = ("platform", "platform_code", "pay_channel", "buy_there", "search_engine", "other_marketplace")


@functools.lru_cache(maxsize=1)
def _gate_automaton():
    """One automaton over the required literals of the gated concepts only."""
    import ahocorasick

    literals = prefilter.for_language(CHANNELS).literals
    words = {w for c in _GATED for conjuncts in literals.get(c, ()) for found in conjuncts for w in found}
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=64)
def _literal_starts(text: str) -> dict[str, list[int]]:
    """The gated concepts' required literals (checks/prefilter.py) that occur in ``text``, with where each starts."""
    found: dict[str, list[int]] = {}
    for end, literal in _gate_automaton().iter(prefilter.fold(text)):
        found.setdefault(literal, []).append(end + 1 - len(literal))
    return found


def _may_match(text: str, concept: str) -> bool:
    """False only when no pattern of the concept can match: each pattern
    needs one literal of every one of its necessary sets."""
    patterns = prefilter.for_language(CHANNELS).literals.get(concept)
    if patterns is None or concept not in _GATED:
        return True  # unfiltered concept
    seen = _literal_starts(text).keys()
    return any(all(not seen.isdisjoint(found) for found in conjuncts) for conjuncts in patterns)


def _match_starts(text: str, concept: str) -> list[int] | None:
    """Where a match of a gated concept can start in ``text``; None: anywhere."""
    return prefilter.match_starts(CHANNELS, concept, _literal_starts(text)) if concept in _GATED else None


def concept_spans(text: str, concept: str) -> list[tuple[int, int]]:
    """What ``channel(concept).finditer(text)`` finds, for a gated concept:
    the pattern is tried only where a match can start (around its literals)."""
    starts = _match_starts(text, concept)
    if starts is None:
        return [m.span() for m in channel(concept).finditer(text)]
    return prefilter.finditer_at(channel(concept), text, starts)


@functools.lru_cache(maxsize=64)
def _platforms(text: str) -> tuple[tuple[int, int], ...]:
    reading = normalize.read(text)  # "WhаtsApp" with a Cyrillic a is still WhatsApp
    found = platform_codes(reading.text)
    if _may_match(reading.text, "platform"):
        found += concept_spans(reading.text, "platform")
    return tuple(reading.span(span) for span in sorted(found))


# Every platform_code match starts with one of these: the pattern is tried
# only there (a scan of its lookbehinds at every position of a long text
# cost milliseconds).
_CODE_STARTS = re.compile(r"WA|FB|IG|VX|Vx|vx|WX|LINE")


def platform_codes(text: str) -> list[tuple[int, int]]:
    """Where the text names an app by its short code ("WA", "VX", "LINE"):
    what ``finditer`` of the platform_code pattern finds."""
    pattern = channel("platform_code")
    found = []
    for start in _CODE_STARTS.finditer(text):
        m = pattern.match(text, start.start())
        if m is not None:
            found.append(m.span())
    return found


@functools.lru_cache(maxsize=256)
def _mentioned(text: str, concept: str) -> bool:
    if not _may_match(text, concept):
        return False
    starts = _match_starts(text, concept)
    if starts is None:
        return channel(concept).search(text) is not None
    pattern = channel(concept)
    return any(pattern.match(text, start) is not None for start in starts)


def mentions(doc: Document, concept: str) -> bool:
    """Whether the draft holds the channel concept at all (one scan, before any sentence is asked)."""
    return _mentioned(doc.text, concept)


def platform_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """Where the text names a messaging app or social network (any language)."""
    return _platforms(doc.text)


# A handle after an app's name: "WeChat: lumiwood_cs", "VX lw2024", "LINE ID：sakura_home".
_HANDLE_AFTER = regex.compile(r"[\s:：]{0,3}(?:(?i:id)[\s:：]{0,3})?[@\w.\-]{2,40}")


# Right after an app's name, something only a handle looks like: an @name, or
# a name with a digit, underscore or dot in it (after "is", "as" or a colon, too:
# "Lily is on Weixin as lumiwave2023").
_HANDLE_NEXT = regex.compile(
    r"[\s:：]{0,3}(?:(?:is|ist|est|es|è|as|als|comme|como|come|under|unter|sous)\s+)?(?:@[\w.]{2,30}|[A-Za-z][\w-]{0,30}[\d_.][\w.-]{0,30}[\w])", regex.IGNORECASE
)


def social_handles(doc: Document) -> list[tuple[int, int]]:
    """The app names and the handles right after them (what contact.social reports)."""
    spans = []
    for start, end in platform_spans(doc):
        handle = _HANDLE_AFTER.match(doc.text, end)
        spans.append((start, handle.end() if handle else end))
    return spans


def social_cue(text: str) -> bool:
    return channel("social_cue").search(text) is not None


def invitation(text: str):
    """The words asking the buyer to add, message or call the seller on a channel, or None."""
    return channel("invite").search(text)


def invitations(text: str):
    """Every such invitation in ``text``, in order."""
    return channel("invite").finditer(text)


@register
class ExternalLink(Rule):
    """A link, or a bare domain such as example.com, outside Amazon's domains
    and the team's allow-list.

    Why: only secure links needed to complete the order are allowed;
    shorteners and the seller's own site are not.
    """

    id = "link.external"
    severity = Severity.ERROR
    message = "Links outside Amazon are not allowed ({host})."
    guideline = f"No external links except secure links needed to complete the order. ({SECTION})"
    violating = Example("Register the serial number at technova-care.com/warranty.")
    compliant = Example("Print the return label at https://www.amazon.com/returns.")

    def find(self, doc: Document) -> Iterator[Hit]:
        allowed = doc.settings.allowed_domains
        for link in doc.links:
            if extract.is_amazon(link.host) or extract.host_allowed(link.host, allowed):
                continue
            yield Hit(link.span, self.say(host=link.host), _removal(link.span, tr("fix.remove-link", "Remove the link")))


@register
class InsecureLink(Rule):
    """An ``http://`` link, even to Amazon or an allowed domain.

    Why: only secure (https) links are allowed.
    """

    id = "link.insecure"
    severity = Severity.ERROR
    message = "Links must use https://, not http://."
    guideline = f"Links must be secure (https). ({SECTION})"
    violating = Example("Print the label at http://www.amazon.com/returns.")
    compliant = Example("Print the label at https://www.amazon.com/returns.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for link in doc.links:
            if link.scheme != "http":
                continue
            fix = None
            if extract.is_amazon(link.host):
                start = link.span[0]
                fix = Fix(title=tr("fix.use-https", "Use https://"), edits=[Edit(span=(start, start + 4), replacement="https")])
            yield Hit(link.span, fix=fix)


@register
class OptOut(Rule):
    """An unsubscribe or opt-out link or instruction.

    Why: Amazon handles opt-outs for buyers; sellers may not offer their own.
    """

    id = "link.opt-out"
    severity = Severity.ERROR
    message = "Opt-out and unsubscribe instructions are not allowed; Amazon manages opt-outs."
    guideline = f"No opt-out links or instructions. ({SECTION})"
    violating = Example("If you do not want to receive further messages from us, reply STOP.")
    compliant = Example("The battery should be charged for 16 hours before the first use.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for sentence in doc.sentences:
            # The lexicon reads word forms ("opting out", "unsubscribing"); the phrases, fixed forms.
            if doc.analysis(sentence).has("opt_out") or doc.sentence_has(sentence, "opt_out"):
                span = (sentence.start, sentence.end)
                yield Hit(span, fix=_removal(span, tr("fix.remove-opt-out", "Remove the opt-out line")))
