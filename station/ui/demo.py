"""Demo mode's shift preparation: acknowledge the simulator's NEW orders in the background.

Amazon refuses labels for orders never acknowledged; a real site acknowledges from its order
system or with ``station prefetch --acknowledge`` before the shift. A newcomer trying the demo has
done neither, so the demo does it on start, on the packing worker (a scan typed meanwhile simply
waits its turn in the queue).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from station.workflow.acknowledgements import Acknowledger
from station.workflow.order import OrderStatus

LOOKBACK = timedelta(days=7)
# The demo book's kinds of order worth trying first, in the order the demo bar lists them.
DEMO_KINDS = ("plain", "gift", "pslip", "priority", "zpl", "cancelled")


def demo_pos(runtime: Any) -> list[tuple[str, str]]:
    """(PO, kind) of one order of each kind in the demo's simulated book; [] outside demo mode.
    Memory only (the simulator runs in this process): callable from the GUI thread."""
    simulator = getattr(runtime, "simulator", None)
    if simulator is None or getattr(runtime, "demo_dir", None) is None:
        return []
    first: dict[str, str] = {}
    for order in simulator.state.summary():
        first.setdefault(str(order["kind"]), str(order["purchaseOrderNumber"]))
    return [(first[kind], kind) for kind in DEMO_KINDS if kind in first]


def acknowledge_demo_orders(runtime: Any) -> int:
    """Acknowledge every NEW order of the demo book; returns how many were accepted."""
    now = datetime.now(UTC)
    orders = [
        order
        for order in runtime.gateway.iter_orders(now - LOOKBACK, now)
        if order.status is OrderStatus.NEW
    ]
    acknowledger = Acknowledger(
        runtime.gateway, runtime.settings, journal=runtime.journal, poll_interval=0.05
    )
    report = acknowledger.acknowledge(orders)
    return len(report.accepted)
