"""Check the frozen Windows app before it goes into the installer: its self-test, and that the
self-test notices each piece that a release could lose without noticing.

    python packaging/frozen_check.py packaging/dist/PackingStation

Runs on Windows (the release workflow on windows-2022) and under wine (packaging/wine/check runs
it with the Windows Python there). Each check prints PASS or FAIL; the exit code is 1 when any
failed.

Checked: `station.exe --self-test` through a pipe exits 0, says it passed, arrives as whole UTF-8
and runs each Windows part (the real platform plugin, the Windows style, win32print, the
keyring) and each library imported only when configured (psycopg, hidapi, pyserial). Then, in a
copy of the app, each of those pieces is taken out of its folder in turn: the self-test must
fail, name the part, and not hang on a message box nobody can click.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# What the self-test must check on Windows, as it names the checks (station/selftest.py).
WINDOWS_PARTS = ("qt platform", "qt style", "win32print", "keyring")
# Libraries warehouse mode and the scales import only when they are configured: a release
# without one starts, and fails at the first site or scale.
LIBRARIES = ("psycopg", "hidapi", "pyserial")

failures: list[str] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    print(f"{'PASS' if ok else 'FAIL'}  {name}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        failures.append(name)
    return ok


def run_self_test(folder: Path, cwd: Path) -> tuple[int, str]:
    """`station.exe --self-test` with stdin, stdout and stderr pipes, as scripts read it.

    Its output is read until it has exited, not until the pipe closes: a process it started
    may keep the pipe open after it (under wine, the desktop process the first window starts)."""
    process = subprocess.Popen(
        [str(folder / "station.exe"), "--self-test"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=cwd,
    )
    assert process.stdin is not None
    process.stdin.close()  # nothing to read: an empty pipe, as a script gives it
    chunks: list[bytes] = []

    def drain() -> None:
        assert process.stdout is not None
        for chunk in iter(lambda: process.stdout.read1(65536), b""):  # type: ignore[union-attr]
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=900)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait(timeout=60)
        chunks.append(b"\n(killed after 900 s)")
    reader.join(timeout=10)  # what it wrote before exiting is in the pipe already
    return code, b"".join(chunks).decode("utf-8", "replace")


def self_test(folder: Path, label: str, cwd: Path) -> None:
    code, out = run_self_test(folder, cwd)
    print("      " + "\n      ".join(out.strip().splitlines()), flush=True)
    check(f"{label}: self-test exit code 0", code == 0, f"exit {code}")
    check(f"{label}: self-test says it passed", "self-test passed" in out)
    # UTF-8 mode is built into the exe (packaging/station.spec): "→" survives a pipe.
    check(f"{label}: self-test output is UTF-8", "PNG→^GF" in out and "UnicodeEncode" not in out)
    for part in (*WINDOWS_PARTS, *LIBRARIES):
        check(f"{label}: self-test checks {part}", f"[  ok] {part}:" in out)


def pieces(internal: Path) -> list[tuple[str, Path]]:
    """(the self-test check that must fail, the file or folder taken away)."""
    plugins = internal / "PySide6" / "plugins"

    def first(pattern: str) -> Path:
        return next(internal.glob(pattern), internal / pattern)

    return [
        ("qt platform", plugins / "platforms" / "qwindows.dll"),
        ("qt platform", plugins / "platforms" / "qoffscreen.dll"),
        ("qt style", plugins / "styles" / "qmodernwindowsstyle.dll"),
        ("win32print", next(internal.rglob("win32print.pyd"), internal / "win32print.pyd")),
        # without psycopg-binary's libpq psycopg looks for one of the system: Windows has none
        ("psycopg", first("psycopg_binary*/libpq*.dll")),
        ("hidapi", first("hid.*.pyd")),
        ("pyserial", internal / "serial"),
    ]


def self_test_notices_missing_pieces(folder: Path, scratch: Path) -> None:
    broken = scratch / "broken"
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(folder, broken, symlinks=True)
    for part, path in pieces(broken / "_internal"):
        if not path.exists():
            check(f"self-test without {path.name}", False, f"{path} is not in the frozen app")
            continue
        # Out of the app, as if it had never been installed (a DLL in station.exe's own folder
        # would still be found: Windows looks for DLLs there first).
        aside = scratch / "taken-away" / path.name
        aside.parent.mkdir(exist_ok=True)
        path.rename(aside)
        try:
            code, out = run_self_test(broken, scratch)
        finally:
            aside.rename(path)
        named = f"[FAIL] {part}:" in out
        # "did not start": the probe waited for a message box nobody can click (no console).
        hung = "did not start" in out
        check(
            f"self-test without {path.name} fails and says so",
            code != 0 and named and not hung,
            f"exit {code}; " + (out.strip().splitlines() or ["no output"])[-1][:160],
        )
    shutil.rmtree(broken, ignore_errors=True)


def on_windows(script: str) -> bool:
    """Whether this runs on Windows (else says where it runs); the output is then UTF-8, as the
    self-test's is (a console or pipe in the ANSI code page could not show it)."""
    if sys.platform != "win32":
        print(f"{script} runs on Windows (or under wine: packaging/wine/check)")
        return False
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="backslashreplace")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the frozen app's folder (with station.exe)")
    args = parser.parse_args()
    if not on_windows("frozen_check.py"):
        return 2
    folder: Path = args.app.resolve()
    with tempfile.TemporaryDirectory(prefix="frozen-check-") as tmp:
        # The self-test must not see the source tree: it runs from an empty folder.
        self_test(folder, "frozen app", Path(tmp))
        self_test_notices_missing_pieces(folder, Path(tmp))
    return verdict("frozen app check")


def verdict(name: str) -> int:
    """Says whether every check passed; the exit code (1: some failed)."""
    if failures:
        print(f"{name} FAILED: {len(failures)} failure(s)", flush=True)
        return 1
    print(f"{name} passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
