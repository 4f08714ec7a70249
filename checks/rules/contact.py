"""Contact details and links."""

from __future__ import annotations

from collections.abc import Iterator

from .. import extract
from ..document import Document
from ..models import Edit, Fix, Severity
from ..i18n import tr
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
        for sentence in doc.sentences:
            platform = doc.sentence_has(sentence, "social")
            if platform is None:
                continue
            if doc.sentence_has(sentence, "social_contact") or any(
                sentence.start <= p.span[0] < sentence.end for p in doc.phones
            ):
                yield Hit(sentence.span_of(platform))


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
