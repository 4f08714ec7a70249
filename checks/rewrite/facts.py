"""The facts a rewrite must keep: order ids, tracking numbers, dates and amounts."""

from __future__ import annotations

import regex

# Facts a rewrite keeps. Amounts only guard contact lines: in a coupon or an
# incentive the amount is the offer itself. Each pattern starts on a digit or
# a capital where it can (one alternation of them all is ten times slower).
_MONTHS = (
    "jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vrier|m[aä]r(?:ch|z)|mars|apr(?:il)?|avril|may|mai|june?|juni|"
    "juin|july?|juli|juillet|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember)?)?|septembre|oct(?:ober)?|okt(?:ober)?|octobre|"
    "nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    "septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
_FACTS = (
    (regex.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])"), False),  # order id
    (regex.compile(r"\b[0-9A-Z]{10,34}\b"), False),  # tracking number (with a digit, see facts())
    (regex.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{1,2}月\d{1,2}日"), False),
    (regex.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d{1,2}\b"), False),
    (regex.compile(rf"\b\d{{1,2}}\.?\s(?:de\s)?(?:{_MONTHS})\b", regex.IGNORECASE), False),
    (regex.compile(r"[$€£¥]\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:€|\$|£|%|EUR|USD|GBP|円|元)"), True),  # amount
)


# A discount is an offer, not a fact: "save 10%", "10% off", "15 % Rabatt".
_SAVING = regex.compile(
    r"(?:\b(?:save|saving|discount|sparen|sparst|spare|économisez|économiser|ahorra|ahorre|risparmia|risparmi)\W+(?:\w+\W+){0,2}$)",
    regex.IGNORECASE,
)
_SAVED = regex.compile(r"^\W*(?:off|discount|rabatt|nachlass|de\s+(?:réduction|remise|descuento)|di\s+sconto)\b", regex.IGNORECASE)


# A code that a coupon word names is the offer, not a tracking number: "code PRINTEMPS15".
_CODE_WORD = regex.compile(
    r"(?:code|coupon|voucher|promo|gutschein\w*|rabattcode|gutscheincode|código|cupón|cupon|codice|buono)\W+(?:\w+\W+){0,2}$",
    regex.IGNORECASE,
)


_TRACKING_WORD = regex.compile(r"track|sendung|suivi|seguimiento|tracciamento|spedizione|paket|parcel|colis|追跡", regex.IGNORECASE)


def _coupon_code(text: str, at: int) -> bool:
    """The code at ``at`` is named by a coupon word, not a tracking word."""
    before = text[max(0, at - 40) : at]
    return _CODE_WORD.search(before) is not None and _TRACKING_WORD.search(before) is None


def facts(text: str) -> list[tuple[int, int, bool]]:
    """Order ids, tracking numbers, dates and amounts in ``text``:
    (start, end, is an amount). A discount ("save 10%") and a coupon code
    ("code SPRING15") are no facts."""
    found = []
    for pattern, amount in _FACTS:
        for m in pattern.finditer(text):
            if pattern is _FACTS[1][0] and (not any(ch.isdigit() for ch in m.group()) or _coupon_code(text, m.start())):
                continue
            if amount and (_SAVING.search(text, max(0, m.start() - 30), m.start()) or _SAVED.match(text[m.end() : m.end() + 30])):
                continue
            found.append((m.start(), m.end(), amount))
    return found
