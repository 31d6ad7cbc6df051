"""The site item of the status bar is read whole on a 1366×768 bench screen, in both languages:
a short text in the bar, the whole sentence (what the bench still does) in its tooltip."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from station.site.presence import SiteState
from station.ui.qt_compat import immortalize_singletons
from station.ui.site_status import SiteStatusItem
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness, harness_factory  # noqa: F401
from tests.ui.test_layout import language  # noqa: F401 - the fixture, en and pt_BR

immortalize_singletons()

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

STATES = {
    "away": SiteState(False, 12, 3, "connection refused"),
    "back": SiteState(True, 12, 3),
    "online": SiteState(True, 12, 0),
    "unknown": None,
}


class _Presence:
    def add_listener(self, listener: Callable[[SiteState], None]) -> Callable[[], None]:
        return lambda: None

    def check_now(self) -> None:
        pass


def _site() -> Any:
    presence = _Presence()
    return SimpleNamespace(presence=lambda: presence, db=SimpleNamespace(bench="12"))


@pytest.mark.parametrize("name", sorted(STATES))
def test_the_site_item_is_whole_at_1366_by_768(
    language: str,  # noqa: F811
    harness_factory: Any,  # noqa: F811
    name: str,
) -> None:
    station: GuiHarness = harness_factory()
    window = station.window
    window.resize(1366, 768)
    station.qtbot.waitUntil(lambda: window.width() == 1366, timeout=5000)
    item = SiteStatusItem(window.statusBar(), _site())
    item.state_changed.emit(STATES[name])
    station.qtbot.waitUntil(lambda: item.label.width() > 0, timeout=5000)
    station.qtbot.wait(50)  # the status bar lays its items out
    shown = QLabel.text(item.label)
    assert shown == item.text, f"{language}: {shown!r} shortens {item.text!r}"
    assert item.label.fontMetrics().horizontalAdvance(shown) <= item.label.contentsRect().width()
    if name == "away":
        tip = item.label.toolTip()
        claimed = "(12)" in tip and "(3)" in tip
        assert claimed and "connection refused" in tip, tip
        if language == "en":
            assert "packing only the orders this bench already claimed (12)" in tip
            assert "put it aside" in tip
