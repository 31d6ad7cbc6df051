"""Prefetched labels never trap a PO of several cartons.

A label set cannot change once Amazon created it, and submitShippingLabelRequest batches carry no
containers (one package each). So shift preparation requests a label only for a PO that certainly
ships in one carton (one unit in all); a PO of several units waits for its scan, where the
cartons are typed first and the label request carries one container per carton. Through the
real ``station prefetch`` and ``station ship`` programs against the simulator, and at the level
of :class:`ShiftPreparation` with a per-PO fake gateway.
"""

from __future__ import annotations

from pathlib import Path

from station.journal import MemoryDocumentCache
from station.simulator.server import SimulatorServer
from station.workflow.order import OrderLine
from station.workflow.order_cache import load_prefetched
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation
from tests.workflow.conftest import accepted_confirmations, record
from tests.workflow.test_prefetch import FakeGateway, _order, _settings
from tests.workflow.test_ship_cli_safety import BOX, make_desk


def _units(server: SimulatorServer, po: str) -> int:
    return sum(line.quantity for line in server.state.orders[po].lines)


def _plain(server: SimulatorServer, *, one_unit: bool) -> str:
    """An ordinary US PO (no slip, no invoice, Amazon's carrier) of one unit, or of several."""
    for order in server.state.orders.values():
        units = sum(line.quantity for line in order.lines)
        if (
            order.kind == "random"
            and order.status == "NEW"
            and order.region == "NA"
            and not order.warehouse.voc
            and not order.is_pslip_required
            and (units == 1) == one_unit
        ):
            return str(order.purchase_order_number)
    raise AssertionError("no such PO in the book")


def test_prefetch_leaves_a_po_of_several_units_and_ship_labels_its_two_cartons(
    tmp_path: Path, simulator: SimulatorServer
) -> None:
    desk = make_desk(tmp_path, "desk-a", simulator)
    several = _plain(simulator, one_unit=False)
    single = _plain(simulator, one_unit=True)

    prepared = desk.run("prefetch", "--acknowledge")
    assert prepared.returncode == 0, prepared.stdout + prepared.stderr
    assert "left for their scan: several units, the label is requested with the cartons" in (
        prepared.stdout
    )
    assert record(simulator, several)["labelRequests"] == []  # no one-package label to trap it
    assert [r["outcome"] for r in record(simulator, single)["labelRequests"]] == ["accepted"]
    assert desk.printed() == []

    first = simulator.state.orders[several].lines[0].item_sequence_number
    boxes = ["--box", f"{BOX}@{first}=1", "--box", _rest(simulator, several, first)]
    shipped = desk.run("ship", several, *boxes, "--wait", "20")
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr
    requests = record(simulator, several)["labelRequests"]
    assert [(r["containers"], r["outcome"]) for r in requests] == [(2, "accepted")]
    assert len(requests[0]["trackingNumbers"]) == 2
    assert len(accepted_confirmations(simulator, several)) == 1
    assert len(desk.printed()) == 2  # one label per carton, printed once

    # The PO of one unit was prefetched with its label: shipping it requests nothing more.
    done = desk.run("ship", single, "--box", BOX, "--wait", "20")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(record(simulator, single)["labelRequests"]) == 1
    assert len(accepted_confirmations(simulator, single)) == 1


def _rest(server: SimulatorServer, po: str, first: int) -> str:
    """The second carton: everything but the one unit of line ``first`` in the first carton."""
    held = []
    for line in server.state.orders[po].lines:
        left = line.quantity - (1 if line.item_sequence_number == first else 0)
        if left:
            held.append(f"{line.item_sequence_number}={left}")
    assert held and _units(server, po) >= 2
    return f"{BOX}@{','.join(held)}"


def test_per_po_prefetch_requests_labels_only_for_one_unit_pos() -> None:
    two_units = (OrderLine(1, "B0TEST0001", "123", "Mug", 2, "00001"),)
    two_lines = (
        OrderLine(1, "B0TEST0001", "123", "Mug", 1, "00001"),
        OrderLine(2, "B0TEST0002", "456", "Cup", 1, "00002"),
    )
    orders = [
        _order("ONE"),
        _order("TWO", lines=two_units),
        _order("PAIR", lines=two_lines),
        _order("LABELLED", lines=two_units),
    ]
    gateway = FakeGateway(orders)
    existing = gateway.request_label(orders[3], (), lambda _m: None)  # Amazon has one already
    gateway.calls.clear()
    cache = MemoryDocumentCache()
    report = ShiftPreparation(gateway, cache, _settings()).run()  # type: ignore[arg-type]

    assert (report.fetched, report.requested, report.failed) == (2, 1, {})
    assert sorted(report.left_for_scan) == ["PAIR", "TWO"]
    assert "2 left for their scan: several units" in report.summary()
    requested = [po for call, po in gateway.calls if call == "request_label"]
    assert requested == ["ONE"]
    assert load_prefetched(cache, "TWO") is None and load_prefetched(cache, "PAIR") is None
    kept = load_prefetched(cache, "LABELLED")  # a label Amazon created is used as it is
    assert kept is not None and kept.labels == existing

    # Asked not to request labels at all: the same POs are "without a label yet" instead.
    quiet = FakeGateway(orders[:3])
    again = ShiftPreparation(quiet, MemoryDocumentCache(), _settings()).run(  # type: ignore[arg-type]
        PrefetchOptions(request_missing=False)
    )
    assert sorted(again.without_label) == ["ONE", "PAIR", "TWO"] and again.left_for_scan == []
