"""The real ``station`` program, as a subprocess, never acts on an order nobody scanned.

A simulator in this process, with its answers tampered with (another PO, no items), serves
``station ship`` and ``station prefetch`` runs with their own data folders; two such folders are
two packing desks. Oracles: exit codes, the one-line messages, the simulator's admin record and
the request bodies that reached it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from station.config import Settings
from station.runtime import demo_settings
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.gateway import LabelPackage
from tests.helpers.desk_env import desk_environment
from tests.helpers.tamper import Tamper
from tests.workflow.conftest import (
    StationFactory,
    accepted_confirmations,
    po_of_kind,
    random_pos,
    record,
)

BOX = "12x8x4in:1.5lb"
TIMEOUT = 120


@dataclass
class Desk:
    home: Path
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "station", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "station", *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def printed(self) -> list[Path]:
        folder = self.home / "printers"
        return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def make_desk(
    root: Path,
    name: str,
    server: SimulatorServer,
    *,
    warehouses: list[str] | None = None,
    api_version: str = "2021-12-28",
) -> Desk:
    home = root / name
    base = Settings.model_validate({"station_id": name, "api_version": api_version})
    settings = demo_settings(base, home / "printers")
    if warehouses is not None:
        kept = [w for w in settings.warehouses if w.code in warehouses]
        settings = settings.model_copy(update={"warehouses": kept})
    env = desk_environment(home, server, settings=settings)
    return Desk(home, env)


@pytest.fixture
def tamper(simulator: SimulatorServer) -> Iterator[Tamper]:
    yield Tamper(simulator)


@pytest.fixture
def desk(tmp_path: Path, simulator: SimulatorServer) -> Desk:
    return make_desk(tmp_path, "desk-a", simulator)


def _one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("station:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_an_order_answer_naming_another_po_ships_nothing_for_either(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper
) -> None:
    po, other = random_pos(simulator, 2)
    tamper.answer_as("GET", r"/purchaseOrders/\w", po, other)
    result = desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "5")
    assert result.returncode == 1, result.stdout + result.stderr
    line = _one_clear_line(result)
    assert f"PO {po} with PO {other}" in line
    assert tamper.submissions() == []  # no acknowledgement, label or confirmation at all
    for each in (po, other):
        assert record(simulator, each)["acknowledgements"] == []
    assert desk.printed() == []


def test_a_slip_of_another_po_prints_nothing_and_confirms_nothing(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper
) -> None:
    po = po_of_kind(simulator, "pslip")
    other = random_pos(simulator, 1)[0]
    tamper.answer_as("GET", r"/packingSlips/\w", po, other)
    result = desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "5")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"packing slip of PO {po} with PO {other}" in _one_clear_line(result)
    assert desk.printed() == []
    assert record(simulator, po)["confirmations"] == []
    assert other not in tamper.posted_pos()


def test_a_po_of_another_warehouse_is_refused_and_never_cancelled(
    tmp_path: Path, simulator: SimulatorServer, tamper: Tamper
) -> None:
    desk = make_desk(tmp_path, "abcd-only", simulator, warehouses=["ABCD"])
    po = po_of_kind(simulator, "zpl")  # ships from RNOZ
    result = desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "5")
    assert result.returncode == 1
    assert f"PO {po} ships from RNOZ; this station packs ABCD" in _one_clear_line(result)
    assert tamper.submissions() == []
    assert record(simulator, po)["status"] == "NEW"
    assert record(simulator, po)["acknowledgements"] == []


def test_an_order_without_items_is_one_line_and_prefetch_finishes_the_batch(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper
) -> None:
    empty = po_of_kind(simulator, "plain")
    tamper.without_items(empty)
    result = desk.run("ship", empty, "--acknowledge", "--box", BOX, "--wait", "5")
    assert result.returncode == 1
    assert f"PO {empty} has no items" in _one_clear_line(result)

    result = desk.run("prefetch", "--acknowledge")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1  # one PO failed; the rest of the shift is prepared
    # The failure once, on stderr; the summary on stdout.
    assert f"station: PO {empty} failed: PO {empty} has no items" in result.stderr
    fetched = int(result.stdout.split(" kept for scanning")[0].rsplit(" ", 1)[-1])
    left = int(result.stdout.split(" left for their scan")[0].rsplit(" ", 1)[-1])
    assert fetched >= 1 and fetched + left >= 10, result.stdout
    assert empty not in tamper.posted_pos()
    assert record(simulator, empty)["acknowledgements"] == []


def test_a_po_another_desk_shipped_holds_the_box(
    tmp_path: Path, simulator: SimulatorServer
) -> None:
    desk_a = make_desk(tmp_path, "desk-a", simulator)
    desk_b = make_desk(tmp_path, "desk-b", simulator)
    po = po_of_kind(simulator, "plain")
    assert desk_b.run("prefetch", "--acknowledge").returncode == 0  # B prepared the shift

    shipped = desk_a.run("ship", po, "--box", BOX, "--wait", "20")
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr

    result = desk_b.run("ship", po, "--box", BOX, "--wait", "20")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "another desk already shipped" in result.stderr.lower()
    assert "HOLD THIS BOX" in result.stderr
    assert len(accepted_confirmations(simulator, po)) == 1
    history = desk_b.run("history", "--po", po)
    assert "shipped-elsewhere" in history.stdout or "Another desk" in history.stdout, (
        history.stdout + history.stderr
    )


@pytest.mark.parametrize("round_", range(3))
def test_two_desks_shipping_one_po_at_the_same_moment(
    tmp_path: Path, simulator: SimulatorServer, make_station: StationFactory, round_: int
) -> None:
    """Two stations (two data folders) run ``station ship`` on one PO at once: Amazon accepts
    one confirmation, exactly one command exits 0, the other exits 1 telling its packer that
    another desk shipped it."""
    po = random_pos(simulator, 3)[round_]
    make_station(name="lead").acknowledge(po)
    desks = [make_desk(tmp_path, name, simulator) for name in ("desk-a", "desk-b")]
    runs = [desk.start("ship", po, "--box", BOX, "--wait", "30") for desk in desks]
    outputs = [run.communicate(timeout=TIMEOUT) for run in runs]
    results = [(run.returncode, out, err) for run, (out, err) in zip(runs, outputs, strict=True)]

    codes = sorted(code for code, _out, _err in results)
    assert codes == [0, 1], results
    _code, out, err = next(r for r in results if r[0] == 1)
    assert "Traceback" not in err, err
    assert "another desk already shipped" in err.lower() and "HOLD THIS BOX" in err, out + err
    assert len(accepted_confirmations(simulator, po)) == 1


@pytest.mark.parametrize(("status", "code"), [(429, "QuotaExceeded"), (401, "Unauthorized")])
def test_a_confirmation_amazon_never_processed_stays_queued_with_its_reason(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper, status: int, code: str
) -> None:
    po = random_pos(simulator, 1)[0]
    tamper.refuse("POST", r"/shipmentConfirmations", status, code)
    result = desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "3")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "QUEUED" in result.stdout and "rejected" not in result.stdout + result.stderr

    listing = desk.run("outbox", "list")
    assert po in listing.stdout and "pending" in listing.stdout
    assert "not sent yet: Amazon" in listing.stdout

    tamper.allow()
    flushed = desk.run("outbox", "flush", "--wait", "20")
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert len(accepted_confirmations(simulator, po)) == 1


def test_a_person_can_cancel_a_confirmation_that_never_went_out(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper
) -> None:
    po = random_pos(simulator, 1)[0]
    tamper.refuse("POST", r"/shipmentConfirmations", 429, "QuotaExceeded")
    assert desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "1").returncode == 3
    listing = desk.run("outbox", "list").stdout
    item = next(line.split()[0] for line in listing.splitlines() if po in line)
    cancelled = desk.run("outbox", "cancel", item)
    assert cancelled.returncode == 0 and "will not be sent" in cancelled.stdout
    tamper.allow()
    assert "Nothing is waiting" in desk.run("outbox", "flush", "--wait", "2").stdout
    assert record(simulator, po)["confirmations"] == []
    again = desk.run("outbox", "retry", item)  # a person changes their mind: it goes out
    assert again.returncode == 0, again.stdout + again.stderr
    assert desk.run("outbox", "flush", "--wait", "20").returncode == 0
    assert len(accepted_confirmations(simulator, po)) == 1


def test_cartons_that_will_be_refused_print_no_paper(
    desk: Desk, simulator: SimulatorServer, make_station: StationFactory
) -> None:
    """Two cartons without contents, or more cartons than the PO's labels: refused before a
    single document prints, and before the order is acknowledged."""
    pos = random_pos(simulator, 11)
    po = pos[0]
    result = desk.run("ship", po, "--acknowledge", "--box", BOX, "--box", BOX, "--wait", "5")
    assert result.returncode == 1
    assert "2 cartons were entered but not what each holds" in result.stderr
    assert desk.printed() == [] and record(simulator, po)["acknowledgements"] == []

    station = make_station(name="shift-prep")
    gateway = station.runtime.gateway
    orders = [gateway.get_order(each) for each in pos[1:]]
    order = next(o for o in orders if o.total_units >= 2)  # can go in two cartons
    station.acknowledge(order.purchase_order_number)
    everything = {ln.item_sequence_number: ln.quantity for ln in order.lines}
    one_carton = LabelPackage("C1", parse_box_spec(BOX), everything)
    gateway.request_label(order, [one_carton], lambda _m: None)  # its label: one carton

    first = order.lines[0].item_sequence_number
    for _attempt in range(2):  # every attempt: the way forward, and still no paper
        two = desk.run(
            "ship", order.purchase_order_number, "--box", f"{BOX}@{first}=1", "--box", BOX
        )
        assert two.returncode == 1, two.stdout + two.stderr
        assert "1 label(s) but 2 carton(s)" in two.stderr
        assert "Pack it in 1 carton(s)" in two.stderr and "replace its label" in two.stderr
        assert desk.printed() == []


def test_a_slow_label_request_is_waited_for_and_never_sent_twice(
    tmp_path: Path, simulator: SimulatorServer, tamper: Tamper, make_station: StationFactory
) -> None:
    """DF v1 labels come by transaction; Amazon may take 15 minutes. Each run waits --wait,
    says it is not sent again, and the next run polls the same transaction."""
    desk = make_desk(tmp_path, "v1-desk", simulator, api_version="v1")
    po = random_pos(simulator, 1)[0]
    make_station("v1", name="lead").acknowledge(po)
    tamper.still_processing()
    tamper.refuse("GET", rf"/shippingLabels/{po}$", 404, "NotFound")  # not produced yet
    for _ in range(2):
        result = desk.run("ship", po, "--box", BOX, "--wait", "1")
        assert result.returncode == 1, result.stdout + result.stderr
        assert "still processing the label request" in result.stderr
        assert "not sent again" in result.stderr
    assert len(record(simulator, po)["labelRequests"]) == 1
    assert desk.printed() == []
    tamper.allow()
    done = desk.run("ship", po, "--box", BOX, "--wait", "20")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(record(simulator, po)["labelRequests"]) == 1
    assert len(accepted_confirmations(simulator, po)) == 1


def test_a_waiting_ship_takes_the_outbox_over_when_its_owner_exits(
    desk: Desk, simulator: SimulatorServer
) -> None:
    """Another station process holds the outbox (it would send); it exits before sending: the
    ship still waiting takes over, so the confirmation does not sit there with nobody to send."""
    from station.journal.lock import FileLock
    from station.paths import StationPaths

    po = random_pos(simulator, 1)[0]
    journal = StationPaths.under(desk.home).journal_file
    journal.parent.mkdir(parents=True, exist_ok=True)
    other = FileLock(journal.with_name(journal.name + ".lock"))
    other.acquire()
    try:
        run = desk.start("ship", po, "--acknowledge", "--box", BOX, "--wait", "60")
        assert run.stdout is not None
        seen = []
        for line in run.stdout:
            seen.append(line)
            if "waiting for Amazon" in line:
                break
        assert record(simulator, po)["confirmations"] == []  # the owner has not sent it
    finally:
        other.release()  # the owner exits
    out, err = run.communicate(timeout=TIMEOUT)
    assert run.returncode == 0, "".join(seen) + out + err
    assert "sending from here" in out
    assert len(accepted_confirmations(simulator, po)) == 1


def test_a_deleted_journal_with_confirmations_open_is_never_nothing_waiting(
    desk: Desk, simulator: SimulatorServer, tamper: Tamper
) -> None:
    po = random_pos(simulator, 1)[0]
    tamper.refuse("POST", r"/shipmentConfirmations", 429, "QuotaExceeded")
    assert desk.run("ship", po, "--acknowledge", "--box", BOX, "--wait", "1").returncode == 3
    from station.paths import StationPaths

    journal = StationPaths.under(desk.home).journal_file
    for leftover in journal.parent.glob(journal.name + "*"):
        leftover.unlink()
    for args in (("outbox", "list"), ("outbox", "flush", "--wait", "1")):
        result = desk.run(*args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Nothing is waiting" not in result.stdout
        assert "is gone" in result.stderr and "Traceback" not in result.stderr
