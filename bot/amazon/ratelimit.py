"""SP-API usage plans, kept on our side: a token bucket per operation, and the wait after a 429.

Amazon meters each operation separately (Messaging and Solicitations: 1
request a second, burst 5; getOrder: 0.5 a second, burst 30). The bucket
keeps a replica under that; a 429 still happens with several replicas, and
then ``x-amzn-RateLimit-Limit`` says the rate Amazon applies now.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# (rate per second, burst) of the default usage plans, by operation.
USAGE_PLANS: dict[str, tuple[float, int]] = {
    "getOrder": (0.5, 30),
    "createUploadDestinationForResource": (10.0, 10),
}
DEFAULT_PLAN = (1.0, 5)


@dataclass
class TokenBucket:
    rate: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)
        self.updated = self.clock()

    def wait_time(self) -> float:
        """Seconds until a token is free (0 when one is), taking it when free."""
        now = self.clock()
        self.tokens = min(float(self.burst), self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class RateLimiter:
    """One bucket per SP-API operation; ``acquire`` waits until the operation may run."""

    def __init__(self, plans: dict[str, tuple[float, int]] | None = None, sleep=asyncio.sleep,  # noqa: ANN001
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.plans = USAGE_PLANS | (plans or {})
        self.buckets: dict[str, TokenBucket] = {}
        self.sleep = sleep
        self.clock = clock
        self._locks: dict[str, asyncio.Lock] = {}

    async def acquire(self, operation: str) -> None:
        # First come, first served per operation; one operation waiting never holds up another.
        async with self._locks.setdefault(operation, asyncio.Lock()):
            bucket = self.buckets.get(operation)
            if bucket is None:
                rate, burst = self.plans.get(operation, DEFAULT_PLAN)
                bucket = self.buckets[operation] = TokenBucket(rate, burst, self.clock)
            while (wait := bucket.wait_time()) > 0:
                await self.sleep(wait)

    def slow_down(self, operation: str, limit_header: str | None) -> float:
        """After a 429: adopt the rate Amazon announced; returns how long to wait before retrying."""
        rate = parse_rate(limit_header)
        bucket = self.buckets.get(operation)
        if rate is not None and bucket is not None:
            bucket.rate = rate
        if bucket is not None:
            bucket.tokens = 0.0
        current = rate or (bucket.rate if bucket else DEFAULT_PLAN[0])
        return 1.0 / current


def parse_rate(value: str | None) -> float | None:
    """``x-amzn-RateLimit-Limit: 0.5`` -> 0.5; absent or not a positive number -> None."""
    try:
        rate = float((value or "").strip())
    except ValueError:
        return None
    return rate if 0 < rate < 1000 else None
