"""The SP-API seam through Amazon's SDK against the fake SP-API and LWA endpoint on 127.0.0.1."""

from __future__ import annotations

import logging

import pytest

from bot.amazon.client import AmazonError, SpApiClient
from bot.amazon.context import describe, find_order_id, order_context
from bot.amazon.message_types import MESSAGE_TYPES, problems
from bot.amazon.settings import AmazonSettings
from checks import Context

try:
    from .amazon_harness import ORDER, VirtualTime, client_for, fake_sp_api, settings_for  # noqa: F401
    from .fakes.sp_api import CLIENT_SECRET, REFRESH_TOKEN
except ImportError:
    from amazon_harness import ORDER, VirtualTime, client_for, fake_sp_api, settings_for  # noqa: F401
    from fakes.sp_api import CLIENT_SECRET, REFRESH_TOKEN


def test_without_credentials_everything_is_off_and_says_how_to_turn_it_on(monkeypatch):
    """No AMAZON_* variables: disabled, and the message names each variable to set."""
    for name in ("AMAZON_LWA_CLIENT_ID", "AMAZON_LWA_CLIENT_SECRET", "AMAZON_REFRESH_TOKEN", "AMAZON_MARKETPLACE"):
        monkeypatch.delenv(name, raising=False)
    settings = AmazonSettings()
    assert not settings.enabled
    text = settings.how_to_enable()
    for name in ("AMAZON_LWA_CLIENT_ID", "AMAZON_LWA_CLIENT_SECRET", "AMAZON_REFRESH_TOKEN", "AMAZON_MARKETPLACE"):
        assert name in text
    with pytest.raises(AmazonError, match="not connected"):
        SpApiClient(settings)


def test_settings_come_from_the_environment(monkeypatch):
    """The AMAZON_* variables fill the settings; the region follows the marketplace; secrets stay hidden in repr."""
    monkeypatch.setenv("AMAZON_LWA_CLIENT_ID", "id")
    monkeypatch.setenv("AMAZON_LWA_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("AMAZON_REFRESH_TOKEN", "Atzr|r")
    monkeypatch.setenv("AMAZON_MARKETPLACE", "amazon.co.jp")
    settings = AmazonSettings()
    assert settings.enabled and settings.market.id == "A1VC38T7YXB528"
    assert settings.endpoint == "https://sellingpartnerapi-fe.amazon.com"
    assert "s3cret" not in repr(settings) and "Atzr|r" not in repr(settings)


def test_a_wrong_marketplace_or_region_is_a_clear_error():
    """A marketplace that is not Amazon's, or a region other than NA/EU/FE, is refused with words."""
    with pytest.raises(ValueError, match="not an Amazon marketplace"):
        AmazonSettings(marketplace="ebay.de")
    with pytest.raises(ValueError, match="NA, EU or FE"):
        AmazonSettings(region="Mars")


async def test_token_is_fetched_once_and_refreshed_after_it_expires(fake_sp_api):
    """One LWA refresh-token grant serves many calls; an expired token is replaced and the call succeeds."""
    client = client_for(fake_sp_api, VirtualTime())
    await client.get_order(ORDER)
    await client.get_attributes(ORDER)
    assert [r["grant_type"] for r in fake_sp_api.token_requests] == ["refresh_token"]
    fake_sp_api.expire_tokens()
    assert (await client.get_attributes(ORDER))["buyer"]["locale"] == "en-GB"
    assert len(fake_sp_api.token_requests) == 2
    assert [r.status for r in fake_sp_api.of("getAttributes")] == [200, 403, 200]


async def test_a_token_is_refreshed_before_its_expires_in_runs_out(fake_sp_api):
    """LWA says the token lasts 20 s; the SDK renews 30 s before the end, so every call asks for a new one."""
    fake_sp_api.expires_in = 20
    client = client_for(fake_sp_api, VirtualTime())
    await client.get_attributes(ORDER)
    await client.get_attributes(ORDER)
    assert len(fake_sp_api.token_requests) >= 3  # one as the client is built, one per call
    assert all(r.status == 200 for r in fake_sp_api.of("getAttributes"))


async def test_order_lookup_fills_the_context_and_says_what_came_from_amazon(fake_sp_api):
    """getOrder + getAttributes fill order and delivery date, marketplace and language the person did not give."""
    fake_sp_api.add_order("302-1111111-2222222", purchase_date="2026-10-02T08:00:00Z", latest_delivery_date="2026-10-09T20:00:00Z",
                          fulfillment_channel="MFN", status="Unshipped", locale="de-DE")
    client = client_for(fake_sp_api, VirtualTime())
    result = await order_context(client, Context(marketplace="amazon.de"), "Ihre Bestellung 302-1111111-2222222 ist unterwegs.")
    assert result.context.order_id == "302-1111111-2222222"
    assert str(result.context.order_date) == "2026-10-02" and str(result.context.delivery_date) == "2026-10-09"
    assert result.context.buyer_language == "de-DE"
    assert set(result.from_amazon) == {"order_id", "order_date", "delivery_date", "buyer_language"}  # marketplace was given
    line = describe(result)
    assert "2026-10-02" in line and "de-DE" in line and "Unshipped" in line and "fulfilled by the seller" in line
    assert "marketplace" not in line  # not from Amazon


async def test_an_unknown_order_is_amazons_404_in_words(fake_sp_api):
    """An order Amazon does not know: AmazonError with status 404 and Amazon's reason."""
    client = client_for(fake_sp_api, VirtualTime())
    with pytest.raises(AmazonError) as caught:
        await client.get_order("999-9999999-9999999")
    assert caught.value.status == 404 and "not found" in caught.value.message


def test_the_order_id_is_found_in_the_draft_only_when_it_is_one():
    """One order id in the text is taken; none or two different ones are not guessed."""
    assert find_order_id("Re: order 113-4829105-7730142, shipped") == "113-4829105-7730142"
    assert find_order_id("orders 113-4829105-7730142 and 113-4829105-7730143") is None
    assert find_order_id("no order here") is None


async def test_allowed_message_types_come_from_the_hal_actions(fake_sp_api):
    """getMessagingActionsForOrder's _links.actions become the type names, with exactly one marketplaceIds."""
    fake_sp_api.orders[ORDER].message_types = ["confirmOrderDetails", "warranty"]
    client = client_for(fake_sp_api, VirtualTime())
    assert await client.messaging_actions(ORDER) == ["confirmOrderDetails", "warranty"]
    assert fake_sp_api.of("getMessagingActionsForOrder")[0].query == {"marketplaceIds": "A1PA6795UKMFR9"}


@pytest.mark.parametrize("kind", [name for name, t in MESSAGE_TYPES.items() if t.max_text is not None])
async def test_each_text_type_is_sent_with_its_text(fake_sp_api, kind):
    """Every text-carrying type posts {"text": ...} to its own path and gets 201."""
    fake_sp_api.orders[ORDER].message_types = [kind]
    client = client_for(fake_sp_api, VirtualTime())
    assert await client.send_message(ORDER, kind, {"text": "Hello"}) == 201
    sent = fake_sp_api.of(kind, 201)
    assert len(sent) == 1 and sent[0].body == {"text": "Hello"} and sent[0].path.endswith(f"/messages/{kind}")


async def test_429_waits_as_amazon_says_and_retries(fake_sp_api):
    """Two 429s with x-amzn-RateLimit-Limit 0.5: the client waits (2 s, then 4 s) and the third try succeeds."""
    time = VirtualTime()
    client = client_for(fake_sp_api, time)
    fake_sp_api.fail_next("getMessagingActionsForOrder", 429, 2, rate="0.5")
    assert await client.messaging_actions(ORDER)
    assert [r.status for r in fake_sp_api.of("getMessagingActionsForOrder")] == [429, 429, 200]
    assert time.sleeps[:2] == [2.0, 4.0]
    assert client.limiter.buckets["getMessagingActionsForOrder"].rate == 0.5


async def test_429_that_does_not_end_is_an_error_in_words(fake_sp_api):
    """Amazon answering 429 every time: the client gives up after five tries and says so."""
    client = client_for(fake_sp_api, VirtualTime())
    fake_sp_api.fail_next("getAttributes", 429, 10, rate="1")
    with pytest.raises(AmazonError, match="too many requests") as caught:
        await client.get_attributes(ORDER)
    assert caught.value.status == 429 and len(fake_sp_api.of("getAttributes")) == 5


async def test_the_burst_is_respected_per_operation(fake_sp_api):
    """Seven calls of one operation: five go at once (burst 5), then one a second; another operation is not held up."""
    time = VirtualTime()
    client = client_for(fake_sp_api, time)
    for _ in range(7):
        await client.get_attributes(ORDER)
    assert time.sleeps == [1.0, 1.0]
    await client.messaging_actions(ORDER)
    assert time.sleeps == [1.0, 1.0]


@pytest.mark.parametrize("status", [400, 403])
async def test_400_and_403_carry_amazons_reason(fake_sp_api, status):
    """A 400 or 403 is not retried and becomes AmazonError with Amazon's reason and code."""
    client = client_for(fake_sp_api, VirtualTime())
    fake_sp_api.fail_next("confirmDeliveryDetails", status, message="Text contains a forbidden link")
    with pytest.raises(AmazonError) as caught:
        await client.send_message(ORDER, "confirmDeliveryDetails", {"text": "x"})
    assert caught.value.status == status and "forbidden link" in caught.value.message
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1


async def test_wrong_client_secret_is_said_as_a_login_problem(fake_sp_api, monkeypatch):
    """LWA refusing the client: a login error naming the variables (the SDK's retries run without waiting here)."""
    import spapi.auth.lwa_request as lwa

    monkeypatch.setattr(lwa.time, "sleep", lambda _s: None)
    client = client_for(fake_sp_api, VirtualTime(), lwa_client_secret="wrong")
    with pytest.raises(AmazonError, match="AMAZON_LWA_CLIENT_SECRET"):
        await client.get_order(ORDER)


async def test_no_token_secret_or_buyer_data_in_the_logs(fake_sp_api, caplog):
    """Through token, lookup, 429 and a refused send, no log line holds a token, a secret, the text or the buyer's locale."""
    caplog.set_level(logging.DEBUG)
    client = client_for(fake_sp_api, VirtualTime())
    await order_context(client, Context(), f"order {ORDER}")
    fake_sp_api.fail_next("unexpectedProblem", 429, 1, rate="1")
    fake_sp_api.fail_next("unexpectedProblem", 400)
    with pytest.raises(AmazonError):
        await client.send_message(ORDER, "unexpectedProblem", {"text": "Dear Jane Doe, sorry for the delay"})
    configuration = client._client.api_client.configuration
    good, configuration.host = configuration.host, "http://127.0.0.1:9"  # nothing listens: urllib3 retries
    with pytest.raises(AmazonError, match="could not be reached"):
        await client.get_attributes(ORDER)
    configuration.host = good
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "429" in logged  # the log is not simply empty
    for secret in ("Atza|", REFRESH_TOKEN, CLIENT_SECRET, "Jane Doe", "en-GB", ORDER):
        assert secret not in logged


def test_type_constraints_are_said_in_words():
    """Length (UTF-16 counted), HTML, email, links where the type has no use for them, language, attachments."""
    delivery = MESSAGE_TYPES["confirmDeliveryDetails"]
    assert problems(delivery, "Hello", draft_language="en", buyer_locale="en-US") == []
    assert "at most 2000" in problems(delivery, "a" * 2001, draft_language="en", buyer_locale=None)[0]
    assert "at most 400" in problems(MESSAGE_TYPES["digitalAccessKey"], "😀" * 201, draft_language=None, buyer_locale=None)[0]
    assert "HTML" in " ".join(problems(delivery, "<b>Hi</b>", draft_language="en", buyer_locale=None))
    assert "email" in " ".join(problems(delivery, "write to a@b.example", draft_language="en", buyer_locale=None))
    assert "link" in " ".join(problems(delivery, "see https://x.example/p", draft_language="en", buyer_locale=None))
    assert problems(MESSAGE_TYPES["digitalAccessKey"], "https://x.example/key", draft_language="en", buyer_locale=None) == []
    assert "de" in " ".join(problems(delivery, "Hello", draft_language="en", buyer_locale="de-DE"))
    assert "attachment" in " ".join(problems(MESSAGE_TYPES["warranty"], "", draft_language=None, buyer_locale=None))
    assert "at most 0" in " ".join(problems(delivery, "Hi", draft_language=None, buyer_locale=None, attachments=1))


def test_the_patterns_are_fast_on_long_input():
    """Long runs of '<', '@' and 'www.' do not make the type checks slow (bounded patterns)."""
    import time as clock

    start = clock.perf_counter()
    for text in ("<" * 50_000, "a@" * 25_000, "www." * 12_000, "<a " + "x" * 60_000):
        problems(MESSAGE_TYPES["unexpectedProblem"], text, draft_language=None, buyer_locale=None)
    assert clock.perf_counter() - start < 1.0


def test_importing_the_sdk_leaves_our_logging_alone():
    """amzn-sp-api calls logging.basicConfig(INFO) at import; our import undoes it (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = ("import logging; from bot.amazon.client import _import_sdk; _import_sdk(); "
            "root = logging.getLogger(); print(len(root.handlers), root.level, logging.getLogger('spapi').level)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", str(logging.WARNING), str(logging.WARNING)]


async def test_an_operation_waiting_for_its_bucket_does_not_hold_up_another():
    """getAttributes out of tokens waits; getOrder, asked meanwhile, goes at once (real clock, short waits)."""
    import asyncio
    import time as clock

    from bot.amazon.ratelimit import RateLimiter

    limiter = RateLimiter({"slow": (2.0, 1)})
    await limiter.acquire("slow")
    waiting = asyncio.create_task(limiter.acquire("slow"))  # needs 0.5 s
    await asyncio.sleep(0.05)
    start = clock.perf_counter()
    await limiter.acquire("getOrder")
    assert clock.perf_counter() - start < 0.2 and not waiting.done()
    await waiting
