"""Every engine event names the scan (session) it belongs to, so a screen can show one scan and
ignore the rest: late outbox news, a PO scanned twice, a lookup the packer walked away from."""

from __future__ import annotations

import pytest

from station.errors import ScanError
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.engine import ScanSupersededError
from station.workflow.events import ConfirmationAccepted, DocumentPrinted, ScanRejected
from tests.workflow.conftest import StationFactory, po_of_kind, random_pos, wait_until

BOX = "12x8x4in:1.5lb"


def test_every_event_of_a_scan_carries_its_scan_id(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    engine = station.engine
    first, second = random_pos(simulator, 2)
    station.acknowledge(first, second)
    one = engine.scan_po(first, scan_id=engine.next_scan_id())
    two = engine.scan_po(second)
    assert one.scan_id and two.scan_id and one.scan_id != two.scan_id
    engine.set_boxes(one, [parse_box_spec(BOX)])
    engine.set_boxes(two, [parse_box_spec(BOX)])
    station.start_worker()
    engine.confirm(one)
    wait_until(lambda: station.of(ConfirmationAccepted), what="the confirmation of the first PO")
    for event in station.events:
        expected = one.scan_id if event.purchase_order_number == first else two.scan_id
        assert event.session_id == expected, event


def test_late_outbox_news_belongs_to_the_scan_that_confirmed_not_a_later_one(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    engine = station.engine
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = engine.scan_po(po)
    engine.set_boxes(session, [parse_box_spec(BOX)])
    engine.confirm(session)  # recorded; the outbox worker is not running yet
    again = engine.scan_po(po)  # scanned again before Amazon answered
    assert again.scan_id != session.scan_id
    station.events.clear()
    station.start_worker()
    (accepted,) = wait_until(lambda: station.of(ConfirmationAccepted), what="the acceptance")
    assert accepted.session_id == session.scan_id


def test_a_superseded_lookup_prints_nothing(
    make_station: StationFactory, simulator: SimulatorServer
) -> None:
    station = make_station()
    engine = station.engine
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    first = engine.scan_po(po)
    engine.set_boxes(first, [parse_box_spec(BOX)])  # the label exists now: a scan would print
    station.events.clear()
    with pytest.raises(ScanSupersededError):
        engine.scan_po(po, superseded=lambda: True)
    assert station.of(DocumentPrinted) == []


def test_a_refused_scan_carries_its_scan_id(make_station: StationFactory) -> None:
    station = make_station()
    with pytest.raises(ScanError):
        station.engine.scan_po("not a po!", scan_id=77)
    (rejected,) = station.of(ScanRejected)
    assert rejected.session_id == 77
