"""The VOC screen records carrier events through the workflow's StatusUpdater."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDateTime

from station.config import Settings, WarehouseSettings
from station.errors import ScanError
from station.journal import Journal, Outbox, OutboxKind, OutboxState
from station.ui.background import wait_for_background
from station.ui.status_updates import StatusUpdatesWindow, form_scan
from station.workflow.status_updates import CarrierEvent

pytestmark = pytest.mark.gui

PO = "7QW8E9R0"
TRACKING = "1Z999AA10123456784"


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(10_000)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[SimpleNamespace]:
    journal = Journal.open(tmp_path / "journal.sqlite3", station_id="PACK-1")
    outbox = Outbox(journal)
    settings = Settings(
        vendor_code="VEND1",
        warehouses=[WarehouseSettings(code="ABCD", vendor_own_carrier=True, scac_code="ABCD")],
    )
    payload = {
        "shipmentConfirmations": [
            {
                "purchaseOrderNumber": PO,
                "sellingParty": {"partyId": "VEND1"},
                "shipFromParty": {"partyId": "ABCD"},
                "containers": [{"trackingNumber": TRACKING}],
            }
        ]
    }
    item = outbox.enqueue(OutboxKind.CONFIRMATION, PO, payload, ship_method="ABCD_GROUND")
    outbox.transition(item.id, from_states=[OutboxState.PENDING], to=OutboxState.SUCCEEDED)
    yield SimpleNamespace(settings=settings, outbox=outbox, journal=journal)
    journal.close()


def _window(qtbot, runtime) -> StatusUpdatesWindow:
    window = StatusUpdatesWindow(None, runtime)
    qtbot.addWidget(window)
    return window


def test_records_an_event_for_a_confirmed_package(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.po.setText(PO.lower())
    window.look_up_tracking()
    qtbot.waitUntil(lambda: window.tracking.count() == 1, timeout=10_000)
    assert window.tracking.currentText() == TRACKING
    window.event_box.setCurrentIndex(window.event_box.findData(CarrierEvent.DELIVERED))
    window.at.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    window.city.setText("Springfield")
    window.country.setText("us")
    window.record_button.click()
    qtbot.waitUntil(lambda: "Queued" in window.status.text(), timeout=10_000)
    (update,) = [i for i in runtime.outbox.list() if i.kind is OutboxKind.STATUS_UPDATE]
    details = update.payload["shipmentStatusUpdates"][0]["statusUpdateDetails"]
    assert (details["statusCode"], details["reasonCode"]) == ("D1", "NS")
    assert details["trackingNumber"] == TRACKING
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=10_000)


def test_refusals_are_shown_with_what_to_do(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.po.setText(PO)
    window.tracking.setCurrentText("1ZWRONG0000")
    window.country.setText("US")
    window.record_button.click()
    qtbot.waitUntil(
        lambda: not window.busy and window.status.text() != "Recording…", timeout=10_000
    )
    assert "is not in the confirmation" in window.status.text()
    assert "match the confirmation exactly" in window.status.text()
    assert not [i for i in runtime.outbox.list() if i.kind is OutboxKind.STATUS_UPDATE]


def test_missing_fields_are_named_before_anything_runs(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.record_button.click()
    assert "PO number" in window.status.text()
    window.po.setText(PO)
    window.record_button.click()
    assert "tracking number" in window.status.text()


def test_screen_warns_when_no_warehouse_is_voc(qtbot, runtime):
    runtime.settings = Settings()
    window = _window(qtbot, runtime)
    assert window.findChild(type(window.status), "no_voc_warning") is not None


def test_csv_import_queues_good_rows_and_lists_refused_ones(qtbot, runtime, tmp_path):
    path = tmp_path / "carrier.csv"
    path.write_text(
        "po,tracking,event,at,city,country\n"
        f"{PO},{TRACKING},in transit,2020-01-01T10:00:00Z,Reno,US\n"
        f"{PO},1ZNOTOURS,delivered,2020-01-01T12:00:00Z,Reno,US\n",
        encoding="utf-8",
    )
    window = _window(qtbot, runtime)
    window.import_csv(path)
    qtbot.waitUntil(lambda: "queued" in window.status.text(), timeout=10_000)
    assert "1 update(s) queued, 1 refused" in window.status.text()
    assert "Line 3" in window.status.text()


@given(
    po=st.text(max_size=12),
    tracking=st.text(max_size=12),
    country=st.text(max_size=4),
)
def test_form_scan_accepts_or_refuses_with_a_scan_error(po, tracking, country):
    try:
        scan = form_scan(
            po, tracking, CarrierEvent.DELIVERED, datetime(2026, 1, 1, tzinfo=UTC), "", "", country
        )
    except ScanError as exc:
        assert exc.message and exc.hint
    else:
        assert scan.po and scan.tracking
        assert scan.country is None or len(scan.country) == 2
