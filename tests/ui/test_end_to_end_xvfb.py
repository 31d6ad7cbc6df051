"""The real program in a real X window, typed at like a packer with a keyboard-wedge scanner.

`station --demo` runs under Xvfb; xdotool types into its focused carton field: two digits at a
person's pace, a BackSpace, then a PO at 8 ms a key ended by Enter (a wedge scanner's speed). The
PO must be loaded (the window's title names it) and the field must hold only what the person
typed (read back through the clipboard with Ctrl+A, Ctrl+C).

Needs Xvfb and xdotool (`.ci/xvfb` installs them); skips, saying so, where they are missing.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="needs Xvfb and xdotool (bash .ci/xvfb installs them)",
    ),
]

DEADLINE = 90.0


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on a free display number (Xvfb picks it and tells us)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def _station_command() -> list[str]:
    script = Path(sys.executable).with_name("station")
    return [str(script)] if script.exists() else [sys.executable, "-m", "station"]


class Program:
    """The running `station --demo`, its standard output read line by line on a thread."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [*_station_command(), "--demo"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_line(self, prefix: str) -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"station exited: {self.seen[-20:]}"
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no {prefix!r} from station: {self.seen[-20:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(15)
        self._reader.join(15)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    return done.stdout.strip()


def _wait_window(env: dict[str, str], name: str) -> str:
    """The newest visible window whose title has ``name`` (the start-up window, which the
    packer's screen replaces, is older)."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        found = _xdotool(env, "search", "--onlyvisible", "--name", name)
        if found:
            return max(found.splitlines(), key=int)
        threading.Event().wait(0.3)
    raise AssertionError(f"no window named {name!r}")


def _focus(env: dict[str, str], window: str) -> None:
    """Give ``window`` the keyboard and wait until the X server says it has it (keys typed
    before that go to whatever had the focus)."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        _xdotool(env, "windowfocus", "--sync", window)
        if _xdotool(env, "getwindowfocus") == window:
            return
        threading.Event().wait(0.3)
    raise AssertionError(f"window {window} never got the keyboard focus")


def _clipboard(env: dict[str, str], expected: str) -> str:
    """What the station put on the clipboard, read by a separate Qt client on the display (as
    soon as it is ``expected``, or whatever it is after a few tries)."""
    text = ""
    for _ in range(10):
        text = _read_clipboard(env)
        if text == expected:
            break
        threading.Event().wait(0.5)
    return text


def _read_clipboard(env: dict[str, str]) -> str:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "sys.stdout.write(app.clipboard().text())\n"
    )
    reader = {**env, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=reader, capture_output=True, text=True, timeout=60
    )
    return done.stdout


def test_a_scan_after_backspace_in_a_carton_field_loads_the_po(
    display: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "STATION_HOME": str(tmp_path / "home"),
        "STATION_SOUND": "off",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("WAYLAND_DISPLAY", None)
    program = Program(env)
    try:
        pos = program.wait_line("Demo POs to scan:")
        po = pos.split(":", 1)[1].split("(")[0].strip()
        assert po.isalnum(), pos
        window = _wait_window(env, "Packing Station")
        _focus(env, window)
        _xdotool(env, "key", "--delay", "300", "Tab")  # into the first carton field (Length)
        _xdotool(env, "type", "--delay", "250", "12")  # a person typing
        _xdotool(env, "key", "--delay", "300", "BackSpace", "ctrl+a", "ctrl+c", "End")
        assert _clipboard(env, "1") == "1", "the cursor is not in a carton field"
        _xdotool(env, "type", "--delay", "8", f"{po}\n")  # the scanner
        _wait_window(env, f"PO {po}")  # the station loaded the order
        # A new order starts with empty carton fields: what is in the field now is only what
        # is typed next, unless the scan went into it.
        _xdotool(env, "type", "--delay", "250", "7")
        _xdotool(env, "key", "--delay", "300", "ctrl+a", "ctrl+c")
        typed = _clipboard(env, "7")
        assert po not in typed, f"the scan was typed into the field: {typed!r}"
        assert typed == "7", f"the field holds {typed!r}, not what the person typed"
    finally:
        program.stop()
