"""Content: purpose-less messages, auto-replies, sensitive content, length, attachments."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ..document import Document, Sentence
from ..i18n import tr
from ..models import Severity
from ..registry import Example, Hit, Rule, register
from .order import auto_reply_span, confirms, has_purpose, is_auto_reply

SECTION = "Guidelines, 'Messages that are not permitted'"
FREE_TEXT_LIMIT = 2000


@register
class ThanksOnly(Rule):
    """The message only thanks the buyer, or only offers help "if you have
    questions", with no permitted purpose.

    Why: such messages are not permitted; a buyer's thank-you is marked
    "No Response Required" instead of answered.
    """

    id = "content.thanks-only"
    severity = Severity.ERROR
    message = "This message only thanks the buyer or offers help; it has no permitted purpose. Do not send it."
    guideline = f"Messages that only say thank you or 'let us know if you have questions' are not permitted. ({SECTION})"
    violating = Example("Hi Jessica,\n\nThank you so much for your purchase! We hope you enjoy it.\n\nWarm regards,\nSunnyHome")
    compliant = Example("Hi Jessica,\n\nThank you for your order. Your blanket is delayed by two days.\n\nWarm regards,\nSunnyHome")

    def find(self, doc: Document) -> Iterator[Hit]:
        """Judged from the whole message: every sentence of its body is a
        pleasantry (thanks, wishes, an offer of help) and none has a purpose."""
        if is_auto_reply(doc) or _acknowledgement(doc) is not None:
            return  # content.auto-reply covers it
        # An opt-out line is no purpose either (link.opt-out reports it).
        body = [s for s in body_sentences(doc) if not _opts_out(doc, s)]
        if not body or any(has_purpose(doc, s) for s in body):
            return
        # Every sentence a pleasantry; in a longer body one may only describe ("each bowl is glazed by hand").
        others = sum(not _pleasantry(doc, s) for s in body)
        if others == 0 or (others == 1 and len(body) >= 4):
            yield Hit((body[0].start, body[-1].end))


def _opts_out(doc: Document, sentence: Sentence) -> bool:
    return bool(doc.sentence_has(sentence, "opt_out")) or doc.analysis(sentence).has("opt_out")


def _pleasantry(doc: Document, sentence: Sentence) -> bool:
    """Thanks, wishes or an offer of help; not shipping news ("your order has
    shipped" is order.confirmation's, even with "thank you" beside it)."""
    if confirms(doc, sentence) is not None:
        return False
    return bool(doc.sentence_has(sentence, "thanks")) or doc.analysis(sentence).has("pleasantry")


def body_sentences(doc: Document) -> list[Sentence]:
    """Sentences between the greeting and the sign-off."""
    sentences = list(doc.sentences)
    first = sentences[0] if sentences else None
    # The greeting alone ("Hallo Frau Neumann,"), not a first sentence that goes on after it.
    if first is not None and (_is_salutation(first) or (doc.sentence_has(first, "greeting") and len(first.text.split()) <= 6)):
        sentences = sentences[1:]
    for i, sentence in enumerate(sentences):
        if "\n" not in doc.text[sentence.start - 1 : sentence.start]:
            continue
        # A sign-off line: a known closing, or a short line ending in a comma
        # after the body ("Avec toute notre gratitude,", "Drive safe,").
        if doc.sentence_has(sentence, "closing") or (i > 0 and _is_salutation(sentence) and doc.text[sentence.end : sentence.end + 2].lstrip(" \t").startswith("\n")):
            sentences = sentences[:i]
            break
    return sentences


def _is_salutation(sentence: Sentence) -> bool:
    return sentence.text.endswith((",", ":")) and len(sentence.text.split()) <= 6


@register
class AutoReply(Rule):
    """An automated or out-of-office style reply.

    Why: auto-responders are not permitted and do not count as a response.
    """

    id = "content.auto-reply"
    severity = Severity.ERROR
    message = "Automatic and out-of-office replies are not allowed and do not count as a response."
    guideline = f"Auto-responder messages are not permitted. ({SECTION})"
    violating = Example("Automatic reply: our team is out of the office until Monday.", {"proactive": False})
    compliant = Example("Yes, the tent fits four adults on standard sleeping pads.", {"proactive": False})

    def find(self, doc: Document) -> Iterator[Hit]:
        for sentence in doc.sentences:
            span = auto_reply_span(doc, sentence)
            if span is not None:
                yield Hit(span)
                return
        span = _acknowledgement(doc)
        if span is not None:
            yield Hit(span)


def _acknowledgement(doc: Document) -> tuple[int, int] | None:
    """"We have received your message and will reply within 24 hours", and
    nothing else but thanks: an auto-responder's whole message."""
    body = body_sentences(doc)
    found = [s for s in body if doc.analysis(s).has("acknowledge")]
    if not found or not any(doc.analysis(s).has("reply_later", "acknowledge") for s in found):
        return None
    for sentence in body:
        if sentence not in found and not (_pleasantry(doc, sentence) and not has_purpose(doc, sentence)):
            return None
    return found[0].start, found[-1].end


@register
class Objectionable(Rule):
    """Sensitive content: profanity, insults, adult or offensive language,
    violence.

    Why: sensitive content is never permitted in buyer messages.
    """

    id = "content.objectionable"
    severity = Severity.ERROR
    message = "Offensive or sensitive wording is not allowed ({word})."
    guideline = "No sensitive content: profanity, insults, adult or offensive language, violence. (Guidelines, 'Content that is not permitted')"
    violating = Example("The damn problem is your cable, not our product.")
    compliant = Example("The problem is probably the cable, not the charger.")

    def find(self, doc: Document) -> Iterator[Hit]:
        pat = doc.phrase("objectionable")
        if pat is None or (doc.language or doc.phrase_language) != doc.phrase_language:
            return  # word lists are per language: English "retard" is French for "delay"
        for span, m in doc.finditer("objectionable"):
            yield Hit(span, self.say(word=m.group()))


@register
class TooLong(Rule):
    """A plain-text draft over 2,000 characters.

    Why: the Messaging API accepts at most 2,000 characters of free text for
    most message types.
    """

    id = "content.too-long"
    severity = Severity.WARNING
    message = "The draft has {count:,} characters; Amazon's free-text limit is 2,000."
    guideline = "Free text in a buyer message is limited to 2,000 characters. (Messaging API)"
    violating = Example("Step. " * 400)
    compliant = Example("Step 1. Unpack the frame on a soft surface.")

    def find(self, doc: Document) -> Iterator[Hit]:
        if doc.html is not None:  # the 2,000-character limit is for plain text
            return
        count = len(doc.text.strip())
        if count > FREE_TEXT_LIMIT:
            yield Hit((FREE_TEXT_LIMIT, len(doc.text)), self.say(count=count))


@register
class DisallowedAttachment(Rule):
    """An attachment that is not product instructions, a warranty or an invoice.

    Why: only those three kinds of attachment are permitted; flyers, reward
    cards and images of other products are not.
    """

    id = "attach.disallowed"
    severity = Severity.ERROR
    message = "The attachment {name!r} is not product instructions, a warranty or an invoice."
    guideline = "Attachments are limited to product instructions, warranty information and invoices. (Guidelines, 'Content that is not permitted')"
    needs = ("attachments",)
    violating = Example("Attached is our catalogue.", {"attachments": ["promo_flyer.jpg"]})
    compliant = Example("Attached is the user manual.", {"attachments": ["user_manual.pdf"]})

    def find(self, doc: Document) -> Iterator[Hit]:
        allowed = _allowed_names_pattern()
        for name in doc.context.attachments or []:
            kind = _runnable_extension(name)
            if kind is not None:
                # The last extension decides what opens the file: "invoice.pdf.exe" runs.
                yield Hit(message=tr("attach.runnable", "The attachment {name!r} is a {ext} file (a program, script or archive), whatever its name says; attach a PDF or image instead.", name=name, ext=kind))
            elif not allowed.search(name):
                yield Hit(message=self.say(name=name))


# Programs, scripts, installers, disk images and archives: a buyer cannot
# read them as instructions, a warranty or an invoice, and they can hide anything.
_RUNNABLE = frozenset(
    "exe com scr bat cmd msi msp pif cpl hta lnk reg dll vbs vbe js jse wsf wsh ps1 psm1 sh bash command "
    "py pyw pl rb php jar apk xapk ipa app dmg pkg deb rpm run bin iso img vhd "
    "zip zipx rar 7z tar gz tgz bz2 xz cab arj lz lzh ace docm xlsm pptm".split()
)
_INVISIBLE_IN_NAME = regex.compile(r"[\p{Cf}\s]+")


def _runnable_extension(name: str) -> str | None:
    """The last extension of ``name`` when it makes the file a program, script or archive."""
    visible = _INVISIBLE_IN_NAME.sub("", name).rstrip(".")  # "invoice.pdf  .exe", a hidden RTL override
    stem, dot, ext = visible.rpartition(".")
    if not dot or not stem:
        return None
    ext = ext.lower()
    return ext if ext in _RUNNABLE else None


@functools.lru_cache(maxsize=1)
def _allowed_names_pattern() -> regex.Pattern:
    # Attachment names are matched against the phrase data of every language:
    # a German team may attach "Rechnung.pdf" to an English message.
    from .. import phrases

    parts = []
    for lang in phrases.languages():
        pat = phrases.pattern(lang, "attachment_allowed")
        if pat is not None:
            parts.append(pat.pattern)
    return regex.compile("|".join(parts) or r"(?!)", regex.IGNORECASE)
