"""The network goes down mid-shift: packing goes on from the cache, confirmations queue, and
they are delivered once it returns — none twice."""

from __future__ import annotations

import pytest

from station.journal import OutboxState
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.events import ConfirmationAccepted, ConfirmationQueued, Step
from tests.workflow.conftest import (
    StationFactory,
    accepted_confirmations,
    prefetch,
    random_pos,
    record,
    wait_until,
)

BOX = "12x8x4in:1.5lb"


@pytest.mark.parametrize("mode", ["refuse", "drop"])
def test_confirmations_queue_offline_and_go_out_once_when_the_network_returns(
    make_station: StationFactory, simulator: SimulatorServer, mode: str
) -> None:
    station = make_station()
    pos = random_pos(simulator, 3)
    prefetch(station, *pos)
    station.start_worker(settle_seconds=0.3)
    engine = station.engine

    simulator.cut_network(mode)
    items = []
    for po in pos:
        session = engine.scan_po(po)  # from the cache: no network needed
        assert session.step is Step.BOXES, session
        engine.set_boxes(session, [parse_box_spec(BOX)])
        items.append(engine.confirm(session))
    # Every one of them is tried and stays open: queued, not lost, not failed. The worker keeps
    # retrying, so an item may be caught mid-send (SENDING); a try has ended once the item has
    # left SENDING or a second try has begun.
    open_unsent = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.UNKNOWN)

    def tried_and_open(item_id: int) -> bool:
        i = station.runtime.outbox.get(item_id)
        assert i is not None, f"confirmation {item_id} vanished from the outbox"
        assert i.state in open_unsent, f"{i.po} left the queue while offline: {i.state}"
        return i.attempts >= 2 or (i.attempts == 1 and i.state is not OutboxState.SENDING)

    wait_until(
        lambda: all(tried_and_open(item.id) for item in items),
        what="every confirmation tried while offline",
    )
    outcome = engine.wait_for_outcome(items[0].id, 0.2)
    assert outcome.step is Step.QUEUED
    if mode == "refuse":  # nothing left the machine: the packer is told it is offline
        wait_until(
            lambda: any(e.offline for e in station.of(ConfirmationQueued)),
            what="the packer told the confirmation is queued offline",
        )
    # (the admin endpoint is unreachable in "refuse" mode: read the same record in-process)
    assert all(simulator.state.record_json(po)["orders"][po]["confirmations"] == [] for po in pos)

    simulator.restore_network()
    for item in items:
        assert engine.wait_for_outcome(item.id, 20).accepted
    for po in pos:
        assert len(record(simulator, po)["confirmations"]) == 1
        assert len(accepted_confirmations(simulator, po)) == 1
    assert {e.purchase_order_number for e in station.of(ConfirmationAccepted)} == set(pos)
