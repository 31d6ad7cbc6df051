"""The binding work-around: Qt calls must not steal references of None/True until a crash."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from station.ui.qt_compat import emit, immortalize_singletons, singletons_leak


class _Emitter(QObject):  # type: ignore[misc]
    fired = Signal(object)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="bools and None are immortal")
def test_singletons_survive_many_qt_calls(qapp: Any) -> None:
    """Whatever the binding: sound (nothing to do) or defective (padded), 20,000 Qt calls leave
    None and True with their references."""
    immortalize_singletons()
    timer = QTimer()
    emitter = _Emitter()
    got: list[object] = []
    emitter.fired.connect(got.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):  # far more than None/True/False have references otherwise
        timer.start(1000)
        emit(emitter.fired, None)
    timer.stop()
    assert len(got) == 20_000
    assert sys.getrefcount(None) >= none_before - 100
    assert sys.getrefcount(True) >= true_before - 100


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="bools and None are immortal")
def test_the_pinned_binding_is_sound(qapp: Any) -> None:
    """pyproject.toml pins PySide6 below 6.12 because 6.12.0 steals references on Python 3.11;
    this fails if a defective binding is installed again."""
    assert not singletons_leak()
