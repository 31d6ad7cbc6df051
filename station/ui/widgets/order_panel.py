"""The current order: PO, ship method, ship-by time, badges and the lines to pack."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from station.ui import theme
from station.ui.widgets.card import Card
from station.workflow.order import PackOrder


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderPanel", text)


def format_ship_by(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return _tr("Ship by: not given")
    local = when.astimezone()
    now = now or datetime.now(local.tzinfo)
    day = _tr("today") if local.date() == now.date() else f"{local:%a %d %b}"
    return _tr("Ship by: {day} {time}").format(day=day, time=f"{local:%H:%M}")


def is_late(when: datetime | None, now: datetime | None = None) -> bool:
    if when is None:
        return False
    return when < (now or datetime.now(when.tzinfo))


class OrderPanel(Card):
    COLUMNS = 5
    CHECKED = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Order"), parent)
        # Row one: the PO and how it ships. Row two: when, LATE, and the badges.
        self.title.hide()  # "PO …" says what this card is
        self.po = QLabel()
        self.po.setObjectName("po")
        self.po.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.po.setWordWrap(True)  # "No order — scan a PO" in a longer language: two lines
        self.ship_method = QLabel()
        self.ship_method.setObjectName("shipMethod")
        head = QHBoxLayout()
        head.addWidget(self.po)
        head.addStretch(1)
        head.addWidget(self.ship_method)
        self.body.addLayout(head)
        self.ship_by = QLabel()
        self.ship_by.setObjectName("shipBy")
        self.late = QLabel(_tr("⚠ LATE"))
        self.late.setObjectName("late")
        self.late.hide()
        when = QHBoxLayout()
        when.addWidget(self.ship_by)
        when.addWidget(self.late)
        when.addStretch(1)
        self.body.addLayout(when)
        self.badges_row = QHBoxLayout()
        self.badges_row.setSpacing(8)
        self.badges: dict[str, QLabel] = {}
        for key, text, colour in (
            ("priority", _tr("★ PRIORITY"), theme.ERROR),
            ("gift", _tr("✿ GIFT"), "#6a1b9a"),
            ("slip", _tr("✎ SLIP REQUIRED"), theme.BUSY),
            ("invoice", _tr("§ INVOICE"), "#00695c"),
        ):
            badge = QLabel(text)
            badge.setObjectName("badge")
            badge.setStyleSheet(f"background: {colour};")
            badge.hide()
            self.badges[key] = badge
            self.badges_row.addWidget(badge)
        self.badges_row.addStretch(1)
        self.body.addLayout(self.badges_row)
        self.gift_message = QLabel()
        self.gift_message.setObjectName("notice")
        self.gift_message.setWordWrap(True)
        self.gift_message.hide()
        self.body.addWidget(self.gift_message)
        self.lines = QTableWidget(0, self.COLUMNS)
        # "Line": the number a packer types in a carton's "Holds" (LINE=QTY).
        self.lines.setHorizontalHeaderLabels(
            [_tr("Line"), _tr("Qty"), _tr("Item"), _tr("ASIN / SKU"), _tr("Checked")]
        )
        header = self.lines.horizontalHeader()
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setWordWrap(True)
        # On a short screen an item's title takes two lines at most (the rest ends in …, the
        # whole title in its tooltip): five lines stay in view on a bench PC in either language.
        self.lines.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_: self._fit.start())
        self.body.addWidget(self.lines, 1)
        self.order: PackOrder | None = None
        self.verifying = False
        self._rows: dict[int, int] = {}
        self.clear()

    def clear(self) -> None:
        self.order = None
        self.po.setText(_tr("No order — scan a PO"))
        self.ship_method.setText("")
        self.ship_by.setText("")
        self.late.hide()
        for badge in self.badges.values():
            badge.hide()
        self.gift_message.hide()
        self.lines.setRowCount(0)
        self._rows = {}

    def show_order(self, order: PackOrder, *, verifying: bool = False) -> None:
        self.order = order
        self.verifying = verifying
        self.po.setText(_tr("PO {po}").format(po=order.purchase_order_number))
        self.ship_method.setText(order.ship_method)
        self.ship_by.setText(format_ship_by(order.required_ship_date))
        self.late.setVisible(is_late(order.required_ship_date))
        self.badges["priority"].setVisible(order.is_priority)
        self.badges["gift"].setVisible(order.is_gift)
        self.badges["slip"].setVisible(order.is_pslip_required)
        self.badges["invoice"].setVisible(order.needs_customer_invoice)
        # Amazon repeats the message per line; show each once, on one line.
        unique = list(dict.fromkeys(m.strip() for m in order.gift_message.split(" / ")))
        message = " / ".join(m for m in unique if m)
        if len(message) > 90:
            message = message[:89] + "…"
        self.gift_message.setText(_tr("Gift message: {text}").format(text=message))
        self.gift_message.setVisible(bool(order.gift_message))
        self.lines.setColumnHidden(self.CHECKED, not verifying)
        self.lines.setRowCount(len(order.lines))
        self._rows = {}
        for row, line in enumerate(order.lines):
            self._rows[line.item_sequence_number] = row
            number = QTableWidgetItem(str(line.item_sequence_number))
            number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.lines.setItem(row, 0, number)
            qty = QTableWidgetItem(f"{line.quantity} ×")
            qty.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            font = qty.font()
            font.setBold(True)
            font.setPointSize(20)
            qty.setFont(font)
            self.lines.setItem(row, 1, qty)
            title = QTableWidgetItem(line.title or _tr("(no title)"))
            title.setToolTip(line.title)
            self.lines.setItem(row, 2, title)
            codes = "\n".join(
                c for c in (line.buyer_product_identifier, line.vendor_product_identifier) if c
            )
            code_item = QTableWidgetItem(codes)
            code_font = code_item.font()
            code_font.setPointSize(12)
            code_item.setFont(code_font)
            self.lines.setItem(row, 3, code_item)
            self.set_verified(line.item_sequence_number, 0, line.quantity)
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit.start()

    def _fit_rows(self) -> None:
        """Rows as tall as their text at the columns' present widths (after any change of the
        widths or the height: the window, the language, the Checked column); when they do not
        all fit, a title takes two lines at most."""
        rows = self.lines.verticalHeader()
        rows.setMaximumSectionSize(10_000)
        self.lines.resizeRowsToContents()
        total = sum(self.lines.rowHeight(r) for r in range(self.lines.rowCount()))
        if total > self.lines.viewport().height():
            lines = self.lines.fontMetrics().lineSpacing()
            rows.setMaximumSectionSize(max(2 * lines + 12, 44))
            self.lines.resizeRowsToContents()

    def set_verified(self, item_sequence_number: int, scanned: int, ordered: int) -> None:
        row = self._rows.get(item_sequence_number)
        if row is None:
            return
        done = scanned >= ordered
        item = QTableWidgetItem(("✔ " if done else "… ") + f"{scanned} / {ordered}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QColor(theme.SUCCESS if done else theme.TEXT))
        self.lines.setItem(row, self.CHECKED, item)

    def verified_text(self, item_sequence_number: int) -> str:
        row = self._rows.get(item_sequence_number)
        item = None if row is None else self.lines.item(row, self.CHECKED)
        return "" if item is None else item.text()
