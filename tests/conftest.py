"""Per-test isolation: every path, the environment and the keyring are the test's own."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Qt must never try to open a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":
    # Qt's offscreen platform on Windows reads fonts from a folder (QT_QPA_FONTDIR, else one
    # PySide6 does not ship) and warns without one, which fails the GUI test that meets it
    # first: the station's own fonts serve.
    os.environ.setdefault(
        "QT_QPA_FONTDIR", str(Path(__file__).parents[1] / "station" / "resources" / "fonts")
    )

# In CI, property tests draw the same examples every run: a red CI run must be reproducible and
# must not depend on luck. Locally they explore (and remember failures in .hypothesis/).
# Nor on how busy the machine is: CI shares two cores (and runs the suite under wine too), so
# hypothesis's timing checks (a 200 ms deadline per example, slow generation) are off there.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def isolated_station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every station directory at the test's temporary folder and clear station variables.

    The real OS keyring is never touched: the 'fail' backend makes any accidental use loud.
    """
    for name in list(os.environ):
        if name.startswith("STATION_") and name != "STATION_SPAPI_MODELS":
            monkeypatch.delenv(name)
    home = tmp_path / "station-home"
    monkeypatch.setenv("STATION_HOME", str(home))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    # Nor the machine's sound server: libpulse, and the station's probe, look only here.
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound-server'}")
    yield home


@pytest.fixture
def samples_dir() -> Path:
    from tests.helpers.contract import REPO_ROOT

    path = REPO_ROOT.parent / "shared" / "samples"
    if not path.is_dir():
        pytest.skip("../shared/samples not found beside the checkout")
    return path
