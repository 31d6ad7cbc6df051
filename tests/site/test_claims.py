"""Claims with a lease: one bench per PO, stuck claims expire, in-flight claims never do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from station.errors import ClaimedElsewhereError, SiteError, SiteUnavailableError
from station.site.claims import SiteClaims
from station.site.schema import migrate_site
from tests.helpers.postgres import PgCluster
from tests.site.conftest import SiteDbFactory


@pytest.fixture
def benches(site_db: SiteDbFactory) -> Iterator[tuple[SiteClaims, SiteClaims]]:
    with site_db().connect() as conn:
        migrate_site(conn)
    a = SiteClaims(site_db("pack-a", "1"), lease_s=60)
    b = SiteClaims(site_db("pack-b", "2"), lease_s=60)
    yield a, b
    a.close(release=False)
    b.close(release=False)


def _lapse(site_db: SiteDbFactory, po: str) -> None:
    """The holder stopped renewing long ago (instead of waiting out a real lease)."""
    with site_db().connect() as conn:
        conn.execute("UPDATE claims SET lease_until = now() - interval '1 s' WHERE po = %s", (po,))


def _events(site_db: SiteDbFactory, po: str) -> list[tuple[str, str]]:
    with site_db().connect() as conn:
        rows = conn.execute(
            "SELECT kind, station_id FROM site_events WHERE po = %s ORDER BY id", (po,)
        ).fetchall()
    return [(r[0], r[1]) for r in rows]


def test_a_second_bench_is_told_who_packs_the_po(benches: tuple[SiteClaims, SiteClaims]) -> None:
    a, b = benches
    a.claim("PO1")
    a.claim("PO1")  # the holder re-scanning it keeps it
    with pytest.raises(ClaimedElsewhereError) as caught:
        b.claim("PO1")
    message = caught.value.message
    assert message.startswith("PO PO1 is being packed at bench 1 by pack-a since ")
    assert len(message.rsplit(" ", 1)[1]) == 5  # HH:MM
    with pytest.raises(ClaimedElsewhereError):
        b.check("PO1")
    a.check("PO1")


def test_a_crashed_benchs_claim_expires_after_its_lease(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO2")
    _lapse(site_db, "PO2")
    b.claim("PO2")
    with pytest.raises(ClaimedElsewhereError) as caught:
        a.check("PO2")  # the old holder must not print or confirm any more
    assert "bench 2 by pack-b" in caught.value.message
    assert _events(site_db, "PO2") == [("claimed", "pack-a"), ("claimed", "pack-b")]


def test_the_heartbeat_keeps_the_claim(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO3")
    _lapse(site_db, "PO3")
    assert a.heartbeat() == []
    with pytest.raises(ClaimedElsewhereError):
        b.claim("PO3")


def test_a_claim_never_expires_while_its_label_request_is_in_flight(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO4")
    with a.in_flight("PO4", "label request"):
        _lapse(site_db, "PO4")
        with pytest.raises(ClaimedElsewhereError):
            b.claim("PO4")
    _lapse(site_db, "PO4")
    b.claim("PO4")  # done and lapsed: free again


def test_a_claim_never_expires_while_its_confirmation_is_open(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO5")
    with site_db().connect() as conn:
        conn.execute(
            "INSERT INTO site_outbox (idempotency_key, kind, po, payload, state, origin_station) "
            "VALUES ('k5', 'confirmation', 'PO5', '{}', 'pending', 'pack-a')"
        )
    _lapse(site_db, "PO5")
    with pytest.raises(ClaimedElsewhereError):
        b.claim("PO5")


def test_a_lead_releases_a_claim_by_hand_and_it_is_journaled(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO6")
    released = b.release("PO6", by="lead Ana", reason="bench 1 is broken")
    assert released.station_id == "pack-a"
    with pytest.raises(ClaimedElsewhereError) as caught:
        a.check("PO6")
    assert "released" in caught.value.message
    b.claim("PO6")
    assert _events(site_db, "PO6") == [
        ("claimed", "pack-a"),
        ("claim_released", "pack-b"),
        ("claimed", "pack-b"),
    ]
    with site_db().connect() as conn:
        detail = conn.execute(
            "SELECT detail FROM site_events WHERE kind = 'claim_released' AND po = 'PO6'"
        ).fetchone()
    assert detail is not None and "lead Ana" in detail[0]
    with pytest.raises(SiteError):
        b.release("NOPE", by="lead Ana")


def test_a_shipped_claim_is_kept(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO7")
    a.shipped("PO7")
    _lapse(site_db, "PO7")
    with pytest.raises(ClaimedElsewhereError) as caught:
        b.claim("PO7")
    assert "was packed at bench 1" in caught.value.message
    with pytest.raises(SiteError):
        b.release("PO7", by="lead")


def test_without_the_database_a_bench_packs_only_what_it_holds(
    benches: tuple[SiteClaims, SiteClaims], pg_cluster: PgCluster
) -> None:
    a, _ = benches
    a.claim("PO8")
    pg_cluster.stop()
    try:
        a.claim("PO8")  # already ours: packing goes on
        a.check("PO8")
        with a.in_flight("PO8", "label request"):
            pass
        a.shipped("PO8")
        with pytest.raises(SiteUnavailableError) as caught:
            a.claim("PO9")
        assert "only POs this bench already claimed" in (caught.value.hint or "")
    finally:
        pg_cluster.start()
    assert a.heartbeat() == []  # the link comes back by itself; the shipped mark catches up
    claim = a.get("PO8")
    assert claim is not None and claim.state == "shipped"


def test_a_clean_exit_frees_the_benchs_claims(
    benches: tuple[SiteClaims, SiteClaims], site_db: SiteDbFactory
) -> None:
    a, b = benches
    a.claim("PO10")
    a.close()
    b.claim("PO10")


def test_two_data_folders_with_one_station_id_are_two_holders(site_db: SiteDbFactory) -> None:
    """The station id defaults to the host name: two folders with one id never share claims."""
    with site_db().connect() as conn:
        migrate_site(conn)
    a_db, b_db = site_db("host", "1"), site_db("host", "2")
    a_db.identity, b_db.identity = "a" * 32, "b" * 32
    a, b = SiteClaims(a_db, lease_s=60), SiteClaims(b_db, lease_s=60)
    try:
        a.claim("PO9")
        with pytest.raises(ClaimedElsewhereError, match="is being packed at bench 1 by host"):
            b.claim("PO9")
        a.shipped("PO9")
        with pytest.raises(ClaimedElsewhereError, match=r"^PO PO9 was packed at bench 1 by host"):
            b.claim("PO9")
        with pytest.raises(ClaimedElsewhereError):
            b.check("PO9")
        assert b.heartbeat() == []
        a.check("PO9")
    finally:
        a.close(release=False)
        b.close(release=False)
