"""One web-shop order typed by the lead (a phone order, a shop that cannot export CSV).

The same checks as an import run before the order is kept: what Amazon's model requires and the
destination country's postal-code format; the dialog names what is wrong and keeps what was typed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station.spapi.mcf import McfAddress, McfLine
from station.workflow.mcf_import import ShopOrder, address_problems

MAX_LINES = 100


class OrderDialog(QDialog):
    """Fields for one order; ``order()`` gives the ShopOrder or the problems to fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Type a web-shop order"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("shop_order", self.tr("Shop order")),
            ("name", self.tr("Recipient")),
            ("line1", self.tr("Address line 1")),
            ("line2", self.tr("Address line 2")),
            ("city", self.tr("City")),
            ("state", self.tr("State or province")),
            ("postal_code", self.tr("Postal code")),
            ("country", self.tr("Country (two letters)")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")),
        ):
            edit = QLineEdit()
            edit.setMaxLength(2 if key == "country" else 200)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.lines = QPlainTextEdit()
        self.lines.setPlaceholderText(self.tr("One line per item: SKU, quantity"))
        form.addRow(self.tr("Items"), self.lines)
        layout.addLayout(form)
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_order: ShopOrder | None = None

    def text(self, key: str) -> str:
        return self.fields[key].text().strip()

    def order(self) -> ShopOrder | list[str]:
        problems: list[str] = []
        lines: list[McfLine] = []
        for number, raw in enumerate(self.lines.toPlainText().splitlines(), start=1):
            if not raw.strip():
                continue
            sku, _sep, qty = raw.partition(",")
            qty = qty.strip() or "1"
            if not sku.strip() or len(sku.strip()) > 50 or not qty.isdigit() or int(qty) < 1:
                problems.append(self.tr("Item line {n}: write SKU, quantity").format(n=number))
                continue
            lines.append(McfLine(str(len(lines) + 1), sku.strip(), int(qty)))
        if not lines and not problems:
            problems.append(self.tr("Add at least one item."))
        if len(lines) > MAX_LINES:
            problems.append(self.tr("Too many items."))
        if not self.text("shop_order"):
            problems.append(self.tr("The shop order is missing."))
        address = McfAddress(
            name=self.text("name"),
            line1=self.text("line1"),
            line2=self.text("line2") or None,
            city=self.text("city") or None,
            state=self.text("state") or None,
            postal_code=self.text("postal_code").upper(),
            country_code=self.text("country").upper(),
            phone=self.text("phone") or None,
            email=self.text("email") or None,
        )
        problems += address_problems(address)
        if problems:
            return problems
        return ShopOrder(
            shop_order=self.text("shop_order"),
            order_date=datetime.now(UTC),
            address=address,
            lines=tuple(lines),
            source="typed",
        )

    def try_accept(self) -> None:
        found = self.order()
        if isinstance(found, list):
            self.problems.setText("\n".join(found))
            return
        self.result_order = found
        self.accept()
