from __future__ import annotations

import subprocess
import sys

import pytest

from station import __version__
from station.cli import main


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--demo" in out
    for command in ("simulator", "print", "printers", "render"):
        assert command in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_console_script_help_runs_in_a_fresh_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "station", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: station" in result.stdout


def test_the_package_version_is_the_app_version() -> None:
    """One place for the version: pyproject reads it from station.__version__."""
    from importlib.metadata import version

    assert version("packing-station") == __version__
