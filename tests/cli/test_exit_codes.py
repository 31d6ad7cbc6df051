"""Exit codes exactly as the README says: 0 done, 1 failed, 2 usage, 3 queued, 130 interrupted —
one error once, on stderr, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station.simulator.config import FaultConfig
from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po

BOX = "12x8x4in:1.5kg"
_UPDATE = ["status-update", "2ABC1234", "--tracking", "T", "--event", "delivered"]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["ship", "2ABC1234", "--box", "12x8in:1kg"], "is not a box"),
        (["ship", "2ABC1234", "--box", "12x8x4in:1kg@²=1"], "is not LINE=QTY"),
        (["ship", "2ABC1234", "--box", BOX, "--wait", "-1"], "--wait"),
        (["print", "label.zpl", "--printer", "file:///tmp/x", "--copies", "0"], "1 … 99"),
        (["print", "label.zpl"], "--printer"),
        (["prefetch", "--lookback-days", "99"], "99 is outside 0 … 60"),
        (["prefetch", "--date", "0001-01-01"], "outside 2000-01-01"),
        (["prefetch", "--date", "9999-12-31"], "outside 2000-01-01"),
        (["history", "--date", "9999-12-31"], "outside 2000-01-01"),
        (["history", "--today", "--date", "2026-01-02"], "not allowed with"),
        (["history", "--po", "2ABC1234", "--csv", "out.csv"], "cannot be combined with --po"),
        (["status-update", "2ABC1234", "--event", "delivered"], "missing: --tracking"),
        (["status-update", "2ABC1234", "--tracking", "T1"], "missing: --event"),
        (["status-update", "2ABC1234", "--csv", "c.csv"], "not both"),
        (
            ["status-update", "2ABC1234", "--tracking", "T", "--event", "x", "--at", "now"],
            "Unknown carrier event",
        ),
        (
            ["status-update", "2ABC1234", "--tracking", "T", "--event", "delivered", "--at", "1-1"],
            "is not a date and time",
        ),
        (
            [
                "status-update",
                "2ABC1234",
                "--tracking",
                "T",
                "--event",
                "delivered",
                "--at",
                "0001-01-01T00:00:00",
            ],
            "year 1",
        ),
        (
            [
                "status-update",
                "2ABC1234",
                "--tracking",
                "T",
                "--event",
                "delivered",
                "--at",
                "1970-01-01T00:00:00Z",
            ],
            "year 1970",
        ),
        (
            [*_UPDATE, "--city", "x" * 5000],
            "longer than 200 characters",
        ),
        (
            [*_UPDATE, "--country", "usa"],
            "not a two-letter country code",
        ),
        (["render", "label.zpl", "--label", "0"], "outside 1"),
        (["simulator", "--port", "70000"], "outside 0 … 65535"),
        (["simulator", "--host", "0.0.0.0"], "not a loopback address"),
        (["outbox", "send"], "invalid choice"),
        (["outbox", "flush", "--all"], "--all is for"),
        (["config"], "required"),
        (["nosuchcommand"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_one_message(station: Station, argv: list[str], says: str) -> None:
    result = station(*argv)
    assert result.code == 2, str(result)
    assert says in result.err, str(result)
    assert result.err.count("error:") == 1, str(result)
    assert result.out == "", str(result)


def test_no_carton_is_a_usage_error_before_anything_happens(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    result = configured("ship", po, "--acknowledge")
    assert result.code == 2, str(result)
    assert f"No carton given for PO {po}" in result.err and "--box" in result.err
    assert simulator.state.orders[po].status == "NEW"  # nothing was acknowledged
    assert not (configured.tmp / "printers").exists() or not any(
        (configured.tmp / "printers").rglob("*.*")
    )


def test_done_is_0_and_a_second_run_is_0_without_confirming_twice(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    first = configured("ship", po, "--box", BOX, "--acknowledge")
    assert first.code == 0, str(first)
    assert first.err == "", str(first)  # Amazon's expected 404 (no label yet) is no warning
    again = configured("ship", po)  # the already-shipped check: no box, no printer needed
    assert again.code == 0, str(again)
    assert "already shipped" in again.out


def test_the_already_shipped_check_needs_no_printer(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    assert configured("ship", po, "--box", BOX, "--acknowledge").code == 0
    settings = Path(configured.home, "config", "settings.json")
    text = settings.read_text(encoding="utf-8").replace('"file://', '"broken://')
    settings.write_text(text, encoding="utf-8")
    result = configured("ship", po)
    assert result.code == 0, str(result)


def test_failed_is_1_with_the_reason_once(configured: Station, simulator: SimulatorServer) -> None:
    po = fresh_po(simulator, "cancelled")
    result = configured("ship", po, "--box", BOX)
    assert result.code == 1, str(result)
    assert "CANCELLED" in result.err
    assert (result.out + result.err).count("CANCELLED") == 1, str(result)  # once, not 3 times


def test_queued_is_3_when_amazon_cannot_be_reached(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator, one_unit=True)  # prefetch labels the POs of one unit
    # Label and documents first; then the network goes down before the confirmation.
    assert configured("prefetch", "--acknowledge").code in (0, 1)
    simulator.cut_network("refuse")
    try:
        result = configured("ship", po, "--box", BOX, "--wait", "1")
    finally:
        simulator.restore_network()
    assert result.code == 3, str(result)
    assert "QUEUED" in result.out
    flushed = configured("outbox", "flush", "--wait", "30")
    assert flushed.code == 0, str(flushed)


def test_ctrl_c_says_where_the_work_stands(configured: Station, simulator: SimulatorServer) -> None:
    po = fresh_po(simulator)
    simulator.faults.configure(FaultConfig(stall_rate=1.0, stall_seconds=60))
    try:
        result = configured.interrupted(
            "ship", po, "--box", BOX, "--acknowledge", after="Looking up", stream="stdout"
        )
    finally:
        simulator.faults.configure(FaultConfig())
        simulator.faults.release.set()
    assert result.code == 130, str(result)
    assert result.err.strip() == (
        "station: interrupted; nothing was sent to Amazon; run the command again."
    ), str(result)


def test_sigterm_removes_the_demo_folder(station: Station) -> None:
    result = station.interrupted(
        "--demo", "simulator", after="Press Ctrl+C", sig=signal.SIGTERM, stream="stdout"
    )
    assert result.code == 0, str(result)  # the simulator's normal stop
    result = station.interrupted(
        "--demo", "prefetch", "-v", after="orders to prepare", sig=signal.SIGTERM
    )
    assert result.code in (0, 130), str(result)
    leftovers = list((station.tmp / "tmp").glob("packing-station-demo-*"))
    assert leftovers == [], leftovers


@pytest.mark.parametrize("mode", ["drop", "refuse"])
def test_a_network_outage_is_named_within_seconds_with_the_plan(
    configured: Station, simulator: SimulatorServer, mode: str
) -> None:
    po = fresh_po(simulator)
    simulator.cut_network(mode)
    try:
        started = time.monotonic()
        ship = configured("ship", po, "--box", BOX, "--acknowledge")
        seconds = time.monotonic() - started
        prefetch = configured("prefetch")
        detail = configured("order", po, "-v")
    finally:
        simulator.restore_network()
    for result in (ship, prefetch):
        assert result.code == 1, str(result)
        assert "Amazon cannot be reached (network)" in result.err, str(result)
        assert "WARNING" not in result.err, str(result)  # the attempts are for -v
        assert result.err.count("station:") == 1, str(result)
    assert "nothing was sent to Amazon" in ship.err
    assert "running prefetch again goes on" in prefetch.err
    assert seconds < 60, f"the outage took {seconds:.0f} s to be named"
    assert "WARNING" in detail.err or "INFO" in detail.err, str(detail)


def test_a_killed_demo_run_s_folder_is_removed_by_the_next_one(station: Station) -> None:
    scratch = station.tmp / "tmp"
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    abandoned = scratch / "packing-station-demo-killed"
    abandoned.mkdir()
    (abandoned / "owner.pid").write_text(ended.stdout.strip(), encoding="ascii")
    running = scratch / "packing-station-demo-running"
    running.mkdir()
    (running / "owner.pid").write_text(str(os.getpid()), encoding="ascii")
    result = station("--demo", "outbox", "flush")
    assert result.code == 0, str(result)
    assert not abandoned.exists()
    assert running.exists()
    assert [p.name for p in scratch.iterdir()] == ["packing-station-demo-running"]


def test_ctrl_c_after_the_confirmation_is_recorded_says_it_will_be_sent(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    try:
        result = configured.interrupted(
            "ship",
            po,
            "--box",
            BOX,
            "--acknowledge",
            after="confirmation recorded",
            stream="stdout",
            before_signal=lambda: simulator.cut_network("refuse"),
        )
    finally:
        simulator.restore_network()
    assert result.code in (130, 0), str(result)
    if result.code == 130:  # (0: Amazon's answer beat the signal)
        line = result.err.strip().splitlines()[-1]
        assert line.startswith(f"station: interrupted; the confirmation of PO {po} is recorded")
        assert "station outbox flush" in line
    flushed = configured("outbox", "flush", "--wait", "30")
    assert flushed.code == 0, str(flushed)
