"""The packer's one screen: order, label and slip previews, cartons, steps and a loud status.

The window turns scans into engine calls on the background worker and engine events into
widgets. It never calls the engine on the GUI thread: every engine method may wait on Amazon, a
printer or the disk. Errors come back as StationErrors and are shown with their ``hint``: what to
do next.
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from station.config import Settings
from station.devices.scale import WeightCapture
from station.errors import (
    NetworkError,
    PrinterError,
    ScanError,
    SiteUnavailableError,
    StationError,
)
from station.journal.outbox import OutboxState
from station.printing import PrinterState
from station.ui.commands import Command, CommandKind, is_command, is_meaningful, parse_command
from station.ui.feedback import Feedback, Sound, SoundPlayer
from station.ui.keyboard_layout import suspect_layout
from station.ui.previews import Preview, label_preview, pdf_preview
from station.ui.qt_compat import emit
from station.ui.site_status import attach_site_status
from station.ui.theme import Tone
from station.ui.widgets.boxes_panel import BoxesPanel
from station.ui.widgets.document_preview import DocumentPreview
from station.ui.widgets.health_bar import FitLabel, HealthBar
from station.ui.widgets.order_panel import OrderPanel
from station.ui.widgets.status_banner import StatusBanner
from station.ui.widgets.step_indicator import Mark, Stage, StepIndicator
from station.ui.worker import BACKGROUND, Task, Worker
from station.ui.workflow_texts import (
    packer_error,
    packer_text,
    printer_state_text,
    queued_reason,
)
from station.workflow.events import (
    ConfirmationAccepted,
    ConfirmationQueued,
    ConfirmationRejected,
    DocumentKind,
    DocumentPrinted,
    Event,
    ItemVerified,
    LabelReady,
    OrderCancelled,
    OrderLoaded,
    PrintFailed,
    ProgressReported,
    Step,
    StepChanged,
)
from station.workflow.scan import validate_po

log = logging.getLogger("station.ui.main_window")

AUTO_ADVANCE_MS = 2500
SEND_PATIENCE_MS = 20_000  # "Sending…" longer than this says QUEUED: it goes out by itself
# A number a packer types into a carton field (never a PO: those have letters or 8 digits).
_TYPED_NUMBER = re.compile(r"\d{1,5}(?:[.,]\d{1,3})?|[.,]\d{1,3}")
HEALTH_INTERVAL_MS = 3000
SCALE_INTERVAL_MS = 250
PRINTER_CHECK_EVERY = 5  # printer status every 5th health round (they can be slow to answer)

# Optional screens owned by other modules: (module, function, menu text).
OPTIONAL_SCREENS = {
    "settings": ("station.ui.settings", "open_settings"),
    "history": ("station.ui.history", "open_history"),
    "status_updates": ("station.ui.status_updates", "open_status_updates"),
    "support": ("station.ui.support", "export_support_bundle"),
    "command_sheet": ("station.ui.command_sheet", "print_command_sheet"),
    "mcf": ("station.ui.mcf", "open_mcf"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# The demo book's kinds of order, as the demo bar names them (translated where shown).
DEMO_KIND_NAMES: dict[str, str] = {
    "plain": str(QT_TRANSLATE_NOOP("MainWindow", "plain")),
    "gift": str(QT_TRANSLATE_NOOP("MainWindow", "gift")),
    "pslip": str(QT_TRANSLATE_NOOP("MainWindow", "packing slip")),
    "priority": str(QT_TRANSLATE_NOOP("MainWindow", "priority")),
    "zpl": str(QT_TRANSLATE_NOOP("MainWindow", "ZPL label")),
    "cancelled": str(QT_TRANSLATE_NOOP("MainWindow", "cancelled")),
}

# The document kinds "STOP — the {doc} did not print" names; translated where they are shown.
DOCUMENT_NAMES = (
    QT_TRANSLATE_NOOP("MainWindow", "label"),
    QT_TRANSLATE_NOOP("MainWindow", "slip"),
    QT_TRANSLATE_NOOP("MainWindow", "invoice"),
)


class MainWindow(QMainWindow):
    """``handle_scan(text)`` is the one entry point of scanners (wedge, serial) and tests."""

    state_changed = Signal(str)  # "idle", "busy", "ready", "error", "confirmed", … for tests

    def __init__(
        self,
        runtime: Any,
        engine: Any,
        worker: Worker,
        *,
        player: SoundPlayer | None = None,
    ) -> None:
        super().__init__()
        self.runtime = runtime
        self.engine = engine
        self.worker = worker
        self.settings: Settings = runtime.settings
        self.session: Any = None  # the engine's PackSession of the PO on screen
        self.po: str | None = None
        # The one scan (engine session) on screen: events and results of any other are ignored.
        self.scan_id: int | None = None
        self._lookup_po = ""
        self._lookup_started = 0.0
        self._lookup_task: Task | None = None  # the worker's task of the lookup on screen
        self.step = Step.IDLE
        self.state = "idle"
        self._health_round = 0
        self._health_pending = False
        self._refusal: QMessageBox | None = None
        self.setWindowTitle(_tr("Packing Station"))
        self._build(player)
        self._build_menus()
        worker.event_received.connect(self.on_event)
        self._unsubscribe = engine.add_listener(worker.post_event)
        self._advance = QTimer(self)
        self._advance.setSingleShot(True)
        self._advance.timeout.connect(self._advance_due)
        self._advance_scan: int | None = None
        self._send_watch = QTimer(self)  # a confirmation being sent that Amazon never answers
        self._send_watch.setSingleShot(True)
        self._send_watch.timeout.connect(self._send_overdue)
        self._send_watch_scan: int | None = None
        self._lookup_clock = QTimer(self)
        self._lookup_clock.setInterval(1000)
        self._lookup_clock.timeout.connect(self._lookup_tick)
        self._health = QTimer(self)
        self._health.timeout.connect(self.check_health)
        self._health.start(HEALTH_INTERVAL_MS)
        demo_dir = getattr(runtime, "demo_dir", None)
        if demo_dir is not None:
            from station.ui.demo import demo_pos

            tries = ", ".join(
                f"{po} ({_tr(DEMO_KIND_NAMES.get(kind, kind))})" for po, kind in demo_pos(runtime)
            )
            self.demo_bar.setText(
                _tr("DEMO — scan a PO: {pos} · printed files go to {folder}").format(
                    pos=tries or "-", folder=Path(demo_dir) / "printers"
                )
            )
            self.demo_bar.show()
        self.reset_to_idle()
        self._warn_small_labels()
        QTimer.singleShot(0, self.check_health)
        # The scale is read on its own thread; this only looks at its latest reading.
        self.weights = WeightCapture()
        self._scale = runtime.scale_poller() if hasattr(runtime, "scale_poller") else None
        self._scale_timer = QTimer(self)
        self._scale_timer.timeout.connect(self.read_scale)
        if self._scale is not None:
            self._scale_timer.start(SCALE_INTERVAL_MS)

    def read_scale(self) -> None:
        """Show the scale's latest reading; a stable one fills the weight of the carton being
        entered (never a typed weight, never the same load twice)."""
        reading = self._scale.latest if self._scale is not None else None
        if reading is None:
            return
        self.boxes.show_scale(reading)
        entering = self.po is not None and self.step in (
            Step.NEEDS_BOXES,
            Step.PRINTING,
            Step.BOXES,
        )
        if not entering or self.boxes.weight_origin == "typed":
            self.weights.see(reading)
            return
        offered = self.weights.offer(reading)
        if offered is not None:
            self.boxes.offer_scale_weight(offered)

    def _warn_small_labels(self) -> None:
        """Before the first label: a 300-dpi label printer prints Amazon's PNG labels small."""
        problem = self.runtime.png_label_problem()
        if problem is None:
            return
        self.show_warning(
            _tr("Labels will print at {percent} % of their size").format(percent=problem.percent),
            _tr(
                "The label printer is set to {dpi} dpi; Amazon's PNG labels are drawn for 203 "
                "dpi and their barcodes are never stretched."
            ).format(dpi=problem.dpi),
            _tr(
                "Use a 203-dpi label printer, or set the warehouse's label format to ZPL in "
                "Settings (ZPL labels print at their true size)."
            ),
        )

    # -- layout ----------------------------------------------------------------------------

    def _build(self, player: SoundPlayer | None) -> None:
        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 6, 10, 4)
        outer.setSpacing(6)
        self.demo_bar = FitLabel()  # shortened with … on a narrow screen, whole in its tooltip
        self.demo_bar.setObjectName("demoBar")
        self.demo_bar.setStyleSheet(
            "#demoBar { background: #6a1b9a; color: white; font-size: 12pt; font-weight: bold;"
            " padding: 2px 10px; border-radius: 6px; }"
        )
        self.demo_bar.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_bar.hide()
        self.banner = StatusBanner()
        self.steps = StepIndicator()
        outer.addWidget(self.demo_bar)
        outer.addWidget(self.banner)
        outer.addWidget(self.steps)
        # The order (its lines as tall as the screen allows) on the left; the cartons and the
        # two previews on the right. Fits a 1366×768 bench PC with every control in view.
        grid = QGridLayout()
        grid.setSpacing(8)
        self.order_panel = OrderPanel()
        self.boxes = BoxesPanel(self.settings.box_presets)
        self.label_view = DocumentPreview(_tr("Label"), _tr("The label appears here"))
        self.slip_view = DocumentPreview(_tr("Packing slip"), _tr("No packing slip"))
        grid.addWidget(self.order_panel, 0, 0, 2, 1)
        grid.addWidget(self.boxes, 0, 1, 1, 2)
        grid.addWidget(self.label_view, 1, 1)
        grid.addWidget(self.slip_view, 1, 2)
        grid.setColumnStretch(0, 10)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        outer.addLayout(grid, 1)
        self.setCentralWidget(central)
        self.health = HealthBar(self.statusBar())
        self.site_status = attach_site_status(self.statusBar(), self.runtime)  # warehouse mode
        self.feedback = Feedback(central, player)
        self.boxes.preset_chosen.connect(
            lambda pid: self.run_command(Command(CommandKind.BOX, pid))
        )
        self.boxes.next_box_requested.connect(
            lambda: self.run_command(Command(CommandKind.NEXTBOX))
        )
        self.boxes.confirm_requested.connect(lambda: self.run_command(Command(CommandKind.CONFIRM)))
        self.boxes.reprint_requested.connect(lambda: self.run_command(Command(CommandKind.REPRINT)))
        self.boxes.cancel_requested.connect(lambda: self.run_command(Command(CommandKind.CANCEL)))
        self.resize(1366, 700)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        station = bar.addMenu(_tr("&Station"))
        self.optional_actions: dict[str, QAction] = {}
        quick: list[QAction] = []  # also on the menu bar itself: one row, not two
        for key, text in (
            ("history", _tr("History")),
            ("settings", _tr("Settings")),
            ("command_sheet", _tr("Print command sheet")),
            ("status_updates", _tr("Carrier status updates")),
            ("support", _tr("Export support bundle")),
            ("mcf", _tr("Amazon fulfilment")),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, k=key: self.open_optional(k))
            station.addAction(action)
            if key in ("history", "settings", "command_sheet"):
                quick.append(action)
            self.optional_actions[key] = action
        station.addSeparator()
        quit_action = QAction(_tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        station.addAction(quit_action)
        help_menu = bar.addMenu(_tr("&Help"))
        folder = QAction(_tr("Open the demo printer folder"), self)
        folder.triggered.connect(self.open_demo_folder)
        folder.setEnabled(getattr(self.runtime, "demo_dir", None) is not None)
        help_menu.addAction(folder)
        help_menu.addSeparator()
        about = QAction(_tr("About Packing Station"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        for action in quick:
            bar.addAction(action)

    def about_text(self) -> str:
        """The About box: the version (station.__version__, the one the installer shows too),
        the station id and the libraries IT may be asked about."""
        import PySide6
        from PySide6.QtCore import qVersion

        from station import __version__

        settings = getattr(self.runtime, "settings", None)
        return _tr(
            "Packing Station {version}\n"
            "Station {station}\n\n"
            "Python {python}, Qt {qt}, PySide6 {pyside}\n"
            "Fonts: DejaVu (free license)."
        ).format(
            version=__version__,
            station=getattr(settings, "station_id", "-"),
            python=sys.version.split()[0],
            qt=qVersion(),
            pyside=getattr(PySide6, "__version__", "?"),
        )

    def show_about(self) -> None:
        QMessageBox.about(self, _tr("About Packing Station"), self.about_text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        central = self.centralWidget()
        if central is not None:
            self.feedback.flash.setGeometry(central.rect())

    # -- other screens ---------------------------------------------------------------------

    def open_optional(self, key: str) -> Any:
        module_name, function_name = OPTIONAL_SCREENS[key]
        try:
            function: Callable[..., Any] = getattr(
                importlib.import_module(module_name), function_name
            )
        except (ImportError, AttributeError):
            QMessageBox.information(
                self, _tr("Not available yet"), _tr("This screen is not available yet.")
            )
            return None
        # The scanner stays on: a scan made while this screen is open is refused loudly by
        # handle_scan (never typed into one of its fields); typing reaches the fields as typed.
        try:
            return function(self, self.runtime)
        except StationError as exc:
            self.show_error(exc)
            return None

    def open_demo_folder(self) -> None:
        demo_dir = getattr(self.runtime, "demo_dir", None)
        if demo_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(demo_dir) / "printers")))

    # -- states ------------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        emit(self.state_changed, state)

    def reset_to_idle(self) -> None:
        self._advance.stop()
        self._lookup_clock.stop()
        self._send_watch.stop()
        self.scan_id = None
        self.session = None
        self.po = None
        self.step = Step.IDLE
        self.order_panel.clear()
        self.boxes.reset()
        self.label_view.clear()
        self.slip_view.clear()
        self.steps.reset()
        self.setWindowTitle(_tr("Packing Station"))
        self.banner.show_status(
            Tone.IDLE,
            _tr("Scan a PO barcode"),
            _tr("Scan the PO on the packing list — from anywhere, whatever is selected."),
        )
        self._set_state("idle")

    def show_error(self, error: StationError, headline: str | None = None) -> None:
        """The loud state: red, ✖, STOP, the problem and what to do next; error sound."""
        if headline is None:
            if isinstance(error, NetworkError):
                headline = _tr("STOP — no connection to Amazon")
            elif isinstance(error, PrinterError):
                headline = _tr("STOP — printer problem")
            elif isinstance(error, ScanError):
                headline = _tr("STOP — check this scan")
            elif isinstance(error, SiteUnavailableError) and self.site_status is not None:
                headline = _tr("STOP — the site database is away")
                self.site_status.check_now()
            else:
                headline = _tr("STOP — this order cannot go on")
        message, hint = packer_error(error)
        self.banner.show_status(
            Tone.ERROR,
            headline,
            message[:400],
            _tr("What to do: {hint}").format(hint=hint),
        )
        self.feedback.error()
        if isinstance(error, NetworkError):
            self.health.set_network(False, error.message)
        self.last_error = error
        self._set_state("error")

    def show_warning(self, headline: str, detail: str, hint: str = "") -> None:
        self.banner.show_status(Tone.WARNING, headline, detail, hint)
        self.feedback.attention()
        self._set_state("warning")

    def _busy(self, headline: str, detail: str = "") -> None:
        self.banner.show_status(Tone.BUSY, headline, detail)
        self._set_state("busy")

    # -- scans -------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog is not self:
            self._refuse_in_dialog(dialog, text)
            return
        if is_command(text):
            try:
                command = parse_command(text, self.boxes.presets.keys())
            except ScanError as exc:
                self.show_error(exc, _tr("STOP — unknown command barcode"))
                return
            if command is not None:
                self.run_command(command)
            return
        if self._expects_items():
            self._scan_item(text)
            return
        item_codes = self._item_codes()
        if text.upper() in {code.upper() for code in item_codes}:
            # An item of the open order while no item check waits for one: the order stays.
            self.show_warning(
                _tr("Item of PO {po} — no item check needed now").format(po=self.po or "-"),
                _tr("Scanned '{text}'. The order stays open.").format(text=text[:40]),
                _tr("Pack it, enter the box, then confirm."),
            )
            return
        if self._typed_into_field(text):
            return
        if not is_meaningful(text, item_codes):
            suspicion = suspect_layout(text, lambda t: is_meaningful(t, item_codes))
            if suspicion is not None:
                self.show_warning(
                    _tr("Keyboard layout garbles the scans"),
                    _tr("Scanned '{text}'.").format(text=text[:40]),
                    suspicion.advice(),
                )
                return
        try:
            po = validate_po(text)
        except ScanError as exc:
            if self._order_open():
                # A stray scan never discards the order in hand (nor its boxes).
                self.show_warning(
                    _tr("Not a PO — PO {po} stays open").format(po=self.po),
                    _tr("Scanned '{text}': not a PO, an item of this order or a command.").format(
                        text=text[:40]
                    ),
                    _tr("Carry on with PO {po}, or scan CMD:CANCEL to put it aside.").format(
                        po=self.po
                    ),
                )
            else:
                self.show_error(exc)
            return
        if po == self.po and self._order_open():
            self.banner.show_status(
                Tone.IDLE,
                _tr("PO {po} is already open").format(po=po),
                _tr("Its boxes are kept. Carry on: enter the box, then confirm."),
            )
            self.feedback.attention()
            return
        self._scan_po(po)

    def _order_open(self) -> bool:
        """An order is on screen and not finished: a stray scan must leave it alone."""
        return (
            self.session is not None
            and self.po is not None
            and self.step in (Step.NEEDS_BOXES, Step.LABEL, Step.PRINTING, Step.BOXES)
        )

    def _typed_into_field(self, text: str) -> bool:
        """A quick typist's number ended by Tab or Enter ("12.5"+Tab in Weight) reads like a
        scan; no PO looks like it, so it goes into the carton field that has the cursor."""
        field = QApplication.focusWidget()
        if not isinstance(field, QLineEdit) or not self.boxes.isAncestorOf(field):
            return False
        if _TYPED_NUMBER.fullmatch(text) is None:
            return False
        field.insert(text)
        return True

    def _refuse_in_dialog(self, dialog: QWidget, text: str) -> None:
        """A scan while another window (Settings, History, a message) is open: never typed into
        it, never acted on behind it; said loudly, on top of that window."""
        self.feedback.player.play(Sound.ERROR)
        log.info("a scan of %d characters was refused: another window is open", len(text))
        refusal = self._refusal
        if refusal is not None and shiboken6.isValid(refusal) and refusal.isVisible():
            return  # already saying it
        owner = dialog.windowTitle() or _tr("another window")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Scan not used"),
            _tr("A barcode was scanned while “{window}” is open.").format(window=owner),
            QMessageBox.StandardButton.Ok,
            dialog,
        )
        box.setInformativeText(
            _tr(
                "Nothing was typed and nothing was done with it. Close this window, then scan "
                "again on the packing screen."
            )
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._refusal = box
        box.open()

    def _item_codes(self) -> list[str]:
        order = self.order_panel.order
        if order is None:
            return []
        return [code for line in order.lines for code in line.identifiers]

    def _expects_items(self) -> bool:
        return (
            self.settings.verify_items
            and self.session is not None
            and self.step in (Step.BOXES, Step.PRINTING)
        )

    def _mine(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """``callback`` for a task of the scan on screen now; dropped if another scan (or none)
        is on screen when the task ends."""
        scan_id = self.scan_id

        def call(value: Any) -> None:
            if scan_id is not None and scan_id == self.scan_id:
                callback(value)

        return call

    def _scan_po(self, po: str) -> None:
        """A new scan replaces the one on screen at once. A lookup still running is left: its
        answer is ignored and its PO neither acknowledged nor printed (the engine asks
        ``superseded``); the banner says so."""
        left = self._lookup_po if self._leave_lookup() else ""
        self.reset_to_idle()
        engine = self.engine
        scan_id = engine.next_scan_id()
        self.scan_id = scan_id
        self._lookup_po = po
        self._lookup_started = time.monotonic()
        self.step = Step.LOOKING_UP
        detail = po
        if left:
            detail = _tr("{po} — the lookup of PO {old} was abandoned").format(po=po, old=left)
        self._busy(_tr("Looking up the PO…"), detail)
        self.steps.set_mark(Stage.SCANNED, Mark.CURRENT)
        self._lookup_clock.start()

        def superseded() -> bool:  # asked on the worker thread: a plain attribute read
            return self.scan_id != scan_id

        def done(session: Any) -> None:
            if self.scan_id == scan_id:
                self._po_scanned(session)

        def failed(error: StationError) -> None:
            if self.scan_id == scan_id:
                self._flow_error(error)

        self._lookup_task = self.worker.submit(
            lambda: engine.scan_po(po, scan_id=scan_id, superseded=superseded),
            on_done=done,
            on_error=failed,
            name="looking up the PO",
        )

    def _leave_lookup(self) -> bool:
        """The packer walks away from the lookup on screen (a new scan, CMD:CANCEL): the worker
        drops it, so what comes next never waits behind a call Amazon may never answer. Its
        late answer is ignored (another scan is on screen) and it prints nothing (the engine
        asks ``superseded`` before acknowledging and before printing). True when a lookup was
        left this way."""
        task, self._lookup_task = self._lookup_task, None
        fetching = self.step in (Step.LOOKING_UP, Step.LABEL) and self.scan_id is not None
        return fetching and task is not None and self.worker.abandon(task)

    def _lookup_tick(self) -> None:
        """A lookup that takes long says how long, and how to give up on it."""
        if self.step is not Step.LOOKING_UP or self.scan_id is None:
            self._lookup_clock.stop()
            return
        seconds = int(time.monotonic() - self._lookup_started)
        if seconds < 3 or self.state == "error":
            return
        self.banner.show_status(
            Tone.BUSY,
            _tr("Looking up PO {po}… {seconds} s").format(po=self._lookup_po, seconds=seconds),
            _tr("Amazon is slow to answer."),
            _tr("Wait, or scan CMD:CANCEL (Esc) to give up; nothing is printed for it."),
        )

    def _po_scanned(self, session: Any) -> None:
        self._lookup_clock.stop()
        self.session = session
        self.po = session.po
        self.health.set_network(True)
        if session.already_shipped:
            when = session.already_shipped_at
            self.show_warning(
                _tr("ALREADY SHIPPED — do not ship again"),
                _tr("PO {po} was shipped {when}by {who}.").format(
                    po=session.po,
                    when=f"{when:%Y-%m-%d %H:%M} " if when else "",
                    who=_tr("another desk (Amazon shows the PO shipped)")
                    if getattr(session, "shipped_elsewhere", False)
                    else session.already_shipped_by or "?",
                ),
                _tr(
                    "Set the items aside and tell the warehouse lead. Scan CMD:REPRINT "
                    "for a copy of the label."
                ),
            )
            return
        self._show_step_state(session.step)

    def _scan_item(self, text: str) -> None:
        engine, session = self.engine, self.session
        self.worker.submit(
            lambda: engine.scan_item(session, text),
            on_done=lambda _event: None,  # the ItemVerified event updates the screen
            on_error=self._mine(lambda exc: self.show_error(exc, _tr("STOP — wrong item"))),
            name="checking the item",
        )

    def _flow_error(self, error: StationError) -> None:
        if isinstance(error, NetworkError):
            self.health.set_network(False, error.message)
        elif not isinstance(error, ScanError):
            self.health.set_network(True)
        self.steps.set_mark(self._stage_of(self.step), Mark.FAILED)
        self.show_error(error)

    # -- commands ----------------------------------------------------------------------------

    def run_command(self, command: Command) -> None:
        handlers: dict[CommandKind, Callable[[Command], None]] = {
            CommandKind.BOX: self._cmd_box,
            CommandKind.NEXTBOX: self._cmd_next_box,
            CommandKind.CONFIRM: self._cmd_confirm,
            CommandKind.REPRINT: self._cmd_reprint,
            CommandKind.CANCEL: self._cmd_cancel,
        }
        handlers[command.kind](command)

    def _require_session(self) -> bool:
        if self.session is None:
            self.show_error(
                ScanError(
                    _tr("No order is open"), hint=_tr("Scan the PO barcode first, then the box.")
                )
            )
            return False
        return True

    def _cmd_box(self, command: Command) -> None:
        try:
            preset = self.boxes.apply_preset(command.argument)
        except ScanError as exc:
            self.show_error(exc)
            return
        if self._still_shipped():
            return
        self.feedback.player.play(Sound.SUCCESS)
        if self.session is not None and self.state not in ("error",):
            self.banner.show_status(
                Tone.SUCCESS,
                _tr("Box {name} chosen").format(name=preset.name),
                _tr(
                    "Weigh the packed box and type its weight, then scan CMD:CONFIRM "
                    "(or CMD:NEXTBOX for another box)."
                ),
            )
            self._set_state("box")

    def _still_shipped(self) -> bool:
        """An already shipped order stays ALREADY SHIPPED whatever is scanned for it."""
        if self.session is not None and self.session.already_shipped:
            self._po_scanned(self.session)
            return True
        return False

    def _cmd_next_box(self, _command: Command) -> None:
        if not self._require_session() or self._still_shipped():
            return
        try:
            box = self.boxes.commit_draft()
        except ScanError as exc:
            self.show_error(exc, _tr("STOP — check the box"))
            return
        self.banner.show_status(
            Tone.SUCCESS,
            _tr("Box {n} recorded").format(n=len(self.boxes.boxes)),
            _tr("Scan or type the next box ({preset}).").format(preset=box.preset_id or "-"),
        )
        self._set_state("box")

    def _cmd_confirm(self, _command: Command) -> None:
        if not self._require_session():
            return
        try:
            boxes = self.boxes.boxes_to_ship()
        except ScanError as exc:
            self.show_error(exc, _tr("STOP — check the box"))
            return
        engine, session = self.engine, self.session
        if self.step is Step.NEEDS_BOXES:
            # One scan does it all: request the label with these boxes, print it, and confirm
            # when it printed (and every item is checked, when verification is on).
            verify = self.settings.verify_items
            self._busy(_tr("Requesting the label…"), _tr("{n} box(es)").format(n=len(boxes)))

            def label_then_confirm() -> Any:
                engine.set_boxes(session, boxes)
                if session.step is not Step.BOXES or verify:
                    return session
                return engine.confirm(session)

            self.worker.submit(
                label_then_confirm,
                on_done=self._mine(
                    lambda result: self._show_step_state(result.step) if result is session else None
                ),
                on_error=self._mine(self._flow_error),
                name="requesting the label",
            )
            return
        self._busy(_tr("Confirming the shipment…"), _tr("{n} box(es)").format(n=len(boxes)))
        self.worker.submit(
            lambda: engine.confirm(session, boxes),
            on_done=lambda _item: None,  # ConfirmationQueued/Accepted events follow
            on_error=self._mine(self._flow_error),
            name="confirming the shipment",
        )

    def _cmd_reprint(self, _command: Command) -> None:
        if not self._require_session():
            return
        engine, session = self.engine, self.session
        self._busy(_tr("Reprinting…"))
        self.worker.submit(
            lambda: engine.reprint(session),
            on_done=self._mine(lambda ok: self._reprinted(session, ok)),
            on_error=self._mine(self._flow_error),
            name="reprinting",
        )

    def _reprinted(self, session: Any, ok: bool) -> None:
        """The reprint is over: "Reprinting…" gives way to what is true now (a STOP that the
        failed print raised goes too: its cause is gone)."""
        if not ok:
            return  # PrintFailed already said what did not print
        if self.state == "error":
            self._set_state("busy")
        if session.already_shipped:
            self._po_scanned(session)  # ALREADY SHIPPED stays
            return
        if session.step in (Step.BOXES, Step.NEEDS_BOXES):
            self._show_step_state(session.step)
            return
        self.banner.show_status(
            Tone.SUCCESS,
            _tr("Reprinted"),
            _tr("PO {po}: the documents printed again.").format(po=session.po),
        )
        self._set_state("ready")

    def _cmd_cancel(self, _command: Command) -> None:
        po = self.po
        looking_up = self._lookup_po if self._leave_lookup() else ""
        self.reset_to_idle()
        if looking_up:
            self.banner.show_status(
                Tone.IDLE,
                _tr("Lookup of PO {po} abandoned — scan the next PO").format(po=looking_up),
                _tr("Nothing is printed or confirmed for it. Scan it again to try later."),
            )
        elif po:
            self.banner.show_status(
                Tone.IDLE,
                _tr("PO {po} put aside — scan the next PO").format(po=po),
                _tr("Nothing was confirmed. Scan it again to continue later."),
            )

    # -- engine events -----------------------------------------------------------------------

    def on_event(self, event: Event) -> None:
        po = event.purchase_order_number
        if event.session_id is None or event.session_id != self.scan_id:
            if isinstance(event, ConfirmationAccepted | ConfirmationRejected | ConfirmationQueued):
                self._refresh_outbox()  # another scan's outcome: only the counters change
            return
        if isinstance(event, StepChanged):
            self._on_step(event)
        elif isinstance(event, OrderLoaded):
            self.po = event.order.purchase_order_number
            # Known now, not only when scan_po returns: the packer may scan a box meanwhile.
            # (A dict lookup under the engine's lock: no I/O on the GUI thread.)
            known = self.engine.session(self.po)
            if known is not None and known.scan_id == event.session_id:
                self.session = known
            self.order_panel.show_order(event.order, verifying=self.settings.verify_items)
            # The taskbar (and whoever watches the window from outside) sees the order too.
            self.setWindowTitle(_tr("PO {po} — Packing Station").format(po=self.po))
            self.steps.set_mark(Stage.SCANNED, Mark.DONE)
            if not event.order.is_pslip_required:
                self.steps.set_mark(Stage.SLIP, Mark.SKIPPED)
                self.slip_view.clear(_tr("No packing slip for this order"))
        elif isinstance(event, OrderCancelled):
            # Packed from the prefetch cache, cancelled since: stop before it ships.
            self.steps.set_mark(Stage.CONFIRMED, Mark.FAILED)
            self.show_error(
                event.error, _tr("STOP — PO {po} was cancelled: do not ship it").format(po=po)
            )
        elif isinstance(event, LabelReady):
            self._render_label(event)
        elif isinstance(event, DocumentPrinted):
            self._on_printed(event)
        elif isinstance(event, PrintFailed):
            stage = Stage.LABEL if event.document is DocumentKind.LABEL else Stage.SLIP
            self.steps.set_mark(stage, Mark.FAILED)
            self.health.set_printer(
                self.health.label_printer if stage is Stage.LABEL else self.health.slip_printer,
                _tr("Label printer") if stage is Stage.LABEL else _tr("Slip printer"),
                False,
                event.error.message[:60],
            )
            self.show_error(
                event.error,
                _tr("STOP — the {doc} did not print").format(doc=_tr(event.document.value)),
            )
        elif isinstance(event, ItemVerified):
            self.order_panel.set_verified(event.item_sequence_number, event.scanned, event.ordered)
            self.feedback.success()
            self.banner.show_status(
                Tone.SUCCESS,
                _tr("Item {scanned} of {ordered} for line {line}").format(
                    scanned=event.scanned, ordered=event.ordered, line=event.item_sequence_number
                ),
                _tr("Scan the next item, or the box and CMD:CONFIRM when all are checked."),
            )
            self._set_state("item")
        elif isinstance(event, ConfirmationQueued):
            self._refresh_outbox()
            if event.offline:
                if self.site_status is None:  # a site bench waits for its database, not Amazon
                    self.health.set_network(
                        False, _tr("The confirmation waits for the network"), outbox=True
                    )
                self._show_queued(po or "", queued_reason(event.reason) if event.reason else "")
            else:
                # Recorded: only now are the steps before it done.
                self.steps.advance_to(Stage.CONFIRMED)
                self._busy(_tr("Sending the confirmation to Amazon…"), po or "")
                self._send_watch_scan = self.scan_id
                self._send_watch.start(SEND_PATIENCE_MS)
        elif isinstance(event, ConfirmationAccepted):
            self._refresh_outbox()
            self.health.set_network(True)
            for stage in Stage:
                if self.steps.marks[stage] is not Mark.SKIPPED:
                    self.steps.set_mark(stage, Mark.DONE)
            self.banner.show_status(
                Tone.SUCCESS,
                _tr("CONFIRMED — PO {po} is shipped").format(po=po),
                _tr("Amazon accepted the shipment. Scan the next PO."),
            )
            self.feedback.success()
            self._set_state("confirmed")
            self._auto_advance()
        elif isinstance(event, ConfirmationRejected):
            self._refresh_outbox()
            reasons = "; ".join(f"{e.code}: {e.message}" for e in event.errors) or event.message
            self.steps.set_mark(Stage.CONFIRMED, Mark.FAILED)
            self.show_error(
                StationError(
                    _tr("Amazon rejected the confirmation of PO {po}: {reasons}").format(
                        po=po, reasons=reasons[:300]
                    ),
                    hint=_tr("Fix what Amazon names and confirm again, or see History."),
                ),
                _tr("STOP — Amazon rejected the shipment"),
            )
        elif isinstance(event, ProgressReported) and self.state == "busy":
            self.banner.detail.setText(packer_text(event.message))

    def _show_queued(self, po: str, reason: str) -> None:
        """The confirmation is recorded but not (yet) accepted: say so, and why, never
        "Sending…" for ever."""
        self._send_watch.stop()
        self.steps.set_mark(Stage.CONFIRMED, Mark.CURRENT)
        detail = _tr("PO {po} is recorded; the station sends it by itself.").format(po=po)
        if reason:
            detail += " " + _tr("Not sent yet: {reason}").format(reason=reason[:200])
        self.show_warning(
            _tr("QUEUED — PO {po} goes out by itself").format(po=po),
            detail,
            _tr("Ship the box and scan the next PO. History shows when it is sent."),
        )
        self._set_state("queued")
        self._auto_advance()

    def _send_overdue(self) -> None:
        if self._send_watch_scan != self.scan_id or self.state != "busy":
            return
        self._show_queued(
            self.po or "",
            _tr("Amazon has not answered for {s} s.").format(s=SEND_PATIENCE_MS // 1000),
        )

    def _on_step(self, event: StepChanged) -> None:
        if event.step is Step.FAILED:
            return  # the error itself arrives through the failed call; keep where it failed
        self.step = event.step
        if event.step in (Step.LOOKING_UP, Step.LABEL, Step.PRINTING, Step.CONFIRMING):
            stage = {
                Step.LOOKING_UP: Stage.SCANNED,
                Step.LABEL: Stage.LABEL,
                Step.PRINTING: Stage.LABEL,
                Step.CONFIRMING: Stage.CONFIRMED,
            }[event.step]
            if self.steps.marks[stage] not in (Mark.DONE, Mark.FAILED):
                self.steps.set_mark(stage, Mark.CURRENT)
            if self.state != "error":
                self._busy(packer_text(event.message) or event.step.value)
        elif event.step in (Step.BOXES, Step.NEEDS_BOXES) and self.state not in ("error",):
            self._show_step_state(event.step)

    def _show_step_state(self, step: Step) -> None:
        self.step = step
        if self.state == "error":
            return
        if step is Step.NEEDS_BOXES:
            # The label (and slip) come after the boxes here: only the scan is done.
            self.steps.set_mark(Stage.SCANNED, Mark.DONE)
            self.steps.set_mark(Stage.LABEL, Mark.TODO)
            self.steps.set_mark(Stage.BOXES, Mark.CURRENT)
            self.banner.show_status(
                Tone.IDLE,
                _tr("Enter the box — the label is requested with it"),
                _tr("Scan a box barcode (or type the size and weight), then CMD:CONFIRM."),
            )
            self._set_state("needs_boxes")
        elif step is Step.BOXES:
            self.steps.advance_to(Stage.BOXES)
            verify = self.settings.verify_items
            self.banner.show_status(
                Tone.SUCCESS,
                _tr("Printed — pack the order"),
                _tr("Scan every item, then the box barcode and CMD:CONFIRM.")
                if verify
                else _tr("Scan the box barcode (or type size and weight), then CMD:CONFIRM."),
            )
            self.feedback.success()
            self._set_state("ready")

    @staticmethod
    def _stage_of(step: Step) -> Stage:
        return {
            Step.IDLE: Stage.SCANNED,
            Step.LOOKING_UP: Stage.SCANNED,
            Step.NEEDS_BOXES: Stage.BOXES,
            Step.LABEL: Stage.LABEL,
            Step.PRINTING: Stage.LABEL,
            Step.BOXES: Stage.BOXES,
        }.get(step, Stage.CONFIRMED)

    def _on_printed(self, event: DocumentPrinted) -> None:
        if event.document is DocumentKind.LABEL:
            self.steps.set_mark(Stage.LABEL, Mark.DONE)
            self.health.set_printer(self.health.label_printer, _tr("Label printer"), True)
        elif event.document is DocumentKind.SLIP:
            self.steps.set_mark(Stage.SLIP, Mark.DONE)
            self.health.set_printer(self.health.slip_printer, _tr("Slip printer"), True)
            engine, po, scan_id = self.engine, event.purchase_order_number, event.session_id

            def render() -> Preview:
                session = engine.session(po) if po else None
                mine = session is not None and session.scan_id == scan_id
                slip = getattr(session, "slip", None) if mine else None
                if not slip:
                    return Preview(None, "", _tr("The slip printed; no preview available."))
                return pdf_preview(slip)

            self.worker.submit(
                render,
                on_done=self._mine(self.slip_view.show_preview),
                on_error=self._mine(lambda exc: self.slip_view.clear(exc.message)),
                name="drawing the slip preview",
            )

    def _render_label(self, event: LabelReady) -> None:
        packages = event.labels.packages
        data = packages[0].document.data
        dpi = self.settings.printers.label.dpi
        count = len(packages)

        def render() -> Preview:
            preview = label_preview(data, dpi)
            if count > 1:
                extra = _tr(" — label 1 of {count}").format(count=count)
                return Preview(preview.image, preview.text, preview.notice + extra)
            return preview

        self.worker.submit(
            render,
            on_done=self._mine(self.label_view.show_preview),
            on_error=self._mine(lambda exc: self.label_view.clear(exc.message)),
            name="drawing the label preview",
        )

    def _auto_advance(self) -> None:
        if self.settings.auto_advance:
            self._advance_scan = self.scan_id
            self._advance.start(AUTO_ADVANCE_MS)

    def _advance_due(self) -> None:
        if self._advance_scan is not None and self._advance_scan == self.scan_id:
            self.reset_to_idle()

    # -- health --------------------------------------------------------------------------------

    def check_health(self) -> None:
        """Outbox counters every round; printers every few rounds; only while the worker idles."""
        if self._health_pending or self.worker.busy:
            return
        self._health_round += 1
        with_printers = self._health_round % PRINTER_CHECK_EVERY == 1
        runtime = self.runtime

        def probe() -> dict[str, Any]:
            items = runtime.outbox.list(
                states=(
                    OutboxState.PENDING,
                    OutboxState.SENDING,
                    OutboxState.UNKNOWN,
                    OutboxState.SENT,
                    OutboxState.FAILED,
                )
            )
            result: dict[str, Any] = {
                "queued": sum(
                    1 for i in items if i.state in (OutboxState.PENDING, OutboxState.UNKNOWN)
                ),
                "sending": sum(
                    1 for i in items if i.state in (OutboxState.SENDING, OutboxState.SENT)
                ),
                "failed": sum(1 for i in items if i.state is OutboxState.FAILED),
                # A bench of a site hands its items to the site database, not to Amazon: the
                # status bar's site item says when that waits.
                "offline": getattr(runtime, "site", None) is None
                and any(
                    i.state is OutboxState.PENDING and i.attempts > 0 and i.last_error
                    for i in items
                ),
            }
            # Printers answer on their own thread (a dead one takes seconds to time out, and
            # this worker runs the packer's scans): read what they said, ask again now and then.
            monitor = runtime.printer_monitor()
            if with_printers:
                monitor.request()
            for key, status in monitor.news().items():
                detail = {
                    PrinterState.ONLINE: "",
                    PrinterState.UNKNOWN: _tr("state unknown"),
                }.get(status.state, printer_state_text(status.state.value, status.detail))
                result[key] = (status.state.can_print, detail)
            return result

        self._health_pending = True
        self.worker.submit(
            probe,
            on_done=self._health_done,
            on_error=self._health_failed,
            name="checking the station's health",
            priority=BACKGROUND,
        )

    def _health_done(self, result: dict[str, Any]) -> None:
        self._health_pending = False
        self.health.set_outbox(result["queued"], result["sending"], result["failed"])
        if result["offline"]:
            self.health.set_network(
                False, _tr("Confirmations are waiting for the network"), outbox=True
            )
        elif self.health.offline_for_outbox:
            self.health.set_network(True)  # what waited for the network went out
        for key, label, name in (
            ("label", self.health.label_printer, _tr("Label printer")),
            ("slip", self.health.slip_printer, _tr("Slip printer")),
        ):
            if key in result:
                ok, detail = result[key]
                self.health.set_printer(label, name, ok, detail)

    def _health_failed(self, error: StationError) -> None:
        self._health_pending = False
        log.warning("health check failed: %s", error.message)

    def _refresh_outbox(self) -> None:
        QTimer.singleShot(0, self.check_health)

    # -- shutdown ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._health.stop()
        self._advance.stop()
        self._unsubscribe()
        super().closeEvent(event)
