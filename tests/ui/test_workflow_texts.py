"""The workflow's own progress and error texts reach the packer translated, in packer words."""

from __future__ import annotations

import pytest

from station.config import Settings, WarehouseSettings
from station.errors import NetworkError, ScanError
from station.ui.workflow_texts import TEXTS, packer_error, packer_text
from station.workflow.answers import ForeignWarehouseError, check_ours
from station.workflow.events import StepChanged
from station.workflow.scan import validate_po
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

# The screen in Portuguese for one test, as the translation coverage tests have it.
from tests.ui.test_i18n_coverage import portuguese  # noqa: E402, F401


@pytest.mark.usefixtures("portuguese")
def test_every_progress_text_of_a_real_order_is_translated(station: GuiHarness) -> None:
    seen: list[str] = []
    station.gui.engine.add_listener(
        lambda event: seen.append(event.message) if isinstance(event, StepChanged) else None
    )
    window = station.window
    window.handle_scan(station.po_of_kind("plain"))
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("confirmed", "queued", "error")
    engine_texts = [m for m in seen if m and not m.startswith(("Amazon accepted", "Offline"))]
    assert len(engine_texts) >= 5
    for message in engine_texts:
        assert packer_text(message) != message, f"shown in English: {message!r}"


@pytest.mark.usefixtures("portuguese")
def test_an_unknown_po_is_said_in_packer_words(station: GuiHarness) -> None:
    station.window.handle_scan("ZZZZ9999")
    station.wait_state("error")
    detail = station.window.banner.detail.text()
    hint = station.window.banner.hint.text()
    assert detail == "A Amazon não conhece o PO ZZZZ9999"
    for developer_word in ("getOrder", "404", "not found"):
        assert developer_word not in detail + hint


@pytest.mark.usefixtures("portuguese")
def test_scan_and_network_errors() -> None:
    with pytest.raises(ScanError) as raised:
        validate_po("12 5!")
    message, hint = packer_error(raised.value)
    assert message == "'12 5!' não é um número de PO: tem sinais ou espaços"
    assert hint.startswith("Escaneie o código do PO de novo")
    message, hint = packer_error(NetworkError("getOrder: the connection failed (ConnectError)"))
    assert "getOrder" not in message and "ConnectError" not in message
    assert "rede" in message


def test_unknown_texts_come_through_unchanged() -> None:
    assert packer_text("Something new from the engine") == "Something new from the engine"
    assert all(t.template for t in TEXTS)


@pytest.mark.usefixtures("portuguese")
def test_a_po_of_another_warehouse_is_said_in_the_packers_language() -> None:
    """Scanning a PO another warehouse ships stops the packer: the banner must be readable in
    Portuguese, not the engine's English (seen on the real screen under Xvfb)."""
    settings = Settings(warehouses=[WarehouseSettings(code="ABCD"), WarehouseSettings(code="XYZ1")])
    with pytest.raises(ForeignWarehouseError) as raised:
        check_ours("9L426CG6", "DFWV", settings)
    message, hint = packer_error(raised.value)
    assert message == "O PO 9L426CG6 sai do armazém DFWV; esta estação embala ABCD, XYZ1"
    assert hint != raised.value.hint and hint.startswith("Não embale este pedido aqui")
    with pytest.raises(ForeignWarehouseError) as raised:
        check_ours("9L426CG6", "", settings)
    message, _ = packer_error(raised.value)
    assert message == "O PO 9L426CG6 sai do armazém (sem armazém); esta estação embala ABCD, XYZ1"
