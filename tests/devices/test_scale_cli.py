"""``station scale`` (the real program) reads a serial scale on a pty and prints its weight."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.contract import REPO_ROOT
from tests.helpers.scales import SerialScaleEmulator

pytest.importorskip("serial", reason="pyserial is not installed (pip install -e '.[test]')")


@pytest.fixture
def emulator() -> Iterator[SerialScaleEmulator]:
    scale = SerialScaleEmulator("nci")
    yield scale
    scale.close()


def _station(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env.update(STATION_HOME=str(home), PYTHONPATH=str(REPO_ROOT))
    return subprocess.run(
        [sys.executable, "-m", "station", "scale", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_stable_weight_is_printed(emulator: SerialScaleEmulator, tmp_path: Path) -> None:
    run = _station(tmp_path, "--kind", "serial", "--device", emulator.port)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("1.25 lb (stable")


@pytest.mark.parametrize(
    ("state", "said"), [("in motion", "in motion"), ("over capacity", "over capacity")]
)
def test_a_weight_that_is_not_stable_is_shown_and_fails(
    emulator: SerialScaleEmulator, tmp_path: Path, state: str, said: str
) -> None:
    emulator.state = state
    run = _station(tmp_path, "--kind", "serial", "--device", emulator.port, "--wait", "0.5")
    assert run.returncode == 1
    assert f"scale: {said}" in run.stderr


def test_a_switched_off_scale_says_so(emulator: SerialScaleEmulator, tmp_path: Path) -> None:
    emulator.silent = True
    run = _station(tmp_path, "--kind", "serial", "--device", emulator.port, "--wait", "0")
    assert run.returncode == 1 and "asleep" in run.stderr and "Traceback" not in run.stderr


def test_no_scale_set_up_is_a_clear_message(tmp_path: Path) -> None:
    run = _station(tmp_path)
    assert run.returncode == 1 and "No scale is set up" in run.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--wait", "1e9"), "--wait"),  # accepted before: the command then read for 31 years
        (("--wait", "-3"), "--wait"),
        (("--wait", "nan"), "--wait"),
        (("--baud", "0"), "--baud"),
        (("--baud", "99999999"), "--baud"),
    ],
)
def test_a_value_outside_its_range_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    """README: exit 2 for a value outside its range, named in the message; nothing was done."""
    run = _station(tmp_path, "--kind", "serial", "--device", "/dev/null", *args)
    assert run.returncode == 2, run.stderr
    assert f"argument {named}" in run.stderr and "Traceback" not in run.stderr
    assert "/dev/null" not in run.stderr  # refused before any device was opened


def test_a_failed_reading_says_what_to_do(emulator: SerialScaleEmulator, tmp_path: Path) -> None:
    """README: exit 1 is one message on standard error saying why, then `what to do:`."""
    emulator.silent = True
    run = _station(tmp_path, "--kind", "serial", "--device", emulator.port, "--wait", "0")
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert lines[0].startswith("station: scale: asleep")
    assert len(lines) == 2 and lines[1].startswith("  what to do: "), run.stderr
