"""A check's context from the order: Orders API getOrder and Messaging getAttributes.

Given an order id (typed, or the one order id in the draft), Amazon tells
the purchase date, the latest delivery date, the marketplace, the status,
whether Amazon fulfils it and the buyer's preferred language. Those fill the
context keys the person did not give; :func:`describe` says which facts came
from Amazon. The review memory per order stays ours (bot/review.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from checks import Context
from checks.extract import order_ids
from checks.i18n import Joined, tr
from checks.models import TRUSTED

from .client import AmazonError, SellingPartner
from .marketplaces import by_domain_or_id


@dataclass(frozen=True)
class OrderFacts:
    """What Amazon says about one order (None: Amazon did not say)."""

    order_id: str
    purchase_date: dt.date | None
    latest_delivery_date: dt.date | None
    marketplace: str | None
    status: str | None
    fulfilled_by_amazon: bool | None
    buyer_locale: str | None


@dataclass(frozen=True)
class OrderContext:
    context: Context
    facts: OrderFacts
    from_amazon: tuple[str, ...]  # the context keys Amazon filled
    notes: tuple[str, ...] = ()  # what could not be had, in words


def find_order_id(text: str) -> str | None:
    """The order id written in the draft, when it names exactly one."""
    found = {f.value for f in order_ids(text, None).valid}
    return found.pop() if len(found) == 1 else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


async def fetch_order_facts(client: SellingPartner, order_id: str) -> tuple[OrderFacts, list[str]]:
    """The order's facts; getAttributes failing (Amazon refuses it for some orders) leaves the language unknown."""
    order = await client.get_order(order_id)
    notes: list[str] = []
    locale = None
    try:
        attributes = await client.get_attributes(order_id)
        locale = ((attributes.get("buyer") or {}).get("locale") or "").strip() or None
    except AmazonError as exc:
        if exc.status in (0, 401):
            raise
        notes.append(tr("amazon.no-locale", "Amazon did not tell the buyer's language: {reason}", reason=exc.message))
    market = by_domain_or_id(str(order.get("MarketplaceId") or ""))
    channel = order.get("FulfillmentChannel")
    facts = OrderFacts(
        order_id=order_id,
        purchase_date=_date(order.get("PurchaseDate")),
        latest_delivery_date=_date(order.get("LatestDeliveryDate")),
        marketplace=market.domain if market else None,
        status=order.get("OrderStatus") or None,
        fulfilled_by_amazon=None if channel not in ("AFN", "MFN") else channel == "AFN",
        buyer_locale=locale,
    )
    return facts, notes


async def order_context(client: SellingPartner, context: Context, text: str) -> OrderContext:
    """``context`` completed from the order it names (or the draft names); keys given stay as given."""
    order_id = context.order_id or find_order_id(text)
    if not order_id:
        raise AmazonError(
            tr("amazon.no-order-id", "No order id: give one (e.g. 113-4829105-7730142) or write exactly one in the draft.")
        )
    facts, notes = await fetch_order_facts(client, order_id)
    given = context.model_dump(mode="json", exclude_unset=True)
    found = {
        "order_id": order_id,
        "order_date": facts.purchase_date.isoformat() if facts.purchase_date else None,
        "delivery_date": facts.latest_delivery_date.isoformat() if facts.latest_delivery_date else None,
        "marketplace": facts.marketplace,
        "buyer_language": facts.buyer_locale,
    }
    filled = {k: v for k, v in found.items() if v is not None and k not in given}
    completed = Context.model_validate({**given, **filled}, context=TRUSTED)  # Amazon's facts: parsed, not second-guessed
    return OrderContext(completed, facts, tuple(k for k in found if k in filled), tuple(notes))


def describe(result: OrderContext) -> str:
    """One line for the report: which facts came from Amazon (a keyed text: it reads in the UI language)."""
    facts = result.facts
    values = {
        "order_date": (tr("amazon.fact.order-date", "order date {value}", value=str(facts.purchase_date))),
        "delivery_date": (tr("amazon.fact.delivery-date", "latest delivery date {value}", value=str(facts.latest_delivery_date))),
        "marketplace": (tr("amazon.fact.marketplace", "marketplace {value}", value=str(facts.marketplace))),
        "buyer_language": (tr("amazon.fact.buyer-language", "buyer language {value}", value=str(facts.buyer_locale))),
    }
    parts: list[str] = [values[key] for key in result.from_amazon if key in values]
    if facts.status:
        parts.append(tr("amazon.fact.status", "status {status}", status=facts.status))
    if facts.fulfilled_by_amazon is not None:
        parts.append(
            tr("amazon.fact.fba", "fulfilled by Amazon") if facts.fulfilled_by_amazon else tr("amazon.fact.mfn", "fulfilled by the seller")
        )
    line = tr("amazon.from-amazon", "From Amazon (order {order}): {facts}.", order=facts.order_id,
              facts=Joined(parts, "amazon.fact.comma", ", ") if parts else "-")
    return Joined([line, *result.notes], "amazon.fact.newline", "\n")
