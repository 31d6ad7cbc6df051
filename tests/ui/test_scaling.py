"""The packing screen at 125 % and 150 % display scaling on larger screens: every control in
view, at least five item rows, no text cut, in both languages.

Each case is its own program (tests/ui/scaled_probe.py), because Qt reads its scale factor once,
when it starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]
SCALED_SCREENS = [
    (1920, 1080, "1.25"),
    (2560, 1440, "1.25"),
    (2560, 1440, "1.5"),
]


@pytest.mark.parametrize("language", ["en", "pt_BR"])
def test_150_percent_on_a_1080p_screen_keeps_every_control(language: str, tmp_path: Path) -> None:
    """1920×1080 at 150 % leaves 1280×652 for the window, less than a 1366×768 bench PC: every
    control is still in view and no text is cut; the item list shows four rows (and scrolls)."""
    report = _probe(1920, 1080, "1.5", language, tmp_path)
    assert report["off_screen"] == [] and report["cut"] == [], report
    assert report["rows_in_view"] >= 4, report


@pytest.mark.parametrize("language", ["en", "pt_BR"])
@pytest.mark.parametrize(("width", "height", "scale"), SCALED_SCREENS)
def test_the_screen_fits_at_a_display_scale(
    width: int, height: int, scale: str, language: str, tmp_path: Path
) -> None:
    report = _probe(width, height, scale, language, tmp_path)
    where = f"{width}×{height} at {float(scale):.0%}, {language}: {report}"
    assert report["off_screen"] == [], where
    assert report["rows_in_view"] >= 5, where
    assert report["cut"] == [], where


def _probe(width: int, height: int, scale: str, language: str, tmp_path: Path) -> Any:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
        "STATION_HOME": str(tmp_path / "home"),
        "STATION_SOUND": "off",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_probe", str(width), str(height), language],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["device_pixel_ratio"] == pytest.approx(float(scale)), report
    assert report["state"] == "needs_boxes", report
    return report
