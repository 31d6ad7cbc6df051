"""Build the release: the frozen app (PyInstaller, onedir), its self-test, its size, the installer.

    python packaging/build.py                 # everything that this machine can do
    python packaging/build.py --skip-installer
    python packaging/build.py --installer-only [--makensis PATH] [--sign-command CMD]

Runs the same on Linux and Windows. On Linux the installer is compiled with Debian's makensis
(package `nsis`) against the Linux payload: that proves the script, not the Windows program; the
Windows workflow (.github/workflows/windows-release.yml) builds the real one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = HERE / "dist"
WORK = HERE / "build"
APP_DIR = DIST / "PackingStation"
WINDOWS = sys.platform == "win32"


def set_folders(dist: Path, work: Path) -> None:
    """Where the build goes (packaging/wine/check puts the Windows release beside the Linux one)."""
    global DIST, WORK, APP_DIR
    DIST, WORK = dist.resolve(), work.resolve()
    APP_DIR = DIST / "PackingStation"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from station import __version__

    return __version__


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build_frozen() -> None:
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(HERE / "station.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"frozen app built in {time.monotonic() - started:.0f} s: {APP_DIR}")


def self_test() -> None:
    exe = APP_DIR / ("station.exe" if WINDOWS else "station")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The self-test must not see the source tree: run it from an empty folder.
    scratch = WORK / "selftest-cwd"
    scratch.mkdir(parents=True, exist_ok=True)
    env["STATION_HOME"] = str(scratch / "home")
    result = subprocess.run([str(exe), "--self-test"], cwd=scratch, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"self-test of the frozen app failed (exit {result.returncode})")
    print("self-test of the frozen app passed")


def report_size() -> None:
    size = folder_size(APP_DIR)
    print(f"frozen app size: {size / 2**20:.1f} MiB in {sum(1 for _ in APP_DIR.rglob('*'))} files")


def build_installer(makensis: str, sign_command: str | None = None) -> Path:
    ver = version()
    out = DIST / f"PackingStation-{ver}-setup.exe"
    # SIGN_COMMAND signs setup.exe and the uninstaller inside it (%1 is the file to sign).
    signing = [f"-DSIGN_COMMAND={sign_command}"] if sign_command else []
    result = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={ver}",
            f"-DPAYLOAD={APP_DIR}",
            f"-DOUTFILE={out}",
            *signing,
            str(HERE / "installer.nsi"),
        ],
        check=False,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit("makensis failed (warnings count as errors: -WX)")
    print(f"installer: {out} ({out.stat().st_size / 2**20:.1f} MiB)")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-installer", action="store_true")
    parser.add_argument("--installer-only", action="store_true")
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument("--makensis", default=shutil.which("makensis") or "makensis")
    parser.add_argument("--sign-command", help='signs the file named "%%1" (signtool ...)')
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (packaging/dist)")
    parser.add_argument("--work", type=Path, default=WORK, help="build folder (packaging/build)")
    args = parser.parse_args()
    set_folders(args.dist, args.work)
    if not args.installer_only:
        build_frozen()
        if not args.no_self_test:
            self_test()
        report_size()
    if not args.skip_installer:
        if not (shutil.which(args.makensis) or Path(args.makensis).is_file()):
            print("makensis not found: installer not built (apt-get install nsis)")
            return 1
        build_installer(args.makensis, args.sign_command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
