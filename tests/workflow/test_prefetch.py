"""Shift preparation against the real simulator on loopback, and against a hand-written fake
gateway for the per-PO path, failures and cancellation."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings
from station.errors import ServerError
from station.journal import EventKind, MemoryDocumentCache
from station.simulator.config import SimulatorConfig
from station.spapi.content import DecodedDocument
from station.workflow.gateway import LabelPackage, Progress, TransactionResult
from station.workflow.labels import LabelSet, PackageLabel
from station.workflow.order import OrderLine, OrderStatus, PackOrder
from station.workflow.order_cache import load_prefetched
from station.workflow.prefetch import (
    PrefetchOptions,
    PrefetchProgress,
    ShiftPreparation,
    shift_window,
)
from tests.workflow.ops_support import record, sim_orders, sim_runtime

# -- against the simulator -----------------------------------------------------------------------


@pytest.mark.parametrize("api_version", ["v1", "2021-12-28"])
def test_prefetch_caches_everything_and_a_second_run_is_a_no_op(
    tmp_path: Path, api_version: str
) -> None:
    # Seed 75: five live POs of one unit (slips, an Indian invoice, both label formats) and
    # eight of several units.
    config = SimulatorConfig(seed=75, orders=14, processing_delay=0.05, rate_limits=True)
    with sim_runtime(tmp_path, config, api_version=api_version) as runtime:
        assert runtime.api.rdt is not None
        batches: list[int] = []
        create = runtime.api.rdt._create  # count every Tokens call and its size

        def counting(resources: Any) -> Any:
            batches.append(len(resources))
            return create(resources)

        runtime.api.rdt._create = counting
        seen: list[PrefetchProgress] = []
        preparation = ShiftPreparation(
            runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
        )
        report = preparation.run(PrefetchOptions(acknowledge=True), seen.append)

        book = {o["purchaseOrderNumber"]: o for o in sim_orders(runtime)}
        live = [po for po, o in book.items() if o["status"] != "CANCELLED"]
        one = [po for po in live if book[po]["units"] == 1]
        several = [po for po in live if book[po]["units"] > 1]
        assert len(one) == 5 and len(several) == 8
        assert report.failed == {}
        assert (report.listed, report.fetched, report.skipped) == (14, len(one), 1)
        assert report.requested == len(one) and report.acknowledged == len(live)
        # Several units: the label waits for the cartons typed at the scan; neither kept nor failed
        assert sorted(report.left_for_scan) == sorted(several)
        assert f"{len(several)} left for their scan: several units" in report.summary()
        assert seen[-1].phase == "done"
        for po in one:
            cached = load_prefetched(runtime.documents, po)
            assert cached is not None, po
            assert cached.labels is not None and cached.labels.packages[0].tracking_number
            assert cached.order.status is OrderStatus.ACCEPTED
            assert (cached.slip is not None) == book[po]["isPslipRequired"], po
            assert (cached.invoice is not None) == book[po]["hasCustomerInvoice"], po
            assert cached.labels.label_format == book[po]["labelFormat"]
        assert any(book[po]["isPslipRequired"] for po in one)
        assert any(book[po]["hasCustomerInvoice"] for po in one)
        for po in several:
            assert load_prefetched(runtime.documents, po) is None, po
        # The Tokens quota: a handful of calls, never more than 50 resources in one.
        assert report.tokens_calls == len(batches) <= 5
        assert all(size <= 50 for size in batches)

        again = preparation.run(PrefetchOptions(acknowledge=True))
        assert (again.fetched, again.requested, again.skipped, again.failed) == (
            0,
            0,
            1 + len(one),
            {},
        )
        assert sorted(again.left_for_scan) == sorted(several)
        for po in live:
            assert len(record(runtime, po)["labelRequests"]) == (po in one)
            assert len(record(runtime, po)["acknowledgements"]) == 1
        labels = runtime.journal.events(kind=EventKind.LABEL)
        assert {e.po for e in labels} == set(one)


def test_unacknowledged_orders_fail_one_by_one_without_stopping_the_batch(tmp_path: Path) -> None:
    config = SimulatorConfig(seed=75, orders=10, processing_delay=0, rate_limits=True)
    with sim_runtime(tmp_path, config) as runtime:
        report = ShiftPreparation(
            runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
        ).run(PrefetchOptions(acknowledge=False))
        book = {o["purchaseOrderNumber"]: o for o in sim_orders(runtime)}
        one = [po for po, o in book.items() if o["status"] == "NEW" and o["units"] == 1]
        several = [po for po, o in book.items() if o["status"] == "NEW" and o["units"] > 1]
        assert len(one) == 4 and several
        assert report.fetched == 0 and len(report.failed) == 9
        # One unit: Amazon refuses the label request; several units: not even requested.
        assert all("ORDER_NOT_ACKNOWLEDGED" in report.failed[po] for po in one)
        assert all("not acknowledged yet (NEW)" in report.failed[po] for po in several)
        assert report.left_for_scan == []
        for po in several:
            assert record(runtime, po)["labelRequests"] == []
        errors = runtime.journal.events(kind=EventKind.ERROR)
        assert {e.po for e in errors} == set(report.failed)


def test_the_shift_window_ends_now_and_refuses_a_future_day() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    after, before = shift_window(now.date(), 7, now, UTC)
    assert before == now and after == datetime(2026, 11, 16, tzinfo=UTC)
    with pytest.raises(Exception, match="future"):
        shift_window(now.date() + timedelta(days=2), 0, now, UTC)


# -- the per-PO path, with a fake gateway --------------------------------------------------------


def _order(po: str, *, status: OrderStatus = OrderStatus.ACCEPTED, **kw: Any) -> PackOrder:
    fields: dict[str, Any] = {
        "purchase_order_number": po,
        "status": status,
        "order_date": datetime.now(UTC) - timedelta(hours=5),
        "required_ship_date": None,
        "ship_method": "UPS_GR_RES",
        "is_priority": False,
        "is_pslip_required": False,
        "is_gift": False,
        "gift_message": "",
        "selling_party_id": "999US",
        "ship_from_party_id": "ABCD",
        "ship_to_country": "US",
        "lines": (OrderLine(1, "B0TEST0001", "123", "Mug", 1, "00001"),),
    }
    fields.update(kw)
    return PackOrder(**fields)


class FakeGateway:
    """The DfGateway surface, per PO only (no listing), with scripted failures."""

    api_version = "v1"

    def __init__(self, orders: Sequence[PackOrder], *, broken: Sequence[str] = ()) -> None:
        self.orders = list(orders)
        self.broken = set(broken)
        self.labels: dict[str, LabelSet] = {}
        self.calls: list[tuple[str, str]] = []
        self.authorised: list[int] = []

    def iter_orders(self, *_a: Any, **_k: Any) -> Iterator[PackOrder]:
        self.calls.append(("iter_orders", ""))
        yield from self.orders

    def get_label(self, po: str) -> LabelSet | None:
        self.calls.append(("get_label", po))
        if po in self.broken:
            raise ServerError("Amazon had an internal error", status=500)
        return self.labels.get(po)

    def request_label(
        self, order: PackOrder, packages: Sequence[LabelPackage], progress: Progress
    ) -> LabelSet:
        po = order.purchase_order_number
        self.calls.append(("request_label", po))
        document = DecodedDocument(kind="zpl", data=b"^XA^FO50,50^FD" + po.encode() + b"^FS^XZ")
        self.labels[po] = LabelSet(
            po, "ZPL", "ABCD", (PackageLabel("PKG1", f"1Z{po}", "UPS_GR_RES", "UPS", document),)
        )
        return self.labels[po]

    def get_packing_slip(self, po: str) -> bytes | None:
        self.calls.append(("get_packing_slip", po))
        return b"%PDF-1.4 slip"

    def get_customer_invoice(self, po: str) -> bytes | None:
        self.calls.append(("get_customer_invoice", po))
        return b"%PDF-1.4 invoice"

    def transaction_status(self, transaction_id: str) -> TransactionResult:
        return TransactionResult(transaction_id, "Success")

    def authorise(self, purchase_orders: Sequence[str]) -> int:
        self.authorised.append(len(purchase_orders))
        return 1


def _settings() -> Settings:
    return Settings.model_validate({"warehouses": [{"code": "ABCD"}]})


def test_per_po_prefetch_records_failures_and_goes_on() -> None:
    orders = [
        _order("PO1"),
        _order("PO2", is_pslip_required=True),
        _order("PO3", ship_to_country="IN"),
        _order("PO4"),
        _order("PO5", status=OrderStatus.CANCELLED),
        _order("PO6", status=OrderStatus.SHIPPED),
    ]
    gateway = FakeGateway(orders, broken=["PO4"])
    cache = MemoryDocumentCache()
    report = ShiftPreparation(gateway, cache, _settings()).run()  # type: ignore[arg-type]
    assert (report.fetched, report.requested, report.skipped) == (3, 3, 2)
    assert list(report.failed) == ["PO4"] and "internal error" in report.failed["PO4"]
    assert gateway.authorised and max(gateway.authorised) <= 50
    slip = load_prefetched(cache, "PO2")
    assert slip is not None and slip.slip == b"%PDF-1.4 slip" and slip.invoice is None
    invoice = load_prefetched(cache, "PO3")
    assert invoice is not None and invoice.invoice == b"%PDF-1.4 invoice"
    assert load_prefetched(cache, "PO5") is None and load_prefetched(cache, "PO4") is None

    gateway.broken.clear()
    gateway.calls.clear()
    again = ShiftPreparation(gateway, cache, _settings()).run()  # type: ignore[arg-type]
    assert (again.fetched, again.requested, again.skipped, again.failed) == (1, 1, 5, {})
    assert [c for c in gateway.calls if c[0] != "iter_orders"] == [
        ("get_label", "PO4"),
        ("request_label", "PO4"),
    ]


def test_cancelling_stops_early_and_the_next_run_resumes() -> None:
    orders = [_order(f"PO{i}") for i in range(30)]
    gateway = FakeGateway(orders)
    cache = MemoryDocumentCache()
    cancel = threading.Event()

    def progress(p: PrefetchProgress) -> None:
        if p.phase == "labels" and p.done >= 1:
            cancel.set()

    options = PrefetchOptions(workers=1)
    preparation = ShiftPreparation(gateway, cache, _settings())  # type: ignore[arg-type]
    first = preparation.run(options, progress, cancel)
    assert first.cancelled and 1 <= first.fetched < 30 and not first.failed
    second = preparation.run(options)
    assert not second.cancelled
    assert second.fetched == 30 - first.fetched and second.skipped == first.fetched
    assert all(load_prefetched(cache, o.purchase_order_number) for o in orders)


def test_the_look_ahead_listing_keeps_order_and_hands_errors_over() -> None:
    from station.workflow.prefetch import _ahead

    def pages() -> Iterator[int]:
        yield from range(500)
        raise ServerError("page 6 failed", status=503)

    got: list[int] = []
    with pytest.raises(ServerError, match="page 6"):
        for item in _ahead(pages(), threading.Event(), depth=8):
            got.append(item)
    assert got == list(range(500))
    # A consumer that stops early does not leave the helper thread behind.
    early = _ahead(iter(range(10_000)), threading.Event(), depth=4)
    assert [next(early) for _ in range(3)] == [0, 1, 2]
    early.close()
    assert not [t for t in threading.enumerate() if t.name == "prefetch-listing"]


def test_a_network_gone_half_way_stops_the_batch_after_a_few_failures_in_a_row() -> None:
    """Each remaining PO used to wait out its own retries: here, after OUTAGE_AFTER requests in
    a row find no network, nothing more is asked and the POs left are named apart, not failed."""
    from station.errors import NetworkError
    from station.workflow.outage import OUTAGE_AFTER

    orders = [_order(f"PO{i}") for i in range(40)]
    gateway = FakeGateway(orders, broken=["PO1"])  # an answer (500) does not count
    cache = MemoryDocumentCache()
    real_get_label = gateway.get_label

    def get_label(po: str) -> LabelSet | None:
        if int(po[2:]) >= 5:  # the network goes away after PO4
            gateway.calls.append(("get_label", po))
            raise NetworkError("cannot reach Amazon (ConnectError)")
        return real_get_label(po)

    gateway.get_label = get_label  # type: ignore[method-assign]
    report = ShiftPreparation(gateway, cache, _settings()).run(  # type: ignore[arg-type]
        PrefetchOptions(workers=1)
    )
    attempted = [po for call, po in gateway.calls if call == "get_label"]
    assert len(attempted) == 5 + OUTAGE_AFTER  # then it stopped asking
    assert report.network_lost is not None and "ConnectError" in report.network_lost
    assert report.fetched == 4 and list(report.failed) == ["PO1"]
    assert len(report.not_reached) == 40 - 5
    assert "could not be reached" in report.summary() and not report.cancelled


def test_network_failures_that_do_not_follow_each_other_are_no_outage() -> None:
    from station.errors import NetworkError
    from station.workflow.outage import OutageWatch

    stop = threading.Event()
    watch = OutageWatch(stop, limit=3)
    for _ in range(5):
        watch.failed(NetworkError("drop"))
        watch.failed(NetworkError("drop"))
        watch.failed(ServerError("Amazon had an internal error", status=500))  # an answer
    assert not watch.lost and not stop.is_set()
    for _ in range(3):
        watch.failed(NetworkError("gone"))
    assert watch.lost and stop.is_set() and watch.reason == "gone"


def test_the_batch_stop_follows_the_callers_cancel_without_setting_it() -> None:
    from station.workflow.outage import BatchStop

    caller = threading.Event()
    stop = BatchStop(caller)
    assert not stop.wait(0.01)
    stop.set()
    assert stop.is_set() and not caller.is_set()
    other = BatchStop(caller)
    caller.set()
    assert other.is_set() and other.wait(5)
