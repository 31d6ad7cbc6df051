"""Benches of one site against the real simulator and a real PostgreSQL: one claim, one label
request and one confirmation per PO; any running station delivers what a stopped one left; a
bench without the database holds its confirmations and hands them over later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from station.errors import ClaimedElsewhereError
from station.journal import OutboxWorker
from station.journal.outbox import OutboxState
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.events import DocumentPrinted, Step
from tests.helpers.postgres import PgCluster
from tests.workflow.conftest import (
    FAST_POLICY,
    RequestCounter,
    Station,
    accepted_confirmations,
    random_pos,
    record,
    wait_until,
)

BOX = "12x8x4in:1.5lb"
BenchFactory = Callable[..., Station]


def _site_rows(station: Station, po: str) -> list[tuple[Any, ...]]:
    site = station.runtime.site
    assert site is not None
    return site.claims._link.run(  # the test reads the site database as an oracle
        lambda conn: conn.execute(
            "SELECT state, origin_station, sender_station, attempts FROM site_outbox WHERE po = %s",
            (po,),
        ).fetchall()
    )


def _label_requests(counter: RequestCounter) -> int:
    return sum(1 for p in counter.paths if p.startswith("POST") and "shippingLabels" in p)


def test_the_same_po_on_two_benches_gives_one_claim_one_label_one_confirmation(
    make_bench: BenchFactory, simulator: SimulatorServer, counter: RequestCounter
) -> None:
    one, two = make_bench("pack-a", "1"), make_bench("pack-b", "2")
    (po,) = random_pos(simulator, 1)
    one.acknowledge(po)
    counter.reset()

    session = one.engine.scan_po(po)
    one.engine.set_boxes(session, [parse_box_spec(BOX)])
    assert session.step is Step.BOXES

    with pytest.raises(ClaimedElsewhereError) as caught:
        two.engine.scan_po(po)
    assert f"PO {po} is being packed at bench 1 by pack-a since" in caught.value.message
    assert not two.of(DocumentPrinted)  # the second bench printed nothing

    one.start_worker()
    two.start_worker()
    outcome = one.engine.wait_for_outcome(one.engine.confirm(session).id, 30)
    assert outcome.accepted, outcome
    assert len(accepted_confirmations(simulator, po)) == 1
    assert len(record(simulator, po)["confirmations"]) == 1
    assert _label_requests(counter) == 1
    assert [r[:2] for r in _site_rows(one, po)] == [("succeeded", "pack-a")]

    with pytest.raises(ClaimedElsewhereError) as again:
        two.engine.scan_po(po)
    assert "was packed at bench 1 by pack-a" in again.value.message


def test_a_stopped_benchs_confirmation_is_sent_once_by_another(
    make_bench: BenchFactory, simulator: SimulatorServer
) -> None:
    one, two = make_bench("pack-a", "1"), make_bench("pack-b", "2")
    (po,) = random_pos(simulator, 1)
    one.acknowledge(po)
    session = one.engine.scan_po(po)
    one.engine.set_boxes(session, [parse_box_spec(BOX)])
    item = one.engine.confirm(session)

    # Bench 1 only hands its confirmation over, then stops before any site worker sent it.
    site = one.runtime.site
    assert site is not None
    handover = OutboxWorker(
        one.runtime.outbox,
        site.handover,
        site.handover,
        site.handover,
        policy=FAST_POLICY,
        lock_path=one.runtime.paths.data_dir / "handover-test.lock",
    )
    handover.recover()
    assert handover.run_once()
    handover.stop()
    local = one.runtime.outbox.get(item.id)
    assert local is not None and local.state is OutboxState.SENT
    assert local.transaction_id is not None and local.transaction_id.startswith("site:")
    assert [r[0] for r in _site_rows(one, po)] == ["pending"]
    one.runtime.close()

    two.start_worker()
    wait_until(lambda: [r[0] for r in _site_rows(two, po)] == ["succeeded"], 30, "delivery")
    assert _site_rows(two, po)[0][1:3] == ("pack-a", "pack-b")  # bench 1's item, sent by 2
    assert len(accepted_confirmations(simulator, po)) == 1
    assert len(record(simulator, po)["confirmations"]) == 1


@pytest.mark.parametrize("request_left", [False, True])
def test_a_send_interrupted_by_a_crash_is_reconciled_never_sent_twice(
    make_bench: BenchFactory, simulator: SimulatorServer, request_left: bool
) -> None:
    """The sender died after recording ``sending``: before or after its request reached Amazon."""
    one, two = make_bench("pack-a", "1"), make_bench("pack-b", "2")
    (po,) = random_pos(simulator, 1)
    one.acknowledge(po)
    session = one.engine.scan_po(po)
    one.engine.set_boxes(session, [parse_box_spec(BOX)])
    item = one.engine.confirm(session)
    site = one.runtime.site
    assert site is not None
    site_ref = site.handover.send(one.runtime.outbox.get(item.id))  # type: ignore[arg-type]
    if request_left:
        one.runtime.gateway.submit_confirmation(item.payload)
    site.claims._link.run(
        lambda conn: conn.execute(
            "UPDATE site_outbox SET state = 'sending', sender_station = 'pack-a', "
            "attempts = 1, sending_until = now() - interval '1 s', send_started_at = now() "
            "WHERE id = %s",
            (int(site_ref.removeprefix("site:")),),
        )
    )
    one.runtime.close()

    two.start_worker(settle_seconds=0.5)
    wait_until(lambda: [r[0] for r in _site_rows(two, po)] == ["succeeded"], 30, "reconciled")
    assert len(accepted_confirmations(simulator, po)) == 1


def test_a_bench_without_the_database_holds_its_confirmation_then_hands_it_over(
    make_bench: BenchFactory, simulator: SimulatorServer, pg_cluster: PgCluster
) -> None:
    one = make_bench("pack-a", "1")
    (po,) = random_pos(simulator, 1)
    one.acknowledge(po)
    session = one.engine.scan_po(po)  # claimed while the database is there
    pg_cluster.stop()
    try:
        one.engine.set_boxes(session, [parse_box_spec(BOX)])  # packing goes on: already ours
        assert session.step is Step.BOXES
        one.start_worker()
        item = one.engine.confirm(session)
        outcome = one.engine.wait_for_outcome(item.id, 1.0)
        assert outcome.step is Step.QUEUED  # held in this bench's journal
        assert not accepted_confirmations(simulator, po)
    finally:
        pg_cluster.start()
    outcome = one.engine.wait_for_outcome(item.id, 60)
    assert outcome.accepted, outcome
    assert len(record(simulator, po)["confirmations"]) == 1
