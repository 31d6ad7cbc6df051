"""Status updates end to end: prefetched VOC order, confirmed through the outbox, then carrier
events queued and delivered to the simulator, as its admin record shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from station.errors import WorkflowError
from station.journal import OutboxKind, OutboxState
from station.simulator.config import SimulatorConfig
from station.workflow.order_cache import load_prefetched
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation
from station.workflow.status_updates import (
    CarrierEvent,
    CarrierScan,
    CodeSystem,
    StatusUpdater,
    parse_carrier_csv,
)
from tests.workflow.ops_support import confirm, deliver, record, sim_orders, sim_runtime


@pytest.mark.parametrize(
    ("api_version", "system", "expected"),
    [("v1", CodeSystem.X12, "D1"), ("2021-12-28", CodeSystem.EDIFACT, "301")],
)
def test_a_voc_package_event_reaches_amazon_once(
    tmp_path: Path, api_version: str, system: CodeSystem, expected: str
) -> None:
    config = SimulatorConfig(seed=20, orders=8, processing_delay=0, rate_limits=True)
    with sim_runtime(tmp_path, config, api_version=api_version) as runtime:
        orders = sim_orders(runtime)
        # One unit each: prefetch requests labels only for POs that ship in one carton.
        voc = next(
            o["purchaseOrderNumber"] for o in orders if o["vendorOwnCarrier"] and o["units"] == 1
        )
        plain = next(
            o["purchaseOrderNumber"]
            for o in orders
            if not o["vendorOwnCarrier"]
            and o["status"] == "NEW"
            and o["region"] == "NA"
            and o["units"] == 1
        )
        report = ShiftPreparation(
            runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
        ).run(PrefetchOptions(acknowledge=True))
        assert not report.failed
        updater = StatusUpdater(runtime.settings, runtime.outbox, code_system=system)
        at = datetime.now(UTC) - timedelta(minutes=5)

        cached = load_prefetched(runtime.documents, voc)
        assert cached is not None and cached.labels is not None
        tracking = cached.labels.packages[0].tracking_number
        assert tracking
        scan = CarrierScan(voc, tracking, CarrierEvent.DELIVERED, at, "Austin", "78701", "US")

        with pytest.raises(WorkflowError, match="not confirmed"):
            updater.enqueue(scan)  # before the confirmation
        assert confirm(runtime, cached.order, cached.labels).state is OutboxState.SUCCEEDED
        with pytest.raises(WorkflowError, match="is not in the confirmation"):
            updater.enqueue(
                CarrierScan(voc, "ODFL000WRONG", CarrierEvent.DELIVERED, at, country="US")
            )

        plain_cached = load_prefetched(runtime.documents, plain)
        assert plain_cached is not None and plain_cached.labels is not None
        confirm(runtime, plain_cached.order, plain_cached.labels)
        plain_tracking = plain_cached.labels.packages[0].tracking_number or ""
        with pytest.raises(WorkflowError, match="not a vendor-own-carrier"):
            updater.enqueue(CarrierScan(plain, plain_tracking, CarrierEvent.DELIVERED, at))

        item = updater.enqueue(scan)
        assert updater.enqueue(scan).id == item.id
        deliver(runtime)
        final = runtime.outbox.get(item.id)
        assert final is not None and final.state is OutboxState.SUCCEEDED

        seen = record(runtime, voc)["statusUpdates"]
        assert [(u["trackingNumber"], u["statusCode"], u["outcome"]) for u in seen] == [
            (tracking, expected, "accepted")
        ]
        assert record(runtime, plain)["statusUpdates"] == []


def test_a_carrier_csv_is_imported_in_bulk(tmp_path: Path) -> None:
    config = SimulatorConfig(seed=20, orders=8, processing_delay=0, rate_limits=True)
    with sim_runtime(tmp_path, config) as runtime:
        voc = next(
            o["purchaseOrderNumber"]
            for o in sim_orders(runtime)
            if o["vendorOwnCarrier"] and o["units"] == 1  # prefetch labels one-carton POs only
        )
        ShiftPreparation(runtime.gateway, runtime.documents, runtime.settings).run(
            PrefetchOptions(acknowledge=True)
        )
        cached = load_prefetched(runtime.documents, voc)
        assert cached is not None and cached.labels is not None
        confirm(runtime, cached.order, cached.labels)
        tracking = cached.labels.packages[0].tracking_number
        base = datetime.now(UTC) - timedelta(hours=3)
        text = "po,tracking,event,at,city,postal_code,country\n" + "".join(
            f"{voc},{tracking},{event},{(base + timedelta(hours=i)).isoformat()},Dallas,75247,US\n"
            for i, event in enumerate(["departed", "in transit", "out for delivery"])
        )
        text += f"{voc},NOT{tracking},delivered,{base.isoformat()},Dallas,75247,US\n"
        outcome = StatusUpdater(runtime.settings, runtime.outbox).enqueue_many(
            parse_carrier_csv(text)
        )
        assert len(outcome.queued) == 3
        assert [(row, str(err)[:20]) for row, _scan, err in outcome.refused] == [
            (5, f"Tracking number NOT{tracking}"[:20])
        ]
        deliver(runtime)
        updates = runtime.outbox.list(states=[OutboxState.SUCCEEDED])
        assert sum(i.kind is OutboxKind.STATUS_UPDATE for i in updates) == 3
        codes = [u["statusCode"] for u in record(runtime, voc)["statusUpdates"]]
        assert codes == ["XB", "O1", "OD"]
