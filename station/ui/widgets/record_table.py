"""The lead's list screens' common parts: a read-only table of records picked one row at a time,
and a row of action buttons (the day's shipments, the web-shop orders)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QTableWidget

__all__ = ["button_row", "record_table"]


def record_table(headers: Sequence[str]) -> QTableWidget:
    """A table nobody edits in place, whose rows are selected whole and one at a time."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def button_row(buttons: Iterable[QPushButton], *, min_height: int = 0) -> QHBoxLayout:
    """The buttons side by side (at least ``min_height`` pixels high); callers add the rest."""
    row = QHBoxLayout()
    for button in buttons:
        if min_height:
            button.setMinimumHeight(min_height)
        row.addWidget(button)
    return row
