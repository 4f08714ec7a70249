"""What the rewrite tells a person to do about findings it cannot fix in the text."""

from __future__ import annotations

from ..i18n import Text

GUIDANCE = {
    "content.thanks-only": "Do not send this message: it has no permitted purpose. If it answers a buyer's "
    "thank-you, mark the buyer's message \"No Response Required\" in Seller Central instead.",
    "content.auto-reply": "Do not send automatic replies. Answer the buyer yourself, or mark the message "
    "\"No Response Required\" when it needs no answer.",
    "order.confirmation": "Do not send it: Amazon already sends order and shipping confirmations. "
    "Write only when there is a problem to solve.",
    "order.window": "Do not send it: proactive messages are allowed only within 30 days of order completion. "
    "Wait for the buyer to write.",
    "review.repeat": "Remove the review request: this order already had one. Amazon allows one per order "
    "(Amazon's own \"Request a Review\" button counts too).",
    "review.change-request": "Remove the request to change or remove the review or feedback. "
    "If nothing else is left to say, do not send the message.",
    "lang.mismatch": "Translate the whole message into the buyer's language before sending it.",
    "lang.mixed": "Remove or translate the passage in another language.",
    "attach.disallowed": "Remove the attachment: only product instructions, warranty information "
    "and invoices may be attached.",
    "order.id-mismatch": "Check the order id: it must be the order this conversation is about.",
    "order.id-malformed": "Correct the order id to Amazon's 3-7-7 digit form (e.g. 113-1234567-1234567).",
    "order.cancel-request": "Cancel the order yourself (reason NoInventory or CouldNotShip) and tell the buyer "
    "it was cancelled and refunded; do not ask the buyer to cancel.",
    "order.discourage-return": "Remove the pressure not to return, cancel or ask for a refund; you may offer "
    "a partial refund as an option.",
    "order.divert": "Keep the order and the conversation on Amazon: ask the buyer to reply to this message.",
    "content.objectionable": "Rewrite this passage in polite, neutral words.",
    "content.too-long": "Shorten the message to 2,000 characters or fewer.",
    "style.spelling": "Correct the spelling by hand: the dictionary has no single clear suggestion.",
    "style.grammar": "Correct the grammar by hand.",
    "link.insecure": "Use the https:// address of this link, or remove the link.",
    "order.id-missing": "Add the order id (3-7-7 digits) to the message.",
}



def guidance_text(rule: str) -> Text | None:
    """The guidance for ``rule``'s findings, translatable under ``guidance.<rule id>``."""
    text = GUIDANCE.get(rule)
    return None if text is None else Text("guidance." + rule, text)
