"""The prefetch cache format shared by ``station prefetch`` and the engine."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from station.journal import (
    DataKey,
    DocumentFormat,
    DocumentKind,
    EncryptedDocumentCache,
    Journal,
    MemoryDocumentCache,
)
from station.spapi.content import DecodedDocument
from station.workflow.labels import LabelSet, PackageLabel
from station.workflow.order import OrderLine, OrderStatus, PackOrder
from station.workflow.order_cache import load_prefetched, store_prefetched

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ORDER = PackOrder(
    "2AB3CD4E",
    OrderStatus.ACCEPTED,
    NOW - timedelta(hours=3),
    NOW + timedelta(days=1),
    "UPS_GR_RES",
    True,
    True,
    True,
    "Happy birthday",
    "999US",
    "ABCD",
    "US",
    (
        OrderLine(1, "B0A", "0123", "Bottle", 2, "00001"),
        OrderLine(2, None, "0456", "Towel", 1, "00002"),
    ),
    customer_order_number="123-4567890-1234567",
    extra={"k": "v"},
)
LABELS = LabelSet(
    "2AB3CD4E",
    "ZPL",
    "ABCD",
    (
        PackageLabel("PKG1", "1Z1", "UPS_GR_RES", "UPS Ground", DecodedDocument("zpl", b"^XA1^XZ")),
        PackageLabel(None, "1Z2", "UPS_GR_RES", None, DecodedDocument("zpl", b"^XA2^XZ")),
    ),
)


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[EncryptedDocumentCache]:
    with Journal.open(tmp_path / "j.sqlite3", station_id="s") as journal:
        yield EncryptedDocumentCache(journal, DataKey.generate())


def test_round_trip_keeps_the_order_labels_slip_and_invoice(
    encrypted: EncryptedDocumentCache,
) -> None:
    store_prefetched(encrypted, ORDER, LABELS, b"%PDF-slip", b"%PDF-inv", labels_obtained_at=NOW)
    cached = load_prefetched(encrypted, ORDER.purchase_order_number)
    assert cached is not None
    assert cached.order == ORDER
    assert cached.labels == LABELS
    assert cached.labels_obtained_at == NOW
    assert (cached.slip, cached.invoice) == (b"%PDF-slip", b"%PDF-inv")
    infos = {(i.kind, i.package_id, i.format) for i in encrypted.list(ORDER.purchase_order_number)}
    assert (DocumentKind.ORDER, "", DocumentFormat.JSON) in infos
    assert (DocumentKind.LABEL, "2", DocumentFormat.ZPL) in infos


def test_without_labels_the_order_alone_is_cached() -> None:
    cache = MemoryDocumentCache()
    store_prefetched(cache, ORDER, None, None, None)
    cached = load_prefetched(cache, ORDER.purchase_order_number)
    assert cached is not None and cached.labels is None and cached.slip is None


def test_nothing_cached_or_damaged_means_fetch_again() -> None:
    cache = MemoryDocumentCache()
    assert load_prefetched(cache, "NOPE1234") is None
    cache.put("BAD12345", DocumentKind.ORDER, "", DocumentFormat.JSON, b"{not json")
    assert load_prefetched(cache, "BAD12345") is None
    cache.put("OLD12345", DocumentKind.ORDER, "", DocumentFormat.JSON, b'{"version": 99}')
    assert load_prefetched(cache, "OLD12345") is None


def test_missing_label_image_drops_the_labels_not_the_order() -> None:
    cache = MemoryDocumentCache()
    store_prefetched(cache, ORDER, LABELS, None, None)
    cache._documents.pop((ORDER.purchase_order_number, DocumentKind.LABEL, "2"))
    cached = load_prefetched(cache, ORDER.purchase_order_number)
    assert cached is not None and cached.order == ORDER and cached.labels is None
