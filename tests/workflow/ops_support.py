"""Shared set-up of the operations tests: a station runtime on a loopback simulator, the
simulator's admin record, and a shipment confirmed through the real outbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from station.config import Settings
from station.journal import OutboxItem, OutboxKind, RetryPolicy
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime
from station.simulator.config import SimulatorConfig
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.common import to_wire
from station.workflow.labels import LabelSet
from station.workflow.order import PackOrder

FAST = RetryPolicy(
    first_delay=0.05, max_delay=0.2, poll_first_delay=0.05, poll_max_delay=0.2, idle_poll=0.1
)


@contextmanager
def sim_runtime(
    tmp_path: Path,
    config: SimulatorConfig | None = None,
    *,
    api_version: str = "v1",
    real_documents: bool = False,
) -> Iterator[Runtime]:
    """The demo runtime (embedded simulator, file printers, throw-away data key) in tmp.

    The simulator's documents are instant stand-ins unless ``real_documents``: rendering real
    PDFs and labels costs a fifth of a second each and proves nothing here.
    """
    config = config or SimulatorConfig(seed=5, orders=12, processing_delay=0, rate_limits=True)
    options = RuntimeOptions(
        demo=True,
        simulator=config,
        paths=StationPaths.under(tmp_path / "station"),
        settings=Settings.model_validate({"api_version": api_version}),
    )
    with build_runtime(options) as runtime:
        if not real_documents:
            assert runtime.simulator is not None
            store = runtime.simulator.state.documents
            store.renderer = _QuickRenderer(store.renderer)
        yield runtime


class _QuickRenderer:
    """Real labels (the station decodes and checks them), placeholder PDFs (it does not)."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def label_png(self, spec: Any) -> bytes:
        return bytes(self._real.label_png(spec))

    def label_zpl(self, spec: Any) -> bytes:
        return bytes(self._real.label_zpl(spec))

    def packing_slip_pdf(self, spec: Any) -> bytes:
        return b"%PDF-1.4 slip " + str(spec.purchase_order_number).encode()

    def customer_invoice_pdf(self, spec: Any) -> bytes:
        return b"%PDF-1.4 invoice " + str(spec.purchase_order_number).encode()


def admin(runtime: Runtime, path: str, **params: str) -> Any:
    assert runtime.simulator is not None
    with httpx.Client(timeout=10) as http:
        answer = http.get(f"{runtime.simulator.base_url}/_simulator/{path}", params=params)
        answer.raise_for_status()
        return answer.json()


def sim_orders(runtime: Runtime) -> list[dict[str, Any]]:
    return list(admin(runtime, "orders")["orders"])


def record(runtime: Runtime, po: str) -> dict[str, Any]:
    return dict(admin(runtime, "record", po=po)["orders"][po])


def confirmation_body(order: PackOrder, labels: LabelSet, api_version: str) -> dict[str, Any]:
    """A complete SHIPPED confirmation of ``order`` in one carton, echoing its label."""
    models: Any = s1 if api_version == "v1" else s21
    package = labels.packages[0]
    items = [
        {
            "item_sequence_number": line.item_sequence_number,
            "buyer_product_identifier": line.buyer_product_identifier,
            "vendor_product_identifier": line.vendor_product_identifier,
            "shipped_quantity": {"amount": line.quantity, "unit_of_measure": "Each"},
        }
        for line in order.lines
    ]
    container = {
        "container_type": "carton" if api_version == "v1" else "Carton",
        "container_identifier": package.package_identifier or "PKG1",
        "tracking_number": package.tracking_number,
        "ship_method": package.ship_method or order.ship_method,
        "scac_code": "ODFL",
        "weight": {"value": "2.5", "unit_of_measure": "KG"},
        "packed_items": [
            {
                "item_sequence_number": i["item_sequence_number"],
                "buyer_product_identifier": i["buyer_product_identifier"],
                "vendor_product_identifier": i["vendor_product_identifier"],
                "packed_quantity": i["shipped_quantity"],
            }
            for i in items
        ],
    }
    request = models.SubmitShipmentConfirmationsRequest.model_validate(
        {
            "shipment_confirmations": [
                {
                    "purchase_order_number": order.purchase_order_number,
                    "shipment_details": {
                        "shipped_date": datetime.now(UTC),
                        "shipment_status": "SHIPPED",
                    },
                    "selling_party": {"party_id": order.selling_party_id},
                    "ship_from_party": {"party_id": order.ship_from_party_id},
                    "items": items,
                    "containers": [container],
                }
            ]
        }
    )
    return to_wire(request)


def deliver(runtime: Runtime, timeout: float = 20.0) -> None:
    """Run the runtime's outbox worker until nothing is open (or ``timeout``)."""
    worker = runtime.outbox_worker(policy=FAST, settle_seconds=0.5)
    worker.start()
    try:
        left = worker.flush(timeout)
        assert not left, f"still open: {[(i.po, i.state) for i in left]}"
    finally:
        worker.stop()


def confirm(runtime: Runtime, order: PackOrder, labels: LabelSet) -> OutboxItem:
    body = confirmation_body(order, labels, runtime.settings.api_version)
    item = runtime.outbox.enqueue(
        OutboxKind.CONFIRMATION, order.purchase_order_number, body, ship_method=order.ship_method
    )
    deliver(runtime)
    final = runtime.outbox.get(item.id)
    assert final is not None
    return final
