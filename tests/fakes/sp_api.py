"""A fake SP-API and Login with Amazon token endpoint on 127.0.0.1, for tests of bot/amazon.

It answers the operations CheckMsg uses as Amazon's published models describe
them (ordersV0 getOrder, Messaging v1, Solicitations v1, Uploads
2020-11-01), checks the access token and the single ``marketplaceIds`` value,
refuses message types the order does not allow with 403, allows one review
solicitation per order between 5 and 30 days after delivery, and records
every request. ``fail_next`` answers the next calls of an operation with 429
(and ``x-amzn-RateLimit-Limit``), 400 or 403.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

CLIENT_ID = "amzn1.application-oa2-client.test"
CLIENT_SECRET = "test-client-secret"
REFRESH_TOKEN = "Atzr|test-refresh-token"
MARKETPLACE_ID = "A1PA6795UKMFR9"  # amazon.de

# The text limits of Messaging v1 (message type -> (max characters or None for no text, max attachments)).
MESSAGE_TYPES = {
    "confirmCustomizationDetails": (800, 5),
    "confirmDeliveryDetails": (2000, 0),
    "confirmOrderDetails": (2000, 0),
    "confirmServiceDetails": (2000, 0),
    "unexpectedProblem": (2000, 0),
    "digitalAccessKey": (400, 5),
    "legalDisclosure": (None, 5),
    "warranty": (None, 5),
    "invoice": (None, 5),
}


@dataclass
class Request:
    operation: str
    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int
    token: str | None


@dataclass
class Order:
    order_id: str
    purchase_date: str = "2026-11-16T09:30:00Z"
    latest_delivery_date: str | None = "2026-11-21T20:00:00Z"
    status: str = "Shipped"
    fulfillment_channel: str = "AFN"
    marketplace_id: str = MARKETPLACE_ID
    locale: str = "de-DE"
    message_types: list[str] = field(default_factory=lambda: ["confirmDeliveryDetails", "unexpectedProblem"])
    solicited: bool = False


class FakeSpApi:
    def __init__(self, today: dt.date = dt.date(2026, 11, 30)) -> None:
        self.today = today
        self.orders: dict[str, Order] = {}
        self.requests: list[Request] = []
        self.tokens: set[str] = set()
        self.token_requests: list[dict[str, str]] = []
        self.uploads: dict[str, bytes] = {}
        self.expires_in = 3600
        self._numbers = itertools.count(1)
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self.base_url = ""

    # -- control ------------------------------------------------------------------

    def add_order(self, order_id: str, **fields: Any) -> Order:
        order = Order(order_id, **fields)
        self.orders[order_id] = order
        return order

    def fail_next(self, operation: str, status: int, times: int = 1, *, rate: str | None = None,
                  message: str = "Rejected by the fake", code: str | None = None) -> None:
        """Answer the next ``times`` calls of ``operation`` with ``status`` (429 gets ``x-amzn-RateLimit-Limit: rate``;
        0 drops the connection after the request arrived, as a lost answer)."""
        headers = {"x-amzn-RateLimit-Limit": rate} if rate else {}
        body = {"errors": [{"code": code or {429: "QuotaExceeded", 400: "InvalidInput", 403: "Unauthorized"}.get(status, "Error"),
                            "message": message}]}
        self._failures.setdefault(operation, []).extend([(status, headers, body)] * times)

    def expire_tokens(self) -> None:
        """Every access token handed out so far stops working (as after its hour)."""
        self.tokens.clear()

    def of(self, operation: str, status: int | None = None) -> list[Request]:
        return [r for r in self.requests if r.operation == operation and (status is None or r.status == status)]

    # -- server -------------------------------------------------------------------

    async def start(self) -> FakeSpApi:
        app = web.Application()
        app.add_routes([
            web.post("/auth/o2/token", self._token),
            web.get("/orders/v0/orders/{order}", self._get_order),
            web.get("/messaging/v1/orders/{order}/attributes", self._attributes),
            web.get("/messaging/v1/orders/{order}", self._messaging_actions),
            web.post("/messaging/v1/orders/{order}/messages/{type}", self._send),
            web.get("/solicitations/v1/orders/{order}", self._solicitation_actions),
            web.post("/solicitations/v1/orders/{order}/solicitations/productReviewAndSellerFeedback", self._solicit),
            web.post("/uploads/2020-11-01/uploadDestinations/{resource:.+}", self._upload_destination),
            web.put("/upload-bucket/{id}", self._put_upload),
        ])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def close(self) -> None:
        await self._runner.cleanup()

    @property
    def token_url(self) -> str:
        return self.base_url + "/auth/o2/token"

    # -- Login with Amazon --------------------------------------------------------

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({k: v for k, v in form.items() if k in ("grant_type", "client_id")})
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return web.json_response({"error": "invalid_client", "error_description": "Client authentication failed"}, status=401)
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != REFRESH_TOKEN:
            return web.json_response({"error": "invalid_grant", "error_description": "The refresh token is invalid"}, status=400)
        token = f"Atza|fake-access-token-{next(self._numbers)}"
        self.tokens.add(token)
        return web.json_response({"access_token": token, "token_type": "bearer", "expires_in": self.expires_in,
                                  "refresh_token": REFRESH_TOKEN})

    # -- operations ---------------------------------------------------------------

    async def _guard(self, request: web.Request, operation: str, *, marketplace: bool = True) -> tuple[Order | None, web.Response | None, Any]:
        """Record the request; the order, or the error answer to give instead."""
        body = None
        if request.can_read_body:
            raw = await request.read()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
        token = request.headers.get("x-amz-access-token")
        record = Request(operation, request.method, request.path, dict(request.query), body, 0, token)
        self.requests.append(record)

        def answer(status: int, payload: dict[str, Any] | None, headers: dict[str, str] | None = None) -> web.Response:
            record.status = status
            return web.json_response(payload, status=status, headers=headers, content_type="application/json")

        failures = self._failures.get(operation)
        if failures:
            status, headers, payload = failures.pop(0)
            if status == 0:  # the request arrived; the connection drops before any answer
                record.status = 0
                request.transport.close()
                return None, web.Response(status=500), body
            return None, answer(status, payload, headers), body
        if token not in self.tokens:
            return None, answer(403, {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.",
                                                  "details": "The access token you provided has expired."}]}), body
        if marketplace and len(request.query.getall("marketplaceIds", [])) != 1:
            return None, answer(400, {"errors": [{"code": "InvalidInput", "message": "Exactly one marketplaceIds value is required"}]}), body
        order = self.orders.get(request.match_info.get("order", ""))
        if "order" in request.match_info and order is None:
            return None, answer(404, {"errors": [{"code": "NotFound", "message": "The order was not found"}]}), body
        if order is not None and marketplace and request.query.get("marketplaceIds") != order.marketplace_id:
            return None, answer(400, {"errors": [{"code": "InvalidInput", "message": "The order is not in this marketplace"}]}), body
        record.status = 200
        self._record = record
        return order, None, body

    def _ok(self, payload: Any, status: int = 200) -> web.Response:
        self._record.status = status
        if payload is None:
            return web.Response(status=status, content_type="application/hal+json")
        return web.json_response(payload, status=status, content_type="application/hal+json")

    async def _get_order(self, request: web.Request) -> web.Response:
        order, error, _ = await self._guard(request, "getOrder", marketplace=False)
        if error:
            return error
        payload = {
            "AmazonOrderId": order.order_id,
            "PurchaseDate": order.purchase_date,
            "LastUpdateDate": order.purchase_date,
            "OrderStatus": order.status,
            "FulfillmentChannel": order.fulfillment_channel,
            "MarketplaceId": order.marketplace_id,
            "OrderType": "StandardOrder",
        }
        if order.latest_delivery_date:
            payload["LatestDeliveryDate"] = order.latest_delivery_date
        return self._ok({"payload": payload})

    async def _attributes(self, request: web.Request) -> web.Response:
        order, error, _ = await self._guard(request, "getAttributes")
        return error or self._ok({"buyer": {"locale": order.locale}})

    async def _messaging_actions(self, request: web.Request) -> web.Response:
        order, error, _ = await self._guard(request, "getMessagingActionsForOrder")
        if error:
            return error
        base = f"/messaging/v1/orders/{order.order_id}"
        actions = [{"href": f"{base}/messages/{t}?marketplaceIds={order.marketplace_id}", "name": t} for t in order.message_types]
        return self._ok({"_links": {"self": {"href": base}, "actions": actions}, "_embedded": {}})

    async def _send(self, request: web.Request) -> web.Response:
        kind = request.match_info["type"]
        order, error, body = await self._guard(request, kind)
        if error:
            return error
        if kind not in order.message_types:
            self._record.status = 403
            return web.json_response({"errors": [{"code": "Unauthorized", "message": f"{kind} is not allowed for this order"}]}, status=403)
        limit, attachments = MESSAGE_TYPES[kind]
        text = (body or {}).get("text")
        problem = None
        if limit is not None and not (isinstance(text, str) and 1 <= len(text) <= limit):
            problem = f"text must be 1 to {limit} characters"
        elif len((body or {}).get("attachments") or []) > attachments:
            problem = f"at most {attachments} attachments"
        elif any(a.get("uploadDestinationId") not in self.uploads for a in (body or {}).get("attachments") or []):
            problem = "an attachment was not uploaded"
        if problem:
            self._record.status = 400
            return web.json_response({"errors": [{"code": "InvalidInput", "message": problem}]}, status=400)
        return self._ok(None, 201)

    def _solicitable(self, order: Order) -> bool:
        if order.solicited or not order.latest_delivery_date:
            return False
        delivered = dt.date.fromisoformat(order.latest_delivery_date[:10])
        return 5 <= (self.today - delivered).days <= 30

    async def _solicitation_actions(self, request: web.Request) -> web.Response:
        order, error, _ = await self._guard(request, "getSolicitationActionsForOrder")
        if error:
            return error
        base = f"/solicitations/v1/orders/{order.order_id}"
        actions = []
        if self._solicitable(order):
            actions.append({"href": f"{base}/solicitations/productReviewAndSellerFeedback?marketplaceIds={order.marketplace_id}",
                            "name": "productReviewAndSellerFeedback"})
        return self._ok({"_links": {"self": {"href": base}, "actions": actions}, "_embedded": {}})

    async def _solicit(self, request: web.Request) -> web.Response:
        order, error, _ = await self._guard(request, "createProductReviewAndSellerFeedbackSolicitation")
        if error:
            return error
        if not self._solicitable(order):
            self._record.status = 403
            return web.json_response({"errors": [{"code": "Unauthorized",
                                                  "message": "A solicitation is not allowed for this order now"}]}, status=403)
        order.solicited = True
        return self._ok(None, 201)

    async def _upload_destination(self, request: web.Request) -> web.Response:
        _, error, _ = await self._guard(request, "createUploadDestinationForResource")
        if error:
            return error
        destination = f"upload-{next(self._numbers)}"
        self._expected_md5 = getattr(self, "_expected_md5", {})
        self._expected_md5[destination] = request.query.get("contentMD5", "")
        return self._ok({"payload": {"uploadDestinationId": destination, "url": f"{self.base_url}/upload-bucket/{destination}",
                                     "headers": {"Content-MD5": request.query.get("contentMD5", ""),
                                                 "x-amz-server-side-encryption": "AES256"}}}, 201)

    async def _put_upload(self, request: web.Request) -> web.Response:
        destination = request.match_info["id"]
        data = await request.read()
        md5 = base64.b64encode(hashlib.md5(data).digest()).decode()
        if md5 != request.headers.get("Content-MD5") or md5 != getattr(self, "_expected_md5", {}).get(destination):
            return web.Response(status=400, text="Content-MD5 does not match")
        self.uploads[destination] = data
        return web.Response(status=200)
