"""The packer's screen of a bench whose site database goes away (a real PostgreSQL, stopped and
started): the status bar says so and what the bench can still do, a PO it already claimed goes
on, a PO it has not claimed is refused before anything prints, and all of it clears by itself
when the database is back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from station.site.presence import SiteState
from station.ui.app import StationGui
from station.ui.feedback import SoundPlayer
from station.ui.i18n import install_translator
from station.ui.qt_compat import immortalize_singletons
from station.ui.site_status import site_state_text
from tests.helpers.postgres import PgCluster
from tests.ui.station_fixtures import QT_LOG_IGNORE, ScannerClock
from tests.workflow.conftest import Station, random_pos, record

immortalize_singletons()

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

WAIT_MS = 30_000
PRESENCE_INTERVAL_MS = 3_000
BenchFactory = Callable[..., Station]


@pytest.fixture
def bench_gui(make_bench: BenchFactory, qtbot: Any) -> Iterator[tuple[StationGui, Station]]:
    station = make_bench("pack-a", "1")
    gui = StationGui(
        station.runtime,
        player=SoundPlayer(enabled=False),
        scanner_clock=ScannerClock(),
        install_scanner=False,
        acknowledge_demo=False,
    )
    qtbot.addWidget(gui.window, before_close_func=lambda _w: None)
    gui.window.show()
    try:
        yield gui, station
    finally:
        gui.close()


def _site_text(gui: StationGui) -> str:
    item = gui.window.site_status
    assert item is not None, "a bench of a site shows the site database in its status bar"
    return item.text


def _scan(qtbot: Any, gui: StationGui, po: str) -> str:
    window = gui.window
    with qtbot.waitSignal(
        window.state_changed,
        timeout=WAIT_MS,
        check_params_cb=lambda state: state not in ("busy", "idle"),
    ):
        window.handle_scan(po)
    return str(window.state)


def test_the_status_bar_says_the_database_is_away_and_what_the_bench_still_does(
    bench_gui: tuple[StationGui, Station],
    qtbot: Any,
    simulator: Any,
    pg_cluster: PgCluster,
) -> None:
    gui, station = bench_gui
    window = gui.window
    claimed, other = random_pos(simulator, 2)
    station.acknowledge(claimed, other)
    qtbot.waitUntil(lambda: _site_text(gui).startswith("✔ Site database: online"), timeout=WAIT_MS)
    assert "bench 1" in _site_text(gui)

    assert _scan(qtbot, gui, claimed) != "error", window.banner.detail.text()
    assert window.po == claimed

    pg_cluster.stop()
    try:
        qtbot.waitUntil(lambda: _site_text(gui).startswith("✖ Site database away"), timeout=WAIT_MS)
        text = _site_text(gui)
        assert text == "✖ Site database away: 1 claimed · 0 kept here"
        tip = window.site_status.label.toolTip()  # type: ignore[union-attr]
        assert "packing only the orders this bench already claimed (1)" in tip
        assert "confirmations are kept here (0) and handed over when it is back" in tip
        assert "put it aside" in tip
        # Amazon is not what is missing: the network item does not cry OFFLINE for it.
        assert "OFFLINE" not in window.health.network.text()

        # A PO this bench has not claimed: refused, said as such, nothing printed for it.
        printed_before = sorted(p.name for p in _printed(station))
        assert _scan(qtbot, gui, other) == "error"
        assert window.banner.headline.text() == "STOP — the site database is away"
        assert window.banner.detail.text() == (
            f"PO {other} cannot be claimed for this bench: the site database is away"
        )
        assert "only orders this bench already claimed can be packed" in window.banner.hint.text()
        assert sorted(p.name for p in _printed(station)) == printed_before
        assert station.runtime.site is not None
        assert other not in station.runtime.site.claims.held()

        # The PO it holds goes on: scanned again, it opens (no claim to make, none refused).
        assert _scan(qtbot, gui, claimed) != "error", window.banner.detail.text()
        assert window.po == claimed
    finally:
        pg_cluster.start()

    qtbot.waitUntil(lambda: _site_text(gui).startswith("✔ Site database: online"), timeout=WAIT_MS)
    assert _scan(qtbot, gui, other) != "error", window.banner.detail.text()
    assert window.po == other
    assert station.runtime.site.claims.held().get(other) == "active"


def _printed(station: Station) -> list[Any]:
    folder = station.runtime.settings.printers.label.uri
    from pathlib import Path
    from urllib.parse import urlparse

    root = Path(urlparse(folder).path)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_site_texts_are_in_the_packers_language(qapp: Any) -> None:
    away = SiteState(reachable=False, claimed=2, waiting=3, detail="connection refused")
    assert install_translator(qapp, "pt_BR") == "pt_BR"
    try:
        text, tip, ok = site_state_text(away, "4")
        assert ok is False
        assert text == "✖ Banco do site fora do ar: 2 reservados · 3 aqui"
        assert tip.startswith("✖ Banco de dados do site fora do ar — embalando só os pedidos")
        assert "(2)" in tip and "(3)" in tip
        assert tip.endswith("connection refused")
        online, _tip, ok = site_state_text(SiteState(True, 0, 0), "4")
        assert ok is True and "bancada 4" in online
        back, tip, ok = site_state_text(SiteState(True, 0, 1), "4")
        assert ok is None and back == "⟳ Banco de dados do site de volta: entregando 1"
        assert tip == "⟳ Banco de dados do site de volta — entregando 1 confirmação(ões)"
    finally:
        assert install_translator(qapp, "en") == "en"


def test_the_engines_claim_texts_are_said_in_packer_words(tmp_path: Path) -> None:
    """The shapes match what the site code really says (built by it, not copied here)."""
    from datetime import UTC, datetime

    from station.errors import SiteUnavailableError
    from station.site.claims import Claim, SiteClaims
    from station.site.db import SiteDatabase
    from station.site.url import check_site_url
    from station.ui.workflow_texts import packer_error, packer_text

    at = datetime(2026, 12, 5, 10, 42, tzinfo=UTC)
    held = Claim("PO123", "pack-03", "3", "active", at, at, None)
    since = at.astimezone().strftime("%H:%M")
    assert (
        packer_text(held.describe())
        == f"PO PO123 is being packed at bench 3 (pack-03) since {since}"
    )
    shipped = Claim("PO123", "pack-03", "3", "shipped", at, at, None)
    assert packer_text(shipped.describe()) == (
        f"PO PO123 was already packed at bench 3 (pack-03) at {since}"
    )
    nowhere = SiteDatabase(
        check_site_url(f"postgresql://packing@/station?host={tmp_path}"), "pack-01", "1", str
    )
    claims = SiteClaims(nowhere)
    with pytest.raises(SiteUnavailableError) as refused:
        claims.claim("PO9")  # no server on that socket: the database is away
    claims.close(release=False)
    message, hint = packer_error(refused.value)
    assert message == "PO PO9 cannot be claimed for this bench: the site database is away"
    assert hint.startswith("Put this order aside")


def test_the_network_item_follows_amazon_not_the_site_database(
    bench_gui: tuple[StationGui, Station],
    qtbot: Any,
    simulator: Any,
    pg_cluster: PgCluster,
) -> None:
    """A confirmation kept here while the database is away is not a network outage: Amazon
    answered all along, so the network item never says OFFLINE for it, and once the database is
    back and the confirmation went out, the window says online without another scan."""
    gui, station = bench_gui
    window = gui.window
    (po,) = random_pos(simulator, 1)
    station.acknowledge(po)
    qtbot.waitUntil(lambda: _site_text(gui).startswith("✔ Site database: online"), timeout=WAIT_MS)
    assert _scan(qtbot, gui, po) != "error", window.banner.detail.text()
    assert "OFFLINE" not in window.health.network.text()

    pg_cluster.stop()
    try:
        qtbot.waitUntil(lambda: _site_text(gui).startswith("✖ Site database away"), timeout=WAIT_MS)
        for field, value in zip(window.boxes.fields, ("12", "8", "4", "2"), strict=True):
            field.setText(value)
        window.handle_scan("CMD:CONFIRM")
        qtbot.waitUntil(lambda: "· 1 kept here" in _site_text(gui), timeout=WAIT_MS)
        qtbot.wait(2 * PRESENCE_INTERVAL_MS)  # the window's next look at its outbox
        assert "OFFLINE" not in window.health.network.text(), window.health.network.toolTip()
    finally:
        pg_cluster.start()

    qtbot.waitUntil(lambda: _site_text(gui).startswith("✔ Site database: online"), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: any(c["outcome"] == "accepted" for c in record(simulator, po)["confirmations"]),
        timeout=WAIT_MS,
    )
    qtbot.wait(2 * PRESENCE_INTERVAL_MS)  # the window's next looks at the outbox and the site
    assert "OFFLINE" not in window.health.network.text(), window.health.network.toolTip()


def test_an_outbox_offline_network_item_clears_itself_a_real_outage_does_not(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    from station.ui.widgets.health_bar import HealthBar

    window = QMainWindow()
    qtbot.addWidget(window)
    health = HealthBar(window.statusBar())
    health.set_network(False, "Confirmations are waiting for the network", outbox=True)
    assert health.offline_for_outbox and health.network.text() == "✖ Network: OFFLINE"
    health.set_network(False, "Amazon cannot be reached (network)")  # seen by a request
    assert not health.offline_for_outbox
    health.set_network(True)
    assert not health.offline_for_outbox and health.network.text() == "✔ Network: online"
