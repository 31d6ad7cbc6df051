"""Entry point of the packing screen: ``station`` (normal) and ``station --demo``.

The objects the GUI needs are built by ``station.runtime.build_runtime`` and wired to the window
in ``station.ui.app``; this module only translates the command line. Qt is imported when the GUI
starts, so ``station --help`` and the headless commands never pay for it.

Ctrl+C in the terminal and SIGTERM (a logout, ``kill``) close the window the way its own Quit
does — the runtime is closed, demo mode's temporary folder removed — instead of a
KeyboardInterrupt traceback in a window that keeps running.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Mapping

EXIT_INTERRUPTED = 130  # station.cli.exit_codes; this module sits below the command line


def run(args: argparse.Namespace) -> int:
    from station.ui.app import GuiOptions, run_gui

    options = GuiOptions(
        demo=bool(getattr(args, "demo", False)),
        log_files=bool(getattr(args, "log_files", False)),
        verbose=int(getattr(args, "verbose", 0) or 0),
        label_printer=getattr(args, "label_printer", None),
        slip_printer=getattr(args, "slip_printer", None),
    )
    if threading.current_thread() is not threading.main_thread():
        return run_gui(options, sys.argv[:1])  # signals only reach the main thread
    stop = _QuitOnStopSignals()
    try:
        code = run_gui(options, sys.argv[:1])
    finally:
        stop.uninstall()
    return EXIT_INTERRUPTED if stop.received else code


class _QuitOnStopSignals:
    """SIGINT/SIGTERM ask the Qt event loop to quit. Python runs signal handlers only between
    bytecodes, which Qt's C++ event loop never reaches while idle; so the handler's wake-up byte
    (``signal.set_wakeup_fd``) is read by a small thread that posts ``quit()`` to the
    application, which Qt accepts from any thread."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._writer.setblocking(False)
        self._previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        for signum in self._previous:
            signal.signal(signum, self._note)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._thread = threading.Thread(target=self._watch, name="stop-signals", daemon=True)
        self._thread.start()

    def _note(self, signum: int, frame: object) -> None:
        del frame
        self.received = signum

    def _watch(self) -> None:
        while True:
            try:
                data = self._reader.recv(16)
            except OSError:
                return
            if not data:
                return
            from PySide6.QtCore import QCoreApplication, QMetaObject, Qt

            app = QCoreApplication.instance()
            if app is not None:
                self.received = self.received or data[0]
                print("station: stopping (signal received)", file=sys.stderr, flush=True)
                QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)

    def uninstall(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._writer.close()
        self._reader.close()


def self_test(args: argparse.Namespace) -> int:
    from station import selftest

    # The packer's environment as it is now: the self-test's own checks then choose the
    # offscreen platform for themselves.
    environ = dict(os.environ)
    code = selftest.run(verbose=bool(args.verbose))
    ok, detail = packer_platform(environ)
    print(f"[{'  ok' if ok else 'FAIL'}] packer's screen: {detail}")
    if not ok:
        print("self-test FAILED: the packing screen cannot start on this computer as it is")
        return 1
    return code


def packer_platform(environ: Mapping[str, str]) -> tuple[bool, str]:
    """Whether the packing screen can open its window with the platform ``station`` would use
    here (not the self-test's offscreen one), tried in a separate process: a platform plugin
    that cannot load ends the process it is in."""
    command = (
        [sys.executable, "--check-display"]
        if getattr(sys, "frozen", False)
        else [sys.executable, "-m", "station", "--check-display"]
    )
    chosen = environ.get("QT_QPA_PLATFORM", "")
    try:
        result = subprocess.run(
            command,
            env=dict(environ),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"could not start a test window ({type(exc).__name__})"
    if result.returncode == 0:
        platform = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "?"
        if platform in ("offscreen", "minimal"):
            return True, (
                f"platform {platform} (set by QT_QPA_PLATFORM): fine for tests, but a packer "
                "needs a real display"
            )
        return True, f"a window opens on platform {platform}"
    lines = [line.strip() for line in (result.stderr or "").splitlines() if line.strip()]
    reason = next(
        (line for line in lines if "platform plugin" in line or "display" in line.lower()),
        lines[0] if lines else f"exit {result.returncode}",
    )
    hint = (
        " (on Linux: is DISPLAY set? is libxcb-cursor0 installed?)"
        if sys.platform.startswith("linux")
        else ""
    )
    return False, f"no window can open on platform {chosen or 'default'}: {reason[:200]}{hint}"
