"""The async seam to Amazon's Selling Partner API, over Amazon's own SDK (``amzn-sp-api``).

The SDK is synchronous (urllib3), so each call runs in a worker thread
(``asyncio.to_thread``) behind :class:`SellingPartner`, the few operations
CheckMsg needs. Tests and the send workflow use only this seam. Every call
waits for its operation's token bucket, retries a 429 after the wait Amazon
announces, refreshes the access token once after a 403 for an expired token,
and turns every other failure into :class:`AmazonError` with Amazon's reason
in words. Nothing here logs a token, a message text or buyer data.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

from checks.i18n import tr

from .ratelimit import RateLimiter
from .settings import AmazonSettings

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # a 429 is retried up to four times


class AmazonError(Exception):
    """Amazon refused or could not be reached; ``message`` says why in words, ``status`` is the HTTP status (0: none)."""

    def __init__(self, message: str, status: int = 0, code: str | None = None, maybe_sent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        # The request may have reached Amazon though no answer came back (a dropped connection, a read timeout).
        self.maybe_sent = maybe_sent


class SellingPartner(Protocol):
    """The SP-API operations CheckMsg uses; each takes an Amazon order id."""

    marketplace_id: str

    async def get_order(self, order_id: str) -> dict[str, Any]: ...

    async def get_attributes(self, order_id: str) -> dict[str, Any]: ...

    async def messaging_actions(self, order_id: str) -> list[str]: ...

    async def send_message(self, order_id: str, message_type: str, body: dict[str, Any]) -> int: ...

    async def upload_destination(self, order_id: str, message_type: str, content_md5: str, content_type: str) -> dict[str, Any]: ...

    async def solicitation_actions(self, order_id: str) -> list[str]: ...

    async def request_review(self, order_id: str) -> int: ...


# Message type -> the SDK's MessagingApi method that sends it.
_SEND_METHODS = {
    "confirmCustomizationDetails": "confirm_customization_details",
    "confirmDeliveryDetails": "create_confirm_delivery_details",
    "confirmOrderDetails": "create_confirm_order_details",
    "confirmServiceDetails": "create_confirm_service_details",
    "digitalAccessKey": "create_digital_access_key",
    "legalDisclosure": "create_legal_disclosure",
    "unexpectedProblem": "create_unexpected_problem",
    "warranty": "create_warranty",
    "invoice": "send_invoice",
}


def _import_sdk():  # noqa: ANN202
    """Import ``spapi`` without its import-time ``logging.basicConfig(level=INFO)`` on our root logger."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import spapi  # noqa: PLC0415 - deferred: only a connected bot needs it
    from spapi.auth import credentials, lwa_request  # noqa: F401, PLC0415

    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    # The SDK logs response bodies (buyer data) at DEBUG, and urllib3's retry warnings name the
    # request's path (an order id); never let them through.
    logging.getLogger("spapi").setLevel(logging.WARNING)
    logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)
    return spapi


class SpApiClient:
    """:class:`SellingPartner` over ``amzn-sp-api``, pointed at ``settings.endpoint`` and ``settings.token_url``."""

    def __init__(self, settings: AmazonSettings, limiter: RateLimiter | None = None, sleep=asyncio.sleep) -> None:  # noqa: ANN001
        if not settings.enabled:
            raise AmazonError(settings.how_to_enable())
        self.settings = settings
        self.marketplace_id = settings.market.id
        self.limiter = limiter or RateLimiter(sleep=sleep)
        self.sleep = sleep
        self._sdk = _import_sdk()
        self._client = None
        self._client_lock = asyncio.Lock()

    # -- operations -------------------------------------------------------------

    async def get_order(self, order_id: str) -> dict[str, Any]:
        api = await self._api("OrdersV0Api")
        answer = await self._call("getOrder", api.get_order_with_http_info, order_id)
        return answer.get("payload") or {}

    async def get_attributes(self, order_id: str) -> dict[str, Any]:
        api = await self._api("MessagingApi")
        return await self._call("getAttributes", api.get_attributes_with_http_info, order_id, [self.marketplace_id])

    async def messaging_actions(self, order_id: str) -> list[str]:
        api = await self._api("MessagingApi")
        answer = await self._call(
            "getMessagingActionsForOrder", api.get_messaging_actions_for_order_with_http_info, order_id, [self.marketplace_id]
        )
        return _action_names(answer)

    async def send_message(self, order_id: str, message_type: str, body: dict[str, Any]) -> int:
        method = _SEND_METHODS.get(message_type)
        if method is None:
            raise AmazonError(tr("amazon.unknown-type", "Amazon has no message type {type!r}.", type=message_type))
        api = await self._api("MessagingApi")
        return await self._call(message_type, getattr(api, method + "_with_http_info"), order_id, [self.marketplace_id], body, status_only=True)

    async def upload_destination(self, order_id: str, message_type: str, content_md5: str, content_type: str) -> dict[str, Any]:
        api = await self._api("UploadsApi")
        resource = f"messaging/v1/orders/{order_id}/messages/{message_type}"
        answer = await self._call(
            "createUploadDestinationForResource",
            api.create_upload_destination_for_resource_with_http_info,
            [self.marketplace_id], content_md5, resource, content_type=content_type,
        )
        return answer.get("payload") or {}

    async def solicitation_actions(self, order_id: str) -> list[str]:
        api = await self._api("SolicitationsApi")
        answer = await self._call(
            "getSolicitationActionsForOrder", api.get_solicitation_actions_for_order_with_http_info, order_id, [self.marketplace_id]
        )
        return _action_names(answer)

    async def request_review(self, order_id: str) -> int:
        api = await self._api("SolicitationsApi")
        return await self._call(
            "createProductReviewAndSellerFeedbackSolicitation",
            api.create_product_review_and_seller_feedback_solicitation_with_http_info,
            order_id, [self.marketplace_id], status_only=True,
        )

    # -- plumbing ---------------------------------------------------------------

    async def _api(self, name: str) -> Any:
        client = await self._sdk_client()
        return getattr(self._sdk, name)(client.api_client)

    async def _sdk_client(self) -> Any:
        async with self._client_lock:
            if self._client is None:
                from spapi import SPAPIClient, SPAPIConfig  # noqa: PLC0415

                settings = self.settings
                config = SPAPIConfig(
                    client_id=settings.lwa_client_id,
                    client_secret=settings.lwa_client_secret.get_secret_value(),
                    refresh_token=settings.refresh_token.get_secret_value(),
                    region=settings.region or settings.market.region,
                )
                # The SDK's ApiClient asks LWA for a token as it is built: a network call.
                self._client = await self._in_thread(
                    "lwa", lambda: SPAPIClient(config, oauth_endpoint=settings.token_url, endpoint=settings.endpoint)
                )
            return self._client

    async def _call(self, operation: str, function: Callable[..., Any], *args: Any, status_only: bool = False, **kwargs: Any) -> Any:
        """Run one SDK call under the operation's usage plan; the parsed JSON body (or the status)."""
        refreshed = False
        for attempt in range(1, MAX_ATTEMPTS + 1):
            await self.limiter.acquire(operation)
            try:
                raw, status, _headers = await self._in_thread(
                    operation, lambda: function(*args, _preload_content=False, **kwargs)
                )
            except self._sdk.rest.ApiException as exc:
                headers = _header_map(exc.headers)
                if exc.status == 429:
                    if attempt == MAX_ATTEMPTS:
                        break
                    wait = self.limiter.slow_down(operation, headers.get("x-amzn-ratelimit-limit")) * attempt
                    log.info("SP-API %s: 429 (rate limited), retrying in %.1f s", operation, wait)
                    await self.sleep(wait)
                    continue
                if exc.status == 403 and not refreshed and _expired_token(exc.body):
                    refreshed = True
                    self._client.access_token_cache.token_info = None  # ask LWA for a new one
                    continue
                raise _amazon_error(operation, exc.status, exc.body) from None
            if status_only:
                return status
            return _json(raw.data if hasattr(raw, "data") else raw)
        raise AmazonError(tr("amazon.too-busy", "Amazon kept answering 'too many requests' for {operation}; try again in a minute.", operation=operation), 429)

    async def _in_thread(self, operation: str, call: Callable[[], Any]) -> Any:
        from spapi.auth.lwa_exception import LwaException  # noqa: PLC0415

        try:
            return await asyncio.to_thread(call)
        except LwaException as exc:
            log.warning("SP-API %s: Login with Amazon refused the credentials (%s)", operation, exc.error_code)
            raise AmazonError(
                tr(
                    "amazon.login-failed",
                    "Login with Amazon did not give CheckMsg an access token ({code}); check AMAZON_LWA_CLIENT_ID, "
                    "AMAZON_LWA_CLIENT_SECRET and AMAZON_REFRESH_TOKEN.",
                    code=exc.error_code,
                ),
                401,
                "lwa",
            ) from None
        except self._sdk.rest.ApiException:
            raise
        except OSError as exc:  # urllib3's connection errors are OSErrors
            raise AmazonError(
                tr("amazon.unreachable", "Amazon's SP-API could not be reached ({error}); nothing was sent.", error=type(exc).__name__)
            ) from None
        except Exception as exc:  # urllib3 MaxRetryError and friends
            if not type(exc).__module__.startswith("urllib3"):
                raise
            import urllib3.exceptions as errors  # noqa: PLC0415 - the SDK's transport

            reason = getattr(exc, "reason", None) or exc
            if isinstance(reason, (errors.NewConnectionError, errors.ConnectTimeoutError)):
                raise AmazonError(
                    tr("amazon.unreachable", "Amazon's SP-API could not be reached ({error}); nothing was sent.", error=type(reason).__name__)
                ) from None
            log.warning("SP-API %s: no answer (%s)", operation, type(reason).__name__)
            raise AmazonError(
                tr("amazon.no-answer", "Amazon's answer to {operation} did not arrive ({error}).", operation=operation, error=type(reason).__name__),
                maybe_sent=True,
            ) from None


def _json(data: bytes | str | None) -> dict[str, Any]:
    if not data:
        return {}
    try:
        value = json.loads(data)
    except ValueError:
        raise AmazonError(tr("amazon.not-json", "Amazon answered with something that is not JSON.")) from None
    return value if isinstance(value, dict) else {}


def _header_map(headers: Any) -> dict[str, str]:
    if not headers:
        return {}
    return {str(k).lower(): str(v) for k, v in dict(headers).items()}


def _action_names(answer: dict[str, Any]) -> list[str]:
    """The HAL ``_links.actions`` of a get…ActionsForOrder answer -> the action names (the last path part)."""
    links = (answer.get("_links") or {}).get("actions") or []
    names = []
    for link in links:
        name = (link.get("name") or "").strip() or (link.get("href") or "").rstrip("/").rsplit("/", 1)[-1].split("?")[0]
        if name and name not in names:
            names.append(name)
    return names


def _errors(body: Any) -> list[dict[str, Any]]:
    try:
        parsed = json.loads(body) if body else {}
    except (ValueError, TypeError):
        return []
    errors = parsed.get("errors") if isinstance(parsed, dict) else None
    return [e for e in errors or [] if isinstance(e, dict)]


def _expired_token(body: Any) -> bool:
    """Amazon's 403 for an access token past its hour (the words are in ``message`` or ``details``)."""
    for error in _errors(body):
        words = f"{error.get('message', '')} {error.get('details', '')}".lower()
        if "expired" in words and "token" in words:
            return True
    return False


def _amazon_error(operation: str, status: int, body: Any) -> AmazonError:
    errors = _errors(body)
    reason = "; ".join(
        " ".join(part for part in (str(e.get("message") or "").strip(), str(e.get("details") or "").strip()) if part)
        for e in errors
    ) or tr("amazon.no-reason", "no reason given")
    code = str(errors[0].get("code")) if errors and errors[0].get("code") else None
    log.warning("SP-API %s: HTTP %s %s", operation, status, code or "")
    return AmazonError(
        tr("amazon.refused", "Amazon refused {operation} (HTTP {status}{code}): {reason}", operation=operation, status=status,
           code=f", {code}" if code else "", reason=reason),
        status,
        code,
    )
