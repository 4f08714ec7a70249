"""Amazon marketplaces: the domain the checks use, the id SP-API uses, and the region serving it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marketplace:
    domain: str
    id: str
    region: str


# Amazon's published marketplace ids (SP-API "Marketplace IDs" table).
MARKETPLACES = (
    Marketplace("amazon.com", "ATVPDKIKX0DER", "NA"),
    Marketplace("amazon.ca", "A2EUQ1WTGCTBG2", "NA"),
    Marketplace("amazon.com.mx", "A1AM78C64UM0Y8", "NA"),
    Marketplace("amazon.com.br", "A2Q3Y263D00KWC", "NA"),
    Marketplace("amazon.co.uk", "A1F83G8C2ARO7P", "EU"),
    Marketplace("amazon.de", "A1PA6795UKMFR9", "EU"),
    Marketplace("amazon.fr", "A13V1IB3VIYZZH", "EU"),
    Marketplace("amazon.it", "APJ6JRA9NG5V4", "EU"),
    Marketplace("amazon.es", "A1RKKUPIHCS9HS", "EU"),
    Marketplace("amazon.nl", "A1805IZSGTT6HS", "EU"),
    Marketplace("amazon.se", "A2NODRKZP88ZB9", "EU"),
    Marketplace("amazon.pl", "A1C3SOZRARQ6R3", "EU"),
    Marketplace("amazon.com.be", "AMEN7PMS3EDWL", "EU"),
    Marketplace("amazon.com.tr", "A33AVAJ2PDY3EV", "EU"),
    Marketplace("amazon.ie", "A28R8C7NBKEWEA", "EU"),
    Marketplace("amazon.ae", "A2VIGQ35RCS4UG", "EU"),
    Marketplace("amazon.sa", "A17E79C6D8DWNP", "EU"),
    Marketplace("amazon.eg", "ARBP9OOSHTCHU", "EU"),
    Marketplace("amazon.in", "A21TJRUUN4KGV", "EU"),
    Marketplace("amazon.co.jp", "A1VC38T7YXB528", "FE"),
    Marketplace("amazon.com.au", "A39IBJ37TRP1C6", "FE"),
    Marketplace("amazon.sg", "A19VAU5U5O7RUS", "FE"),
)
_BY_KEY = {m.domain: m for m in MARKETPLACES} | {m.id.lower(): m for m in MARKETPLACES}


def by_domain_or_id(value: str) -> Marketplace | None:
    """``amazon.de``, ``www.amazon.de`` or ``A1PA6795UKMFR9`` -> that marketplace."""
    key = value.strip().lower().removeprefix("https://").removeprefix("www.").rstrip("/")
    return _BY_KEY.get(key)
