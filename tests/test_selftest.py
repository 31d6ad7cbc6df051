"""`station --self-test` checks a whole installation and says which part is broken."""

from __future__ import annotations

import os
import subprocess
import sys

from station import selftest


def test_self_test_passes_on_this_installation() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "station", "--self-test"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("imports", "qt pdf", "qt printing", "documents", "simulator round trip"):
        assert f"[  ok] {name}:" in result.stdout, result.stdout
    assert "self-test passed" in result.stdout


def test_a_failing_required_check_fails_the_self_test() -> None:
    def broken() -> str:
        raise selftest.CheckFailed("QtPdf plugin missing")

    results = selftest.run_checks([selftest.Check("qt pdf", broken)])
    assert not results[0].ok
    assert "QtPdf plugin missing" in results[0].detail


def test_a_failing_optional_check_is_a_warning() -> None:
    def broken() -> str:
        raise selftest.CheckFailed("no keyring")

    results = selftest.run_checks([selftest.Check("keyring", broken, required=False)])
    assert results[0].ok and results[0].warning
