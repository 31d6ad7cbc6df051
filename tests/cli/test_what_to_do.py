"""Every error of the command line ends with a `what to do:` line, also Amazon's rejection of a
status update and the lines of a web-shop file that could not be imported; `station mcf list`
starts with a header line naming its columns."""

from __future__ import annotations

import csv
from pathlib import Path

from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po
from tests.workflow.test_mcf_cli import write_orders

BOX = "12x8x4in:1.5kg"


def test_refused_and_rejected_status_updates_say_what_to_do(
    configured: Station, simulator: SimulatorServer, tmp_path: Path
) -> None:
    po = fresh_po(simulator, "voc")
    shipped = configured("ship", po, "--box", BOX, "--acknowledge")
    assert shipped.code == 0, str(shipped)
    # A carrier file's line the station refuses (not the confirmation's tracking number).
    carrier = tmp_path / "carrier.csv"
    carrier.write_text(
        "po,tracking,event,at,city,postal_code,country\n"
        f"{po},1Z0000NOTOURS,in_transit,2026-11-23T08:00:00Z,Dallas,75247,US\n",
        encoding="utf-8",
    )
    refused = configured("status-update", "--csv", str(carrier))
    assert refused.code == 1, str(refused)
    assert "line 2: " in refused.err, str(refused)
    assert refused.err.rstrip().splitlines()[-1].startswith("  what to do: "), str(refused)
    # An update Amazon rejects: its side changed since, which the station cannot know.
    tracking = next(
        line.split("tracking ")[1].split(",")[0]
        for line in configured("order", po).out.splitlines()
        if "tracking" in line and "package" in line
    )
    simulator.state.orders[po].status = "ACCEPTED"
    rejected = configured("status-update", po, "--tracking", tracking, "--event", "departed")
    assert rejected.code == 1, str(rejected)
    lines = rejected.err.splitlines()
    at = next(n for n, line in enumerate(lines) if f"PO {po} rejected" in line)
    assert lines[at + 1].startswith("  what to do: "), str(rejected)


def test_a_partly_imported_web_shop_file_says_what_to_do(station: Station, tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    write_orders(orders)
    with orders.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[2][7] = ""  # the second order's country
    with orders.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    imported = station("--demo", "mcf", "import", str(orders))
    assert imported.code == 1, str(imported)
    assert "not imported" in imported.err, str(imported)
    assert imported.err.rstrip().splitlines()[-1].startswith("  what to do: "), str(imported)


def test_mcf_list_starts_with_a_header_line(station: Station, tmp_path: Path) -> None:
    write_orders(tmp_path / "orders.csv")
    assert station("--demo", "mcf", "import", str(tmp_path / "orders.csv")).code == 0
    listed = station("--demo", "mcf", "list")
    assert listed.code == 0, str(listed)
    header, *orders = listed.out.splitlines()
    assert header.split()[:4] == ["ORDER_ID", "SHOP_ORDER", "STATE", "AMAZON_STATUS"], header
    assert len(orders) == 20 and all(line.split()[1].startswith("W") for line in orders)
