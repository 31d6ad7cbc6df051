"""Screenshots of the packing screen's main states, taken under Xvfb, into docs/screenshots/.

    tools/screenshots.sh            # or: python tools/screenshots.py  (starts Xvfb by itself)
    python tools/screenshots.py --all   # bench screens 1366×768 and 1280×1024 and a large one,
                                        # in English and Portuguese: docs/screenshots/LANG/WxH/
    python tools/screenshots.py --language pt_BR --size 1366x768
    python tools/screenshots.py --size 2560x1440 --scale 1.5   # Windows' 150 % display scaling

Runs the real GUI in demo mode (embedded simulator, file printers) on a virtual screen of the
given size, the window filling it (as maximised on a bench PC), drives it with the same scans a
packer makes, and saves idle, order, boxes, label (with previews), confirmed and error. Look at
them as a packer two metres away would: big, unclipped, unambiguous, nothing off screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1920, 1080)


def _reexec_under_xvfb() -> int | None:
    """Without a display, run this script again inside xvfb-run (or say how to get it)."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if shutil.which("xvfb-run") is None:
        print("No display and no xvfb-run: apt-get install xvfb", file=sys.stderr)
        return 2
    screen = f"-screen 0 {SIZE[0]}x{SIZE[1]}x24"
    command = ["xvfb-run", "-a", "-s", screen, sys.executable, *sys.argv]
    return subprocess.run(command, check=False).returncode


CHROME_HEIGHT = 68
# (screen size in pixels, display scale): the bench PCs at 100 %, larger screens scaled up.
ALL_SIZES = (
    ("1366x768", "1"),
    ("1280x1024", "1"),
    ("1920x1080", "1"),
    ("1920x1080", "1.25"),
    ("1920x1080", "1.5"),
    ("2560x1440", "1.5"),
)


def _all() -> int:
    """Each size and language in its own process (its own Xvfb screen, scale and translator)."""
    failed = 0
    for language in ("en", "pt_BR"):
        for size, scale in ALL_SIZES:
            command = [sys.executable, __file__, "--language", language, "--size", size]
            command += ["--scale", scale]
            env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
            failed |= subprocess.run(command, check=False, env=env).returncode
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="default: docs/screenshots[/LANG]")
    parser.add_argument(
        "--language", choices=("en", "pt_BR"), default="en", help="Portuguese runs ~20 %% longer"
    )
    parser.add_argument("--size", default=None, help="screen size WxH, e.g. 1366x768")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="display scale (QT_SCALE_FACTOR), e.g. 1.25"
    )
    parser.add_argument("--all", action="store_true", help="every bench size in both languages")
    args = parser.parse_args()
    if args.all:
        return _all()
    global SIZE
    if args.size:
        width, height = args.size.lower().split("x")
        SIZE = (int(width), int(height))
    if args.out is None:
        folder = ROOT / "docs" / "screenshots"
        args.out = folder if args.language == "en" else folder / args.language
        if args.size:
            scaled = f"@{round(args.scale * 100)}" if args.scale != 1 else ""
            args.out = args.out / f"{SIZE[0]}x{SIZE[1]}{scaled}"
    if args.scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # read once, when Qt starts
    code = _reexec_under_xvfb()
    if code is not None:
        return code
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("STATION_SOUND", "off")
    import tempfile

    os.environ["STATION_HOME"] = tempfile.mkdtemp(prefix="station-shots-")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from station.config import Settings
    from station.runtime import RuntimeOptions, build_runtime
    from station.ui import theme
    from station.ui.app import StationGui, demo_base_settings
    from station.ui.i18n import install_translator
    from station.ui.qt_compat import immortalize_singletons

    immortalize_singletons()
    app = QApplication([sys.argv[0]])
    theme.apply(app)
    install_translator(app, args.language)
    runtime = build_runtime(
        RuntimeOptions(demo=True, settings=demo_base_settings(Settings(verify_items=True)))
    )
    gui = StationGui(runtime)
    window = gui.window
    # What a maximised window's contents get on a bench PC: the screen less a taskbar (40 px)
    # and a title bar (28 px).
    # Qt's geometry is in logical pixels: the screen's pixels divided by the display scale.
    room = app.primaryScreen().availableGeometry()
    width, height = min(SIZE[0], room.width()), min(SIZE[1], room.height()) - CHROME_HEIGHT
    width, height = (
        min(width, round(SIZE[0] / args.scale)),
        min(height, round(SIZE[1] / args.scale) - CHROME_HEIGHT),
    )
    window.setGeometry(room.x(), room.y(), width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def pump(until: Callable[[], bool], seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def settle(seconds: float = 1.6) -> None:
        pump(lambda: False, seconds)  # the success/error flash fades out

    def shot(name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def scan(text: str, *states: str) -> None:
        window.state = "scanning"
        window.handle_scan(text)
        if states:
            pump(lambda: window.state in states)

    try:
        pump(lambda: not gui.worker.busy)
        shot("1-idle")
        orders = runtime.simulator.state.summary()
        po = next(o["purchaseOrderNumber"] for o in orders if o["kind"] == "gift")
        scan(po, "needs_boxes", "error")
        shot("2-order")
        scan("CMD:BOX:M")
        window.boxes.weight.setText("3.4")  # what the packed box weighs on the scale
        shot("3-boxes")
        scan("CMD:CONFIRM", "ready", "error")
        pump(lambda: window.label_view.showing_image and window.slip_view.showing_image, 10)
        order = window.order_panel.order
        assert order is not None
        first = order.lines[0]
        scan(first.buyer_product_identifier or "", "item", "error")
        shot("4-label-and-slip")
        for line in order.lines:
            code = line.buyer_product_identifier or line.vendor_product_identifier or ""
            left = line.quantity - (1 if line is first else 0)
            for _ in range(left):
                scan(code, "item", "error")
        scan("CMD:CONFIRM", "confirmed", "error")
        window._advance.stop()  # keep the confirmation on screen for the picture
        shot("5-confirmed")
        cancelled = next(o["purchaseOrderNumber"] for o in orders if o["kind"] == "cancelled")
        scan(cancelled, "error")
        shot("6-error")
    finally:
        gui.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
