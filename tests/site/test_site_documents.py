"""The site's shared, encrypted document cache and its prefetch lease, against a real PostgreSQL
and the simulator: documents sealed with the site data key (never stored), a station with another
key refused, a row naming another PO refused, retention applied to the site's rows by itself, one
site prefetch at a time, and a bench printing a prefetched PO without asking Amazon for its label.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from station.errors import JournalError, SiteError
from station.journal.documents import (
    DataKey,
    DocumentFormat,
    DocumentKind,
    MemoryDocumentCache,
    RetentionPolicy,
)
from station.simulator.server import SimulatorServer
from station.site.admin import new_data_key
from station.site.db import SiteDatabase, SiteLink
from station.site.documents import WRONG_SITE_KEY, SiteDocumentCache
from station.site.prefetch import SitePrefetch, SitePrefetchBusyError
from station.workflow.containers import parse_box_spec
from station.workflow.events import LabelReady
from station.workflow.order_cache import load_prefetched
from station.workflow.prefetch import PrefetchOptions
from tests.workflow.conftest import RequestCounter, Station, random_pos, wait_until

SiteDbFactory = Callable[..., SiteDatabase]
BenchFactory = Callable[..., Station]
BOX = parse_box_spec("12x8x4in:1.5lb")


def _cache(
    db: SiteDatabase, key: str, retention: RetentionPolicy | None = None
) -> SiteDocumentCache:
    return SiteDocumentCache(db, DataKey.from_text(key), MemoryDocumentCache(), retention)


def _sql(db: SiteDatabase, query: str, *params: Any) -> list[tuple[Any, ...]]:
    link = SiteLink(db)
    try:
        return link.run(lambda conn: conn.execute(query, params).fetchall())  # type: ignore[no-any-return]
    finally:
        link.close()


def test_a_document_is_sealed_in_the_site_database_and_opens_at_another_bench(
    site_db: SiteDbFactory, site_key: str
) -> None:
    one, two = _cache(site_db("pack-a", "1"), site_key), _cache(site_db("pack-b", "2"), site_key)
    secret = b"%PDF customer: Maria Silva, Rua das Flores 12"
    one.put("PO1", DocumentKind.SLIP, "", DocumentFormat.PDF, secret)

    got = two.get("PO1", DocumentKind.SLIP)
    assert got is not None and got.content == secret
    (row,) = _sql(site_db(), "SELECT ciphertext, key_id, stored_by FROM site_documents")
    assert b"Maria" not in bytes(row[0]) and row[2] == "pack-a"
    # The key is nowhere in the database: not in any row of any table.
    dump = _sql(
        site_db(),
        "SELECT string_agg(t::text, ' ') FROM (SELECT * FROM site_meta) t "
        "UNION ALL SELECT string_agg(d::text, ' ') FROM site_documents d",
    )
    raw = DataKey.from_text(site_key)
    assert all(site_key not in (text or "") for (text,) in dump)
    assert raw.to_text() not in str(dump)
    one.close()
    two.close()


def test_a_station_with_another_key_is_refused_and_writes_nothing(
    site_db: SiteDbFactory, site_key: str
) -> None:
    wrong = _cache(site_db("pack-x", "9"), new_data_key())
    with pytest.raises(SiteError, match=WRONG_SITE_KEY) as caught:
        wrong.verify()
    assert "re-join with the lead's key" in (caught.value.hint or "").lower()
    # A scan there still keeps what it fetched, on that bench only: never in the site's cache.
    wrong.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG")
    assert _sql(site_db(), "SELECT count(*) FROM site_documents") == [(0,)]
    assert wrong.local.get("PO1", DocumentKind.LABEL, "1") is not None
    right = _cache(site_db("pack-a", "1"), site_key)
    right.put("PO2", DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG two")
    assert wrong.get("PO2", DocumentKind.LABEL, "1") is None  # the site's rows stay closed
    right.close()
    wrong.close()


def test_a_site_without_a_data_key_shares_nothing(site_db: SiteDbFactory, site_url: str) -> None:
    from station.site.schema import migrate_site

    db = site_db()
    conn = db.connect()
    migrate_site(conn)
    conn.close()
    cache = _cache(db, new_data_key())
    with pytest.raises(SiteError, match="no data key yet"):
        cache.verify()
    cache.close()


def test_a_row_moved_to_another_po_or_a_snapshot_naming_another_po_is_refused(
    site_db: SiteDbFactory, site_key: str
) -> None:
    cache = _cache(site_db(), site_key)
    cache.put("PO-A", DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG label of A")
    _sql(site_db(), "UPDATE site_documents SET po = 'PO-B' WHERE po = 'PO-A' RETURNING 1")
    with pytest.raises(JournalError, match="cannot be decrypted"):
        cache.get("PO-B", DocumentKind.LABEL, "1")

    # Sealed properly for PO-C by a bench holding the key, but the snapshot is PO-A's order.
    snapshot = {
        "version": 1,
        "order": {"purchaseOrderNumber": "PO-A"},
        "labels": None,
        "hasSlip": False,
        "hasInvoice": False,
    }
    cache.put("PO-C", DocumentKind.ORDER, "", DocumentFormat.JSON, json.dumps(snapshot).encode())
    assert load_prefetched(cache, "PO-C") is None
    cache.close()


def test_the_site_cache_purges_expired_documents(site_db: SiteDbFactory, site_key: str) -> None:
    cache = _cache(site_db(), site_key, RetentionPolicy(shipped_days=30, unshipped_days=90))
    for po in ("OLD-SHIPPED", "NEW-SHIPPED", "OLD-UNSHIPPED", "FRESH"):
        cache.put(po, DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG")
    now = datetime.now(UTC)
    cache.mark_shipped("OLD-SHIPPED", now - timedelta(days=31))
    cache.mark_shipped("NEW-SHIPPED", now - timedelta(days=29))
    _sql(
        site_db(),
        "UPDATE site_documents SET created_at = now() - interval '91 days' "
        "WHERE po = 'OLD-UNSHIPPED' RETURNING 1",
    )
    result = cache.purge_site(now)
    assert (result.shipped, result.unshipped) == (1, 1)
    left = {r[0] for r in _sql(site_db(), "SELECT po FROM site_documents")}
    assert left == {"NEW-SHIPPED", "FRESH"}
    cache.close()


def test_a_bench_purges_the_site_cache_by_itself(
    make_bench: BenchFactory, site_key: str, site_db: SiteDbFactory
) -> None:
    writer = _cache(site_db("pack-w", "5"), site_key)
    writer.put("PO-OLD", DocumentKind.SLIP, "", DocumentFormat.PDF, b"%PDF old")
    writer.put("PO-NEW", DocumentKind.SLIP, "", DocumentFormat.PDF, b"%PDF new")
    _sql(
        site_db(),
        "UPDATE site_documents SET shipped_at = now() - interval '400 days' "
        "WHERE po = 'PO-OLD' RETURNING 1",
    )
    make_bench(
        "pack-a",
        "1",
        site_key=site_key,
        extra_env={"STATION_RETENTION_INTERVAL_SECONDS": "0.2"},
    )
    wait_until(
        lambda: _sql(site_db(), "SELECT po FROM site_documents") == [("PO-NEW",)],
        30,
        "the bench's retention runner to purge the site's expired document",
    )
    writer.close()


def test_one_site_prefetch_at_a_time_says_who_runs_it(
    make_bench: BenchFactory, site_key: str
) -> None:
    one = make_bench("pack-a", "1", site_key=site_key)
    two = make_bench("pack-b", "2", site_key=site_key)
    first = one.runtime.shift_preparation()
    second = two.runtime.shift_preparation()
    assert isinstance(first, SitePrefetch) and isinstance(second, SitePrefetch)
    with first.lease(threading.Event()):
        with pytest.raises(SitePrefetchBusyError, match="running at bench 1 by pack-a since"):
            second.run(PrefetchOptions(acknowledge=True))
        holder = second.holder()
        assert holder is not None and holder.station_id == "pack-a"
    assert second.holder() is None


def test_a_bench_prints_a_site_prefetched_po_without_asking_amazon_for_its_label(
    make_bench: BenchFactory, site_key: str, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    lead = make_bench("pack-a", "1", site_key=site_key)
    report = lead.runtime.shift_preparation().run(PrefetchOptions(acknowledge=True))
    assert report.fetched > 0, report.summary()
    prefetched = [
        po
        for po in (str(o.purchase_order_number) for o in simulator.state.orders.values())
        if (found := load_prefetched(lead.runtime.documents, po)) is not None
        and found.labels is not None
    ]
    assert prefetched, "no PO of the shift was prefetched"
    po = prefetched[0]
    counter.reset()

    packer = make_bench("pack-b", "2", site_key=site_key)
    session = packer.engine.scan_po(po)
    assert session.from_cache and session.label_source == "cache"
    (ready,) = packer.of(LabelReady)
    assert ready.labels.purchase_order_number == po
    assert not [p for p in counter.paths if "shippingLabel" in p], counter.paths
    # (The engine's background recheck of the order's status may ask for the order: allowed.)
    packer.engine.set_boxes(session, [BOX])


def test_a_warehouse_bench_asks_the_tokens_quota_once_not_at_every_scan(
    make_bench: BenchFactory, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    """createRestrictedDataToken allows 1 request/s for the whole app, so the whole site: a
    bench authorises every PO with one generic-path token, not one token per scan."""
    bench = make_bench("pack-a", "1")
    pos = random_pos(simulator, 3)
    bench.acknowledge(*pos)
    counter.reset()
    for po in pos:
        session = bench.engine.scan_po(po)
        bench.engine.set_boxes(session, [BOX])  # the label is created: a restricted POST too
    tokens = [p for p in counter.paths if "restrictedDataToken" in p]
    assert len(tokens) == 1, counter.paths
    assert [p for p in counter.paths if "/purchaseOrders/" in p]  # the scans did read orders
    assert [p for p in counter.paths if p.startswith("POST") and "shippingLabels" in p]


def test_a_scan_never_uses_a_cached_order_of_another_po(
    make_bench: BenchFactory, site_key: str, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    lead = make_bench("pack-a", "1", site_key=site_key)
    lead.runtime.shift_preparation().run(PrefetchOptions(acknowledge=True))
    cache = lead.runtime.documents
    with_labels = [
        po
        for po in (str(o.purchase_order_number) for o in simulator.state.orders.values())
        if (found := load_prefetched(cache, po)) is not None and found.labels is not None
    ]
    assert len(with_labels) >= 2, "the shift has too few one-unit POs"
    other, asked = with_labels[:2]
    # A bench holding the key (or a bug) files the other PO's order and label under this PO.
    order = cache.get(other, DocumentKind.ORDER)
    label = cache.get(other, DocumentKind.LABEL, "1")
    assert order is not None and label is not None
    cache.put(asked, DocumentKind.ORDER, "", DocumentFormat.JSON, order.content)
    cache.put(asked, DocumentKind.LABEL, "1", label.info.format, label.content)
    counter.reset()

    packer = make_bench("pack-b", "2", site_key=site_key)
    session = packer.engine.scan_po(asked)
    assert not session.from_cache  # the cached order names another PO: refused, asked again
    (ready,) = packer.of(LabelReady)
    assert ready.labels.purchase_order_number == asked
    assert all(p.document.data != label.content for p in ready.labels.packages)
    assert any(f"purchaseOrders/{asked}" in p for p in counter.paths)


def test_where_amazon_refuses_a_token_for_every_po_each_scan_asks_its_own(
    make_bench: BenchFactory, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    from station.errors import ApiError

    bench = make_bench("pack-a", "1")
    asked: list[int] = []

    def refuse(*, v1: bool = True) -> int:
        asked.append(1)
        raise ApiError("createRestrictedDataToken: InvalidInput (generic path)")

    bench.runtime.api.authorise_every_purchase_order = refuse  # type: ignore[method-assign]
    pos = random_pos(simulator, 3)
    bench.acknowledge(*pos)
    counter.reset()
    for po in pos:
        session = bench.engine.scan_po(po)
        bench.engine.set_boxes(session, [BOX])
    assert asked == [1]  # asked once, not at every scan
    assert {e.labels.purchase_order_number for e in bench.of(LabelReady)} == set(pos)
    tokens = [p for p in counter.paths if "restrictedDataToken" in p]
    assert len(tokens) >= len(pos), counter.paths  # per-PO tokens, as before
