"""Install, upgrade and uninstall the Windows installer silently and check each result.

    python packaging/installer_check.py packaging/dist/PackingStation-X.Y.Z-setup.exe

Runs on Windows, as an administrator (the release workflow on windows-2022), and under wine
(packaging/wine/check runs it with the Windows Python there). It changes the machine: it installs
to Program Files and to C:\\Apps\\PS and removes both again. Each check prints PASS or FAIL; the
exit code is 1 when any failed.

Checked: exit codes; the program files; the uninstall key in the 64-bit registry view; Start menu
and desktop shortcuts for all users (none in the installing user's profile); the installed
`station.exe --self-test` (as packaging/frozen_check.py checks the frozen one); a silent install
while the app runs stops and replaces nothing; an upgrade replaces the earlier program files in
the folder the earlier version is in, also when that is not the default; the uninstaller leaves
nothing but the user's data.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import time
import winreg
from pathlib import Path

import frozen_check  # beside this file: the self-test checks the frozen app had to pass
from frozen_check import check

APP = "PackingStation"
UNINSTALL_KEY = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP}"
MENU_FOLDER = "Packing Station"
RUNNING_MUTEX = "PackingStation-Running"  # packaging/entry.py, packaging/installer.nsi
ABORTED = 3  # installer.nsi: SetErrorLevel 3 when it stops because the app runs


def uninstall_key() -> dict[str, object] | None:
    """The uninstall entry in the 64-bit registry view (what Add/Remove Programs shows)."""
    access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, UNINSTALL_KEY, 0, access) as key:
            values = {}
            index = 0
            while True:
                try:
                    name, value, _ = winreg.EnumValue(key, index)
                except OSError:
                    return values
                values[name] = value
                index += 1
    except FileNotFoundError:
        return None


def known(name: str, fallback: str) -> Path:
    return Path(os.environ.get(name, fallback))


PROGRAM_FILES = known("ProgramW6432", r"C:\Program Files")
ALL_USERS_MENU = (
    known("ProgramData", r"C:\ProgramData") / "Microsoft/Windows/Start Menu/Programs" / MENU_FOLDER
)
USER_MENU = known("APPDATA", "") / "Microsoft/Windows/Start Menu/Programs" / MENU_FOLDER
PUBLIC_DESKTOP = known("PUBLIC", r"C:\Users\Public") / "Desktop" / "Packing Station.lnk"
USER_DATA = known("LOCALAPPDATA", "") / APP / "kept-by-the-release-check.txt"


def run_setup(setup: Path, *args: str) -> int:
    # An NSIS installer runs in the process started here: its exit code is the result.
    result = subprocess.run([str(setup), "/S", *args], timeout=900, check=False)
    return result.returncode


def self_test(folder: Path, label: str) -> None:
    """The installed app's self-test, checked as the frozen one is (packaging/frozen_check.py)."""
    frozen_check.self_test(folder, label, folder.parent)


def check_installed(folder: Path, label: str, version: str) -> None:
    for name in ("PackingStation.exe", "station.exe", "uninstall.exe", "_internal"):
        check(f"{label}: {name} in {folder}", (folder / name).exists())
    key = uninstall_key()
    check(f"{label}: uninstall key in the 64-bit registry view", key is not None)
    if key is not None:
        location = str(key.get("InstallLocation", "")).rstrip("\\")
        check(
            f"{label}: uninstall key names the folder and the version",
            location.lower() == str(folder).lower() and key.get("DisplayVersion") == version,
            f"{location} {key.get('DisplayVersion')}",
        )
        check(
            f"{label}: uninstall key has the uninstall commands",
            "uninstall.exe" in str(key.get("UninstallString", ""))
            and "/S" in str(key.get("QuietUninstallString", "")),
        )
    shortcuts = sorted(p.name for p in ALL_USERS_MENU.glob("*.lnk"))
    check(f"{label}: Start menu shortcuts for all users", len(shortcuts) == 2, ", ".join(shortcuts))
    check(f"{label}: none in the installing user's own Start menu", not USER_MENU.exists())


def wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(1)
    return False


def app_running() -> bool:
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.OpenMutexW.restype = ctypes.c_void_p
    handle = kernel32.OpenMutexW(0x00100000, False, RUNNING_MUTEX)  # SYNCHRONIZE
    if handle:
        kernel32.CloseHandle(ctypes.c_void_p(handle))
    return bool(handle)


def uninstall(folder: Path, label: str) -> None:
    # The uninstaller copies itself to %TEMP%, starts the copy and returns at once (it could not
    # delete itself otherwise): wait for the copy to finish its work.
    result = subprocess.run([str(folder / "uninstall.exe"), "/S"], timeout=300, check=False)
    check(f"{label}: uninstaller exit code 0", result.returncode == 0, f"exit {result.returncode}")
    gone = wait_for(lambda: not folder.exists() and uninstall_key() is None, timeout=300)
    left = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []
    check(f"{label}: {folder} removed", gone and not folder.exists(), ", ".join(left[:8]))
    check(f"{label}: uninstall key removed", uninstall_key() is None)
    check(f"{label}: Start menu folder removed", not ALL_USERS_MENU.exists())
    check(f"{label}: desktop shortcut removed", not PUBLIC_DESKTOP.exists())
    check(f"{label}: the user's data is kept", USER_DATA.is_file())


def upgrade(setup: Path, folder: Path, label: str, version: str) -> None:
    stale = folder / "_internal" / "left-by-an-earlier-version.dll"
    stale.write_bytes(b"old")
    code = run_setup(setup)
    check(f"{label}: silent upgrade exit code 0", code == 0, f"exit {code}")
    check(f"{label}: the earlier program files are replaced", not stale.exists())
    check_installed(folder, label, version)


def running_app_stops_the_install(setup: Path, folder: Path) -> None:
    exe = folder / "station.exe"
    before = exe.stat().st_mtime_ns
    app = subprocess.Popen([str(folder / "PackingStation.exe"), "--demo"])
    try:
        started = wait_for(app_running, timeout=300)
        check("the installed PackingStation.exe --demo starts", started)
        code = run_setup(setup)
        check("a silent install while the app runs stops", code == ABORTED, f"exit {code}")
        check("... and replaces nothing", exe.stat().st_mtime_ns == before)
    finally:
        app.kill()
        app.wait(60)
        wait_for(lambda: not app_running(), timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setup", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--skip-running-app", action="store_true")
    args = parser.parse_args()
    if not frozen_check.on_windows("installer_check.py"):
        return 2
    setup: Path = args.setup.resolve()
    default = PROGRAM_FILES / APP
    other = Path(r"C:\Apps\PS")  # no spaces: wine splits /D= at them

    # A station that ran before the install has its data in the user's profile.
    USER_DATA.parent.mkdir(parents=True, exist_ok=True)
    USER_DATA.write_text("the user's data: kept by upgrades and the uninstaller\n")

    code = run_setup(setup, "/DESKTOP=1")
    check("silent install exit code 0", code == 0, f"exit {code}")
    check_installed(default, "silent install", args.version)
    check("silent install /DESKTOP=1: desktop shortcut for all users", PUBLIC_DESKTOP.is_file())
    self_test(default, "installed")
    if not args.skip_running_app:
        running_app_stops_the_install(setup, default)
    upgrade(setup, default, "upgrade in place", args.version)
    uninstall(default, "uninstall")

    code = run_setup(setup, f"/D={other}")
    check(rf"silent install /D={other} exit code 0", code == 0, f"exit {code}")
    check_installed(other, rf"install to {other}", args.version)
    upgrade(setup, other, rf"upgrade of {other}", args.version)
    check(rf"upgrade of {other}: no second copy in Program Files", not default.exists())
    uninstall(other, rf"uninstall of {other}")
    return frozen_check.verdict("installer check")


if __name__ == "__main__":
    raise SystemExit(main())
