"""The live view: NOTIFY wakes it at once, polling catches what NOTIFY never delivers, and a lost
database is said and recovered from."""

from __future__ import annotations

import threading

from station.site.claims import SiteClaims
from station.site.live import SiteEventRow, SiteWatcher
from station.site.schema import migrate_site
from tests.helpers.postgres import PgCluster
from tests.site.conftest import SiteDbFactory
from tests.workflow.conftest import wait_until


class Seen:
    def __init__(self) -> None:
        self.rows: list[SiteEventRow] = []
        self.states: list[bool] = []
        self._lock = threading.Lock()

    def events(self, rows: list[SiteEventRow]) -> None:
        with self._lock:
            self.rows.extend(rows)

    def state(self, online: bool, _text: str) -> None:
        with self._lock:
            self.states.append(online)

    def kinds(self) -> list[tuple[str, str | None]]:
        with self._lock:
            return [(row.kind, row.po) for row in self.rows]


def _migrated(site_db: SiteDbFactory) -> None:
    with site_db().connect() as conn:
        migrate_site(conn)


def test_notify_brings_a_claim_to_the_live_view_at_once(site_db: SiteDbFactory) -> None:
    _migrated(site_db)
    seen = Seen()
    watcher = SiteWatcher(site_db("lead", "lead"), seen.events, on_state=seen.state, poll_s=5)
    watcher.start()
    claims = SiteClaims(site_db("pack-a", "1"))
    try:
        wait_until(lambda: seen.states == [True], 10, "the watcher online")
        claims.claim("PO1")
        # Far sooner than the 60 s poll: it was the notification.
        wait_until(lambda: ("claimed", "PO1") in seen.kinds(), 10, "the claim in the live view")
        assert watcher.notified >= 1
    finally:
        claims.close(release=False)
        watcher.stop()


def test_polling_finds_what_notify_never_delivered(site_db: SiteDbFactory) -> None:
    _migrated(site_db)
    seen = Seen()
    watcher = SiteWatcher(site_db("lead", "lead"), seen.events, on_state=seen.state, poll_s=0.2)
    watcher.start()
    try:
        wait_until(lambda: seen.states == [True], 10, "the watcher online")
        with site_db().connect() as conn:  # a row with no NOTIFY (an older station, say)
            conn.execute(
                "INSERT INTO site_events (station_id, bench, kind, po) "
                "VALUES ('old', '9', 'claimed', 'PO2')"
            )
        wait_until(lambda: ("claimed", "PO2") in seen.kinds(), 10, "the row found by polling")
    finally:
        watcher.stop()


def test_a_lost_database_is_said_and_the_view_recovers(
    site_db: SiteDbFactory, pg_cluster: PgCluster
) -> None:
    _migrated(site_db)
    seen = Seen()
    watcher = SiteWatcher(site_db("lead", "lead"), seen.events, on_state=seen.state, poll_s=0.2)
    watcher.start()
    try:
        wait_until(lambda: seen.states == [True], 10, "the watcher online")
        pg_cluster.stop()
        wait_until(lambda: seen.states[-1:] == [False], 20, "the loss said")
        pg_cluster.start()
        wait_until(lambda: seen.states[-1:] == [True], 20, "back online")
        claims = SiteClaims(site_db("pack-a", "1"))
        claims.claim("PO3")
        claims.close(release=False)
        wait_until(lambda: ("claimed", "PO3") in seen.kinds(), 10, "events again")
    finally:
        watcher.stop()
