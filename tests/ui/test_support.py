"""The support bundle carries what IT needs and no secret or customer address."""

from __future__ import annotations

import json
import logging
import zipfile
from collections.abc import Iterator

import pytest

from station.journal import DocumentFormat, DocumentKind, OutboxKind
from station.logs import configure_logging
from station.runtime import RuntimeOptions, build_runtime
from station.ui.background import wait_for_background
from station.ui.support import build_support_bundle, bundle_log_names, export_support_bundle

CLIENT_SECRET = "amzn1.oa2-cs.v1.bundletestsecret0123456789"
REFRESH = "Atzr|IwEBbundle-test-refresh-token"
DATA_KEY = "q3Yx0m6fO1vE0-4iL0b1m8u1p2Qn9Yd3cVt7Z5r6s8k="


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(30_000)


@pytest.fixture
def demo(monkeypatch) -> Iterator:
    monkeypatch.setenv("STATION_LWA_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("STATION_LWA_REFRESH_TOKEN", REFRESH)
    monkeypatch.setenv("STATION_DATA_KEY", DATA_KEY)
    runtime = build_runtime(RuntimeOptions(demo=True))
    configure_logging(runtime.paths.log_dir)
    try:
        yield runtime
    finally:
        station_logger = logging.getLogger("station")
        for handler in list(station_logger.handlers):
            station_logger.removeHandler(handler)
            handler.close()
        runtime.close()


def _demo_shipment(runtime) -> str:
    """What a packed order leaves behind: events, documents, a queued confirmation, logs."""
    po = runtime.simulator.scannable_pos(1)[0]
    order = runtime.gateway.get_order(po)
    runtime.journal.record_scan(po)
    slip = runtime.gateway.get_packing_slip(po)
    if slip:
        runtime.documents.put(po, DocumentKind.SLIP, "", DocumentFormat.PDF, slip)
    ship_to = runtime.simulator.state.order(po).ship_to
    runtime.outbox.enqueue(
        OutboxKind.CONFIRMATION,
        po,
        # A payload with the address in it: the bundle must leave payloads out entirely.
        {"purchaseOrderNumber": po, "shipTo": {"name": ship_to.name}},
        ship_method="UPS_GR",
    )
    logger = logging.getLogger("station.test")
    logger.info("packed %s with %d line(s)", po, len(order.lines))
    logger.warning("LWA refused refresh_token=%s client_secret=%s", REFRESH, CLIENT_SECRET)
    return po


def _all_text(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}


def test_bundle_after_a_demo_shipment_has_no_secret_and_no_address(demo, qapp, tmp_path):
    # qapp: the self-test runs inside the GUI process, where a QApplication exists.
    po = _demo_shipment(demo)
    target = build_support_bundle(demo, tmp_path / "bundle.zip")
    files = _all_text(target)
    assert {
        "README.txt",
        "versions.json",
        "settings.json",
        "environment.json",
        "outbox.json",
        "journal.json",
        "selftest.txt",
        "logs/station.log",
    } <= set(files)
    assert po in files["logs/station.log"]
    versions = json.loads(files["versions.json"])
    assert {"station", "python", "qt", "pyside6", "os"} <= set(versions)
    assert json.loads(files["outbox.json"])["counts"] == {"confirmation": {"pending": 1}}
    assert "STATION_LWA_CLIENT_SECRET" in json.loads(files["environment.json"])["variables_set"]
    assert "imports" in files["selftest.txt"]

    secrets = [CLIENT_SECRET, REFRESH, DATA_KEY, "bundletestsecret", "bundle-test-refresh"]
    pii = []
    for order in demo.simulator.state.orders.values():
        pii += [order.ship_to.name, order.ship_to.address_line1]
        if order.ship_to.phone:
            pii.append(order.ship_to.phone)
    for name, text in files.items():
        for value in secrets + pii:
            assert value not in text, f"{value!r} found in {name}"


def test_bundle_carries_the_log_of_a_demo_run(demo, qapp, tmp_path):
    """A demo run logs to the station's log folder, not to the demo's throw-away folder: the
    bundle takes the log from where it is really written."""
    configure_logging(tmp_path / "station-logs")
    po = _demo_shipment(demo)
    files = _all_text(build_support_bundle(demo, tmp_path / "bundle.zip"))
    assert po in files["logs/station.log"]
    assert REFRESH not in files["logs/station.log"]


@pytest.mark.gui
def test_export_keeps_the_gui_running_and_returns_the_path(demo, qtbot, tmp_path):
    _demo_shipment(demo)
    target = tmp_path / "out" / "bundle.zip"
    assert export_support_bundle(None, demo, target) == target
    assert zipfile.is_zipfile(target)
    assert not (tmp_path / "out" / "bundle.zip.part").exists()


@pytest.mark.gui
def test_unwritable_target_reports_instead_of_crashing(demo, qtbot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert export_support_bundle(None, demo, blocker / "bundle.zip") is None


def test_logs_of_one_name_in_both_folders_of_a_demo_run_are_both_kept(demo, qapp, tmp_path):
    """The demo's throw-away folder and the station's log folder may both hold a station.log
    (under wine one is written to before logging moves): both reach the bundle, under two
    names (a zip with one name twice keeps only one when unpacked)."""
    configure_logging(tmp_path / "station-logs")
    logging.getLogger("station").warning("written to the station's log folder")
    (demo.paths.log_dir / "station.log").write_text("written to the demo's folder\n")
    files = _all_text(build_support_bundle(demo, tmp_path / "bundle.zip"))
    assert "written to the station's log folder" in files["logs/station.log"]
    others = [text for name, text in files.items() if name.startswith("logs/")]
    assert any("written to the demo's folder" in text for text in others), list(files)


def test_a_log_folder_reached_by_two_routes_is_taken_once(tmp_path):
    """The same folder by two routes (here a '..'; a symlink alike) gives each file once; a file
    of a name already taken goes under its folder's parent, or the folder's number."""
    logs = tmp_path / "here" / "logs"
    (logs / "old").mkdir(parents=True)
    (logs / "station.log").write_text("now\n", encoding="utf-8")
    (logs / "station.log.1").write_text("rotated\n", encoding="utf-8")
    (logs / "other.txt").write_text("not a log\n", encoding="utf-8")
    detour = logs / "old" / ".."
    assert detour != logs and detour.samefile(logs)
    assert bundle_log_names([logs, None, detour]) == [
        ("logs/station.log", logs / "station.log"),
        ("logs/station.log.1", logs / "station.log.1"),
    ]
    there = tmp_path / "there" / "logs"
    again = tmp_path / "again" / "there" / "logs"
    for folder in (there, again):
        folder.mkdir(parents=True)
        (folder / "station.log").write_text("earlier\n", encoding="utf-8")
    names = bundle_log_names([None, logs, there, again])
    assert [name for name, _ in names] == [
        "logs/station.log",
        "logs/station.log.1",
        "logs/there/station.log",
        "logs/4/station.log",
    ]
    assert names[-1][1] == again / "station.log"
