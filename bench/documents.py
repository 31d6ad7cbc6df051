"""How long the simulator takes to draw its documents (median of N runs, after one warm-up).

    .venv/bin/python bench/documents.py [--runs N]

A benchmark, not a test: the simulator serves these on every label or slip request, so a slow
renderer shows up as a slow getShippingLabel.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from common import Figure, Result, ms, stats, time_runs

from station.simulator.documents import (
    Address,
    DocumentLine,
    LabelSpec,
    OrderDocumentSpec,
    customer_invoice_pdf,
    label_png,
    label_zpl,
    packing_slip_pdf,
)

SHIP_TO = Address("Jingxu Wang", "311 Cedar St Apt 701", "Seattle", "98121-1555", "US", "WA")
SHIP_FROM = Address("Amazon Fulfillment", "172 Trade Street", "Lexington", "40511", "US", "KY")
LABEL = LabelSpec(
    "2JK3S9VC", "PKG001", "1Z6A34Y60369738804", "UPS_GR_RES", "UPS Ground Residential", "UPS",
    SHIP_TO, SHIP_FROM, 1, 2, "2.5 KG",
)  # fmt: skip
ORDER = OrderDocumentSpec(
    "2JK3S9VC",
    datetime(2026, 1, 19, 10, 30),
    SHIP_TO,
    SHIP_FROM,
    tuple(
        DocumentLine(n, f"B0{n:08d}", f"SKU-{n}", f"Product number {n} " * 4, n, Decimal("9.99"))
        for n in range(1, 6)
    ),
    currency="INR",
    invoice_number="INV-1",
    tax_rate=Decimal("0.18"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    cases: dict[str, Callable[[], bytes]] = {
        "label_png": lambda: label_png(LABEL),
        "label_zpl": lambda: label_zpl(LABEL),
        "packing_slip_pdf": lambda: packing_slip_pdf(ORDER),
        "customer_invoice_pdf": lambda: customer_invoice_pdf(ORDER),
    }
    figures = []
    for name, render in cases.items():
        times = stats(ms(time_runs(render, runs)))  # one warm-up: fonts loaded, caches filled
        figures.append(
            Figure(f"documents.{name}", f"simulator draws {name}", times.median, "ms",
                   detail=times.spread())
        )  # fmt: skip
    Result("documents", "Simulator documents (median per document)", figures).write()


if __name__ == "__main__":
    main()
