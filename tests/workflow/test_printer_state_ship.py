"""``station ship`` (the real program, as a subprocess) asks the label printer before the label:
a Zebra emulator reporting paper out gets no label, and nothing is confirmed."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.cli import EXIT_FAILED, EXIT_OK
from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import demo_settings
from station.simulator.server import SimulatorServer
from tests.helpers.contract import REPO_ROOT
from tests.helpers.zebra import State, ZebraEmulator
from tests.workflow.conftest import po_of_kind, record

BOX = "12x8x4in:1.5lb"


@pytest.fixture
def env(isolated_station: Path, simulator: SimulatorServer) -> dict[str, str]:
    settings = demo_settings(Settings(station_id="bench-1"), isolated_station / "printers")
    save_settings(settings, StationPaths.under(isolated_station).config_file)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    environ.update(
        STATION_HOME=str(isolated_station),
        STATION_SPAPI_URL=simulator.base_url,
        STATION_LWA_URL=simulator.lwa_url,
        STATION_DATA_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        STATION_OUTBOX_RETRY_SECONDS="0.05",
        STATION_OUTBOX_SETTLE_SECONDS="0.3",
        PYTHONPATH=str(REPO_ROOT),
    )
    return environ


@pytest.fixture
def zebra() -> Iterator[ZebraEmulator]:
    emulator = ZebraEmulator("paper out")
    yield emulator
    emulator.close()


def _ship(env: dict[str, str], po: str, printer: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "station", "ship", po, "--box", BOX, "--acknowledge"]
    command += ["--wait", "20", "--label-printer", printer]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("state", "reason"),
    [("paper out", "paper out"), ("head open", "head open"), ("paused", "paused")],
)
def test_a_zebra_that_cannot_print_stops_ship_before_the_confirmation(
    env: dict[str, str],
    simulator: SimulatorServer,
    zebra: ZebraEmulator,
    state: State,
    reason: str,
) -> None:
    zebra.state = state
    po = po_of_kind(simulator, "plain")
    run = _ship(env, po, zebra.uri)
    assert run.returncode == EXIT_FAILED, run.stdout + run.stderr
    assert f"label printer: {reason}" in run.stderr
    assert zebra.labels == []  # asked, never sent a label
    assert zebra.connections and all(c.queries for c in zebra.connections)
    assert record(simulator, po)["confirmations"] == []


def test_a_ready_zebra_gets_the_label_and_the_shipment_is_confirmed(
    env: dict[str, str], simulator: SimulatorServer, zebra: ZebraEmulator
) -> None:
    zebra.state = "ready"
    po = po_of_kind(simulator, "plain")
    run = _ship(env, po, zebra.uri)
    assert run.returncode == EXIT_OK, run.stdout + run.stderr
    assert len(zebra.labels) == 1 and zebra.labels[0].lstrip().startswith(b"^XA")
    assert len(record(simulator, po)["confirmations"]) == 1


def test_a_printer_that_cannot_tell_its_state_is_said_once(
    env: dict[str, str], simulator: SimulatorServer, zebra: ZebraEmulator
) -> None:
    zebra.state = "ready"
    zebra.firmware = "silent"
    po = po_of_kind(simulator, "plain")
    run = _ship(env, po, zebra.uri)
    assert run.returncode == EXIT_OK, run.stdout + run.stderr
    assert run.stdout.count("label printer: state unknown") == 1


def test_a_300_dpi_label_printer_is_announced_before_the_first_label(
    env: dict[str, str], simulator: SimulatorServer, isolated_station: Path
) -> None:
    config = StationPaths.under(isolated_station).config_file
    settings = Settings.model_validate_json(config.read_text())
    label = settings.printers.label.model_copy(update={"dpi": 300})
    save_settings(
        settings.model_copy(
            update={"printers": settings.printers.model_copy(update={"label": label})}
        ),
        config,
    )
    zebra = ZebraEmulator("ready", dpi=300)
    try:
        run = _ship(env, po_of_kind(simulator, "plain"), zebra.uri)
        assert run.returncode == EXIT_OK, run.stdout + run.stderr
        assert "WARNING" in run.stderr and "67 %" in run.stderr and "ZPL" in run.stderr
        (label_sent,) = zebra.labels
        assert b"^PW1218" in label_sent  # a ZPL label rewritten, or a PNG on 300-dpi media
    finally:
        zebra.close()
