"""What a new user met trying the README's commands: each case through the real program.

Every case here failed before its fix: a NEW PO shipped without --acknowledge asked Amazon for a
label first; bad usage (an empty PO, an event in the future, a PO with spaces) exited 1 or was
accepted; a device that is not a scale was reported as a scale asleep.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.cli.conftest import TIMEOUT, Station, fresh_po, point_at

BOX = "12x8x4in:1.5kg"


def _label_requests(server: SimulatorServer, po: str) -> list[object]:
    record = server.state.record_json(po)["orders"][po]
    return list(record["labelRequests"]) + list(record["acknowledgements"])


# -- ship: a NEW PO without --acknowledge -------------------------------------------------------


def test_a_new_po_without_acknowledge_asks_for_it_before_requesting_anything(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    assert simulator.state.orders[po].status == "NEW"
    result = configured("ship", po, "--box", BOX)
    assert result.code == 2, str(result)
    assert "--acknowledge" in result.err and "NEW" in result.err, str(result)
    assert result.err.count("error:") == 1, str(result)  # said once
    assert "Creating the label" not in result.out and "Requesting" not in result.out
    assert _label_requests(simulator, po) == []  # no label asked, nothing acknowledged
    assert simulator.state.orders[po].status == "NEW"
    printed = configured.tmp / "printers"
    assert not printed.exists() or not any(p.is_file() for p in printed.rglob("*"))
    shipped = configured("ship", po, "--box", BOX, "--acknowledge")  # as the message says
    assert shipped.code == 0, str(shipped)


# -- bad usage exits 2 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["ship", "", "--box", BOX],
        ["ship", "   ", "--box", BOX, "--acknowledge"],
        ["ship", "x y!", "--box", BOX],
        ["order", "x y!"],
        ["history", "--po", "x y!"],
        ["history", "--po", "CMD:CANCEL"],
        ["status-update", "x y!", "--tracking", "T1", "--event", "departed"],
    ],
)
def test_a_malformed_po_is_a_usage_error(configured: Station, argv: list[str]) -> None:
    result = configured(*argv)
    assert result.code == 2, str(result)
    assert "PO" in result.err and result.err.count("error") == 1, str(result)
    assert result.out == "", str(result)


def test_an_event_in_the_future_is_a_usage_error(configured: Station) -> None:
    result = configured(
        "status-update",
        "2ABC1234",
        "--tracking",
        "T1",
        "--event",
        "departed",
        "--at",
        "2098-01-01T00:00:00Z",
    )
    assert result.code == 2, str(result)
    assert "argument --at" in result.err and "future" in result.err, str(result)


# -- scale: a device that is not a scale ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--device", "/dev/null"],
        ["--kind", "serial", "--device", "/dev/null"],
    ],
)
def test_a_device_that_is_not_a_serial_port_is_named_so(station: Station, argv: list[str]) -> None:
    pytest.importorskip("serial", reason="pyserial is not installed (pip install -e '.[test]')")
    result = station("scale", *argv, "--wait", "0")
    assert result.code == 1, str(result)
    assert "asleep" not in result.err, str(result)
    assert "/dev/null is not a serial port" in result.err, str(result)
    lines = result.err.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("  what to do: ") and "--device" in lines[1]


def test_a_regular_file_is_not_a_scale(station: Station, tmp_path: Path) -> None:
    pytest.importorskip("serial", reason="pyserial is not installed (pip install -e '.[test]')")
    file = tmp_path / "notes.txt"
    file.write_text("hello\n", encoding="utf-8")
    result = station("scale", "--kind", "serial", "--device", str(file), "--wait", "0")
    assert result.code == 1, str(result)
    assert "asleep" not in result.err and "is not a serial port" in result.err, str(result)


def test_a_serial_port_given_to_a_usb_scale_is_a_usage_error(station: Station) -> None:
    result = station("scale", "--kind", "hid", "--device", "/dev/ttyUSB0")
    assert result.code == 2, str(result)
    assert "--kind serial" in result.err, str(result)


# -- prefetch: the network goes away half-way -----------------------------------------------------


def test_a_network_lost_mid_prefetch_stops_the_batch_with_one_message(station: Station) -> None:
    """The simulator stops after the orders were listed and acknowledged and the labels
    requested: before, every PO left then waited out its retries (the label transactions were
    polled for 5 minutes) and each was reported failed as "still processing"."""
    config = SimulatorConfig(seed=7, orders=300, processing_delay=0.05, rate_limits=False)
    server = SimulatorServer(config)
    server.start()
    process: subprocess.Popen[str] | None = None
    try:
        point_at(station, server)
        process = subprocess.Popen(
            station.command("prefetch", "--acknowledge"),
            env=station.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=station.tmp,
        )
        assert process.stderr is not None
        seen = []
        for line in process.stderr:
            seen.append(line)
            if "Label requests sent" in line:
                server.stop()  # the network is gone from here on
                break
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        server.stop()
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
    err = "".join(seen) + err
    assert "Traceback" not in out + err, err
    assert process.returncode == 1, out + err
    lost = [line for line in err.splitlines() if "Amazon cannot be reached (network)" in line]
    assert len(lost) == 1, err
    assert re.search(r"\d+ POs prefetched; the other \d+ are fetched at their scan", lost[0])
    assert "failed:" not in err, err  # not one line per PO
    assert "still processing" not in err, err


# -- the README's commands tried once with --demo in a fresh folder --------------------------------


def test_demo_config_check_checks_the_demo_station(station: Station) -> None:
    """`station --demo` starts out of the box; `station --demo config check` said that four
    checks failed (it checked the settings of the station without --demo)."""
    result = station("--demo", "config", "check")
    assert result.code == 0, str(result)
    assert "FAIL" not in result.err and "demo" in result.out, str(result)
    assert "The station can start with these settings." in result.out
    path = station("--demo", "config", "path")
    assert path.code == 0 and "temporary" in path.out, str(path)


def test_history_csv_of_a_station_that_shipped_nothing_writes_the_header(
    station: Station, tmp_path: Path
) -> None:
    target = tmp_path / "day.csv"
    result = station("--demo", "history", "--csv", str(target))
    assert result.code == 0, str(result)
    assert target.read_text(encoding="utf-8").startswith("po,status,at,")
    assert f"wrote 0 shipment(s) to {target}" in result.out


def test_an_unknown_outbox_item_says_where_the_numbers_are(station: Station) -> None:
    result = station("--demo", "outbox", "retry", "5")
    assert result.code == 2, str(result)
    assert "station outbox list" in result.err, str(result)


def test_render_of_a_file_that_is_not_zpl_speaks_of_the_file(
    station: Station, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n", encoding="utf-8")
    result = station("render", str(text))
    assert result.code == 1, str(result)
    assert str(text) in result.err and "request the label again" not in result.err, str(result)


@pytest.mark.parametrize(
    "argv", [["init", "postgresql://x@127.0.0.1:1/db", "--bench", "1"], ["status"]]
)
def test_demo_has_no_site(station: Station, argv: list[str]) -> None:
    """`station --demo site init` wrote journal_url into the real settings file."""
    result = station("--demo", "site", *argv)
    assert result.code == 2, str(result)
    assert "--demo" in result.err and "Warehouse mode" in result.err, str(result)
    assert not (station.home / "config" / "settings.json").exists()


def test_ship_progress_speaks_of_the_command_line_not_the_screen(
    configured: Station, simulator: SimulatorServer
) -> None:
    """`station ship` printed the packing screen's "enter the cartons" while it had them."""
    po = fresh_po(simulator)
    result = configured("ship", po, "--box", BOX, "--acknowledge")
    assert result.code == 0, str(result)
    assert "enter the cartons" not in result.out, str(result)


@pytest.mark.parametrize("uri", ["lpt1", "tcp://", "ftp://printer"])
def test_print_to_a_malformed_printer_address_is_a_usage_error(
    station: Station, tmp_path: Path, uri: str
) -> None:
    label = tmp_path / "label.zpl"
    label.write_text("^XA^FO50,50^FDHello^FS^XZ", encoding="ascii")
    result = station("print", str(label), "--printer", uri)
    assert result.code == 2, str(result)
    assert "argument --printer" in result.err and "tcp://HOST" in result.err, str(result)


def test_a_malformed_label_printer_of_a_command_that_prints_is_a_usage_error(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    result = configured("ship", po, "--box", BOX, "--acknowledge", "--label-printer", "lpt1")
    assert result.code == 2, str(result)
    assert "argument --label-printer" in result.err, str(result)
    assert simulator.state.orders[po].status == "NEW"  # refused before anything was done


def test_a_label_printer_that_fails_says_to_run_the_command_again(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    refused = "tcp://127.0.0.1:1"  # nothing listens on port 1
    result = configured("ship", po, "--box", BOX, "--acknowledge", "--label-printer", refused)
    assert result.code == 1, str(result)
    assert "reprint" not in (result.out + result.err).lower(), str(result)
