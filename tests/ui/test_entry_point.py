"""`station --demo` as a packer starts it: a real process, offscreen, until it is ready."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def test_station_demo_starts_with_no_setup(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STATION_HOME": str(tmp_path / "home"),
        "STATION_EXIT_WHEN_READY": "1",
        "STATION_SOUND": "off",
    }
    result = subprocess.run(
        [sys.executable, "-m", "station", "--demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # First the window that takes scans, then the whole station behind it.
    lines = result.stdout.splitlines()
    ready = next(i for i, line in enumerate(lines) if line.startswith("STATION_READY"))
    started = next(i for i, line in enumerate(lines) if line.startswith("STATION_STARTED"))
    assert ready < started
    # The run kept a log for IT, in the station's log folder (the demo's own files are gone).
    log = tmp_path / "home" / "logs" / "station.log"
    assert "journal schema migrated" in log.read_text(encoding="utf-8")
    assert "printed labels and slips are written to" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.db"))
