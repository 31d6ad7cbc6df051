"""A prefetched order cancelled after the prefetch: printed from the cache at once, asked about
again in the background, and stopped before it ships."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from station.errors import WorkflowError
from station.journal.records import EventKind
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.events import DocumentPrinted, OrderCancelled, Step
from tests.workflow.conftest import StationFactory, po_of_kind, prefetch, record, wait_until

BOX = "12x8x4in:1.5lb"


def test_a_cancellation_after_the_prefetch_stops_the_shipment(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    prefetch(station, po)
    simulator.state.cancel_order(po)  # the customer cancels during the shift

    session = station.engine.scan_po(po)
    assert session.from_cache and session.step is Step.BOXES  # printed from the cache at once
    (event,) = wait_until(lambda: station.of(OrderCancelled), what="the cancellation found")
    assert event.purchase_order_number == po
    assert "CANCELLED" in event.error.message and event.error.hint

    with pytest.raises(WorkflowError, match="CANCELLED"):
        station.engine.confirm(session, [parse_box_spec(BOX)])
    assert record(simulator, po)["confirmations"] == []
    assert station.runtime.outbox.list(po=po) == []
    errors = station.runtime.journal.events(po=po, kind=EventKind.ERROR)
    assert any(e.outcome == "cancelled-after-prefetch" for e in errors)

    # The cache knows now: scanned again, even with the network down, it stops before printing.
    printed = len(station.of(DocumentPrinted))
    simulator.cut_network("refuse")
    try:
        with pytest.raises(WorkflowError, match="CANCELLED"):
            station.engine.scan_po(po)
    finally:
        simulator.restore_network()
    assert len(station.of(DocumentPrinted)) == printed


def test_an_order_still_open_ships_as_usual_after_the_recheck(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    station.start_worker()
    po = po_of_kind(simulator, "plain")
    prefetch(station, po)
    asked = threading.Event()
    get_order = station.engine.gateway.get_order

    def observed(po: str) -> Any:
        try:
            return get_order(po)
        finally:
            asked.set()

    station.engine.gateway.get_order = observed  # type: ignore[method-assign]
    session = station.engine.scan_po(po)
    assert asked.wait(20), "the prefetched order was never asked about again"
    item = station.engine.confirm(session, [parse_box_spec(BOX)])
    assert station.engine.wait_for_outcome(item.id, 20).accepted
    assert station.of(OrderCancelled) == []


def test_without_a_network_the_cache_is_all_there_is(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    po = po_of_kind(simulator, "plain")
    prefetch(station, po)
    simulator.state.cancel_order(po)  # Amazon knows; the station cannot ask
    simulator.cut_network("refuse")
    try:
        session = station.engine.scan_po(po)
        assert session.step is Step.BOXES
        item = station.engine.confirm(session, [parse_box_spec(BOX)])  # queued, as offline
        assert item.po == po
        assert station.of(OrderCancelled) == []
    finally:
        simulator.restore_network()


def test_rechecks_can_be_turned_off(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    station.engine.recheck_cached = False
    po = po_of_kind(simulator, "plain")
    prefetch(station, po)
    asked: list[str] = []
    station.engine.gateway.get_order = asked.append  # type: ignore[assignment,method-assign]
    station.engine.scan_po(po)
    station.engine.close()  # stops the recheck thread, were there one
    assert asked == []
