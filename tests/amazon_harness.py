"""Shared set-up for the Amazon tests: the fake SP-API, a client through Amazon's SDK pointed at
it, a virtual clock for the rate limiter's waits, and a draft approved in the review workflow."""

from __future__ import annotations

import pytest

from bot.amazon.client import SpApiClient
from bot.amazon.ratelimit import RateLimiter
from bot.amazon.settings import AmazonSettings

try:
    from .conftest_workflow import make_workflow
    from .fakes.sp_api import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi
except ImportError:
    from conftest_workflow import make_workflow
    from fakes.sp_api import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi

ORDER = "113-4829105-7730142"


class VirtualTime:
    """The limiter's clock and sleep: waits are recorded and pass at once."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def settings_for(fake: FakeSpApi, **overrides) -> AmazonSettings:  # noqa: ANN003
    values = dict(
        lwa_client_id=CLIENT_ID, lwa_client_secret=CLIENT_SECRET, refresh_token=REFRESH_TOKEN,
        marketplace="amazon.de", sp_api_endpoint=fake.base_url, lwa_token_url=fake.token_url,
    )
    return AmazonSettings(**(values | overrides))


def client_for(fake: FakeSpApi, time: VirtualTime, **overrides) -> SpApiClient:  # noqa: ANN003
    return SpApiClient(settings_for(fake, **overrides), RateLimiter(sleep=time.sleep, clock=time.clock), sleep=time.sleep)


@pytest.fixture
async def fake_sp_api():  # noqa: ANN201
    fake = await FakeSpApi().start()
    fake.add_order(ORDER, locale="en-GB")
    yield fake
    await fake.close()


async def approved_draft(workflow, text: str = "Your parcel arrives on Friday between 9 and 12.", order_id: str | None = ORDER, **context):  # noqa: ANN001, ANN003, ANN201
    """A draft by sam, approved by bob; returns its view."""
    if order_id is not None:
        context["order_id"] = order_id
    outcome = await workflow.submit(author="sam", platform="test", channel="c1", thread="t1", text=text, context=context)
    approved = await workflow.approve(outcome.draft.id, "bob", content_hash=outcome.draft.content_hash)
    return approved.draft


__all__ = ["ORDER", "VirtualTime", "approved_draft", "client_for", "fake_sp_api", "make_workflow", "settings_for"]
