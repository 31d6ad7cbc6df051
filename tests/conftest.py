"""Per-test isolation: every path, the environment and the keyring are the test's own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Qt must never try to open a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI, property tests draw the same examples every run: a red CI run must be reproducible and
# must not depend on luck. Locally they explore (and remember failures in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
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
