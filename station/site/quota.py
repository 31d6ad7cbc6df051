"""One SP-API quota for the whole site: the token buckets live in the site database.

Amazon's limits are per application and selling partner, not per computer: ten benches each
pacing itself at 10 requests/s would send 100, and the 1 request/s of createRestrictedDataToken
would be exceeded by the second bench. So every bench takes its tokens from one row per operation
(``quota_buckets``), refilled from the database's own clock (``clock_timestamp()``) under the
row's lock: the benches queue on the row, and the site as a whole keeps under each quota
(RDT requests included), with the same headroom as a single station's buckets.

When the database is away each bench falls back to buckets of its own holding its share of the
quota (the quota divided by the benches last seen), so an outage cannot make the site throttle
itself either.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from station.errors import SiteError
from station.site.db import SiteDatabase, SiteLink
from station.spapi.ratelimit import RateLimit, RateLimiter, with_headroom

log = logging.getLogger(__name__)

__all__ = ["SiteRateLimiter"]

_TAKE = """
    UPDATE quota_buckets SET
        tokens = least(burst, tokens
                 + extract(epoch FROM clock_timestamp() - updated_at) * rate) - 1,
        updated_at = clock_timestamp()
    WHERE name = %s
    RETURNING tokens, rate
"""


class SiteRateLimiter(RateLimiter):
    """A drop-in for the SP-API client's limiter (``SpApiHttp.rate_limiter``)."""

    def __init__(
        self,
        db: SiteDatabase,
        local: RateLimiter,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            dict(local._limits),
            default=local._default,
            enabled=local.enabled,
            clock=clock,
            sleep=sleep,
        )
        self._site = SiteLink(db)
        self._benches = 1
        self._fallback_said = False
        self._fallback: RateLimiter | None = None  # this bench's share, while the site is away
        self._fallback_benches = 0

    def acquire(self, operation: str) -> float:
        if not self.enabled:
            return 0.0
        limit = with_headroom(self.limit_for(operation))
        try:
            tokens, rate = self._site.run(lambda conn: self._take(conn, operation, limit))
        except SiteError as exc:
            if not self._fallback_said:
                log.warning("site quota unavailable, pacing on this bench's share: %s", exc.message)
                self._fallback_said = True
            return self._acquire_share(operation)
        self._fallback_said = False
        wait = 0.0 if tokens >= 0 else -tokens / rate
        if wait > 0:
            self._sleep(wait)
        return wait

    def _take(self, conn: Any, operation: str, limit: RateLimit) -> tuple[float, float]:
        row = conn.execute(_TAKE, (operation,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO quota_buckets (name, rate, burst, tokens) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (name) DO NOTHING",
                (operation, limit.rate, float(limit.burst), float(limit.burst)),
            )
            row = conn.execute(_TAKE, (operation,)).fetchone()
            count = conn.execute(
                "SELECT count(*) FROM stations WHERE last_seen > now() - interval '10 minutes'"
            ).fetchone()
            self._benches = max(1, int(count[0])) if count else 1
        return float(row[0]), float(row[1])

    def _acquire_share(self, operation: str) -> float:
        with self._lock:
            fallback = self._fallback
            if fallback is None or self._fallback_benches != self._benches:
                benches = self._fallback_benches = self._benches
                shares = {
                    name: RateLimit(limit.rate / benches, max(1, limit.burst // benches))
                    for name, limit in self._limits.items()
                }
                default = RateLimit(
                    self._default.rate / benches, max(1, self._default.burst // benches)
                )
                fallback = self._fallback = RateLimiter(
                    shares, default=default, clock=self._clock, sleep=self._sleep
                )
        return fallback.acquire(operation)

    def close(self) -> None:
        self._site.close()
