"""The history window shows today's shipments and acts on them off the GUI thread."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pypdfium2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.config import PrinterSettings
from station.errors import ApiErrorDetail
from station.journal import (
    DocumentFormat,
    DocumentKind,
    Journal,
    MemoryDocumentCache,
    Outbox,
    OutboxKind,
    OutboxState,
    ShipmentStatus,
)
from station.printing import open_printer
from station.runtime import printer_profile
from station.ui.background import wait_for_background
from station.ui.history import HistoryWindow, shipments_csv

pytestmark = pytest.mark.gui


def _png_label() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (812, 1218), 1).save(out, format="PNG")
    return out.getvalue()


PNG_LABEL = _png_label()


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(10_000)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[SimpleNamespace]:
    journal = Journal.open(tmp_path / "journal.sqlite3", station_id="PACK-1")
    outbox = Outbox(journal)
    documents = MemoryDocumentCache()
    label = open_printer((tmp_path / "labels").as_uri(), printer_profile(PrinterSettings()))
    slip = open_printer(
        (tmp_path / "slips").as_uri(),
        printer_profile(PrinterSettings(language="driver", dpi=300, media="A4")),
    )
    confirmed = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1AAAAA", {"n": 1}, ship_method="UPS_GR")
    outbox.transition(confirmed.id, from_states=[OutboxState.PENDING], to=OutboxState.SUCCEEDED)
    outbox.enqueue(OutboxKind.CONFIRMATION, "PO2BBBBB", {"n": 2}, ship_method="FEDEX_HOME")
    failed = outbox.enqueue(OutboxKind.CONFIRMATION, "PO3CCCCC", {"n": 3}, ship_method="UPS_GR")
    outbox.transition(
        failed.id,
        from_states=[OutboxState.PENDING],
        to=OutboxState.FAILED,
        errors=[ApiErrorDetail("EMPTY_PACKAGES", "no packages")],
    )
    documents.put("PO1AAAAA", DocumentKind.LABEL, "1", DocumentFormat.PNG, PNG_LABEL)
    documents.put("PO1AAAAA", DocumentKind.LABEL, "2", DocumentFormat.PNG, PNG_LABEL)
    yield SimpleNamespace(
        journal=journal,
        outbox=outbox,
        documents=documents,
        label_printer=label,
        slip_printer=slip,
        dirs=(tmp_path / "labels", tmp_path / "slips"),
    )
    journal.close()


def _window(qtbot, runtime, **kwargs) -> HistoryWindow:
    window = HistoryWindow(None, runtime, **kwargs)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
    return window


def test_lists_todays_shipments_with_status_words(qtbot, runtime):
    window = _window(qtbot, runtime)
    rows = {
        window.table.item(r, 0).text(): window.table.item(r, 1).text()
        for r in range(window.table.rowCount())
    }
    assert rows == {"PO1AAAAA": "✔ Confirmed", "PO2BBBBB": "⏳ Queued", "PO3CCCCC": "✖ Failed"}
    assert "3 shipments today" in window.summary_label.text()
    assert "UPS_GR: 1" in window.summary_label.text()
    assert "FEDEX_HOME: 1" in window.summary_label.text()


def test_retry_only_for_failed_and_it_requeues(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.select_po("PO1AAAAA")
    assert not window.retry_button.isEnabled()
    window.select_po("PO3CCCCC")
    assert window.retry_button.isEnabled()
    window.loaded = False
    window.retry_button.click()
    qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
    (item,) = runtime.outbox.list(po="PO3CCCCC")
    assert item.state is OutboxState.PENDING
    assert runtime.journal.shipment("PO3CCCCC").status is ShipmentStatus.QUEUED


def test_reprint_label_from_the_document_cache(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.select_po("PO1AAAAA")
    window.reprint_label_button.click()
    qtbot.waitUntil(lambda: window.status.text() != "Printing…", timeout=10_000)
    assert "2 document(s) of PO1AAAAA sent to the printer" in window.status.text()
    labels = [p for p in runtime.dirs[0].iterdir() if p.is_file()]
    assert len(labels) == 2
    assert all(p.read_bytes() != b"" for p in labels)


def test_reprint_without_stored_documents_says_what_to_do(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.select_po("PO2BBBBB")
    window.reprint_slip_button.click()
    qtbot.waitUntil(lambda: "Failed" in window.status.text(), timeout=10_000)
    assert "No stored slip for PO2BBBBB" in window.status.text()
    assert "Scan the PO again" in window.status.text()


def test_reprint_through_the_main_windows_callback(qtbot, runtime):
    calls = []
    window = _window(qtbot, runtime, reprint=lambda po, which: calls.append((po, which)))
    window.select_po("PO2BBBBB")
    window.reprint_slip_button.click()
    assert calls == [("PO2BBBBB", "slip")]


def test_export_csv(qtbot, runtime, tmp_path):
    window = _window(qtbot, runtime)
    target = tmp_path / "out.csv"
    window.export_csv(target)
    qtbot.waitUntil(lambda: "exported" in window.status.text(), timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["po"]: r["status"] for r in rows} == {
        "PO1AAAAA": "confirmed",
        "PO2BBBBB": "queued",
        "PO3CCCCC": "failed",
    }
    assert "EMPTY_PACKAGES" in next(r["errors"] for r in rows if r["po"] == "PO3CCCCC")


def test_day_summary_prints_as_a_pdf_on_the_slip_printer(qtbot, runtime):
    window = _window(qtbot, runtime)
    window.print_summary_button.click()
    qtbot.waitUntil(lambda: "Day summary sent" in window.status.text(), timeout=10_000)
    (job,) = [p for p in runtime.dirs[1].iterdir() if p.suffix == ".pdf"]
    document = pypdfium2.PdfDocument(job.read_bytes())
    try:
        page = document[0]
        text_page = page.get_textpage()
        text = text_page.get_text_range()
        text_page.close()
        page.close()
    finally:
        document.close()
    assert "End-of-day summary" in text
    assert "Ship method UPS_GR" in text


@given(st.text(max_size=20))
def test_csv_cells_never_start_a_formula(value):
    from datetime import UTC, datetime

    from station.journal import ShipmentRecord

    record = ShipmentRecord(
        po=value,
        status=ShipmentStatus.FAILED,
        at=datetime(2026, 1, 1, tzinfo=UTC),
        station_id="S",
        ship_method=value,
        transaction_id=None,
        errors=(value,),
    )
    text = shipments_csv([record])
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    for cell in (row["po"], row["ship_method"], row["errors"]):
        assert cell[:1] not in ("=", "+", "-", "@")
