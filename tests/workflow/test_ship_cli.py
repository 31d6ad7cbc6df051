"""``station ship`` and ``station outbox`` against a simulator, as an integrator runs them."""

from __future__ import annotations

import base64
import os
import socket
from pathlib import Path

import pytest

from station.cli import EXIT_FAILED, EXIT_OK, EXIT_QUEUED, EXIT_USAGE, main
from station.config import Settings, save_settings
from station.journal.lock import FileLock
from station.paths import StationPaths
from station.runtime import demo_settings
from station.simulator.server import SimulatorServer
from tests.workflow.conftest import accepted_confirmations, po_of_kind, random_pos, record

BOX = "12x8x4in:1.5lb"


@pytest.fixture
def home(
    isolated_station: Path, simulator: SimulatorServer, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A configured station (environment "simulator") pointed at the test's simulator."""
    settings = demo_settings(Settings(station_id="cli-1"), isolated_station / "printers")
    save_settings(settings, StationPaths.under(isolated_station).config_file)
    monkeypatch.setenv("STATION_SPAPI_URL", simulator.base_url)
    monkeypatch.setenv("STATION_LWA_URL", simulator.lwa_url)
    monkeypatch.setenv("STATION_DATA_KEY", base64.urlsafe_b64encode(os.urandom(32)).decode())
    monkeypatch.setenv("STATION_OUTBOX_RETRY_SECONDS", "0.05")
    monkeypatch.setenv("STATION_OUTBOX_SETTLE_SECONDS", "0.3")
    return isolated_station


def _ship(po: str, *extra: str) -> int:
    return main(["ship", po, "--box", BOX, "--acknowledge", "--wait", "20", *extra])


def test_ship_exits_0_when_accepted_and_a_rerun_never_confirms_again(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    po = po_of_kind(simulator, "plain")
    assert _ship(po) == EXIT_OK
    assert "Amazon accepted the shipment" in capsys.readouterr().out
    assert list((home / "printers" / "labels").iterdir())  # the label was printed (to a file)

    assert _ship(po) == EXIT_OK
    out = capsys.readouterr().out
    assert "already shipped" in out and "cli-1" in out and "not confirmed again" in out
    assert len(record(simulator, po)["confirmations"]) == 1


def test_ship_queues_offline_with_exit_3_and_outbox_flush_delivers(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    po, second = random_pos(simulator, 2)
    # Nobody waits for Amazon here: the confirmations stay in the outbox when the run ends.
    assert main(["ship", po, "--box", BOX, "--acknowledge", "--wait", "0"]) in (
        EXIT_OK,
        EXIT_QUEUED,
    )
    capsys.readouterr()
    assert main(["ship", second, "--box", BOX, "--acknowledge", "--wait", "0"]) in (
        EXIT_OK,
        EXIT_QUEUED,
    )
    simulator.cut_network("refuse")
    try:
        code = main(["outbox", "flush", "--wait", "0.5"])
        assert code in (EXIT_OK, EXIT_QUEUED)
        capsys.readouterr()
        assert main(["outbox", "list", "--all"]) == EXIT_OK
        listing = capsys.readouterr().out
        assert po in listing and second in listing
    finally:
        simulator.restore_network()
    assert main(["outbox", "flush", "--wait", "20"]) == EXIT_OK
    assert main(["outbox", "list"]) == EXIT_OK
    assert "Nothing is waiting" in capsys.readouterr().out
    for each in (po, second):
        assert len(accepted_confirmations(simulator, each)) == 1
        assert len(record(simulator, each)["confirmations"]) == 1


def test_ship_while_offline_exits_3_with_a_distinct_message(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    po = po_of_kind(simulator, "plain")
    # No carton is a usage error, found before anything is acknowledged, requested or printed.
    assert main(["ship", po, "--acknowledge", "--wait", "1"]) == EXIT_USAGE
    assert "No carton given" in capsys.readouterr().err
    assert record(simulator, po)["acknowledgements"] == []
    from station.runtime import RuntimeOptions, build_runtime
    from station.workflow.acknowledgements import Acknowledger
    from station.workflow.containers import parse_box_spec
    from station.workflow.gateway import LabelPackage
    from station.workflow.order_cache import store_prefetched

    # Prepare the shift by hand: acknowledge, request the label, cache it.
    with build_runtime(RuntimeOptions()) as runtime:
        order = runtime.gateway.get_order(po)
        acknowledger = Acknowledger(runtime.gateway, runtime.settings, journal=runtime.journal)
        assert not acknowledger.acknowledge([order]).failed
        order = runtime.gateway.get_order(po)
        contents = {line.item_sequence_number: line.quantity for line in order.lines}
        labels = runtime.gateway.request_label(
            order, [LabelPackage(f"{po}-1", parse_box_spec(BOX), contents)], lambda _m: None
        )
        store_prefetched(runtime.documents, order, labels, None, None)
    simulator.cut_network("refuse")
    try:
        assert main(["ship", po, "--box", BOX, "--wait", "1"]) == EXIT_QUEUED
        out = capsys.readouterr().out
        assert "QUEUED" in out and "`station outbox flush` sends it" in out
    finally:
        simulator.restore_network()
    assert main(["outbox", "flush", "--wait", "20"]) == EXIT_OK
    assert len(accepted_confirmations(simulator, po)) == 1


def test_ship_exits_3_when_another_process_owns_the_outbox(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    po = po_of_kind(simulator, "plain")
    journal = StationPaths.under(home).journal_file
    journal.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(journal.with_name(journal.name + ".lock")):
        assert main(["ship", po, "--box", BOX, "--acknowledge", "--wait", "0.3"]) == EXIT_QUEUED
    out = capsys.readouterr().out
    assert "another station process" in out
    assert record(simulator, po)["confirmations"] == []
    assert main(["outbox", "flush", "--wait", "20"]) == EXIT_OK  # the owner would do this


def test_cancelled_po_exits_1_with_the_reason(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _ship(po_of_kind(simulator, "cancelled")) == EXIT_FAILED
    assert "CANCELLED" in capsys.readouterr().err


def test_bad_box_exits_2_naming_the_format(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ship", po_of_kind(simulator, "plain"), "--box", "12x8in:1kg"])
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "is not a box" in err and "LxWxH" in err


def test_label_printer_off_exits_1(
    home: Path, simulator: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    po = po_of_kind(simulator, "plain")
    assert _ship(po, "--label-printer", f"tcp://127.0.0.1:{port}") == EXIT_FAILED
    assert "did not print" in capsys.readouterr().err
    assert record(simulator, po)["confirmations"] == []


def test_demo_ship_needs_no_setup(capsys: pytest.CaptureFixture[str]) -> None:
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer as Server

    po = Server(SimulatorConfig()).scannable_pos(1)[0]  # the demo book is the default seed's
    assert main(["--demo", "ship", po, "--box", BOX]) == EXIT_OK
    assert "accepted" in capsys.readouterr().out
