"""Messaging v1's message types and what each accepts (from Amazon's published model).

``problems`` tells, in words, why a draft cannot go out as a given type:
too long or empty, HTML, an email address, a link where the type has no
use for one, a language other than the buyer's, too many or too few
attachments. Length is counted in UTF-16 code units when that is more than
the characters: the model does not say which Amazon counts, so we take the
stricter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks import language
from checks.i18n import tr


@dataclass(frozen=True)
class MessageType:
    name: str
    max_text: int | None  # None: the type carries no text
    max_attachments: int
    min_attachments: int = 0
    links: bool = False  # whether a link can serve the type's purpose


MESSAGE_TYPES = {
    t.name: t
    for t in (
        MessageType("confirmCustomizationDetails", 800, 5),
        MessageType("confirmDeliveryDetails", 2000, 0),
        MessageType("confirmOrderDetails", 2000, 0),
        MessageType("confirmServiceDetails", 2000, 0),
        MessageType("unexpectedProblem", 2000, 0),
        MessageType("digitalAccessKey", 400, 5, links=True),  # the key or the link to the content
        MessageType("legalDisclosure", None, 5),
        MessageType("warranty", None, 5, min_attachments=1),
        MessageType("invoice", None, 5, min_attachments=1),
    )
}
REVIEW_SOLICITATION = "productReviewAndSellerFeedback"

# Bounded patterns: no nested quantifiers, gaps capped.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,500})?/?>")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>]{1,2000}", re.IGNORECASE)


def length(text: str) -> int:
    """Characters or UTF-16 code units, whichever is more."""
    return max(len(text), len(text.encode("utf-16-le")) // 2)


def problems(
    kind: MessageType,
    text: str,
    *,
    draft_language: str | None,
    buyer_locale: str | None,
    attachments: int = 0,
    html: bool = False,
) -> list[str]:
    """Why ``text`` cannot be sent as ``kind`` (empty: it can)."""
    found: list[str] = []
    if kind.max_text is None:
        if text.strip():
            found.append(tr("amazon.type-no-text", "{type} carries no text, only attachments; choose a type that takes text.", type=kind.name))
    else:
        size = length(text)
        if size == 0 or not text.strip():
            found.append(tr("amazon.type-empty", "{type} needs text.", type=kind.name))
        elif size > kind.max_text:
            found.append(
                tr("amazon.type-too-long", "{type} takes at most {limit} characters; this draft has {size}.", type=kind.name, limit=kind.max_text, size=size)
            )
        if html or _TAG.search(text):
            found.append(tr("amazon.type-html", "Amazon takes plain text here; this draft has HTML."))
        if _EMAIL.search(text):
            found.append(tr("amazon.type-email", "Amazon does not deliver messages with an email address in them."))
        if not kind.links and _LINK.search(text):
            found.append(tr("amazon.type-link", "{type} has no use for a link; remove it.", type=kind.name))
        wanted = language.primary(buyer_locale)
        got = language.primary(draft_language)
        if wanted and got and wanted != got:
            found.append(
                tr("amazon.type-language", "The buyer reads {wanted} (Amazon's buyer locale {locale}); this draft is in {got}.",
                   wanted=wanted, locale=buyer_locale, got=got)
            )
    if attachments > kind.max_attachments:
        found.append(
            tr("amazon.type-attachments", "{type} takes at most {limit} attachments; {count} given.", type=kind.name, limit=kind.max_attachments, count=attachments)
        )
    elif attachments < kind.min_attachments:
        found.append(tr("amazon.type-needs-attachment", "{type} needs at least one attachment.", type=kind.name))
    return found
