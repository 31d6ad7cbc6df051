"""The lead's "Amazon fulfilment" screen: web-shop orders sent to Amazon's network (MCF).

List the imported orders, preview one (speeds, dates, fees, FBA stock for the chosen blank box /
block Amazon Logistics / signature), then send it to Amazon, pack it here, release it from hold or
cancel it; tracking exports as CSV for the shop. The station refreshes statuses and tracking in
the background whether this screen is open or not (:mod:`station.workflow.mcf_tracking`); the
screen re-reads the journal every few seconds, and "Refresh tracking" asks Amazon now.

Every call to the desk (journal, keyring, Amazon) runs on a pool thread; the window only shows
results. Nothing shown here contains a customer address: the list holds ids, states and tracking.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.files import read_input_file
from station.ui.background import run_in_background
from station.ui.widgets.record_table import button_row, record_table

if TYPE_CHECKING:
    from station.journal.mcf_orders import McfPackageRecord, McfRecord
    from station.runtime import Runtime
    from station.spapi.mcf import McfFeatures
    from station.workflow.mcf import (
        McfDesk,
        McfPreview,
        NotFulfillableError,
        UnfulfillableReason,
    )
    from station.workflow.mcf_import import ShopOrder

log = logging.getLogger("station.ui.mcf")

RELOAD_MS = 15 * 1000  # the journal, not Amazon: the background tracker writes what it learns
SPEEDS = ("Standard", "Expedited", "Priority")


def _tr(text: str) -> str:
    return QCoreApplication.translate("McfWindow", text)


def state_text(state: str) -> str:
    words = {
        "imported": _tr("Imported"),
        "sending": _tr("Sending (checking with Amazon)"),
        "accepted": _tr("Accepted by Amazon"),
        "on_hold": _tr("On hold"),
        "sent": _tr("Sent to Amazon"),
        "cancelled": _tr("Cancelled"),
        "failed": _tr("Refused by Amazon"),
        "pack_here": _tr("Pack here"),
    }
    return words.get(state, state)


def speed_text(speed: str) -> str:
    words = {
        "Standard": _tr("Standard"),
        "Expedited": _tr("Expedited"),
        "Priority": _tr("Priority"),
        "ScheduledDelivery": _tr("Scheduled"),
    }
    return words.get(speed, speed)


def reason_text(reason: UnfulfillableReason) -> str:
    """One of Amazon's unfulfillable reason codes in the lead's words (translated)."""
    code, _, feature = reason.code.partition(":")
    sku = reason.sku or _tr("an item")
    if code == "FeatureNotEligible":
        option = {
            "BLANK_BOX": _tr("a blank box"),
            "BLOCK_AMZL": _tr("Amazon Logistics blocked"),
            "SIGNATURE_CONFIRMATION": _tr("signature on delivery"),
        }.get(feature, feature)
        return _tr("{sku} cannot ship with {option}").format(sku=sku, option=option)
    words = {
        "ExportRestricted": _tr(
            "Amazon does not ship to this destination from this marketplace (export restricted)"
        ),
        "InvalidDestinationAddress": _tr("Amazon cannot deliver to this address"),
        "InventoryUnavailable": _tr("not enough FBA stock of {sku}"),
        "ItemQuantityNotAvailable": _tr("not enough FBA stock of {sku}"),
        "InvalidSKU": _tr("{sku} is not in FBA stock (no such SKU at Amazon)"),
        "ItemNotEligible": _tr("{sku} cannot ship with the chosen options"),
        "NotAvailableWithBlockAmzl": _tr(
            "this speed needs Amazon Logistics, which the order blocks"
        ),
        "SpeedNotOffered": _tr("this speed is not offered for the order"),
    }.get(code)
    if words is None:
        return _tr("Amazon's reason {code}").format(code=reason.code)
    return words.format(sku=sku)


def not_fulfillable_text(exc: NotFulfillableError) -> tuple[str, str]:
    """Why Amazon's preview says the order cannot be filled, and what the lead can do."""
    reasons = "\n".join(f"• {r}" for r in dict.fromkeys(reason_text(x) for x in exc.reasons))
    why = _tr("Amazon's preview says order {order} cannot be filled ({speed}):").format(
        order=exc.shop_order, speed=speed_text(exc.speed)
    )
    if exc.stock_short:
        advice = _tr(
            "Fix the FBA stock (send the SKUs to Amazon, then preview again), or pack it here."
        )
    elif exc.other_speeds:
        advice = _tr("Choose another speed ({speeds}), or pack it here.").format(
            speeds=", ".join(speed_text(s) for s in exc.other_speeds)
        )
    else:
        advice = _tr("Pack it here: Amazon will not ship it.")
    return f"{why}\n{reasons}", advice


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, StationError):
        return exc.user_text()
    return f"{type(exc).__name__}: {exc}"


class McfWindow(QDialog):
    """Modal screen over an ``McfDesk`` (built lazily, on a pool thread)."""

    COLUMNS = 7

    def __init__(
        self,
        parent: QWidget | None,
        desk_factory: Callable[[], McfDesk],
        *,
        reload_ms: int = RELOAD_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amazon fulfilment"))
        self._factory = desk_factory
        self._desk: McfDesk | None = None
        self.records: list[McfRecord] = []
        self.busy = 0
        self.last_preview: McfPreview | None = None
        self.confirm_box: QMessageBox | None = None  # while the lead is asked (tests answer it)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Web-shop orders: preview what Amazon offers, then send each to Amazon's "
                "fulfilment network or pack it here."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.import_button = QPushButton(self.tr("Import orders (CSV)…"))
        self.type_button = QPushButton(self.tr("Type an order…"))
        self.refresh_button = QPushButton(self.tr("Refresh tracking"))
        self.export_button = QPushButton(self.tr("Export tracking (CSV)…"))
        top = button_row(
            (self.import_button, self.type_button, self.refresh_button, self.export_button)
        )
        top.addStretch(1)
        self.count_label = QLabel("")
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.table = record_table(
            [
                self.tr("Shop order"),
                self.tr("Amazon order id"),
                self.tr("State"),
                self.tr("Amazon status"),
                self.tr("Speed"),
                self.tr("Options"),
                self.tr("Tracking"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        choices = QHBoxLayout()
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(speed_text(speed), speed)
        self.blank_box = QCheckBox(self.tr("Blank box"))
        self.block_amzl = QCheckBox(self.tr("Block Amazon Logistics"))
        self.signature = QCheckBox(self.tr("Signature"))
        self.hold = QCheckBox(self.tr("Hold for review"))
        choices.addWidget(QLabel(self.tr("Speed")))
        for widget in (self.speed, self.blank_box, self.block_amzl, self.signature, self.hold):
            choices.addWidget(widget)
        choices.addStretch(1)
        layout.addLayout(choices)
        note = QLabel(
            self.tr("Blank box, block Amazon Logistics and signature cannot change after sending.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.send_button = QPushButton(self.tr("Send to Amazon"))
        self.pack_here_button = QPushButton(self.tr("Pack here"))
        self.release_button = QPushButton(self.tr("Release hold"))
        self.cancel_button = QPushButton(self.tr("Cancel at Amazon"))
        self.close_button = QPushButton(self.tr("Close"))
        actions = button_row(
            (
                self.preview_button,
                self.send_button,
                self.pack_here_button,
                self.release_button,
                self.cancel_button,
            )
        )
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout.addLayout(actions)

        self.preview_text = QLabel("")
        self.preview_text.setWordWrap(True)
        self.preview_text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.preview_text)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.import_button.clicked.connect(self.choose_import)
        self.type_button.clicked.connect(self.type_order)
        self.refresh_button.clicked.connect(self.refresh_tracking)
        self.export_button.clicked.connect(self.choose_export)
        self.preview_button.clicked.connect(self.preview_selected)
        self.send_button.clicked.connect(self.send_selected)
        self.pack_here_button.clicked.connect(lambda: self._act("pack_here"))
        self.release_button.clicked.connect(lambda: self._act("release"))
        self.cancel_button.clicked.connect(lambda: self._act("cancel"))
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.timer = QTimer(self)
        self.timer.setInterval(reload_ms)
        self.timer.timeout.connect(self._reload_when_idle)
        self.timer.start()
        self.resize(1100, 640)
        self.reload()

    # -- running work off the GUI thread ----------------------------------------------------

    def desk(self) -> McfDesk:
        """The desk, built on first use (pool thread only: it may touch the keyring)."""
        if self._desk is None:
            self._desk = self._factory()
        return self._desk

    def _run(
        self,
        what: str,
        work: Callable[[McfDesk], Any],
        done: Callable[[Any], None] | None = None,
        *,
        reload_on_error: bool = True,
    ) -> None:
        self.busy += 1
        if what:
            self.status.setText(what)
        self._set_enabled()

        def finish_ok(result: Any) -> None:
            self.busy -= 1
            if done is not None:
                done(result)
            self._set_enabled()

        def finish_error(exc: BaseException) -> None:
            self.busy -= 1
            self.status.setText(_error_text(exc))
            self._set_enabled()
            if reload_on_error:  # show what the journal holds now (never after a failed read)
                self.reload()

        run_in_background(
            lambda: work(self.desk()),
            on_success=finish_ok,
            on_failure=finish_error,
            context=self,
            name=f"mcf {what}",
        )

    def _reload_when_idle(self) -> None:
        if not self.busy and self._desk is not None:  # a desk that cannot open: not in a loop
            self.reload()

    def reload(self) -> None:
        """Re-read the journal (orders, packages) and show it."""

        def read(desk: McfDesk) -> tuple[list[McfRecord], list[McfPackageRecord]]:
            return desk.book.orders(), desk.book.packages()

        self._run("", read, self._show, reload_on_error=False)

    def _show(self, data: tuple[list[McfRecord], list[McfPackageRecord]]) -> None:
        records, packages = data
        selected = self.selected()
        tracking: dict[str, list[str]] = {}
        for p in packages:
            if p.tracking_number:
                tracking.setdefault(p.order_id, []).append(f"{p.carrier or ''} {p.tracking_number}")
        self.records = records
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            values = (
                r.shop_order,
                r.order_id,
                state_text(str(r.state)),
                r.amazon_status or "",
                speed_text(r.speed) if r.speed else "",
                ", ".join(r.features),
                "; ".join(tracking.get(r.order_id, [])),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if selected is not None and r.order_id == selected.order_id:
                self.table.selectRow(row)
        self.count_label.setText(self.tr("{count} web-shop order(s).").format(count=len(records)))
        self._set_enabled()

    # -- selection and buttons ---------------------------------------------------------------

    def selected(self) -> McfRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    def select(self, name: str) -> None:
        for row, r in enumerate(self.records):
            if name in (r.order_id, r.shop_order):
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        record = self.selected()
        if record is not None and record.state in ("imported", "failed"):
            self.preview_text.setText("")
        self._set_enabled()

    def _set_enabled(self) -> None:
        record = self.selected()
        state = None if record is None else str(record.state)
        idle = self.busy == 0
        self.preview_button.setEnabled(idle and state in ("imported", "failed"))
        self.send_button.setEnabled(idle and state in ("imported", "failed", "sending"))
        self.pack_here_button.setEnabled(idle and state in ("imported", "failed"))
        self.release_button.setEnabled(idle and state == "on_hold")
        self.cancel_button.setEnabled(idle and state in ("sent", "on_hold", "accepted"))
        for button in (
            self.import_button,
            self.type_button,
            self.refresh_button,
            self.export_button,
        ):
            button.setEnabled(idle)

    def features(self) -> McfFeatures:
        from station.spapi.mcf import McfFeatures

        return McfFeatures(
            blank_box=self.blank_box.isChecked(),
            block_amzl=self.block_amzl.isChecked(),
            signature=self.signature.isChecked(),
        )

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import web-shop orders"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from station.workflow.mcf import ImportSummary

        def work(desk: McfDesk) -> ImportSummary:
            data = read_input_file(path, what="web-shop order file", limit=10 * 2**20)
            if not data:
                raise StationError(
                    self.tr("{file} is empty or larger than 10 MB").format(file=path.name),
                    hint=self.tr("Export the orders again, in smaller files."),
                )
            return desk.import_csv(data)

        def done(summary: ImportSummary) -> None:
            text = self.tr("Imported {added} order(s); {known} were already here.").format(
                added=len(summary.added), known=len(summary.already_known)
            )
            if summary.problems:
                text += (
                    "\n"
                    + self.tr("Not imported:")
                    + "\n"
                    + "\n".join(str(p) for p in summary.problems[:10])
                )
            self.status.setText(text)
            self.reload()

        self._run(self.tr("Importing…"), work, done)

    def type_order(self) -> None:
        from station.ui.mcf_order_dialog import OrderDialog

        dialog = OrderDialog(self)
        try:
            if dialog.exec() and dialog.result_order is not None:
                self.add_order(dialog.result_order)
        finally:
            dialog.deleteLater()

    def add_order(self, order: ShopOrder) -> None:
        def done(added: bool) -> None:
            self.status.setText(
                self.tr("Order {order} added.").format(order=order.shop_order)
                if added
                else self.tr("Order {order} was already here.").format(order=order.shop_order)
            )
            self.reload()

        self._run(self.tr("Working…"), lambda desk: desk.add(order), done)

    def preview_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        features = self.features()
        self._run(
            self.tr("Asking Amazon for a preview…"),
            lambda desk: desk.preview(record.order_id, features),
            self._show_preview,
        )

    def _show_preview(self, preview: McfPreview) -> None:
        self.last_preview = preview
        lines = [self.tr("Order {order}:").format(order=preview.shop_order)]
        for option in preview.options:
            fee = option.total_fee
            lines.append(
                self.tr(
                    "{speed}: {verdict}, ships by {ships}, arrives {arrives}, fees {fees}"
                ).format(
                    speed=speed_text(option.speed),
                    verdict=self.tr("available")
                    if option.fulfillable
                    else self.tr("not available"),
                    ships=f"{option.ship_latest:%Y-%m-%d}" if option.ship_latest else "-",
                    arrives=(
                        f"{option.arrive_earliest:%Y-%m-%d} – {option.arrive_latest:%Y-%m-%d}"
                        if option.arrive_earliest and option.arrive_latest
                        else "-"
                    ),
                    fees=f"{fee.amount} {fee.currency}" if fee else "-",
                )
            )
        for stock in preview.stock:
            if stock.enough:
                lines.append(
                    self.tr("SKU {sku} × {qty}: enough FBA stock").format(
                        sku=stock.sku, qty=stock.quantity
                    )
                )
            else:
                lines.append(
                    self.tr("SKU {sku} × {qty}: not enough FBA stock ({reasons})").format(
                        sku=stock.sku, qty=stock.quantity, reasons=", ".join(stock.reasons)
                    )
                )
        self.preview_text.setText("\n".join(lines))
        self.status.setText(self.tr("Preview ready."))

    def send_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        self._send(record, despite_preview=False)

    def _send(self, record: McfRecord, *, despite_preview: bool) -> None:
        from station.workflow.mcf import NotFulfillableError

        speed = self.speed.currentData()
        features = self.features()
        hold = self.hold.isChecked()

        def work(desk: McfDesk) -> McfRecord | NotFulfillableError:
            try:
                return desk.send(
                    record.order_id,
                    speed=speed,
                    features=features,
                    hold=hold,
                    despite_preview=despite_preview,
                )
            except NotFulfillableError as exc:
                return exc  # the lead decides, on the GUI thread

        def done(result: McfRecord | NotFulfillableError) -> None:
            if isinstance(result, NotFulfillableError):
                why, advice = not_fulfillable_text(result)
                if self.confirm_despite_preview(why, advice):
                    self._send(record, despite_preview=True)
                else:
                    self.status.setText(
                        self.tr("Order {order} not sent. {advice}").format(
                            order=result.shop_order, advice=advice
                        )
                    )
                return
            if str(result.state) == "failed":
                self.status.setText(
                    self.tr("Amazon refused order {order}: {reason}").format(
                        order=result.shop_order, reason=result.last_error or ""
                    )
                )
            else:
                self.status.setText(
                    self.tr("Order {order}: {state}.").format(
                        order=result.shop_order, state=state_text(str(result.state))
                    )
                )
            self.reload()

        self._run(self.tr("Sending to Amazon…"), work, done)

    def confirm_despite_preview(self, why: str, advice: str) -> bool:
        """Ask the lead whether to send an order Amazon's preview says it cannot fill (the
        default answer is not to send it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Amazon cannot fill this order"))
        box.setText(why)
        box.setInformativeText(
            self.tr(
                "{advice}\n\nSend it to Amazon anyway? Amazon will likely mark it unfulfillable."
            ).format(advice=advice)
        )
        send = box.addButton(self.tr("Send anyway"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Do not send"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.confirm_box = box
        box.exec()
        self.confirm_box = None
        return box.clickedButton() is send

    def _act(self, action: str) -> None:
        record = self.selected()
        if record is None:
            return

        def work(desk: McfDesk) -> McfRecord:
            do: Callable[[str], McfRecord] = getattr(desk, action)
            return do(record.order_id)

        def done(result: McfRecord) -> None:
            self.status.setText(
                self.tr("Order {order}: {state}.").format(
                    order=result.shop_order, state=state_text(str(result.state))
                )
            )
            self.reload()

        self._run(self.tr("Working…"), work, done)

    def refresh_tracking(self) -> None:
        if self.busy:
            return

        def done(records: list[McfRecord]) -> None:
            self.status.setText(
                self.tr("Tracking refreshed for {count} order(s).").format(count=len(records))
            )
            self.reload()

        self._run(self.tr("Refreshing tracking…"), lambda desk: desk.refresh(), done)

    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export tracking"), "tracking.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        def work(desk: McfDesk) -> int:
            with path.open("w", encoding="utf-8", newline="") as out:
                return desk.export_tracking(out)

        self._run(
            self.tr("Exporting…"),
            work,
            lambda rows: self.status.setText(
                self.tr("Wrote {rows} tracking number(s) to {file}.").format(
                    rows=rows, file=path.name
                )
            ),
        )


def open_mcf(parent: QWidget | None, runtime: Runtime) -> None:
    """The "Amazon fulfilment" screen over this runtime (modal)."""

    def factory() -> McfDesk:
        from station.mcf_runtime import build_mcf_desk

        return build_mcf_desk(runtime)

    window = McfWindow(parent, factory)
    try:
        window.exec()
    finally:
        window.timer.stop()
        window.deleteLater()
