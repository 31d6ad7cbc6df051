"""The GUI's composition: the QApplication, the runtime, the workers, the scanner and the window.

``run_gui`` is what ``station`` and ``station --demo`` call. ``StationGui`` wires one runtime to
one window and is what tests build (offscreen, on the embedded simulator). Start-up order matters:
the runtime (journal, printers, simulator in demo mode) is built before the window appears, so a
broken setting is reported in a dialog with what to fix instead of a half-working screen.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from station.config import BoxPreset, Settings
from station.errors import JournalError, StationError
from station.ui import theme
from station.ui.feedback import SoundPlayer
from station.ui.main_window import MainWindow
from station.ui.qt_compat import immortalize_singletons
from station.ui.scanner import SerialScanner, WedgeScanner, serial_port_from_environment
from station.ui.worker import Worker

log = logging.getLogger("station.ui.app")

READY_ENV = "STATION_EXIT_WHEN_READY"

# Demo mode needs no setup, so it brings its own cartons (their barcodes: CMD:BOX:S, …).
DEMO_PRESETS = (
    BoxPreset(id="S", name="Small 8×6×4", length=8, width=6, height=4, tare_weight=1.2),
    BoxPreset(id="M", name="Medium 12×10×6", length=12, width=10, height=6, tare_weight=2.5),
    BoxPreset(id="L", name="Large 18×14×10", length=18, width=14, height=10, tare_weight=4.8),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationApp", text)


@dataclass
class GuiOptions:
    demo: bool = False
    label_printer: str | None = None
    slip_printer: str | None = None
    settings: Settings | None = None


def demo_base_settings(settings: Settings | None = None) -> Settings:
    base = settings or Settings()
    if base.box_presets:
        return base
    return base.model_copy(update={"box_presets": list(DEMO_PRESETS)})


class StationGui:
    """One runtime, its engine, the worker, the outbox sender, the scanner and the window."""

    def __init__(
        self,
        runtime: Any,
        *,
        player: SoundPlayer | None = None,
        install_scanner: bool = True,
        start_outbox: bool = True,
        acknowledge_demo: bool = True,
        scanner_clock: Callable[[], float] | None = None,
    ) -> None:
        self.runtime = runtime
        self.engine = runtime.engine()
        self.worker = Worker()
        self.worker.start()
        self.outbox_worker: Any = None
        if start_outbox:
            try:
                self.outbox_worker = runtime.outbox_worker()
                self.outbox_worker.start()
            except JournalError as exc:  # another station process owns this outbox
                log.warning("outbox worker not started: %s", exc.message)
                self.outbox_worker = None
        self.window = MainWindow(runtime, self.engine, self.worker, player=player)
        self.scanner = WedgeScanner(runtime.settings.scanner, self.window, clock=scanner_clock)
        self.scanner.scanned.connect(self.window.handle_scan)
        self.window.scanner_switch = self.scanner.set_enabled
        if install_scanner:
            self.scanner.install()
        self.serial: SerialScanner | None = None
        port = serial_port_from_environment(runtime.settings.scanner)
        if port:
            self.serial = SerialScanner(port, self.window)
            self.serial.scanned.connect(self.window.handle_scan)
            self.serial.failed.connect(
                lambda message: self.window.show_warning(_tr("⚠ Serial scanner"), message)
            )
            self.serial.open()
        self._closed = False
        if runtime.demo_dir is not None and acknowledge_demo:
            from station.ui.demo import acknowledge_demo_orders

            self.worker.submit(
                lambda: acknowledge_demo_orders(runtime),
                on_done=lambda count: log.info("demo: %d orders acknowledged", count),
                on_error=lambda exc: log.warning("demo acknowledgements: %s", exc.message),
                name="preparing the demo orders",
            )

    def close(self) -> None:
        """Stop taking scans, finish the task in hand, stop sending, close the runtime."""
        if self._closed:
            return
        self._closed = True
        self.scanner.uninstall()
        if self.serial is not None:
            self.serial.close()
        self.window.close()
        self.worker.stop()
        if self.outbox_worker is not None and self.outbox_worker.running:
            self.outbox_worker.stop(timeout=10)
        self.runtime.close()
        self.window.deleteLater()


def _application(argv: Sequence[str]) -> QApplication:
    immortalize_singletons()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName("Packing Station")
    app.setOrganizationName("Packing Station")
    theme.apply(app)
    return app


def _install_translator(app: QApplication, settings: Settings | None) -> None:
    try:
        i18n = importlib.import_module("station.ui.i18n")
        i18n.install_translator(app, settings.language if settings else "system")
    except (ImportError, AttributeError):
        pass
    except StationError as exc:
        log.warning("no translation: %s", exc.message)


def _first_run(parent: QWidget | None) -> tuple[bool, Any]:
    """The first-run wizard: (available, result); result None when it was cancelled."""
    try:
        settings_ui = importlib.import_module("station.ui.settings")
        wizard = settings_ui.run_first_run_wizard
    except (ImportError, AttributeError):
        return False, None
    return True, wizard(parent)


def _show_start_error(exc: StationError) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("The station cannot start"), exc.message)
    box.setInformativeText(_tr("What to do: {hint}").format(hint=exc.hint))
    box.exec()


def run_gui(options: GuiOptions, argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    from station.paths import default_paths
    from station.runtime import RuntimeOptions, build_runtime

    app = _application(argv if argv is not None else sys.argv[:1])
    demo = options.demo
    settings = options.settings
    config_file = default_paths().config_file
    if not demo and settings is None and not config_file.exists():
        _install_translator(app, None)  # the wizard speaks the computer's language
        available, result = _first_run(None)
        if available and result is None:
            return 0  # the wizard was closed: nothing to run on
        # Without a wizard in this build, the demo is the one thing that works with no setup.
        demo = result is None or bool(getattr(result, "demo", False))
        if not demo:
            settings = getattr(result, "settings", None)
    elif not demo and settings is None:
        from station.config import load_settings

        try:
            settings = load_settings(config_file)  # its language decides the translation
        except StationError as exc:
            _install_translator(app, None)
            _show_start_error(exc)
            return 1
    if demo:
        settings = demo_base_settings(settings)
    _install_translator(app, settings)
    try:
        runtime = build_runtime(
            RuntimeOptions(
                demo=demo,
                settings=settings,
                label_printer=options.label_printer,
                slip_printer=options.slip_printer,
            )
        )
    except StationError as exc:
        _show_start_error(exc)
        return 1
    gui = StationGui(runtime)
    if runtime.demo_dir is not None:
        print(
            f"Demo mode: printed labels and slips are written to {runtime.demo_dir / 'printers'}",
            flush=True,
        )
    gui.window.show()
    if os.environ.get(READY_ENV):

        def ready() -> None:
            print(f"STATION_READY {time.perf_counter() - started:.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    try:
        return app.exec()
    finally:
        gui.close()
