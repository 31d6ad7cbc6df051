"""The always-visible status bar: outbox (queued / sending / failed), network and printers.

Each item is a word plus an icon, never a colour alone, and says what it counts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from station.ui import theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthBar", text)


class FitLabel(QLabel):
    """A status-bar item that shortens itself with "…" rather than being cut off, on a narrow
    screen or in a longer language; ``text()`` is always the whole text (also its tooltip)."""

    def __init__(self, *, whole: bool = False) -> None:
        super().__init__()
        self._whole = ""
        self._keep_whole = whole  # never shortened: the others give way to it

    def setText(self, text: str) -> None:
        self._whole = text
        if not self.toolTip():
            self.setToolTip(text)
        self._fit()

    def text(self) -> str:
        return self._whole

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self._whole) + 24
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:
        if self._keep_whole:
            return self.sizeHint()
        return QSize(60, super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # a bold style sheet widens the text: ask for the room again
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(20, self.contentsRect().width() - 4)
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)


class HealthBar:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.outbox = FitLabel(whole=True)  # a failed count is never hidden behind "…"
        self.network = FitLabel()
        self.label_printer = FitLabel()
        self.slip_printer = FitLabel()
        for label in (self.outbox, self.network, self.label_printer, self.slip_printer):
            bar.addPermanentWidget(label)
        # The bar names its own printers, in words short enough for a bench screen (Portuguese
        # abbreviates: four items must be read whole at 1280 wide); callers' names are for the
        # banner and messages, where there is room.
        self._names = {
            id(self.label_printer): _tr("Label printer"),
            id(self.slip_printer): _tr("Slip printer"),
        }
        self.set_outbox(0, 0, 0)
        self.set_network(None)
        self.set_printer(self.label_printer, "", None)
        self.set_printer(self.slip_printer, "", None)

    @staticmethod
    def _paint(label: QLabel, ok: bool | None) -> None:
        colour = theme.MUTED if ok is None else (theme.SUCCESS if ok else theme.ERROR)
        label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def set_outbox(self, queued: int, sending: int, failed: int) -> None:
        # Only what is there is named: a bench screen is narrow, and the network and printer
        # items beside it must stay readable (the whole counts are in the tooltip).
        parts = [
            text.format(n=n)
            for n, text in (
                (failed, _tr("{n} failed")),
                (queued, _tr("{n} queued")),
                (sending, _tr("{n} sending")),
            )
            if n
        ]
        if parts:
            text = _tr("Outbox: {counts}").format(counts=", ".join(parts))
        else:
            text = _tr("Outbox: all sent")
        self.outbox.setToolTip(
            _tr("Confirmations: {queued} queued, {sending} sending, {failed} failed").format(
                queued=queued, sending=sending, failed=failed
            )
        )
        icon = "✖" if failed else ("⟳" if queued or sending else "✔")
        self.outbox.setText(f"{icon} {text}")
        self._paint(self.outbox, None if (queued or sending) and not failed else not failed)
        self.counts = (queued, sending, failed)

    def set_network(self, ok: bool | None, detail: str = "", *, outbox: bool = False) -> None:
        """``outbox``: offline only because queued confirmations could not go out; the item
        turns online again by itself once they did (``offline_for_outbox``)."""
        if ok is None:
            text = _tr("○ Network: not checked")
        elif ok:
            text = _tr("✔ Network: online")
        else:
            text = _tr("✖ Network: OFFLINE")
        self.network.setText(text)
        self.network.setToolTip(detail)
        self._paint(self.network, ok)
        self.network_ok = ok
        self.offline_for_outbox = ok is False and outbox

    def set_printer(self, label: QLabel, name: str, ok: bool | None, detail: str = "") -> None:
        name = self._names.get(id(label), name)
        if ok is None:
            text = _tr("○ {name}: not checked").format(name=name)
        elif ok and detail:  # it prints, but e.g. cannot tell its state
            text = _tr("✔ {name}: {detail}").format(name=name, detail=detail)
        elif ok:
            text = _tr("✔ {name}: ready").format(name=name)
        else:
            text = _tr("✖ {name}: {detail}").format(name=name, detail=detail or _tr("problem"))
        label.setText(text)
        label.setToolTip(detail)
        self._paint(label, ok)
