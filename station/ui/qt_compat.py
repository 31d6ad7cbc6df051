"""Work-arounds for defects of the Qt binding, in one place.

PySide6 6.12.0 on Python 3.11: its abi3 wheels return ``None``/``True``/``False`` from void and
bool methods without taking a reference (they assume Python 3.12's immortal objects). Every
``emit()``, ``QTimer.start()``… then steals one reference; after a few hundred calls the
interpreter aborts with "Fatal Python error: deallocating None". pyproject.toml pins PySide6 below
6.12 for that reason. These helpers are the second line, for an installation that got such a
binding anyway: each acts when, and only when, a probe on this very interpreter shows the defect,
so on a sound binding they do nothing.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

_lock = threading.Lock()
_leaks: bool | None = None


class _Probe(QObject):
    fired = Signal(int)


def _probe() -> bool:
    if sys.version_info >= (3, 12):
        return False  # immortal bools: a stolen reference cannot hurt
    probe = _Probe()
    rounds = 16
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.fired.emit(1)
    stolen = before - sys.getrefcount(True)
    leaking = stolen >= rounds - 2
    if leaking:
        for _ in range(max(stolen, 0)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    probe.deleteLater()
    return leaking


def emit_leaks() -> bool:
    """Whether ``emit()`` steals a reference on this binding (probed once, thread-safe)."""
    global _leaks
    if _leaks is None:
        with _lock:
            if _leaks is None:
                _leaks = _probe()
    return _leaks


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` without the reference leak. Safe from any thread."""
    result = signal.emit(*args)
    if isinstance(result, bool) and emit_leaks():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


_SINGLETON_PADDING = 1 << 40


def singletons_leak() -> bool:
    """Whether Qt calls steal references of ``None`` on this binding (probed, no side effects
    beyond giving back what the probe itself lost)."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QTimer

    rounds = 32
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(rounds):
        timer.setInterval(1000)  # a void method: returns None
    stolen = before - sys.getrefcount(None)
    for _ in range(max(stolen, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return stolen >= rounds - 2


def immortalize_singletons() -> bool:
    """On a defective binding, make ``None``, ``True`` and ``False`` practically immortal.

    Padding their reference counts (what Python 3.12 does for them by design) makes the stolen
    references harmless. Does nothing on a sound binding or on Python ≥ 3.12. Idempotent;
    returns True when it padded.
    """
    if sys.version_info >= (3, 12) or not singletons_leak():
        return False
    with _lock:
        padded = False
        for obj in (None, True, False):
            count = ctypes.c_ssize_t.from_address(id(obj))
            if count.value < _SINGLETON_PADDING:
                count.value += _SINGLETON_PADDING
                padded = True
        return padded
