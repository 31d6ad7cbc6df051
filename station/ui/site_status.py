"""Warehouse mode in the status bar: whether the site database is there, and when it is not,
what this bench can still do, in the packer's words.

The site's presence thread (``station.site.presence``, no Qt) looks at the database; this item
receives its changes through a queued signal, so the GUI thread never waits on the network. A
one-bench station (no ``journal_url``) shows nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QStatusBar

from station.site.presence import SiteState
from station.ui import theme
from station.ui.widgets.health_bar import FitLabel

__all__ = ["SiteStatusItem", "attach_site_status", "site_state_text"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SiteStatus", text)


def site_state_text(state: SiteState | None, bench: str) -> tuple[str, str, bool | None]:
    """(status-bar text, tooltip, ok) for the site database's state.

    The status bar shares its width with the outbox, the network and both printers: its text
    is short enough to be read whole on a 1366×768 bench screen in every language, and the
    whole sentence (what the bench still does) is its tooltip.
    """
    if state is None:
        return _tr("○ Site database: not checked"), "", None
    if not state.reachable:
        text = _tr("✖ Site database away: {claimed} claimed · {waiting} kept here").format(
            claimed=state.claimed, waiting=state.waiting
        )
        sentence = _tr(
            "✖ Site database away — packing only the orders this bench already claimed "
            "({claimed}); confirmations are kept here ({waiting}) and handed over when it is back"
        ).format(claimed=state.claimed, waiting=state.waiting)
        tip = _tr(
            "A PO this bench has not claimed cannot be packed now: put it aside and scan it "
            "again when the site database is back. Nothing is lost.\n{detail}"
        ).format(detail=state.detail)
        return text, f"{sentence}\n{tip}", False
    if state.waiting:
        text = _tr("⟳ Site database back: handing over {waiting}").format(waiting=state.waiting)
        sentence = _tr("⟳ Site database back — handing over {waiting} confirmation(s)").format(
            waiting=state.waiting
        )
        return text, sentence, None
    return _tr("✔ Site database: online (bench {bench})").format(bench=bench), "", True


class SiteStatusItem(QObject):
    """One status-bar item, fed by the bench's presence thread."""

    state_changed = Signal(object)  # SiteState, emitted on the presence thread, queued to ours

    def __init__(self, bar: QStatusBar, site: Any) -> None:
        super().__init__(bar)
        self.site = site
        self.state: SiteState | None = None
        self.label = FitLabel(whole=True)  # short words, never "…": the others give way
        self.label.setObjectName("site_status")
        bar.addWidget(self.label, 1)  # the left, widest part: its words are the longest
        self.state_changed.connect(self._show)
        self._show(None)
        self._unsubscribe = site.presence().add_listener(self.state_changed.emit)
        bar.destroyed.connect(lambda *_: self._unsubscribe())

    def check_now(self) -> None:
        """Look at the database at once (a scan was just refused because it is away)."""
        self.site.presence().check_now()

    @property
    def text(self) -> str:
        return self.label.text()

    def _show(self, state: SiteState | None) -> None:
        self.state = state
        text, tip, ok = site_state_text(state, self.site.db.bench)
        self.label.setToolTip(tip or text)
        self.label.setText(text)
        colour = theme.MUTED if ok is None else (theme.SUCCESS if ok else theme.ERROR)
        self.label.setStyleSheet(f"color: {colour}; font-weight: bold;")


def attach_site_status(bar: QStatusBar, runtime: Any) -> SiteStatusItem | None:
    """The main window's one hook: the item in warehouse mode, None for a one-bench shop."""
    site = getattr(runtime, "site", None)
    return None if site is None else SiteStatusItem(bar, site)
