"""Each command through the real program: what it shows, what it refuses, what it needs."""

from __future__ import annotations

import base64
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings, save_settings
from station.paths import default_paths
from station.runtime import demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po
from tests.helpers.hostile_files import DEVICE, pipe

BOX = "12x8x4in:1.5kg"


@pytest.fixture
def own_simulator() -> Iterator[SimulatorServer]:
    """A simulator of this test only: its NEW orders are untouched by other tests."""
    config = SimulatorConfig(seed=3, orders=10, processing_delay=0.05, rate_limits=False)
    with SimulatorServer(config) as server:
        yield server


def _point_at(station: Station, server: SimulatorServer, *, data_key: bool = True) -> None:
    station.env.update(STATION_SPAPI_URL=server.base_url, STATION_LWA_URL=server.lwa_url)
    if data_key:
        station.env["STATION_DATA_KEY"] = base64.urlsafe_b64encode(os.urandom(32)).decode()
    settings = demo_settings(Settings(), station.tmp / "printers")
    save_settings(settings, default_paths(station.env).config_file)


@contextmanager
def _settings_of(station: Station) -> Iterator[dict[str, Any]]:
    """The station's settings file as JSON, written back when the block ends."""
    settings_file = default_paths(station.env).config_file
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    yield settings
    settings_file.write_text(json.dumps(settings), encoding="utf-8")


# -- station order ------------------------------------------------------------------------------


def test_order_shows_lines_cartons_documents_and_state(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator, "pslip")
    lines = simulator.state.orders[po].lines
    before = configured("order", po, "--label-printer", "broken")  # needs no printer
    assert before.code == 0, str(before)
    assert f"PO {po}: NEW on Amazon" in before.out
    assert "--box …@LINE=QTY uses these LINE numbers" in before.out
    for line in lines:
        assert f"{line.item_sequence_number:>4} {line.quantity:>4}" in before.out, before.out
    assert "Cartons: none yet" in before.out and "label: none yet" in before.out
    assert "On this station: not shipped" in before.out
    shipped = configured("ship", po, "--box", BOX, "--acknowledge")
    assert shipped.code == 0, str(shipped)
    after = configured("order", po)
    assert after.code == 0, str(after)
    assert "Cartons (1, from the label)" in after.out and "tracking" in after.out
    assert "On this station: confirmation confirmed" in after.out


def test_order_of_an_unknown_po_fails_once(configured: Station) -> None:
    result = configured("order", "9ZZZZZZZ")
    assert result.code == 1, str(result)
    assert result.err.count("station:") == 1, str(result)


# -- station config -----------------------------------------------------------------------------


def test_config_path_show_and_check(configured: Station) -> None:
    path = configured("config", "path")
    assert path.code == 0, str(path)
    settings_file = Path(configured.home, "config", "settings.json")
    assert f"settings file: {settings_file}" in path.out
    show = configured("config", "show")
    assert show.code == 0, str(show)
    shown = json.loads(show.out)
    assert shown["environment"] == "simulator" and "prefetch" not in shown
    assert not any(word in show.out.lower() for word in ("secret", "refresh_token"))
    check = configured("config", "check")
    assert check.code == 0, str(check)
    assert "The station can start with these settings." in check.out


def test_config_check_names_what_is_missing(station: Station) -> None:
    settings_file = default_paths(station.env).config_file
    save_settings(Settings(environment="production"), settings_file)
    check = station("config", "check")
    assert check.code == 1, str(check)
    assert "FAIL  label printer: No label printer is set" in check.err
    assert "printers.label.uri" in check.err
    assert "FAIL  credentials" in check.err and "STATION_LWA_REFRESH_TOKEN" in check.err
    assert "FAIL  data key" in check.err and "STATION_DATA_KEY" in check.err
    settings_file.write_text('{"region": "mars"}', encoding="utf-8")
    broken = station("config", "check")
    assert broken.code == 1 and "region" in broken.err, str(broken)


def test_config_check_fails_when_the_simulator_address_is_missing(station: Station) -> None:
    """Every Amazon command refuses to start with environment simulator and no
    STATION_SPAPI_URL, so `config check` must not say the station can start."""
    settings = demo_settings(Settings(), station.tmp / "printers")
    save_settings(settings, default_paths(station.env).config_file)
    station.env["STATION_DATA_KEY"] = base64.urlsafe_b64encode(os.urandom(32)).decode()
    order = station("order", "2AUW63W3")
    assert order.code == 1 and "no simulator address is set" in order.err, str(order)
    check = station("config", "check")
    assert check.code == 1, str(check)
    assert "The station can start" not in check.out
    assert "FAIL  credentials: The environment is 'simulator' but no simulator address" in check.err
    assert "STATION_SPAPI_URL" in check.err
    station.env.update(STATION_SPAPI_URL="http://127.0.0.1:9", STATION_LWA_URL="http://127.0.0.1:9")
    check = station("config", "check")
    assert check.code == 0, str(check)
    assert "ok    credentials: not needed (simulator at http://127.0.0.1:9)" in check.out


@pytest.mark.parametrize("kind", ["device", "fifo", "too large"])
def test_mcf_import_reads_only_a_regular_file_of_bounded_size(station: Station, kind: str) -> None:
    """`station mcf import /dev/zero` read until the machine ran out of memory, and a FIFO
    blocked for ever: the web-shop CSV is bounded like the carrier CSV."""
    with ExitStack() as stack:
        if kind == "device":
            path = DEVICE  # /dev/zero; NUL on Windows
        elif kind == "fifo":
            path = stack.enter_context(pipe(station.tmp))  # a named pipe on Windows
        else:
            path = station.tmp / "orders.csv"
            with path.open("wb") as big:
                big.truncate(11 * 1024 * 1024)  # sparse: no disk used
        result = station("--demo", "mcf", "import", str(path), timeout=60)
    assert result.code == 1, str(result)
    assert result.err.count("station:") == 1 and "what to do:" in result.err, str(result)
    said = "larger than 10 MiB" if kind == "too large" else "not a regular file"
    assert said in result.err, str(result)


@pytest.mark.parametrize("value", ["-1", "nan", "1e300"])
def test_site_watch_seconds_out_of_range_is_a_usage_error(station: Station, value: str) -> None:
    """`--seconds -1` watched for ever and `--seconds 1e300` ended in an OverflowError
    traceback once the site was online: refused as a usage error before the database is
    opened."""
    result = station("site", "watch", "--seconds", value, timeout=60)
    assert result.code == 2, str(result)
    assert "argument --seconds" in result.err and "journal_url" not in result.err, str(result)


@pytest.mark.parametrize(
    "args",
    [
        ("outbox", "retry", "99999999999999999999"),  # was an OverflowError traceback
        ("outbox", "cancel", "0"),
        ("outbox", "retry", "-5"),
        ("--demo", "mcf", "purge", "--days", "-1"),  # was exit 1
        ("--demo", "mcf", "purge", "--days", "99999"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(station: Station, args: tuple[str, ...]) -> None:
    """README: exit 2 for a value outside its range, named in the message; nothing was done."""
    result = station(*args, timeout=60)
    assert result.code == 2, str(result)
    named = "--days" if "--days" in args else "ID"
    assert f"argument {named}" in result.err, str(result)


def test_an_unreachable_label_printer_is_one_error_said_once(station: Station) -> None:
    """README: exit 1 is one message on standard error, then `what to do:`. A label printer
    that refuses the connection was said twice, the second time nesting the first."""
    import socket

    # A loopback port bound and never listened on: it refuses connections, and as it stays
    # bound during the command no other server (the demo's own simulator, another test's
    # printer emulator) can be given it meanwhile and accept the label.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        printer = f"tcp://127.0.0.1:{port}"
        result = station("--demo", "ship", "2AUW63W3", "--box", BOX, "--label-printer", printer)
    assert result.code == 1, str(result)
    assert result.err.count("station:") == 1, str(result)
    assert result.err.count("refused the connection") == 1, str(result)
    assert "did not print" in result.err and "label printer: " in result.err, str(result)
    assert "  what to do: " in result.err, str(result)
    # --reprint is refused for a PO not shipped: the hint must not send the packer there
    assert "--reprint" not in result.err and "run the same command again" in result.err


@pytest.mark.parametrize("action", ["init", "join"])
def test_site_set_up_without_a_keyring_names_the_site_way_out(
    station: Station, action: str
) -> None:
    """Without a keyring, `station site init/join` pointed IT at the STATION_LWA_* variables,
    which have nothing to do with the site: it now says what it keeps there and how a bench
    without a keyring joins (the README's journal_url, bench and STATION_SITE_PASSWORD)."""
    url = "postgresql://packing@127.0.0.1:1/station?sslmode=disable"
    result = station("site", action, url, "--bench", "3", timeout=60)
    assert result.code == 1, str(result)
    assert result.err.count("station:") == 1 and "keyring" in result.err, str(result)
    assert "STATION_LWA" not in result.err, str(result)
    assert "STATION_SITE_PASSWORD" in result.err and "journal_url" in result.err, str(result)


def test_an_old_settings_file_with_the_retired_prefetch_setting_still_loads(
    station: Station,
) -> None:
    settings_file = default_paths(station.env).config_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('{"prefetch": true}', encoding="utf-8")
    assert station("config", "show").code == 0


# -- needs only what it uses --------------------------------------------------------------------


def test_commands_that_print_nothing_run_without_printers(
    station: Station, own_simulator: SimulatorServer
) -> None:
    _point_at(station, own_simulator)
    with _settings_of(station) as settings:
        settings["printers"]["label"]["uri"] = ""
        settings["printers"]["slip"]["uri"] = ""
    for argv in (["prefetch", "--acknowledge"], ["outbox", "flush"], ["outbox", "list"]):
        result = station(*argv)
        assert result.code == 0, str(result)
    po = fresh_po(own_simulator)
    ship = station("ship", po, "--box", BOX, "--acknowledge")
    assert ship.code == 1, str(ship)
    assert "No label printer is set" in ship.err and "--label-printer" in ship.err


def test_a_data_folder_that_cannot_be_created_is_a_clear_error(station: Station) -> None:
    station.home.mkdir(parents=True, exist_ok=True)
    (station.home / "data").write_text("a file where the data folder goes", encoding="utf-8")
    station.env.update(STATION_SPAPI_URL="http://127.0.0.1:9", STATION_LWA_URL="http://127.0.0.1:9")
    result = station("prefetch")
    assert result.code == 1, str(result)
    assert "Cannot create the station's data folder" in result.err
    assert "STATION_HOME" in result.err
    demo = station("--demo", "outbox", "flush")  # demo mode keeps its files elsewhere
    assert demo.code == 0, str(demo)


# -- prefetch -----------------------------------------------------------------------------------


def test_demo_prefetch_works_out_of_the_box(station: Station) -> None:
    result = station("--demo", "prefetch")
    assert result.code == 0, str(result)
    assert "0 failed" in result.out and " 0 kept" not in result.out


def test_prefetch_of_new_orders_hints_at_acknowledge(
    station: Station, own_simulator: SimulatorServer
) -> None:
    _point_at(station, own_simulator)
    result = station("prefetch")
    assert result.code == 1, str(result)
    assert "--acknowledge" in result.err and "NEW" in result.err


def test_prefetch_no_request_is_not_a_failure(
    station: Station, own_simulator: SimulatorServer
) -> None:
    _point_at(station, own_simulator)
    result = station("prefetch", "--acknowledge", "--no-request")
    assert result.code == 0, str(result)
    assert "without a label yet" in result.out and "0 failed" in result.out


def test_prefetch_without_a_data_key_keeps_nothing_and_says_so(
    station: Station, own_simulator: SimulatorServer
) -> None:
    _point_at(station, own_simulator, data_key=False)
    result = station("prefetch", "--acknowledge")
    assert result.code == 1, str(result)
    assert "Nothing prepared" in result.err and "STATION_DATA_KEY" in result.err
    assert own_simulator.state.orders  # and no order was acknowledged for nothing
    assert all(
        o.status == "NEW" for o in own_simulator.state.orders.values() if o.kind != "cancelled"
    )


# -- vendor-own carrier, status updates ---------------------------------------------------------


def test_vendor_own_carrier_warehouse_missing_from_the_settings(
    station: Station, own_simulator: SimulatorServer
) -> None:
    _point_at(station, own_simulator)
    with _settings_of(station) as settings:
        settings["warehouses"] = []
    po = fresh_po(own_simulator, "voc")
    result = station("ship", po, "--box", BOX, "--acknowledge", "--wait", "30")
    assert result.code == 1, str(result)
    note = result.err.index("warehouse DFWV is not in this station's settings")
    assert note < result.err.index("MISSING_SCAC_CODE"), str(result)
    assert "scac_code" in result.err[result.err.index("MISSING_SCAC_CODE") :]
    # A status update for a PO whose confirmation Amazon rejected says so (not "queued").
    update = station("status-update", po, "--tracking", "ODFL1", "--event", "delivered")
    assert update.code == 1, str(update)
    assert "rejected the shipment confirmation" in update.err
    assert "queued" not in update.err


def test_a_carrier_csv_error_names_its_line(station: Station, tmp_path: Path) -> None:
    carrier = tmp_path / "carrier.csv"
    carrier.write_text(
        "po,tracking,event,at\n"
        '2ABC1234,T1,delivered,"2026-11-23T08:00:00Z"\n'
        '2ABC1235,"T\n2",delivered,2026-11-23T08:00:00Z\n'
        '2ABC1236,"T3"x,delivered,2026-11-23T08:00:00Z\n',
        encoding="utf-8",
    )
    result = station("status-update", "--csv", str(carrier))
    assert result.code == 1, str(result)
    assert "line 5" in result.err, str(result)


# -- history ------------------------------------------------------------------------------------


def test_history_of_a_failed_attempt_does_not_say_accepted(
    configured: Station, simulator: SimulatorServer, tmp_path: Path
) -> None:
    po = fresh_po(simulator, "cancelled")
    assert configured("ship", po, "--box", BOX).code == 1
    result = configured("history", "--po", po)
    assert result.code == 0, str(result)
    assert "accepted" not in result.out and "scanned (command line)" in result.out
    assert "error: PO" in result.out and "CANCELLED" in result.out
    target = tmp_path / "day.csv"
    day = configured("history", "--today", "--csv", str(target))
    assert day.code == 0 and target.exists(), str(day)


# -- render -------------------------------------------------------------------------------------


def test_render_counts_labels_from_1(station: Station, tmp_path: Path) -> None:
    label = tmp_path / "two.zpl"
    label.write_text("^XA^FO10,10^A0N,30,30^FDone^FS^XZ^XA^FO10,10^A0N,30,30^FDtwo^FS^XZ")
    second = station("render", str(label), "--label", "2", "-o", str(tmp_path / "2.png"))
    assert second.code == 0 and (tmp_path / "2.png").exists(), str(second)
    third = station("render", str(label), "--label", "3")
    assert third.code == 1, str(third)
    assert "holds 2 label(s); there is no label 3" in third.err
    assert "Choose --label 1 … 2." in third.err


def test_render_of_a_png_says_it_is_a_png(station: Station, tmp_path: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    result = station("render", str(png))
    assert result.code == 1, str(result)
    assert "is a PNG image, not ZPL" in result.err and "cut short" not in result.err


# -- the packing screen and the self-test -------------------------------------------------------


def test_the_packing_screen_quits_cleanly_on_ctrl_c(station: Station) -> None:
    result = station.interrupted("--demo", after="Demo mode:", stream="stdout")
    assert result.code == 130, str(result)
    assert "KeyboardInterrupt" not in result.err
    assert list((station.tmp / "tmp").glob("packing-station-demo-*")) == []


def test_the_packing_screen_quits_cleanly_on_sigterm(station: Station) -> None:
    result = station.interrupted("--demo", after="Demo mode:", stream="stdout", sig=signal.SIGTERM)
    assert result.code == 130, str(result)
    assert list((station.tmp / "tmp").glob("packing-station-demo-*")) == []


@pytest.mark.skipif(
    sys.platform == "win32", reason="Windows always has a display for the signed-in user"
)
def test_self_test_checks_the_platform_the_packer_uses(station: Station) -> None:
    del station.env["QT_QPA_PLATFORM"]
    station.env.pop("DISPLAY", None)
    station.env.pop("WAYLAND_DISPLAY", None)
    result = station("--self-test", timeout=240)
    assert result.code == 1, str(result)
    assert "[FAIL] packer's screen: no window can open" in result.out, str(result)
    station.env["QT_QPA_PLATFORM"] = "offscreen"
    offscreen = station("--check-display")
    assert offscreen.code == 0 and offscreen.out.strip() == "offscreen", str(offscreen)


def test_reprint_is_for_shipped_pos_only(configured: Station, simulator: SimulatorServer) -> None:
    po = fresh_po(simulator)
    not_yet = configured("ship", po, "--reprint")
    assert not_yet.code == 2 and "not shipped yet" in not_yet.err, str(not_yet)
    both = configured("ship", po, "--reprint", "--box", BOX)
    assert both.code == 2 and "takes no --box" in both.err, str(both)
    labels = configured.tmp / "printers" / "labels"
    assert configured("ship", po, "--box", BOX, "--acknowledge").code == 0
    printed = len(list(labels.iterdir()))
    again = configured("ship", po, "--reprint")
    assert again.code == 0, str(again)
    assert len(list(labels.iterdir())) > printed, str(again)


_SCREEN_WORDS = ("press ", "Press ", "scan again", "Scan again", "Scan it", "Scan the", "button")


def test_errors_speak_of_commands_not_of_the_packing_screen(
    configured: Station, simulator: SimulatorServer, tmp_path: Path
) -> None:
    label = tmp_path / "x.zpl"
    label.write_text("^XA^FO10,10^A0N,30,30^FDx^FS^XZ", encoding="ascii")
    failing = [
        ("print", str(label), "--printer", "cups://NoSuchQueue"),
        ("ship", fresh_po(simulator, "cancelled"), "--box", BOX),
        ("ship", "x!", "--box", BOX),
        ("order", "@@@"),
    ]
    for argv in failing:
        result = configured(*argv)
        assert result.code in (1, 2), str(result)
        assert "what to do:" in result.err or "error:" in result.err, str(result)
        assert not [w for w in _SCREEN_WORDS if w in result.err], str(result)


def test_a_vendor_own_carrier_po_ships_and_its_status_updates_go_out(
    configured: Station, simulator: SimulatorServer, tmp_path: Path
) -> None:
    po = fresh_po(simulator, "voc")
    shipped = configured("ship", po, "--box", BOX, "--acknowledge")
    assert shipped.code == 0, str(shipped)
    assert "not in this station's settings" not in shipped.err  # DFWV is configured
    tracking = next(
        line.split("tracking ")[1].split(",")[0]
        for line in configured("order", po).out.splitlines()
        if "tracking" in line and "package" in line
    )
    one = configured(
        "status-update",
        po,
        "--tracking",
        tracking,
        "--event",
        "departed",
        "--city",
        "Dallas",
        "--postal-code",
        "75247",
        "--country",
        "US",
    )
    assert one.code == 0, str(one)
    assert "1 accepted, 0 queued, 0 failed, 0 refused" in one.out
    carrier = tmp_path / "carrier.csv"
    carrier.write_text(
        "po,tracking,event,at,city,postal_code,country\n"
        f"{po},{tracking},in_transit,2026-11-23T08:00:00Z,Dallas,75247,US\n",
        encoding="utf-8",
    )
    many = configured("status-update", "--csv", str(carrier))
    assert many.code == 0, str(many)


def test_print_writes_the_file_to_the_printer(station: Station, tmp_path: Path) -> None:
    label = tmp_path / "x.zpl"
    label.write_text("^XA^FO10,10^A0N,30,30^FDx^FS^XZ", encoding="ascii")
    target = tmp_path / "out"
    result = station("print", str(label), "--printer", target.as_uri(), "--copies", "2")
    assert result.code == 0, str(result)
    assert any(target.iterdir())
