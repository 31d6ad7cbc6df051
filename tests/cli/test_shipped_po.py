"""A PO this station already shipped, as a script asks about it again: `station order PO` says
shipped (and when, and from where it knows), `station ship PO --box …` answers "already shipped"
with exit 0 even without a printer, and `station ship PO` without cartons tells shipped (0) from
not shipped (2, nothing done)."""

from __future__ import annotations

import json

from station.paths import default_paths
from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po

BOX = "12x8x4in:1.5kg"


def _ship(station: Station, po: str) -> None:
    shipped = station("ship", po, "--box", BOX, "--acknowledge")
    assert shipped.code == 0, str(shipped)


def test_order_after_shipping_says_shipped_and_where_it_knows_it_from(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    _ship(configured, po)
    offline = configured("order", po)
    assert offline.code == 0, str(offline)
    first = offline.out.splitlines()[0]
    assert first.startswith(f"PO {po}: SHIPPED by this station on "), str(offline)
    assert "from this station's journal" in first and "prefetch cache" in first, first
    assert "ACCEPTED" not in first, first
    live = configured("order", po, "--live")
    assert live.out.splitlines()[0] == f"PO {po}: SHIPPED on Amazon (from Amazon, just now)"


def test_shipping_again_without_a_printer_says_already_shipped(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    _ship(configured, po)
    settings_file = default_paths(configured.env).config_file
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings["printers"]["label"]["uri"] = ""
    settings["printers"]["slip"]["uri"] = ""
    settings_file.write_text(json.dumps(settings), encoding="utf-8")
    printed = sorted((configured.tmp / "printers").rglob("*.*"))
    again = configured("ship", po, "--box", BOX)
    assert again.code == 0, str(again)
    assert f"PO {po} was already shipped" in again.out, str(again)
    assert "printer" not in again.err, str(again)
    assert sorted((configured.tmp / "printers").rglob("*.*")) == printed  # nothing printed
    assert len(simulator.state.orders[po].lines) > 0
    outbox = configured("outbox", "list", "--all")
    assert sum(po in line for line in outbox.out.splitlines()) == 1, outbox.out  # sent once


def test_ship_without_cartons_tells_shipped_from_not_shipped(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    not_yet = configured("ship", po)
    assert not_yet.code == 2, str(not_yet)
    assert f"No carton given for PO {po}, which is not shipped yet" in not_yet.err, str(not_yet)
    assert "nothing was done" in not_yet.err and "--box" in not_yet.err, str(not_yet)
    assert not_yet.out == "", str(not_yet)
    _ship(configured, po)
    shipped = configured("ship", po)
    assert shipped.code == 0, str(shipped)
    assert f"PO {po} was already shipped" in shipped.out, str(shipped)
