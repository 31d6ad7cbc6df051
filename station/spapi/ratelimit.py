"""Client-side token buckets, one per operation, so the station stays under Amazon's quotas.

Being throttled costs more than waiting: a 429 burns an attempt and backs off for seconds, while a
bucket only delays the next call by the gap the quota demands. The clock and the sleep function
are injected so tests never sleep for real.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = [
    "DEFAULT_LIMITS",
    "DF_LIMIT",
    "RATE_HEADROOM",
    "RateLimit",
    "RateLimiter",
    "TokenBucket",
    "with_headroom",
]


@dataclass(frozen=True)
class RateLimit:
    """``rate`` requests per second on average, at most ``burst`` back to back."""

    rate: float
    burst: int

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.burst < 1:
            raise ValueError("a rate limit needs rate > 0 and burst >= 1")


DF_LIMIT = RateLimit(rate=10.0, burst=10)
DEFAULT_LIMITS: Mapping[str, RateLimit] = {"createRestrictedDataToken": RateLimit(1.0, 10)}


class TokenBucket:
    def __init__(self, limit: RateLimit, *, clock: Callable[[], float]) -> None:
        self.limit = limit
        self._clock = clock
        self._tokens = float(limit.burst)
        self._stamp = clock()
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take one token and return how long the caller must wait before using it."""
        with self._lock:
            now = self._clock()
            elapsed = max(0.0, now - self._stamp)
            self._stamp = now
            self._tokens = min(float(self.limit.burst), self._tokens + elapsed * self.limit.rate)
            self._tokens -= 1.0
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self.limit.rate


#: The client keeps a little under each quota: its bucket measures when a request leaves, Amazon's
#: when it arrives, and network jitter can bring two requests closer together on the way. Pacing at
#: exactly the quota earns an occasional 429, and each one costs a back-off of seconds.
RATE_HEADROOM = 0.95
BURST_HEADROOM = 1


def with_headroom(limit: RateLimit) -> RateLimit:
    return RateLimit(limit.rate * RATE_HEADROOM, max(1, limit.burst - BURST_HEADROOM))


class RateLimiter:
    """Per-operation buckets; operations not listed get ``default`` (DF: 10 rps, burst 10).

    The buckets run with a little headroom under the documented limits (see ``with_headroom``).
    """

    def __init__(
        self,
        limits: Mapping[str, RateLimit] | None = None,
        *,
        default: RateLimit = DF_LIMIT,
        enabled: bool = True,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        self._limits = dict(DEFAULT_LIMITS if limits is None else limits)
        self._default = default
        self.enabled = enabled
        self._clock = clock
        self._sleep = sleep
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def limit_for(self, operation: str) -> RateLimit:
        return self._limits.get(operation, self._default)

    def acquire(self, operation: str) -> float:
        """Block until ``operation`` may be sent; return the time waited (for tests and logs)."""
        if not self.enabled:
            return 0.0
        with self._lock:
            bucket = self._buckets.get(operation)
            if bucket is None:
                limit = with_headroom(self.limit_for(operation))
                bucket = TokenBucket(limit, clock=self._clock)
                self._buckets[operation] = bucket
        wait = bucket.reserve()
        if wait > 0:
            self._sleep(wait)
        return wait
