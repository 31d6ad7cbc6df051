"""The self-test's GUI check, kept in the GUI layer (the only one that may import QtWidgets)."""

from __future__ import annotations

import os
import sys
from typing import Any


def check_widgets() -> str:
    """Load QtWidgets and its platform style, as the packing screen will."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    styles = QStyleFactory.keys()
    if QApplication is None or not styles:
        raise RuntimeError("QtWidgets loaded without any widget style")
    return f"QtWidgets loads; styles {', '.join(styles)}"


def check_pdf_preview(pdf: bytes) -> str:
    """The packing slip preview the screen shows, through its own code: QtPdf reads from memory.

    (Loading from a file would test another path, and on Windows QtPdf keeps that file open after
    close(), so a temporary file could not even be deleted.)"""
    from station.ui.previews import pdf_preview

    preview = pdf_preview(pdf)
    if preview.image is None or preview.image.isNull():
        raise RuntimeError(f"QtPdf could not show the slip: {preview.notice or preview.text}")
    return f"QtPdf shows a slip preview ({preview.image.width()}x{preview.image.height()})"


def platform_plugin_error(platform: str) -> str | None:
    """Why Qt could not start ``platform``, found without starting it: None when its plugin is
    there and loads.

    Qt on Windows answers a platform plugin it cannot load with a message box, before aborting,
    when the process has no console window (a pipe, the windowed app): a script would hang on
    it. So the plugin is looked up by its metadata keys and loaded with QPluginLoader first."""
    from PySide6.QtCore import QCoreApplication, QDir, QLibrary, QPluginLoader

    folders = [QDir(path).filePath("platforms") for path in QCoreApplication.libraryPaths()]
    for folder in folders:
        # Only the files Qt itself would load (qwindows.dll, libqxcb.so), not "x.dll.old".
        names = [n for n in QDir(folder).entryList(QDir.Filter.Files) if QLibrary.isLibrary(n)]
        for name in names:
            loader = QPluginLoader(QDir(folder).filePath(name))
            meta: Any = loader.metaData()  # a dict in PySide6 (QJsonObject)
            keys = meta.get("MetaData", {}).get("Keys", [])
            if platform.lower() in [str(k).lower() for k in keys]:
                if not loader.load():
                    return f"its plugin {name} does not load: {loader.errorString()}"
                return None
    return f"no plugin for it in {', '.join(folders) or 'any plugin folder'}"


def probe_main() -> int:
    """The child process of the self-test's "qt platform" check (station.selftest.probe_platform):
    start a QApplication on $QT_QPA_PLATFORM, as the packing screen does, and write what loaded
    (platform, default widget style, available styles) as JSON to the file named by
    $STATION_SELF_TEST_PROBE. If the platform plugin is missing Qt aborts this process, which the
    parent reports."""
    import json
    import os
    import sys
    from pathlib import Path

    from PySide6.QtWidgets import QApplication, QStyleFactory

    from station.selftest import PROBE_ENV

    if sys.platform == "win32":
        import ctypes

        # When Qt aborts, end quietly with the exit code: no "abort() has been called" box, no
        # Windows Error Reporting dialog (_WRITE_ABORT_MSG | _CALL_REPORTFAULT off, no GPF box).
        ctypes.cdll.ucrtbase._set_abort_behavior(0, 0x1 | 0x2)
        ctypes.windll.kernel32.SetErrorMode(0x0001 | 0x0002)
    target = Path(os.environ[PROBE_ENV])
    error = platform_plugin_error(os.environ.get("QT_QPA_PLATFORM", ""))
    if error is not None:
        target.write_text(json.dumps({"error": error}), encoding="utf-8")
        return 1
    app = QApplication(["station-self-test-probe"])
    answer = {
        "platform": QApplication.platformName(),
        "style": app.style().name(),
        "styles": list(QStyleFactory.keys()),
    }
    target.write_text(json.dumps(answer), encoding="utf-8")
    return 0


def check_display() -> int:
    """``station --check-display`` (used by the self-test): open the GUI's application object
    with this environment's platform and print its name."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    # Without a console (a pipe, the windowed app) Qt on Windows answers a platform plugin that
    # cannot load with a message box nobody may be there to click: look before starting Qt.
    chosen = os.environ.get("QT_QPA_PLATFORM") or ("windows" if sys.platform == "win32" else "")
    error = platform_plugin_error(chosen.split(":")[0]) if chosen else None
    if error is not None:
        print(f"Qt platform plugin {chosen!r}: {error}", file=sys.stderr, flush=True)
        return 1
    _app = QApplication.instance() or QApplication(["station-check-display"])
    print(QGuiApplication.platformName(), flush=True)
    del _app
    return 0
