"""Run as a program: the packing screen at a display scale (QT_SCALE_FACTOR, set before Qt
starts, as Windows' 125 % / 150 % does) on a screen of a given size in physical pixels.

    QT_SCALE_FACTOR=1.5 python -m tests.ui.scaled_probe 2560 1440 pt_BR

Prints one line of JSON: which controls are off screen, how many item rows are in view, the
texts that do not fit their buttons. tests/ui/test_scaling.py reads it.
"""

from __future__ import annotations

import json
import os
import sys
import time

from station.ui.qt_compat import immortalize_singletons

CHROME_HEIGHT = 68  # a taskbar (40 px) and a title bar (28 px), at the same scale as the window


def main() -> int:
    width_px, height_px, language = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    immortalize_singletons()
    from PySide6.QtCore import QEventLoop, QPoint, QRect
    from PySide6.QtWidgets import QApplication, QWidget

    from station.runtime import RuntimeOptions, build_runtime
    from station.ui import theme
    from station.ui.app import StationGui, demo_base_settings
    from station.ui.feedback import SoundPlayer
    from station.ui.i18n import install_translator
    from tests.ui.test_layout import _cut_texts

    app = QApplication([sys.argv[0]])
    theme.apply(app)
    install_translator(app, language)
    runtime = build_runtime(RuntimeOptions(demo=True, settings=demo_base_settings()))
    gui = StationGui(runtime, player=SoundPlayer(enabled=False), start_outbox=False)
    window = gui.window

    def pump(until: object, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():  # type: ignore[operator]
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    # The window's logical size: the screen's pixels divided by the scale, less the chrome.
    width = round(width_px / scale)
    height = round(height_px / scale) - CHROME_HEIGHT
    window.resize(width, height)
    window.show()
    pump(lambda: window.size().height() == height and not gui.worker.busy)
    po = next(
        o["purchaseOrderNumber"] for o in runtime.simulator.state.summary() if o["kind"] == "gift"
    )
    window.handle_scan(po)
    pump(lambda: window.state in ("needs_boxes", "error"))
    pump(lambda: False, 0.3)  # layouts settle

    def inside(widget: QWidget) -> bool:
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        return widget.isVisibleTo(window) and window.rect().contains(box)

    boxes = window.boxes
    controls = {
        "confirm": boxes.confirm_button,
        "weight": boxes.weight,
        "length": boxes.length,
        "next box": boxes.next_button,
        "reprint": boxes.reprint_button,
        "cancel": boxes.cancel_button,
        "banner": window.banner,
        "status bar": window.statusBar(),
        "label preview": window.label_view,
        "slip preview": window.slip_view,
        **{f"preset {k}": b for k, b in boxes.preset_buttons.items()},
    }
    table = window.order_panel.lines
    viewport = table.viewport().rect().height()
    rows = sum(
        1
        for row in range(table.rowCount())
        if table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= viewport + 1
    )
    report = {
        "state": window.state,
        "size": [window.width(), window.height()],
        "device_pixel_ratio": window.devicePixelRatioF(),
        "off_screen": [name for name, widget in controls.items() if not inside(widget)],
        "rows_in_view": rows,
        "rows": table.rowCount(),
        "cut": _cut_texts(window),
    }
    print(json.dumps(report), flush=True)
    gui.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
