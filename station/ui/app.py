"""The GUI's composition: the QApplication, the runtime, the workers, the scanner and the window.

``run_gui`` is what ``station`` and ``station --demo`` call. ``StationGui`` wires one runtime to
one window and is what tests build (offscreen, on the embedded simulator).

Start-up order (see :mod:`station.ui.startup`): with only Qt loaded, a window that looks like the
packer's screen at rest appears and the scanner is listening; the settings, the runtime (journal,
printers, simulator in demo mode) and the packer's screen are loaded on a thread behind it; then
the packer's screen takes its place and handles the scans made meanwhile. A broken setting is
reported in a dialog with what to fix instead of a half-working screen. The heavy modules are
imported inside functions, never at the top of this one: importing it must stay cheap.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station.errors import ConfigError, JournalError, StationError
from station.ui import theme
from station.ui.qt_compat import immortalize_singletons
from station.ui.scanner import WedgeScanner
from station.ui.startup import StartupHints, StartupLoader, StartupWindow, read_startup_hints

if TYPE_CHECKING:
    from station.config import BoxPreset, Settings
    from station.runtime import Runtime
    from station.ui.feedback import SoundPlayer

log = logging.getLogger("station.ui.app")

READY_ENV = "STATION_EXIT_WHEN_READY"


def demo_presets() -> list[BoxPreset]:
    """Demo mode needs no setup, so it brings its own cartons (their barcodes: CMD:BOX:S, …)."""
    from station.config import BoxPreset

    return [
        BoxPreset(id="S", name="Small 8×6×4", length=8, width=6, height=4, tare_weight=1.2),
        BoxPreset(id="M", name="Medium 12×10×6", length=12, width=10, height=6, tare_weight=2.5),
        BoxPreset(id="L", name="Large 18×14×10", length=18, width=14, height=10, tare_weight=4.8),
    ]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationApp", text)


@dataclass
class GuiOptions:
    demo: bool = False
    label_printer: str | None = None
    slip_printer: str | None = None
    settings: Settings | None = None
    log_files: bool = False  # set up the station's log file (on the start-up thread)
    verbose: int = 0


def demo_base_settings(settings: Settings | None = None) -> Settings:
    from station.config import Settings

    base = settings or Settings()
    if base.box_presets:
        return base
    return base.model_copy(update={"box_presets": demo_presets()})


class StationGui:
    """One runtime, its engine, the worker, the outbox sender, the scanner and the window.

    ``scanner``: a wedge scanner that is already listening (the start-up window's); the packer's
    screen adopts it, with the settings' scanner configuration, so no scan in flight is lost.
    """

    def __init__(
        self,
        runtime: Any,
        *,
        player: SoundPlayer | None = None,
        install_scanner: bool = True,
        start_outbox: bool = True,
        acknowledge_demo: bool = True,
        scanner_clock: Callable[[], float] | None = None,
        scanner: WedgeScanner | None = None,
        track_mcf: bool = True,
    ) -> None:
        from station.mcf_runtime import start_mcf_tracking
        from station.ui.main_window import MainWindow
        from station.ui.scanner import SerialScanner, serial_port_from_environment
        from station.ui.worker import Worker

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
        if scanner is None:
            self.scanner = WedgeScanner(runtime.settings.scanner, self.window, clock=scanner_clock)
            if install_scanner:
                self.scanner.install()
        else:
            self.scanner = scanner
            self.scanner.configure(runtime.settings.scanner)
        self.scanner.scanned.connect(self.window.handle_scan)
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
        self.mcf_tracker = start_mcf_tracking(runtime) if track_mcf else None
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
        if self.mcf_tracker is not None:
            self.mcf_tracker.stop()
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


def _install_translator(app: QApplication, language: str | None) -> None:
    try:
        i18n = importlib.import_module("station.ui.i18n")
        i18n.install_translator(app, language or "system")
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


def _show_start_error(exc: StationError, settings_file: Any = None) -> bool:
    """The reason the station cannot start. A setting it refuses (a printer address, a value
    the file should not hold) offers the settings, with that field marked: never a dead end.
    True when corrected settings were saved there (the caller starts again with them)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, _tr("The station cannot start"), exc.message)
    box.setInformativeText(_tr("What to do: {hint}").format(hint=exc.hint))
    repair = None
    if isinstance(exc, ConfigError) and settings_file is not None:
        repair = box.addButton(_tr("Open Settings"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if repair is not None and box.clickedButton() is repair:
        settings_ui = importlib.import_module("station.ui.settings")
        return bool(settings_ui.repair_settings(None, settings_file, exc.message))
    return False


def _say(line: str) -> None:
    """A line on standard output, for whoever started the station from a terminal. Nobody may be
    reading (a closed pipe, no console at all): that never stops the station."""
    with contextlib.suppress(OSError, ValueError):
        print(line, flush=True)


class StartFailedError(StationError):
    """An unforeseen failure while the station was starting (a bug, not a setting)."""

    default_hint = (
        "Start the station again. If it happens again, send IT the log file "
        "(station.log, in the station's log folder)."
    )


# The packer's screen's modules, and what its first label and slip need (conversions, the PDF
# preview): imported on the start-up thread, so that neither building the window nor the first
# scan waits for them (an import holds the interpreter, stalling the GUI thread meanwhile).
_SCREEN_MODULES = (
    "station.ui.main_window",
    "station.ui.worker",
    "station.ui.feedback",
    "station.ui.demo",
    "station.workflow.engine",
    "station.workflow.delivery",
    "station.printing.convert",
)
_OPTIONAL_MODULES = ("PySide6.QtPdf",)  # without it the preview says so


def preload() -> None:
    """Import what the packer's screen and its first documents need (any thread)."""
    for name in _SCREEN_MODULES:
        importlib.import_module(name)
    for name in _OPTIONAL_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            log.info("%s is not available", name)


@dataclass
class _StartPlan:
    """What the loader thread builds: from the command line and, unless given, the settings
    file."""

    options: GuiOptions
    demo: bool
    settings: Settings | None
    config_file: Any

    def load(self) -> Runtime:
        from station.config import load_settings
        from station.runtime import RuntimeOptions, build_runtime

        if self.options.log_files:
            from station.logs import setup_station_logging

            setup_station_logging(verbose=self.options.verbose)
        settings = self.settings
        if not self.demo and settings is None:
            settings = load_settings(self.config_file)
        if self.demo:
            settings = demo_base_settings(settings)
        runtime = build_runtime(
            RuntimeOptions(
                demo=self.demo,
                settings=settings,
                label_printer=self.options.label_printer,
                slip_printer=self.options.slip_printer,
            )
        )
        try:
            preload()
        except BaseException:
            runtime.close()
            raise
        return runtime


class _Start(QObject):
    """Run-time state of one start: the start-up window, the held scans, then the station.

    A QObject, so that the loader's queued signals are delivered to it only while it lives.
    """

    def __init__(
        self,
        app: QApplication,
        plan: _StartPlan,
        hints: StartupHints,
        *,
        exit_loop: Callable[[int], None] | None = None,
        scanner_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self._finished = False
        self.started = time.perf_counter()
        self.language = hints.language
        self._exit = exit_loop or app.exit
        self.window: StartupWindow | None = StartupWindow()
        self.window.closed.connect(self._startup_closed)
        self.scanner = WedgeScanner(hints.scanner, app, clock=scanner_clock)
        self.held: list[str] = []
        self.scanner.scanned.connect(self._hold)
        self.gui: StationGui | None = None
        self.plan = plan
        self.loader = StartupLoader(plan.load, self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.exit_when_ready = bool(os.environ.get(READY_ENV))

    def begin(self) -> None:
        assert self.window is not None
        self.window.show_on_screen()
        # The loader starts once the window is on screen: until then it would only compete with
        # the GUI thread for the interpreter.
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.window is None:  # closed before it was ever shown: nothing to start
            return
        self.scanner.install(self.app)  # keys reach the station from now on
        if self.exit_when_ready:
            _say(f"STATION_READY {time.perf_counter() - self.started:.3f}")
        self.loader.start()

    def _hold(self, text: str) -> None:
        self.held.append(text)
        if self.window is not None:
            self.window.scan_held()

    def _startup_closed(self) -> None:
        if self.gui is None:  # closed before the station was ready: stop the start
            self.window = None
            self._exit(0)

    def _loaded(self, runtime: Runtime) -> None:
        if self.window is None or self._finished:  # the packer closed the window meanwhile
            return  # run_gui closes the runtime when the loop has ended
        try:
            self._switch(runtime, self.window)
        except Exception as exc:  # the start fails as a whole; finish() closes what was opened
            self._failed(exc)

    def _switch(self, runtime: Runtime, startup: StartupWindow) -> None:
        """The packer's screen takes the start-up window's place and its held scans."""
        self.scanner.scanned.disconnect(self._hold)
        if runtime.settings.language != self.language:
            _install_translator(self.app, runtime.settings.language)
        self.gui = StationGui(runtime, scanner=self.scanner)
        if runtime.demo_dir is not None:
            printers = runtime.demo_dir / "printers"
            _say(f"Demo mode: printed labels and slips are written to {printers}")
        window = self.gui.window
        window.setGeometry(startup.geometry())
        if startup.isMaximized():
            window.showMaximized()
        elif startup.isFullScreen():
            window.showFullScreen()
        else:
            window.show()
        self.window = None
        startup.hide()
        startup.deleteLater()
        if runtime.demo_dir is not None:  # said once the packer's screen is up
            from station.ui.demo import demo_pos

            tries = ", ".join(f"{po} ({kind})" for po, kind in demo_pos(runtime))
            _say(f"Demo POs to scan: {tries}")
        held, self.held = self.held, []
        if held:
            log.info("%d scan(s) made while the station started are handled now", len(held))
        for text in held:
            window.handle_scan(text)
        if self.exit_when_ready:
            elapsed = time.perf_counter() - self.started
            _say(f"STATION_STARTED {elapsed:.3f}")
            QTimer.singleShot(0, lambda: self._exit(0))

    def _failed(self, exc: BaseException) -> None:
        if self._finished:
            return
        if isinstance(exc, StationError):
            error = exc
        else:
            log.error("the station could not start", exc_info=exc)
            error = StartFailedError(
                f"The station could not start: unexpected {type(exc).__name__}"
            )
        if self.window is not None:
            # The settings file the station was started from, when there is one to correct.
            repairable = None if self.plan.demo or self.plan.settings else self.plan.config_file
            if repairable is None:
                _show_start_error(error)
            elif _show_start_error(error, repairable) and not self._finished:
                self._start_again()  # with the corrected settings: no restart by hand
                return
        self._exit(1)

    def _start_again(self) -> None:
        """Load the station again (the settings file was just corrected); a setting still
        refused is offered again the same way."""
        log.info("settings corrected: starting the station again")
        self.loader.loaded.disconnect(self._loaded)
        self.loader.failed.disconnect(self._failed)
        self.loader = StartupLoader(self.plan.load, self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.loader.start()

    def finish(self) -> None:
        """After the event loop: close what was opened, whatever stage the start reached."""
        self._finished = True
        self.loader.loaded.disconnect(self._loaded)
        self.loader.failed.disconnect(self._failed)
        if self.gui is not None:
            self.gui.close()
            return
        self.scanner.uninstall(self.app)
        if not self.loader.wait(60):
            log.warning("the station's start did not finish within 60 s; leaving it")
            return
        runtime = self.loader.result
        if runtime is not None:
            runtime.close()


def run_gui(options: GuiOptions, argv: Sequence[str] | None = None) -> int:
    from station.paths import default_paths

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
    if settings is not None:
        from station.ui.scanner import decoder_config

        hints = StartupHints(settings.language, decoder_config(settings.scanner))
    elif demo:
        hints = StartupHints()
    else:
        hints = read_startup_hints(config_file)  # its language decides the translation
    _install_translator(app, hints.language)
    start = _Start(app, _StartPlan(options, demo, settings, config_file), hints)
    start.begin()
    try:
        return app.exec()
    finally:
        start.finish()
