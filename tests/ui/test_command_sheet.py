"""Every barcode on the command sheet decodes back to its command."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pypdfium2
import pytest
import zxingcpp

from station.config import BoxPreset, Settings
from station.printing import open_printer
from station.runtime import printer_profile
from station.ui.background import wait_for_background
from station.ui.command_sheet import CommandSheetDialog, command_sheet_pdf, sheet_commands

PRESETS = [
    BoxPreset(id="S", name="Small", length=12, width=9, height=4),
    BoxPreset(id="XL_2", name="Extra large", length=60, width=40, height=40, dimension_unit="CM"),
]


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(10_000)


def decoded(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        found: list[str] = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=200 / 72, grayscale=True)
            image = bitmap.to_pil()
            found += [r.text for r in zxingcpp.read_barcodes(image)]
            bitmap.close()
            page.close()
        return found
    finally:
        document.close()


def test_commands_cover_the_fixed_ones_and_every_preset():
    codes = [c.code for c in sheet_commands(PRESETS)]
    assert codes == [
        "CMD:CONFIRM",
        "CMD:REPRINT",
        "CMD:NEXTBOX",
        "CMD:CANCEL",
        "CMD:BOX:S",
        "CMD:BOX:XL_2",
    ]


def test_every_barcode_decodes_back():
    commands = sheet_commands(PRESETS)
    pdf = command_sheet_pdf(commands)
    assert pdf.startswith(b"%PDF-")
    assert sorted(decoded(pdf)) == sorted(c.code for c in commands)


def test_many_presets_flow_onto_more_pages():
    presets = [
        BoxPreset(id=f"B{i}", name=f"Box {i}", length=10 + i, width=8, height=4) for i in range(6)
    ]
    commands = sheet_commands(presets)
    pdf = command_sheet_pdf(commands)
    assert len(pypdfium2.PdfDocument(pdf)) >= 2
    assert sorted(decoded(pdf)) == sorted(c.code for c in commands)


@pytest.mark.gui
def test_dialog_prints_on_the_slip_printer(qtbot, tmp_path):
    settings = Settings(box_presets=PRESETS)
    folder = tmp_path / "slips"
    printer = open_printer(folder.as_uri(), printer_profile(settings.printers.slip))
    runtime = SimpleNamespace(settings=settings, slip_printer=printer)
    dialog = CommandSheetDialog(None, runtime)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 6
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "sent to" in dialog.status.text(), timeout=20_000)
    (job,) = [p for p in folder.iterdir() if p.suffix == ".pdf"]
    assert sorted(decoded(job.read_bytes())) == sorted(c.code for c in dialog.commands)


@pytest.mark.gui
def test_dialog_saves_a_pdf(qtbot, tmp_path):
    runtime = SimpleNamespace(settings=Settings(), slip_printer=None)
    dialog = CommandSheetDialog(None, runtime)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    target = tmp_path / "sheet.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: "Saved to" in dialog.status.text(), timeout=20_000)
    assert sorted(decoded(target.read_bytes())) == sorted(
        ["CMD:CONFIRM", "CMD:REPRINT", "CMD:NEXTBOX", "CMD:CANCEL"]
    )
