"""The Windows spooler back end, against a hand-written fake of pywin32's win32print.

The fake has the real call surface (OpenPrinter, GetPrinter level 2, StartDocPrinter with a
(name, output, datatype) tuple, WritePrinter returning the bytes written, EnumPrinters) and raises
``pywintypes.error`` like pywin32 does.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from station.errors import PrinterError, PrinterOfflineError
from station.printing.factory import open_printer
from station.printing.printer import JobResult, PrinterState, PrintJob
from station.printing.profile import PrinterProfile
from station.printing.windows import WindowsPrinter, list_windows_printers

ZPL = b"^XA^FO10,10^FDx^FS^XZ"


class FakeWin32Error(Exception):
    """pywintypes.error: (winerror, funcname, strerror)."""


class FakeSpooler:
    def __init__(self) -> None:
        self.printers: dict[str, dict[str, Any]] = {
            "ZDesigner GK420d": {"Status": 0, "Attributes": 0x240, "cJobs": 0},
        }
        self.documents: list[dict[str, Any]] = []
        self.open_handles: set[int] = set()
        self.short_write = False
        self._next = 100

    def module(self) -> types.ModuleType:
        module = types.ModuleType("win32print")
        module.PRINTER_ENUM_LOCAL = 2  # type: ignore[attr-defined]
        module.PRINTER_ENUM_CONNECTIONS = 4  # type: ignore[attr-defined]
        module.PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x400  # type: ignore[attr-defined]
        for name in (
            "OpenPrinter",
            "ClosePrinter",
            "GetPrinter",
            "StartDocPrinter",
            "StartPagePrinter",
            "WritePrinter",
            "EndPagePrinter",
            "EndDocPrinter",
            "AbortPrinter",
            "EnumPrinters",
        ):
            setattr(module, name, getattr(self, name))
        return module

    def OpenPrinter(self, name: str, defaults: object = None) -> int:
        if name not in self.printers:
            raise FakeWin32Error(1801, "OpenPrinter", "The printer name is invalid.")
        self._next += 1
        self.open_handles.add(self._next)
        self._names = {**getattr(self, "_names", {}), self._next: name}
        return self._next

    def ClosePrinter(self, handle: int) -> None:
        self.open_handles.remove(handle)

    def GetPrinter(self, handle: int, level: int = 2) -> dict[str, Any]:
        assert level == 2
        name = self._names[handle]
        return {"pPrinterName": name, **self.printers[name]}

    def StartDocPrinter(self, handle: int, level: int, info: tuple[str, Any, str]) -> int:
        assert level == 1
        self.documents.append(
            {"name": info[0], "datatype": info[2], "data": b"", "ended": False, "aborted": False}
        )
        return len(self.documents)

    def StartPagePrinter(self, handle: int) -> None:
        pass

    def WritePrinter(self, handle: int, data: bytes) -> int:
        written = len(data) // 2 if self.short_write else len(data)
        self.documents[-1]["data"] += data[:written]
        return written

    def EndPagePrinter(self, handle: int) -> None:
        pass

    def EndDocPrinter(self, handle: int) -> None:
        self.documents[-1]["ended"] = True

    def AbortPrinter(self, handle: int) -> None:
        self.documents[-1]["aborted"] = True

    def EnumPrinters(self, flags: int, name: object, level: int) -> tuple[dict[str, Any], ...]:
        assert flags == 6 and level == 2
        return tuple({"pPrinterName": n, **info} for n, info in self.printers.items())


@pytest.fixture
def spooler(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpooler]:
    fake = FakeSpooler()
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.error = FakeWin32Error  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "win32print", fake.module())
    monkeypatch.setitem(sys.modules, "pywintypes", pywintypes)
    yield fake
    assert not fake.open_handles, "a printer handle was left open"


def zebra(profile: PrinterProfile | None = None) -> WindowsPrinter:
    printer = open_printer("windows://ZDesigner GK420d", profile or PrinterProfile.label(203))
    assert isinstance(printer, WindowsPrinter)
    return printer


def test_zpl_goes_to_the_spooler_as_raw(spooler: FakeSpooler) -> None:
    result = zebra().print_job(PrintJob.from_bytes(ZPL, name="PO1"))
    assert spooler.documents == [
        {"name": "PO1", "datatype": "RAW", "data": ZPL, "ended": True, "aborted": False}
    ]
    assert result.job_id == "1"


def test_png_is_converted_to_zpl_for_a_zpl_queue(spooler: FakeSpooler, label_png: bytes) -> None:
    zebra().print_job(PrintJob.from_bytes(label_png))
    assert spooler.documents[0]["data"].startswith(b"^XA\n^PW812\n^LL1218\n^FO0,0^GFA,")


@pytest.mark.parametrize(
    ("status", "attributes", "state", "detail"),
    [
        (0, 0x400, PrinterState.OFFLINE, "Use Printer Offline"),
        (0x80, 0, PrinterState.OFFLINE, "offline"),
        (0x1, 0, PrinterState.PAUSED, "paused"),
        (0x10, 0, PrinterState.OUT_OF_PAPER, "paper out"),
        (0x400000, 0, PrinterState.ERROR, "door open"),
    ],
)
def test_a_queue_that_lies_is_caught(
    spooler: FakeSpooler, status: int, attributes: int, state: PrinterState, detail: str
) -> None:
    spooler.printers["ZDesigner GK420d"].update(Status=status, Attributes=attributes)
    printer = zebra()
    assert printer.status().state is state
    with pytest.raises(PrinterOfflineError, match=detail):
        printer.print_job(PrintJob.from_bytes(ZPL))
    assert spooler.documents == []


def test_unknown_printer_is_offline(spooler: FakeSpooler) -> None:
    printer = open_printer("windows://No Such Printer", PrinterProfile.label(203))
    assert printer.status().state is PrinterState.OFFLINE
    with pytest.raises(PrinterOfflineError):
        printer.print_job(PrintJob.from_bytes(ZPL))


def test_a_short_write_aborts_the_document(spooler: FakeSpooler) -> None:
    spooler.short_write = True
    with pytest.raises(PrinterError, match="took"):
        zebra().print_job(PrintJob.from_bytes(ZPL))
    assert spooler.documents[0]["aborted"] and not spooler.documents[0]["ended"]


def test_documents_for_a_driver_queue_go_through_qt_by_name(
    spooler: FakeSpooler, monkeypatch: pytest.MonkeyPatch, label_png: bytes
) -> None:
    import station.printing.driver as driver

    calls: list[tuple[str, str | None, PrintJob]] = []

    class FakeDriver:
        def __init__(self, address: Any, profile: Any, *, printer_name: str | None = None) -> None:
            self.address, self.name = address, printer_name

        def print_job(self, job: PrintJob) -> JobResult:
            calls.append((self.address.uri, self.name, job))
            return JobResult(printer=self.address.uri)

    monkeypatch.setattr(driver, "QtDriverPrinter", FakeDriver)
    job = PrintJob.from_bytes(label_png)
    zebra(PrinterProfile.label(203, language="driver")).print_job(job)
    assert calls == [("windows://ZDesigner GK420d", "ZDesigner GK420d", job)]
    assert spooler.documents == []  # no RAW document for a driver queue


def test_a_paused_driver_queue_is_refused_before_qt(spooler: FakeSpooler, label_png: bytes) -> None:
    spooler.printers["ZDesigner GK420d"]["Status"] = 0x1
    with pytest.raises(PrinterOfflineError, match="paused"):
        zebra(PrinterProfile.office()).print_job(PrintJob.from_bytes(label_png))


def test_discovery_lists_windows_printers_with_state(spooler: FakeSpooler) -> None:
    spooler.printers["Office"] = {"Status": 0x1, "Attributes": 0}
    found = list_windows_printers()
    assert {n: s.state for n, s in found.items()} == {
        "ZDesigner GK420d": PrinterState.ONLINE,
        "Office": PrinterState.PAUSED,
    }


def test_without_pywin32_windows_printers_are_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "win32print", None)  # makes the import fail
    printer = open_printer("windows://Any", PrinterProfile.label(203))
    assert printer.status().state is PrinterState.OFFLINE
    assert "only be used on Windows" in printer.status().detail
    assert list_windows_printers() == {}
