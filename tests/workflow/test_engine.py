"""The packing engine driven through every path against the real simulator on loopback."""

from __future__ import annotations

import socket
import threading
from datetime import timedelta
from typing import Any

import httpx
import pytest

from station.errors import PrinterError, ScanError, WorkflowError
from station.journal import DocumentKind as StoredKind
from station.journal import OutboxState
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.events import (
    ConfirmationAccepted,
    ConfirmationQueued,
    DocumentKind,
    DocumentPrinted,
    FlowFailed,
    ItemVerified,
    LabelReady,
    OrderLoaded,
    PrintFailed,
    ProgressReported,
    ScanRejected,
    Step,
)
from station.workflow.labels import LabelExpiredError
from station.workflow.order_cache import load_prefetched, store_prefetched
from tests.helpers import contract
from tests.workflow.conftest import (
    RequestCounter,
    StationFactory,
    accepted_confirmations,
    po_of_kind,
    prefetch,
    random_pos,
    record,
    wait_until,
)

BOX = "12x8x4in:1.5lb"
VERSIONS = ("v1", "2021-12-28")


def _contract_model(api_version: str) -> str:
    return "shipping-v1" if api_version == "v1" else "shipping-2021"


@pytest.mark.parametrize("api_version", VERSIONS)
def test_ship_end_to_end(
    make_station: StationFactory, simulator: SimulatorServer, api_version: str
) -> None:
    station = make_station(api_version)
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    engine = station.engine

    session = engine.scan_po(f"  {po.lower()}\r\n")
    assert session.po == po
    assert session.step is Step.NEEDS_BOXES  # no label yet: the cartons decide the request
    session = engine.set_boxes(session, [parse_box_spec(BOX)])
    assert session.step is Step.BOXES
    assert station.of(LabelReady)[0].source == "requested"
    assert [e.document for e in station.of(DocumentPrinted)] == [DocumentKind.LABEL]

    station.start_worker()
    item = engine.confirm(session)
    outcome = engine.wait_for_outcome(item.id, 15)
    assert outcome.accepted, outcome
    assert station.of(ConfirmationQueued)[0].outbox_id == item.id
    assert station.of(ConfirmationAccepted)[0].transaction_id == outcome.item.transaction_id

    (accepted,) = accepted_confirmations(simulator, po)
    assert accepted["trackingNumbers"] == [p.tracking_number for p in session.labels.packages]  # type: ignore[union-attr]
    contract.require_models()
    contract.validate_request(
        _contract_model(api_version), "submitShipmentConfirmations", dict(item.payload)
    )
    # The journal tells the story: scan, label, print, confirmation.
    kinds = [e.kind.value for e in station.runtime.journal.po_history(po)]
    assert kinds[0] == "scan" and "label" in kinds and "print" in kinds
    assert station.runtime.journal.shipment(po).status.value == "confirmed"  # type: ignore[union-attr]


def test_v1_label_request_reports_progress(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station("v1")
    po = po_of_kind(simulator, "zpl")
    station.acknowledge(po)
    simulator.state.transactions.delay = 0.3  # Amazon takes its time: progress is visible
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    messages = [e.message for e in station.of(ProgressReported)]
    assert any("Requesting the label" in m for m in messages)
    assert any("Waiting for Amazon" in m for m in messages), messages
    assert session.labels is not None and session.labels.label_format == "ZPL"


@pytest.mark.parametrize("api_version", VERSIONS)
def test_multi_box_label_has_one_container_per_box(
    make_station: StationFactory, simulator: SimulatorServer, api_version: str
) -> None:
    station = make_station(api_version)
    po = next(
        p
        for p in random_pos(simulator, 8)
        if sum(line.quantity for line in simulator.state.orders[p].lines) >= 2
    )
    station.acknowledge(po)
    order_lines = simulator.state.orders[po].lines
    first = order_lines[0]
    boxes = [parse_box_spec(f"10x8x4in:1lb@{first.item_sequence_number}=1"), parse_box_spec(BOX)]
    session = station.engine.scan_po(po)
    session = station.engine.set_boxes(session, boxes)
    assert session.labels is not None and len(session.labels.packages) == 2
    assert record(simulator, po)["labelRequests"][-1]["containers"] == 2
    station.start_worker()
    outcome = station.engine.wait_for_outcome(station.engine.confirm(session).id, 15)
    assert outcome.accepted
    containers = outcome.item.payload["shipmentConfirmations"][0]["containers"]
    assert [c["trackingNumber"] for c in containers] == [
        p.tracking_number for p in session.labels.packages
    ]
    assert {c["shipMethod"] for c in containers} == {session.labels.packages[0].ship_method}
    (accepted,) = accepted_confirmations(simulator, po)
    assert accepted["trackingNumbers"] == [c["trackingNumber"] for c in containers]


def test_cancelled_order_is_refused_loudly(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "cancelled")
    with pytest.raises(WorkflowError, match="CANCELLED"):
        station.engine.scan_po(po)
    (failed,) = station.of(FlowFailed)
    assert "do not ship" in failed.error.message
    assert station.engine.session(po).step is Step.FAILED  # type: ignore[union-attr]
    assert record(simulator, po)["labelRequests"] == []


def test_rescan_of_shipped_po_warns_and_reprints_but_never_confirms_twice(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station(name="pack-1")
    po = po_of_kind(simulator, "gift")  # gift: needs a packing slip too
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    station.start_worker()
    assert station.engine.wait_for_outcome(station.engine.confirm(session).id, 15).accepted

    station.events.clear()
    again = station.engine.scan_po(po)
    assert again.already_shipped
    (loaded,) = station.of(OrderLoaded)
    assert loaded.already_shipped_by == "pack-1" and loaded.already_shipped_at is not None
    assert station.of(DocumentPrinted) == []  # nothing printed without asking
    with pytest.raises(WorkflowError, match="never confirmed twice"):
        station.engine.confirm(again, [parse_box_spec(BOX)])
    assert station.engine.reprint(again)
    printed = {e.document for e in station.of(DocumentPrinted)}
    assert printed == {DocumentKind.LABEL, DocumentKind.SLIP}
    assert len(record(simulator, po)["confirmations"]) == 1


def test_order_shipped_elsewhere_is_not_confirmed_again(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    first = make_station(name="pack-1")
    po = po_of_kind(simulator, "plain")
    first.acknowledge(po)
    session = first.engine.scan_po(po)
    first.engine.set_boxes(session, [parse_box_spec(BOX)])
    first.start_worker()
    assert first.engine.wait_for_outcome(first.engine.confirm(session).id, 15).accepted

    other = make_station(name="pack-2")  # its own journal: only Amazon knows
    again = other.engine.scan_po(po)
    assert again.already_shipped and "Amazon" in (again.already_shipped_by or "")
    with pytest.raises(WorkflowError):
        other.engine.confirm(again, [parse_box_spec(BOX)])


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_printer_off_is_a_retryable_print_failure(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station(label_printer=f"tcp://127.0.0.1:{_closed_port()}")
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    session = station.engine.set_boxes(session, [parse_box_spec(BOX)])
    (failed,) = station.of(PrintFailed)
    assert failed.document is DocumentKind.LABEL
    assert isinstance(failed.error, PrinterError)
    assert DocumentKind.LABEL not in session.printed
    assert session.step is Step.PRINTING
    with pytest.raises(WorkflowError, match="has not printed"):
        station.engine.confirm(session)
    assert [
        e.outcome for e in station.runtime.journal.po_history(po) if e.kind.value == "print"
    ] == ["failed"]
    # The packer fixes the printer and reprints: now it counts as printed.
    working = make_station(name="spare").runtime.label_printer
    station.engine.label_printer = working
    assert station.engine.reprint(session, DocumentKind.LABEL)
    assert DocumentKind.LABEL in session.printed


def test_expired_label_at_amazon_is_refused_with_the_reason(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    with httpx.Client(base_url=simulator.base_url) as http:
        http.post("/_simulator/clock", json={"advanceSeconds": 91 * 86400}).raise_for_status()
    fresh = make_station(name="other")  # no cache: asks Amazon
    with pytest.raises(LabelExpiredError, match="expired"):
        fresh.engine.scan_po(po)
    assert fresh.of(FlowFailed)[0].step is Step.LABEL


def test_expired_cached_label_is_refused(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    assert session.order is not None and session.labels is not None
    old = station.runtime.journal.now() - timedelta(days=91)
    store_prefetched(
        station.runtime.documents, session.order, session.labels, None, None, labels_obtained_at=old
    )
    with pytest.raises(LabelExpiredError, match="90 days"):
        make_station(name="x", journal_dir="station-a").engine.scan_po(po)


def test_india_order_prints_the_customer_invoice(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "india")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    assert session.needs_invoice
    station.engine.set_boxes(session, [parse_box_spec("30x20x10cm:2kg")])
    printed = [e.document for e in station.of(DocumentPrinted)]
    assert DocumentKind.INVOICE in printed and DocumentKind.LABEL in printed
    assert session.step is Step.BOXES


def test_prefetched_order_prints_without_any_http_request(
    make_station: StationFactory,
    simulator: SimulatorServer,
    counter: RequestCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "pslip")
    prefetch(station, po, box=BOX)
    assert load_prefetched(station.runtime.documents, po) is not None
    # The engine asks Amazon about a prefetched order again, in the background (a cancellation
    # since the prefetch); held back here until the scan is done, to show nothing waits for it.
    recheck = threading.Event()
    get_order = station.engine.gateway.get_order

    def held_back(po: str) -> Any:
        assert recheck.wait(20)
        return get_order(po)

    monkeypatch.setattr(station.engine.gateway, "get_order", held_back)
    counter.reset()

    session = station.engine.scan_po(po)
    assert counter.count == 0, counter.paths
    assert session.from_cache and session.label_source == "cache"
    assert {e.document for e in station.of(DocumentPrinted)} == {
        DocumentKind.LABEL,
        DocumentKind.SLIP,
    }
    assert session.step is Step.BOXES
    recheck.set()
    wait_until(
        lambda: any("/purchaseOrders/" in p for p in counter.paths), what="the background recheck"
    )
    assert all(f"/purchaseOrders/{po}" in p or "restrictedDataToken" in p for p in counter.paths), (
        counter.paths
    )


def test_fetched_documents_are_cached_encrypted_for_reprints(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    kinds = {info.kind for info in station.runtime.documents.list(po)}
    assert {StoredKind.LABEL, StoredKind.ORDER} <= kinds
    cached = load_prefetched(station.runtime.documents, po)
    assert cached is not None and cached.labels is not None
    assert cached.labels.packages[0].tracking_number == session.labels.packages[0].tracking_number  # type: ignore[union-attr]


def test_vendor_own_carrier_confirmation_carries_the_scac_code(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "voc")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec("40x30x30in:40lb")])
    station.start_worker()
    outcome = station.engine.wait_for_outcome(station.engine.confirm(session).id, 15)
    assert outcome.accepted, outcome.item
    (container,) = outcome.item.payload["shipmentConfirmations"][0]["containers"]
    assert container["scacCode"] == "ODFL" and container["trackingNumber"]


def test_item_verification(make_station: StationFactory, simulator: SimulatorServer) -> None:
    station = make_station(settings_update={"verify_items": True})
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    assert session.order is not None
    with pytest.raises(WorkflowError, match="not scanned yet"):
        station.engine.confirm(session)
    with pytest.raises(ScanError, match="not on PO"):
        station.engine.scan_item(session, "B0NOTHERE1")
    for line in session.order.lines:
        code = line.buyer_product_identifier or line.vendor_product_identifier
        assert code is not None
        for _ in range(line.quantity):
            station.engine.scan_item(session, code.lower())
        with pytest.raises(ScanError, match="already scanned"):
            station.engine.scan_item(session, code)
    assert session.verification_complete
    assert len(station.of(ItemVerified)) == session.order.total_units
    assert len(station.of(ScanRejected)) == 1 + len(session.order.lines)
    station.start_worker()
    assert station.engine.wait_for_outcome(station.engine.confirm(session).id, 15).accepted


@pytest.mark.parametrize("text", ["", "CMD:NEXT", "12-34", "AB", "A" * 40, "PO 123", "ÄÖÜ123"])
def test_bad_scans_are_refused_with_a_clear_message(
    make_station: StationFactory, counter: RequestCounter, text: str
) -> None:
    station = make_station()
    with pytest.raises(ScanError) as caught:
        station.engine.scan_po(text)
    assert caught.value.hint
    assert len(station.of(ScanRejected)) == 1
    assert counter.count == 0


def test_unknown_po_says_so(make_station: StationFactory) -> None:
    station = make_station()
    with pytest.raises(WorkflowError, match="not found"):
        station.engine.scan_po("ZZZZ9999")


def test_rejected_by_amazon_is_reported(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    """A rule only Amazon knows (here: the order was never acknowledged) fails the transaction;
    the engine reports Amazon's reasons and the journal shows the shipment failed."""
    station = make_station()
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])
    simulator.state.orders[po].status = "NEW"  # Amazon's side changed behind our back
    station.start_worker()
    outcome = station.engine.wait_for_outcome(station.engine.confirm(session).id, 15)
    assert outcome.step is Step.FAILED
    assert outcome.item.state is OutboxState.FAILED
    assert [e.code for e in outcome.item.errors] == ["ORDER_NOT_ACKNOWLEDGED"]
    assert station.runtime.journal.shipment(po).status.value == "failed"  # type: ignore[union-attr]


def test_carton_count_must_match_an_existing_label(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.scan_po(po)
    station.engine.set_boxes(session, [parse_box_spec(BOX)])  # label with one package
    assert session.order is not None
    first = session.order.lines[0].item_sequence_number
    with pytest.raises(ScanError, match="1 label"):
        station.engine.set_boxes(session, [parse_box_spec(f"{BOX}@{first}=1"), parse_box_spec(BOX)])
    assert len(session.boxes) == 1


def test_only_recent_sessions_are_kept(
    make_station: StationFactory, simulator: SimulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shift scans hundreds of POs; each session holds its documents, so old ones go."""
    from station.workflow import engine as engine_module

    monkeypatch.setattr(engine_module, "MAX_SESSIONS", 2)
    station = make_station()
    pos = random_pos(simulator, 3)
    sessions = [station.engine.scan_po(po) for po in pos]
    assert station.engine.session(pos[0]) is None
    assert station.engine.session(pos[1]) is sessions[1]
    assert station.engine.session(pos[2]) is sessions[2]


def test_a_scan_asks_for_one_restricted_data_token_for_all_its_documents(
    make_station: StationFactory, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    """Amazon allows one Tokens call a second: the order, label and slip of a scan share one."""
    station = make_station()
    po = po_of_kind(simulator, "pslip")
    station.acknowledge(po)
    gateway = station.runtime.gateway
    order = gateway.get_order(po)
    from station.workflow.gateway import LabelPackage

    gateway.request_label(
        order, [LabelPackage(f"{po}-1", parse_box_spec(BOX), {1: 1})], lambda _m: None
    )
    if gateway.api.rdt is not None:
        gateway.api.rdt.clear()  # a fresh station: nothing authorised yet
    counter.reset()

    session = station.engine.scan_po(po)
    assert session.step is Step.BOXES
    tokens = [p for p in counter.paths if "restrictedDataToken" in p]
    assert len(tokens) == 1, counter.paths
