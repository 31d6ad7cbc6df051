"""The station acts only on the order in hand, whatever Amazon's answers say.

Against the real simulator on loopback, with answers tampered with on the way out (another PO's
order, label, slip or invoice; an order with no items), a warehouse this station does not pack,
and a second desk shipping the same PO. The simulator's admin record and the list of request
bodies that reached it are the oracles: nothing is sent for a PO nobody scanned.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station.errors import StationError, WorkflowError
from station.journal import OutboxState
from station.journal.records import EventKind
from station.simulator.server import SimulatorServer
from station.workflow.acknowledgements import Acknowledger
from station.workflow.answers import ForeignWarehouseError, OrderRefusedError, WrongOrderError
from station.workflow.containers import parse_box_spec
from station.workflow.delivery import shipped_elsewhere
from station.workflow.events import DocumentPrinted, OrderCancelled, Step
from station.workflow.order import PackOrder
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation
from tests.helpers.tamper import Tamper
from tests.workflow.conftest import (
    Station,
    StationFactory,
    accepted_confirmations,
    po_of_kind,
    prefetch,
    random_pos,
    record,
    wait_until,
)

BOX = parse_box_spec("12x8x4in:1.5lb")


@pytest.fixture
def tamper(simulator: SimulatorServer) -> Iterator[Tamper]:
    yield Tamper(simulator)


def _acknowledging(station: Station) -> None:
    """``station ship --acknowledge``: NEW orders are acknowledged by the engine."""
    acknowledger = Acknowledger(
        station.runtime.gateway, station.runtime.settings, poll_interval=0.02
    )

    def acknowledge(order: PackOrder) -> PackOrder:
        report = acknowledger.acknowledge([order])
        if report.failed:
            raise WorkflowError(str(report.failed))
        return order

    station.engine.acknowledge = acknowledge


def _untouched(simulator: SimulatorServer, po: str) -> None:
    seen = record(simulator, po)
    assert seen["acknowledgements"] == [], seen["acknowledgements"]
    assert seen["confirmations"] == []


@pytest.mark.parametrize(
    ("api_version", "kind", "method", "path", "what"),
    [
        ("2021-12-28", "plain", "GET", r"/orders/2021-12-28/purchaseOrders/", "order"),
        ("v1", "plain", "GET", r"/orders/v1/purchaseOrders/", "order"),
        ("2021-12-28", "plain", "POST", r"/shipping/2021-12-28/shippingLabels/\w", "new label"),
        ("v1", "plain", "GET", r"/shipping/v1/shippingLabels/\w", "label"),
        ("2021-12-28", "pslip", "GET", r"/packingSlips/\w", "packing slip"),
        ("2021-12-28", "india", "GET", r"/customerInvoices/\w", "customer invoice"),
    ],
)
def test_an_answer_about_another_po_is_refused_and_nothing_is_printed_or_sent(
    make_station: StationFactory,
    simulator: SimulatorServer,
    tamper: Tamper,
    api_version: str,
    kind: str,
    method: str,
    path: str,
    what: str,
) -> None:
    station = make_station(api_version)
    _acknowledging(station)
    po = po_of_kind(simulator, kind)
    other = random_pos(simulator, 1)[0]
    tamper.answer_as(method, path, po, other)

    with pytest.raises(WrongOrderError) as raised:
        session = station.engine.scan_po(po)
        station.engine.set_boxes(session, [BOX])
    message = raised.value.message
    assert f"the {what} of PO {po} with PO {other}" in message, message
    assert station.of(DocumentPrinted) == []
    assert other not in tamper.posted_pos()  # not one byte about the other PO reached Amazon
    _untouched(simulator, other)
    assert record(simulator, po)["confirmations"] == []
    assert station.runtime.outbox.list() == []


def test_a_label_from_another_warehouse_is_refused(
    make_station: StationFactory, simulator: SimulatorServer, tamper: Tamper
) -> None:
    station = make_station()
    station.acknowledge(po := po_of_kind(simulator, "plain"))
    tamper.ship_from_as("POST", r"/shippingLabels/\w", "RNOZ")
    session = station.engine.scan_po(po)
    with pytest.raises(WrongOrderError, match="ships from RNOZ, but the order ships from ABCD"):
        station.engine.set_boxes(session, [BOX])
    assert station.of(DocumentPrinted) == []


def test_a_po_of_another_warehouse_is_never_acknowledged_nor_cancelled(
    make_station: StationFactory, simulator: SimulatorServer, tamper: Tamper
) -> None:
    station = make_station()
    only_abcd = [w for w in station.runtime.settings.warehouses if w.code == "ABCD"]
    station = make_station(name="abcd-only", settings_update={"warehouses": only_abcd})
    _acknowledging(station)
    po = po_of_kind(simulator, "zpl")  # ships from RNOZ

    with pytest.raises(ForeignWarehouseError) as raised:
        station.engine.scan_po(po)
    assert raised.value.message == f"PO {po} ships from RNOZ; this station packs ABCD"
    assert tamper.submissions() == []  # no acknowledgement (least of all code 06), no label request
    assert record(simulator, po)["status"] == "NEW"
    assert station.of(DocumentPrinted) == []


def test_an_order_without_items_is_a_one_line_refusal(
    make_station: StationFactory, simulator: SimulatorServer, tamper: Tamper
) -> None:
    station = make_station()
    _acknowledging(station)
    po = po_of_kind(simulator, "plain")
    tamper.without_items(po)
    with pytest.raises(OrderRefusedError) as raised:
        station.engine.scan_po(po)
    assert raised.value.message == f"PO {po} has no items: there is nothing to pack"
    assert tamper.submissions() == []
    assert station.of(DocumentPrinted) == []


def test_prefetch_refuses_the_strange_order_and_finishes_the_batch(
    make_station: StationFactory, simulator: SimulatorServer, tamper: Tamper
) -> None:
    station = make_station()
    empty = po_of_kind(simulator, "plain")
    tamper.without_items(empty)
    preparation = ShiftPreparation(
        station.runtime.gateway,
        station.runtime.documents,
        station.runtime.settings,
        journal=station.runtime.journal,
        poll_interval=0.02,
        wait_seconds=30,
    )
    report = preparation.run(PrefetchOptions(acknowledge=True))
    assert report.failed == {empty: f"PO {empty} has no items: there is nothing to pack"}
    # The rest of the batch: one-unit POs kept with their labels, the others left for the scan
    # (their label waits for the cartons); every one of them acknowledged.
    prepared = report.fetched + len(report.left_for_scan)
    assert report.fetched >= 1 and prepared >= 10 and report.acknowledged == prepared
    assert empty not in tamper.posted_pos()
    _untouched(simulator, empty)


def _two_desks(make_station: StationFactory) -> tuple[Station, Station]:
    desk_a, desk_b = make_station(name="desk-a"), make_station(name="desk-b")
    desk_a.start_worker()
    desk_b.start_worker()
    return desk_a, desk_b


def test_already_shipped_by_another_desk_is_never_a_success(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    desk_a, desk_b = _two_desks(make_station)
    po = po_of_kind(simulator, "plain")
    desk_a.acknowledge(po)
    at_a = desk_a.engine.scan_po(po)
    desk_a.engine.set_boxes(at_a, [BOX])
    at_b = desk_b.engine.scan_po(po)  # B finds A's label and prints it too
    assert at_b.step is Step.BOXES

    first = desk_a.engine.confirm(at_a)
    assert desk_a.engine.wait_for_outcome(first.id, 20).accepted
    second = desk_b.engine.confirm(at_b, [BOX])
    outcome = desk_b.engine.wait_for_outcome(second.id, 20)

    assert not outcome.accepted and outcome.item.state is OutboxState.FAILED
    assert shipped_elsewhere(outcome.item)
    assert "HOLD THIS BOX" in outcome.item.errors[0].message
    errors = desk_b.runtime.journal.events(po=po, kind=EventKind.ERROR)
    assert any(e.outcome == "shipped-elsewhere" for e in errors)
    assert len(accepted_confirmations(simulator, po)) == 1


def test_a_prefetched_po_found_shipped_by_the_recheck_is_stopped(
    make_station: StationFactory, simulator: SimulatorServer, tmp_path: Path
) -> None:
    desk_a, desk_b = _two_desks(make_station)
    po = po_of_kind(simulator, "plain")
    prefetch(desk_b, po)  # B prepared the shift; A packs the PO meanwhile
    at_a = desk_a.engine.scan_po(po)
    desk_a.engine.set_boxes(at_a, [BOX])
    assert desk_a.engine.wait_for_outcome(desk_a.engine.confirm(at_a).id, 20).accepted

    at_b = desk_b.engine.scan_po(po)
    assert at_b.from_cache
    (event,) = wait_until(lambda: desk_b.of(OrderCancelled), what="the recheck's finding")
    assert "Another desk already shipped" in event.error.message
    with pytest.raises(StationError, match="HOLD THIS BOX"):
        desk_b.engine.confirm(at_b, [BOX])
    assert desk_b.runtime.outbox.list(po=po) == []
    assert len(record(simulator, po)["confirmations"]) == 1
