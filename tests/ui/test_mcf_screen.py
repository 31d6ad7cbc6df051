"""The "Amazon fulfilment" screen over a real desk (journal + simulator): import, preview, send,
cancel, refresh and export, every call off the GUI thread; and in Portuguese."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.journal import DataKey, Journal
from station.journal.mcf_orders import McfOrderBook
from station.secrets import LwaCredentials
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.spapi import build_client
from station.spapi.mcf import McfClient
from station.ui.background import wait_for_background
from station.ui.i18n import install_translator
from station.ui.mcf import McfWindow
from station.workflow.mcf import McfDesk
from tests.helpers.hostile_files import DEVICE
from tests.simulator.sim_client import FakeRenderer

pytestmark = pytest.mark.gui

DEMO = LwaCredentials(client_id="demo", client_secret="demo", refresh_token="demo")
CSV = (
    "shop_order,name,address1,city,state,postal_code,country,sku,quantity\n"
    "G1,Ana Souza,100 Pike St,Seattle,WA,98101,US,MCF-MUG-RED,1\n"
    "G2,Bo Lee,1 Main St,Austin,TX,73301,US,MCF-BOOK,2\n"
    "G3,Cy,1 Main St,Austin,TX,7330,US,MCF-BOOK,2\n"
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[SimulatorServer, McfDesk]]:
    config = SimulatorConfig(seed=3, orders=5, processing_delay=0, rate_limits=False)
    with SimulatorServer(config, renderer=FakeRenderer()) as server:
        http = httpx.Client(timeout=10)
        env = {"STATION_SPAPI_URL": server.base_url, "STATION_LWA_URL": server.lwa_url}
        api = build_client(DEMO, environ=env, http_client=http, use_rdt=False)
        client = McfClient(api.http, version="2020-07-01", marketplace_id="ATVPDKIKX0DER")
        journal = Journal.open(tmp_path / "journal.sqlite3", station_id="lead")
        yield server, McfDesk(McfOrderBook(journal, DataKey.generate()), client)
        assert wait_for_background(10_000)
        journal.close()
        http.close()


def _window(qtbot: Any, desk: McfDesk) -> McfWindow:
    window = McfWindow(None, lambda: desk)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.busy == 0, timeout=10_000)
    return window


def _idle(qtbot: Any, window: McfWindow) -> None:
    qtbot.waitUntil(lambda: window.busy == 0, timeout=15_000)


def test_the_lead_imports_previews_sends_cancels_and_exports(
    qtbot: Any, world: tuple[SimulatorServer, McfDesk], tmp_path: Path
) -> None:
    server, desk = world
    window = _window(qtbot, desk)
    (tmp_path / "orders.csv").write_text(CSV, encoding="utf-8")
    window.import_file(tmp_path / "orders.csv")
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.rowCount() == 2, timeout=10_000)
    assert "G3" in window.status.text() and "postal code" in window.status.text()

    window.select("G1")
    assert window.preview_button.isEnabled() and not window.cancel_button.isEnabled()
    window.blank_box.setChecked(True)
    window.preview_selected()
    _idle(qtbot, window)
    assert window.last_preview is not None
    assert "Standard" in window.preview_text.text()
    assert "enough FBA stock" in window.preview_text.text()

    window.speed.setCurrentIndex(1)  # Expedited
    window.send_selected()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.item(0, 2).text() == "Sent to Amazon", timeout=10_000)
    orders = server.app.mcf.record_json()["orders"]
    assert [(o["orderId"], o["speed"], o["features"]) for o in orders] == [
        ("G1", "Expedited", ["BLANK_BOX"])
    ]

    window.select("G2")
    window.hold.setChecked(True)
    window.blank_box.setChecked(False)
    window.send_selected()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.item(1, 2).text() == "On hold", timeout=10_000)
    window.select("G2")
    assert window.release_button.isEnabled()
    window.cancel_button.click()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.item(1, 2).text() == "Cancelled", timeout=10_000)

    server.state.advance_clock(400 + 3 * 3600)
    window.refresh_tracking()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.table.item(0, 6).text()), timeout=10_000)
    window.export_to(tmp_path / "tracking.csv")
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: (tmp_path / "tracking.csv").exists(), timeout=10_000)
    with (tmp_path / "tracking.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["shop_order"] for r in rows] == ["G1"]
    screen = " ".join(
        window.table.item(r, c).text()
        for r in range(window.table.rowCount())
        for c in range(window.COLUMNS)
    )
    assert "Pike" not in screen and "Souza" not in screen


def test_an_amazon_refusal_is_shown_not_raised(
    qtbot: Any, world: tuple[SimulatorServer, McfDesk], tmp_path: Path
) -> None:
    server, desk = world
    server.app.mcf.set_stock({"MCF-MUG-RED": 0})
    window = _window(qtbot, desk)
    (tmp_path / "o.csv").write_text(CSV.replace("MCF-MUG-RED", "NO-SUCH-SKU"), encoding="utf-8")
    window.import_file(tmp_path / "o.csv")
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.rowCount() == 2, timeout=10_000)
    asked: list[str] = []

    def send_anyway(why: str, advice: str) -> bool:
        asked.append(why)
        return True  # the lead overrides the preview: Amazon itself refuses the unknown SKU

    window.confirm_despite_preview = send_anyway  # type: ignore[method-assign]
    window.select("G1")
    window.send_selected()
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: "refused" in window.status.text(), timeout=10_000)
    assert window.table.item(0, 2).text() == "Refused by Amazon"
    assert len(asked) == 1 and "G1" in asked[0] and "NO-SUCH-SKU" in asked[0]


def test_importing_a_device_is_refused_not_read_for_ever(
    qtbot: Any, world: tuple[SimulatorServer, McfDesk]
) -> None:
    """A lead who picks /dev/zero (or a FIFO) in the file dialog gets a message, and the
    background thread does not read until memory runs out."""
    _server, desk = world
    window = _window(qtbot, desk)
    window.import_file(DEVICE)  # /dev/zero; NUL on Windows
    _idle(qtbot, window)
    assert "not a regular file" in window.status.text()
    assert window.table.rowCount() == 0


def test_the_screen_speaks_portuguese(
    qtbot: Any, qapp: Any, world: tuple[SimulatorServer, McfDesk]
) -> None:
    _server, desk = world
    assert install_translator(qapp, "pt_BR") == "pt_BR"
    try:
        window = _window(qtbot, desk)
        assert window.windowTitle() == "Logística da Amazon"
        assert window.send_button.text() == "Enviar para a Amazon"
        assert window.pack_here_button.text() == "Embalar aqui"
    finally:
        assert install_translator(qapp, "en") == "en"


def test_a_typed_order_is_checked_then_kept(
    qtbot: Any, world: tuple[SimulatorServer, McfDesk]
) -> None:
    from station.ui.mcf_order_dialog import OrderDialog

    _server, desk = world
    window = _window(qtbot, desk)
    dialog = OrderDialog(window)
    qtbot.addWidget(dialog)
    values = {
        "shop_order": "PHONE-7",
        "name": "Di Prado",
        "line1": "5 Rua A",
        "city": "Seattle",
        "state": "WA",
        "postal_code": "9810",
        "country": "US",
    }
    for key, value in values.items():
        dialog.fields[key].setText(value)
    dialog.lines.setPlainText("MCF-BOOK, 2\nMCF-MUG-RED")
    dialog.try_accept()
    assert dialog.result_order is None and "postal code" in dialog.problems.text()
    dialog.fields["postal_code"].setText("98101")
    dialog.try_accept()
    assert dialog.result_order is not None
    window.add_order(dialog.result_order)
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=10_000)
    _record, order = desk.order("PHONE-7")
    assert [(line.sku, line.quantity) for line in order.lines] == [
        ("MCF-BOOK", 2),
        ("MCF-MUG-RED", 1),
    ]


def test_a_desk_that_cannot_open_is_said_not_retried_in_a_loop(qtbot: Any) -> None:
    from station.errors import ConfigError

    calls: list[int] = []

    def factory() -> McfDesk:
        calls.append(1)
        raise ConfigError("no data key here", hint="Set STATION_DATA_KEY.")

    window = McfWindow(None, factory)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.busy == 0, timeout=10_000)
    assert "no data key here" in window.status.text()
    window.refresh_tracking()
    _idle(qtbot, window)
    assert wait_for_background(10_000)
    assert len(calls) == 3  # the first read, the refresh, the read after it: no loop


def _answer_the_confirmation(qtbot: Any, window: McfWindow, button: str) -> list[str]:
    """Click ``button`` of the real confirmation box once it is up; returns what it said."""
    from PySide6.QtCore import QTimer

    said: list[str] = []

    def click() -> None:
        box = window.confirm_box
        if box is None or not box.isVisible():
            QTimer.singleShot(50, click)
            return
        said.append(box.text() + "\n" + box.informativeText())
        chosen = next(b for b in box.buttons() if b.text() == button)
        chosen.click()

    QTimer.singleShot(50, click)
    return said


CANADA = "E1,Jean Tremblay,1 Rue Sainte-Catherine,Montreal,QC,H3B 1A7,CA,MCF-MUG-RED,1"


def _import_one(qtbot: Any, window: McfWindow, tmp_path: Path, row: str) -> None:
    """Import the one order ``row`` (shop order E1) and select it."""
    (tmp_path / "o.csv").write_text(CSV.splitlines()[0] + "\n" + row + "\n", encoding="utf-8")
    window.import_file(tmp_path / "o.csv")
    _idle(qtbot, window)
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=10_000)
    window.select("E1")


# The offscreen platform's note about a real dialog's size hints (other tests do the same).
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_DIALOG
@pytest.mark.parametrize(
    ("row", "reason", "advice"),
    [
        (
            CANADA,
            "export restricted",
            "Pack it here",
        ),
        (
            "E1,Cy Park,7 Pine St,Seattle,WA,98103,US,MCF-LAMP,5",
            "not enough FBA stock of MCF-LAMP",
            "Fix the FBA stock",
        ),
    ],
)
def test_send_to_amazon_asks_before_sending_what_amazon_cannot_fill(
    qtbot: Any,
    world: tuple[SimulatorServer, McfDesk],
    tmp_path: Path,
    row: str,
    reason: str,
    advice: str,
) -> None:
    server, desk = world
    window = _window(qtbot, desk)
    _import_one(qtbot, window, tmp_path, row)
    said = _answer_the_confirmation(qtbot, window, "Do not send")
    window.send_selected()
    qtbot.waitUntil(lambda: "not sent" in window.status.text(), timeout=10_000)
    _idle(qtbot, window)
    assert len(said) == 1 and "E1" in said[0] and reason in said[0] and advice in said[0]
    assert "Montreal" not in said[0] and "Pine" not in said[0]  # no address in the dialog
    assert advice in window.status.text()
    assert server.app.mcf.record_json()["creates"] == []  # nothing reached Amazon
    assert window.table.item(0, 2).text() == "Imported"

    said = _answer_the_confirmation(qtbot, window, "Send anyway")
    window.send_selected()
    qtbot.waitUntil(lambda: len(server.app.mcf.record_json()["creates"]) == 1, timeout=10_000)
    _idle(qtbot, window)
    assert len(said) == 1


@OFFSCREEN_DIALOG
def test_the_confirmation_speaks_portuguese(
    qtbot: Any, qapp: Any, world: tuple[SimulatorServer, McfDesk], tmp_path: Path
) -> None:
    _server, desk = world
    assert install_translator(qapp, "pt_BR") == "pt_BR"
    try:
        window = _window(qtbot, desk)
        _import_one(qtbot, window, tmp_path, CANADA)
        said = _answer_the_confirmation(qtbot, window, "Não enviar")
        window.send_selected()
        qtbot.waitUntil(lambda: "não enviado" in window.status.text(), timeout=10_000)
        _idle(qtbot, window)
        assert "exportação restrita" in said[0] and "Embale aqui" in said[0]
    finally:
        assert install_translator(qapp, "en") == "en"
