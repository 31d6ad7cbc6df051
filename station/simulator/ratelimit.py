"""Amazon's usage plans: a token bucket per operation.

DF operations allow 10 requests/s with a burst of 10; createRestrictedDataToken 1/s, burst 10
(GUIDE §5). A refused request gets ``429 QuotaExceeded`` and the rate in ``x-amzn-RateLimit-Limit``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class UsagePlan:
    rate: float
    burst: int

    @property
    def header(self) -> str:
        return f"{self.rate:g}"


DF_PLAN = UsagePlan(10.0, 10)
TOKENS_PLAN = UsagePlan(1.0, 10)
MCF_PLAN = UsagePlan(2.0, 30)  # Fulfillment Outbound operations


class RateLimiter:
    def __init__(self, enabled: bool = True, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = enabled
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill)
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()

    def allow(self, key: str, plan: UsagePlan) -> bool:
        if not self.enabled:
            return True
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(plan.burst), now))
            tokens = min(float(plan.burst), tokens + (now - last) * plan.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            return True
