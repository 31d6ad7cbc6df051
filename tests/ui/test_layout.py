"""The packing screen fits the bench PCs warehouses buy: 1366×768 and 1280×1024 at 100 %.

A 1366×768 screen leaves about 1366×700 to the window's contents once the title bar and the
taskbar have their share; every control must be inside that, with five item rows in view.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from station.ui import theme
from station.ui.i18n import install_translator
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

BENCH_SCREENS = [(1366, 768), (1366, 700), (1280, 1024), (1280, 950)]


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    box = QRect(top_left, widget.size())
    return widget.isVisibleTo(window) and window.rect().contains(box)


def _gift_order(station: GuiHarness) -> str:
    po = station.po_of_kind("gift")  # five lines, a gift message, a packing slip
    station.window.handle_scan(po)
    station.wait_state("needs_boxes", "ready", "error")
    assert station.window.state == "needs_boxes", station.window.banner.detail.text()
    return po


@pytest.fixture(params=["en", "pt_BR"])
def language(request: Any, qapp: QApplication) -> Iterator[str]:
    """The station's look (its large fonts and style sheet, as `station` applies them) in one
    language; the test application's plain look is restored after."""
    font, sheet, palette = qapp.font(), qapp.styleSheet(), qapp.palette()
    theme.apply(qapp)
    install_translator(qapp, request.param)
    try:
        yield request.param
    finally:
        install_translator(qapp, "en")
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setPalette(palette)


@pytest.mark.parametrize("verify_items", [False, True], ids=["plain", "verifying"])
@pytest.mark.parametrize(("width", "height"), BENCH_SCREENS)
def test_every_control_is_inside_a_bench_screen(
    language: str, harness_factory: Any, width: int, height: int, verify_items: bool
) -> None:
    """Also with item verification on (its Checked column narrows the item titles)."""
    from station.config import Settings

    station: GuiHarness = harness_factory(settings=Settings(verify_items=verify_items))
    window = station.window
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, (hint, language)
    window.resize(width, height)
    station.qtbot.waitUntil(lambda: window.size().height() == height, timeout=5000)
    _gift_order(station)
    station.qtbot.wait(50)  # layouts settle
    boxes = window.boxes
    for widget in (
        boxes.confirm_button,
        boxes.weight,
        boxes.length,
        boxes.width_edit,
        boxes.height_edit,
        boxes.contents,
        boxes.next_button,
        boxes.reprint_button,
        boxes.cancel_button,
        *boxes.preset_buttons.values(),
        window.banner,
        window.statusBar(),
        window.label_view,
        window.slip_view,
    ):
        assert _inside(widget, window), f"{widget.objectName() or widget} is off screen"
    table = window.order_panel.lines
    assert table.rowCount() == 5
    viewport = table.viewport().rect()
    for row in range(5):
        top = table.rowViewportPosition(row)
        assert top >= 0 and top + table.rowHeight(row) <= viewport.height() + 1, (
            f"item row {row + 1} is not in view at {width}×{height} ({language})"
        )


def test_line_numbers_are_shown(station: GuiHarness) -> None:
    _gift_order(station)
    table = station.window.order_panel.lines
    order = station.window.order_panel.order
    assert order is not None
    header = table.horizontalHeaderItem(0)
    assert header is not None and header.text() == "Line"
    for row, line in enumerate(order.lines):
        item = table.item(row, 0)
        assert item is not None and item.text() == str(line.item_sequence_number)


def test_the_status_bar_is_never_cut_off(language: str, harness_factory: Any) -> None:
    station: GuiHarness = harness_factory()
    window = station.window
    window.resize(1280, 950)
    station.qtbot.waitUntil(lambda: window.width() == 1280, timeout=5000)
    health = window.health
    for label in (health.outbox, health.network, health.label_printer, health.slip_printer):
        assert _inside(label, window)
        shown = label.fontMetrics().horizontalAdvance(super(type(label), label).text())
        assert shown <= label.contentsRect().width(), f"{label.text()!r} is cut off"


def test_the_outbox_counts_are_never_shortened(language: str, harness_factory: Any) -> None:
    station: GuiHarness = harness_factory()
    window = station.window
    window.resize(1280, 950)
    station.qtbot.waitUntil(lambda: window.width() == 1280, timeout=5000)
    outbox = window.health.outbox
    assert outbox.text() == QLabel.text(outbox), f"{QLabel.text(outbox)!r} hides the counts"


def _laid_out(window: QWidget) -> bool:
    """Whether Qt has laid the window out for what it shows now: a label whose text just changed
    (the step indicator's marks as a box is added) asks its layout for room with a posted event,
    run before the window is next painted. Runs those; true once they move nothing."""
    widgets = window.findChildren(QWidget)
    before = [widget.geometry() for widget in widgets]
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return before == [widget.geometry() for widget in widgets]


def _cut_texts(window: QWidget) -> list[str]:
    """Every visible button (and one-line label) whose text needs more room than it has, once
    the window is laid out for its texts."""
    from PySide6.QtWidgets import QAbstractButton

    deadline = time.monotonic() + 30
    while not _laid_out(window):
        assert time.monotonic() < deadline, "the window's layout never settled"
        QApplication.processEvents()
    cut: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        needs = button.sizeHint().width()
        if needs > button.width():
            cut.append(f"button {button.text()!r}: needs {needs} px, has {button.width()}")
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or label.wordWrap() or not label.text():
            continue
        if type(label).text is not QLabel.text:
            continue  # a label that shortens its own text with … (the status bar's)
        if label.textFormat() == Qt.TextFormat.RichText or label.text().startswith("<"):
            continue
        if label.sizeHint().width() > label.width() + 1:
            cut.append(
                f"label {label.text()!r}: needs {label.sizeHint().width()} px, has {label.width()}"
            )
    return cut


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 1024)])
def test_no_button_or_label_text_is_cut(
    language: str, harness_factory: Any, width: int, height: int
) -> None:
    """ "+ Próxima caixa [F8]" and every other text fits its button at the bench sizes, in
    both languages, with an order open and a carton entered (its Change/Remove buttons show)."""
    station: GuiHarness = harness_factory()
    window = station.window
    window.resize(width, height)
    station.qtbot.waitUntil(lambda: window.size().height() == height, timeout=5000)
    assert _cut_texts(window) == [], f"idle, {width}×{height}, {language}"
    _gift_order(station)
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    window.handle_scan("CMD:NEXTBOX")
    station.qtbot.waitUntil(lambda: window.boxes.cartons.isVisible(), timeout=5000)
    station.qtbot.waitUntil(lambda: window.boxes.edit_button.width() > 0, timeout=5000)
    assert _cut_texts(window) == [], f"order open, {width}×{height}, {language}"


def test_titles_are_shortened_only_when_the_rows_would_not_fit(
    language: str, harness_factory: Any
) -> None:
    """A tall screen shows every item's whole title; a short one ends long titles in … so that
    the five lines stay in view."""
    from station.config import Settings

    station: GuiHarness = harness_factory(settings=Settings(verify_items=True))
    window = station.window
    window.resize(1280, 950)
    station.qtbot.waitUntil(lambda: window.size().height() == 950, timeout=5000)
    _gift_order(station)
    table = window.order_panel.lines
    station.qtbot.waitUntil(
        lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(5)),
        timeout=5000,
    )


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 1024)])
def test_the_status_items_are_shown_whole_on_a_bench_screen(
    language: str, harness_factory: Any, width: int, height: int
) -> None:
    """Outbox, network and both printers, in the states a packer sees all day (printers not yet
    asked, then ready; network online), are read whole — not "Network: onli…"."""
    station: GuiHarness = harness_factory()
    window = station.window
    window.resize(width, height)
    station.qtbot.waitUntil(lambda: window.width() == width, timeout=5000)
    health = window.health
    items = (health.outbox, health.network, health.label_printer, health.slip_printer)
    for ok in (None, True):
        health.set_network(ok)
        for item, name in (
            (health.label_printer, "Label printer"),
            (health.slip_printer, "Slip printer"),
        ):
            health.set_printer(item, QCoreApplication.translate("HealthBar", name), ok)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        shortened = [item.text() for item in items if QLabel.text(item) != item.text()]
        assert not shortened, f"shortened at {width}×{height}: {shortened}"
