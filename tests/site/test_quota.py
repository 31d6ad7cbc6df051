"""One quota for the site: benches pace themselves on buckets in the site database."""

from __future__ import annotations

import threading

import pytest

from station.site.quota import SiteRateLimiter
from station.site.schema import migrate_site
from station.spapi.ratelimit import DEFAULT_LIMITS, RateLimiter
from tests.helpers.postgres import PgCluster
from tests.site.conftest import SiteDbFactory

RDT = "createRestrictedDataToken"  # 1 request/s, burst 10: for the whole application


class Waits:
    """A sleep that only records (the bucket's arithmetic is the subject, not the clock)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self._lock:
            self.waits.append(seconds)


def _limiter(site_db: SiteDbFactory, name: str, waits: Waits) -> SiteRateLimiter:
    local = RateLimiter(DEFAULT_LIMITS, clock=lambda: 0.0, sleep=waits)
    return SiteRateLimiter(site_db(name, name), local, sleep=waits)


def test_four_benches_share_one_rdt_quota(site_db: SiteDbFactory) -> None:
    with site_db().connect() as conn:
        migrate_site(conn)
    waits = Waits()
    benches = [_limiter(site_db, f"pack-{n}", waits) for n in range(4)]
    threads = [
        threading.Thread(target=lambda b=b: [b.acquire(RDT) for _ in range(10)]) for b in benches
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for bench in benches:
        bench.close()
    # 40 requests against one bucket of burst 9 (10 less headroom) at 0.95/s: the last one
    # waits about (40 - 9) / 0.95 s. Four private buckets would each have let 9 go at once and
    # made the last wait only about 1 s — four times the application's quota.
    assert len(waits.waits) == 40 - 9
    assert max(waits.waits) == pytest.approx((40 - 9) / 0.95, abs=1.0)


def test_without_the_database_each_bench_keeps_to_its_share(
    site_db: SiteDbFactory, pg_cluster: PgCluster
) -> None:
    with site_db().connect() as conn:
        migrate_site(conn)
        conn.execute(
            "INSERT INTO stations (station_id, bench) VALUES ('a', '1'), ('b', '2'), "
            "('c', '3'), ('d', '4')"
        )
    waits = Waits()
    bench = _limiter(site_db, "a", waits)
    bench.acquire(RDT)  # learns that four benches share the site
    pg_cluster.stop()
    try:
        for _ in range(5):
            bench.acquire(RDT)
    finally:
        pg_cluster.start()
        bench.close()
    # Its share is 0.25 requests/s with a burst of 2: the fifth call waits at least 4 s more.
    assert waits.waits and max(waits.waits) >= 4 * 0.95
