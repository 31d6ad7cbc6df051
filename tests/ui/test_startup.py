"""The station's first second: a window that takes scans while the rest of the station starts,
then hands them to the packer's screen, in order, none lost."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from station.errors import ConfigError
from station.ui import app as ui_app
from station.ui.app import GuiOptions, StartFailedError, _Start, _StartPlan
from station.ui.main_window import MainWindow
from station.ui.scan_decoder import DecoderConfig
from station.ui.startup import StartupHints, StartupWindow, read_startup_hints
from tests.ui.station_fixtures import QT_LOG_IGNORE, WAIT_MS, ScannerClock, type_keys

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


# -- what the first window reads from the settings file ---------------------------------------


def test_hints_come_from_the_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "settings.json"
    config.write_text(
        json.dumps(
            {
                "language": "pt_BR",
                "scanner": {
                    "prefix": "]C1",
                    "suffix": "#",
                    "max_inter_key_ms": 120,
                    "min_length": 5,
                    "terminators": ["TAB"],
                },
                "vendor_code": "ABC12",
            }
        ),
        encoding="utf-8",
    )
    hints = read_startup_hints(config)
    assert hints.language == "pt_BR"
    assert hints.scanner == DecoderConfig(
        max_inter_key_ms=120, min_length=5, prefix="]C1", suffix="#", terminators=("TAB",)
    )


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[1, 2, 3]",
        b'{"language": 7, "scanner": "fast"}',
        b'{"scanner": {"max_inter_key_ms": -1, "min_length": true, "prefix": "0123456789AB",'
        b' "terminators": ["CR", "ESC"]}}',
        b"\xff\xfe\x00garbage",
        b"[" * 100_000,
        b'{"language": "' + b"x" * (2 << 20) + b'"}',
    ],
    ids=["empty", "text", "list", "wrong-types", "out-of-range", "binary", "deep", "huge"],
)
def test_bad_settings_give_defaults_at_first(tmp_path: Path, content: bytes) -> None:
    """The file is untrusted; the full load reports what is wrong a moment later."""
    config = tmp_path / "settings.json"
    config.write_bytes(content)
    assert read_startup_hints(config) == StartupHints()


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    assert read_startup_hints(tmp_path / "absent.json") == StartupHints()
    assert read_startup_hints(None) == StartupHints()


# -- the start itself -------------------------------------------------------------------------


class GatedPlan(_StartPlan):
    """The demo start, held at its beginning until the test lets it go."""

    def __init__(self, tmp_path: Path, result: Any = None, error: BaseException | None = None):
        super().__init__(GuiOptions(demo=True), True, None, tmp_path / "settings.json")
        self.gate = threading.Event()
        self.result = result
        self.error = error

    def load(self) -> Any:
        assert self.gate.wait(WAIT_MS / 1000), "the test never let the start go"
        if self.error is not None:
            raise self.error
        if self.result is not None:
            return self.result
        return super().load()


class Exits:
    def __init__(self) -> None:
        self.codes: list[int] = []

    def __call__(self, code: int) -> None:
        self.codes.append(code)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp


def _start(app: QApplication, plan: _StartPlan, exits: Exits) -> _Start:
    start = _Start(app, plan, StartupHints(), exit_loop=exits, scanner_clock=ScannerClock())
    start.begin()
    return start


def test_scans_made_while_starting_are_handled_in_order(
    app: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handled: list[str] = []
    original = MainWindow.handle_scan

    def spy(self: MainWindow, text: str) -> None:
        handled.append(text)
        original(self, text)

    monkeypatch.setattr(MainWindow, "handle_scan", spy)
    plan = GatedPlan(tmp_path)
    exits = Exits()
    start = _start(app, plan, exits)
    try:
        startup = start.window
        assert isinstance(startup, StartupWindow)
        qtbot.waitUntil(startup.isVisible, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: start.loader._thread.is_alive(), timeout=WAIT_MS)
        type_keys(startup, "CMD:NEXTBOX")
        type_keys(startup, "CMD:CANCEL")
        assert start.held == ["CMD:NEXTBOX", "CMD:CANCEL"]
        assert "2 scan(s) kept" in startup.note.text()
        assert handled == []
        geometry = startup.geometry()
        # On a screen smaller than the packer's screen (the offscreen platform's 800×600) the
        # start-up window is maximised, and the packer's screen must be too: a maximised
        # window's size is the screen's and the window's minimum size's business, not ours.
        maximised = startup.isMaximized()

        plan.gate.set()
        qtbot.waitUntil(lambda: start.gui is not None, timeout=WAIT_MS)
        assert start.gui is not None
        window = start.gui.window
        assert handled == ["CMD:NEXTBOX", "CMD:CANCEL"]
        assert start.held == []
        assert window.isVisible()
        assert not shiboken6.isValid(startup) or not startup.isVisible()
        if maximised:
            assert window.isMaximized()
        else:
            assert window.geometry() == geometry
        # The same scanner goes on: a scan now reaches the packer's screen directly.
        type_keys(window, "CMD:NEXTBOX")
        assert handled[-1] == "CMD:NEXTBOX" and len(handled) == 3
        assert exits.codes == []
    finally:
        plan.gate.set()
        start.finish()


def _failed_start(
    app: QApplication, qtbot: Any, plan: GatedPlan, monkeypatch: pytest.MonkeyPatch
) -> tuple[_Start, list[Any]]:
    """Let ``plan`` go, wait for the start to give up (exit 1); the errors shown to the packer."""
    shown: list[Any] = []
    monkeypatch.setattr(ui_app, "_show_start_error", shown.append)
    exits = Exits()
    start = _start(app, plan, exits)
    try:
        plan.gate.set()
        qtbot.waitUntil(lambda: exits.codes == [1], timeout=WAIT_MS)
    finally:
        start.finish()
        if start.window is not None:
            start.window.close()
    return start, shown


def test_a_setting_that_stops_the_start_is_shown_with_what_to_fix(
    app: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = ConfigError("The settings file is damaged", hint="Restore it from the backup")
    start, shown = _failed_start(app, qtbot, GatedPlan(tmp_path, error=error), monkeypatch)
    assert shown == [error]
    assert start.gui is None


def test_an_unexpected_failure_is_reported_not_raised(
    app: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = GatedPlan(tmp_path, error=RuntimeError("boom /home/customer 123 Main St"))
    _, shown = _failed_start(app, qtbot, plan, monkeypatch)
    (error,) = shown
    assert isinstance(error, StartFailedError)
    assert "RuntimeError" in error.message
    assert "Main St" not in error.message  # the exception's text may hold anything
    assert "log" in error.hint


class FakeRuntime:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_closing_the_window_while_starting_stops_and_closes_everything(
    app: QApplication, qtbot: Any, tmp_path: Path
) -> None:
    runtime = FakeRuntime()
    plan = GatedPlan(tmp_path, result=runtime)
    exits = Exits()
    start = _start(app, plan, exits)
    startup = start.window
    assert startup is not None
    qtbot.waitUntil(lambda: start.loader._thread.is_alive(), timeout=WAIT_MS)
    startup.close()
    assert exits.codes == [0]
    plan.gate.set()
    start.finish()  # what run_gui does once the event loop has ended
    assert runtime.closed
    assert start.gui is None


def test_a_screen_that_cannot_be_built_fails_the_start_cleanly(
    app: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever breaks while the packer's screen is built: an error with what to do, exit 1,
    everything that was opened closed, never a start-up window left waiting forever."""
    runtime = FakeRuntime()  # no engine, no settings: building the screen on it fails
    start, shown = _failed_start(app, qtbot, GatedPlan(tmp_path, result=runtime), monkeypatch)
    (error,) = shown
    assert isinstance(error, StartFailedError)
    assert start.gui is None
    assert runtime.closed


class SettingsFilePlan(_StartPlan):
    """A start from a settings file, as a bench PC has it (read at every try), on the demo's
    Amazon and printers (this machine has no credentials)."""

    def __init__(self, config_file: Path) -> None:
        super().__init__(GuiOptions(), False, None, config_file)
        self.tries = 0

    def load(self) -> Any:
        from station.config import load_settings
        from station.printing.address import parse_printer_uri
        from station.runtime import RuntimeOptions, build_runtime

        self.tries += 1
        settings = load_settings(self.config_file)
        for printer in (settings.printers.label, settings.printers.slip):
            parse_printer_uri(printer.uri)  # as the station opens its printers
        return build_runtime(
            RuntimeOptions(demo=True, settings=ui_app.demo_base_settings(settings))
        )


def test_a_start_refused_by_a_setting_goes_on_once_the_setting_is_corrected(
    app: QApplication, qtbot: Any, tmp_path: Path
) -> None:
    """The wizard's or a hand-edited file's printer address is refused: the packer is offered
    the settings with the field marked, corrects it there, and the station starts by itself."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from station.config import Settings
    from station.ui.settings.dialog import SettingsDialog

    data = Settings().model_dump(mode="json")
    data["printers"]["label"]["uri"] = "printer-in-the-corner"
    data["printers"]["slip"]["uri"] = (tmp_path / "slips").as_uri()
    config = tmp_path / "settings.json"
    config.write_text(json.dumps(data), encoding="utf-8")
    plan = SettingsFilePlan(config)
    seen: dict[str, Any] = {}

    def act() -> None:  # what the person does in each window that comes up
        window = QApplication.activeModalWidget()
        if isinstance(window, QMessageBox) and "box" not in seen:
            seen["box"] = window.text()
            (button,) = [b for b in window.buttons() if b.text() == "Open Settings"]
            button.click()
        elif isinstance(window, SettingsDialog) and "dialog" not in seen:
            editor = window.form.editor("printers", "label", "uri")
            seen["dialog"] = editor.widget.property("invalid")
            editor.set_value((tmp_path / "labels").as_uri())
            window.save()
        elif isinstance(window, QMessageBox):  # any other message: the packer reads, clicks OK
            window.done(0)

    timer = QTimer()
    timer.timeout.connect(act)
    timer.start(50)
    exits = Exits()
    start = _Start(app, plan, StartupHints(), exit_loop=exits, scanner_clock=ScannerClock())
    try:
        start.begin()
        qtbot.waitUntil(lambda: start.gui is not None, timeout=WAIT_MS * 2)
        assert exits.codes == []
        assert plan.tries == 2
        assert seen["dialog"] is True  # the refused field was marked
        assert "printer-in-the-corner" in seen["box"] or "scheme" in seen["box"]
        assert start.gui.window.isVisible()
    finally:
        timer.stop()
        start.finish()
        if start.window is not None:
            start.window.close()


def test_the_settings_repair_reads_the_file_as_untrusted(qtbot: Any, tmp_path: Path) -> None:
    """A settings path that is a pipe (or /dev/zero) never blocks or fills memory: the dialog
    opens with the defaults."""
    import os

    from PySide6.QtCore import QTimer

    from station.ui.settings import repair_settings
    from station.ui.settings.dialog import SettingsDialog

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    opened: list[bool] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SettingsDialog):
            opened.append(True)
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(50)
    try:
        assert repair_settings(None, fifo, "The settings file is not a regular file") is False
    finally:
        timer.stop()
    assert opened == [True]
