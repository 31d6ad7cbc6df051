"""The Windows spooler, through pywin32's ``win32print``.

pywin32 exists only on Windows, so it is imported inside the functions that need it, never at
module import. ZPL goes to the spooler with the ``RAW`` datatype (the driver passes it through
untouched); images and PDFs are drawn by the printer's driver through Qt (:mod:`.driver`).

The spooler lies by omission: a queue whose USB printer is switched off keeps accepting jobs. The
truth is in ``GetPrinter`` level 2: the ``PRINTER_ATTRIBUTE_WORK_OFFLINE`` attribute (set when
Windows lost the port, or "Use Printer Offline" was ticked) and the ``Status`` bits the port
monitor reports (paused, paper out, door open…).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import replace
from types import ModuleType
from typing import Any

from station.errors import PrinterError, PrinterOfflineError
from station.printing.address import PrinterAddress, Scheme
from station.printing.printer import (
    JobResult,
    PrinterState,
    PrinterStatus,
    PrintJob,
    require_ready,
)
from station.printing.profile import Language, PrinterProfile
from station.printing.raw_tcp import zpl_payload

# winspool.h values (used when win32print does not export the name).
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x00000400
PRINTER_ENUM_LOCAL = 0x00000002
PRINTER_ENUM_CONNECTIONS = 0x00000004
_STATUS_BITS: tuple[tuple[str, int, PrinterState, str], ...] = (
    ("PRINTER_STATUS_OFFLINE", 0x00000080, PrinterState.OFFLINE, "offline"),
    ("PRINTER_STATUS_NOT_AVAILABLE", 0x00001000, PrinterState.OFFLINE, "not available"),
    ("PRINTER_STATUS_SERVER_UNKNOWN", 0x00800000, PrinterState.OFFLINE, "server unknown"),
    ("PRINTER_STATUS_PENDING_DELETION", 0x00000004, PrinterState.OFFLINE, "being deleted"),
    ("PRINTER_STATUS_PAPER_OUT", 0x00000010, PrinterState.OUT_OF_PAPER, "paper out"),
    ("PRINTER_STATUS_PAPER_PROBLEM", 0x00000040, PrinterState.OUT_OF_PAPER, "paper problem"),
    ("PRINTER_STATUS_NO_TONER", 0x00040000, PrinterState.OUT_OF_PAPER, "no toner"),
    ("PRINTER_STATUS_PAPER_JAM", 0x00000008, PrinterState.ERROR, "paper jam"),
    ("PRINTER_STATUS_DOOR_OPEN", 0x00400000, PrinterState.ERROR, "door open"),
    ("PRINTER_STATUS_USER_INTERVENTION", 0x00100000, PrinterState.ERROR, "needs attention"),
    ("PRINTER_STATUS_ERROR", 0x00000002, PrinterState.ERROR, "error"),
    ("PRINTER_STATUS_OUTPUT_BIN_FULL", 0x00000800, PrinterState.ERROR, "output bin full"),
    ("PRINTER_STATUS_PAUSED", 0x00000001, PrinterState.PAUSED, "paused"),
)
_PRIORITY = (
    PrinterState.OFFLINE,
    PrinterState.OUT_OF_PAPER,
    PrinterState.ERROR,
    PrinterState.PAUSED,
)


def _win32() -> tuple[ModuleType, tuple[type[BaseException], ...]]:
    """``win32print`` and the exception types its calls raise, imported on first use."""
    try:
        import win32print
    except ImportError as exc:
        raise PrinterOfflineError(
            "Windows printers (windows://) can only be used on Windows with pywin32 installed.",
            hint="Use cups://, qt://, tcp:// or file:// on this machine.",
        ) from exc
    errors: tuple[type[BaseException], ...] = (OSError,)
    try:
        import pywintypes

        errors = (pywintypes.error, OSError)
    except ImportError:
        pass
    return win32print, errors


def _flag(win32print: ModuleType, name: str, default: int) -> int:
    value = getattr(win32print, name, default)
    return value if isinstance(value, int) else default


def status_from_info(win32print: ModuleType, info: Mapping[str, Any]) -> PrinterStatus:
    """A ``PRINTER_INFO_2`` dict (``GetPrinter`` level 2) to a status."""
    attributes = int(info.get("Attributes") or 0)
    bits = int(info.get("Status") or 0)
    offline_attr = _flag(win32print, "PRINTER_ATTRIBUTE_WORK_OFFLINE", 0x400)
    found: list[tuple[PrinterState, str]] = []
    if attributes & offline_attr:
        found.append((PrinterState.OFFLINE, "Windows marks it offline (Use Printer Offline)"))
    for name, default, state, text in _STATUS_BITS:
        if bits & _flag(win32print, name, default):
            found.append((state, text))
    if not found:
        jobs = int(info.get("cJobs") or 0)
        return PrinterStatus(PrinterState.ONLINE, f"ready, {jobs} job(s) queued")
    state = next(s for s in _PRIORITY if any(f[0] is s for f in found))
    return PrinterStatus(state, ", ".join(text for _s, text in found))


class WindowsPrinter:
    def __init__(self, address: PrinterAddress, profile: PrinterProfile) -> None:
        if address.scheme is not Scheme.WINDOWS:
            raise ValueError(f"not a windows:// address: {address}")
        self.address = address
        self.profile = profile
        self.name = address.name

    def status(self) -> PrinterStatus:
        try:
            win32print, errors = _win32()
        except PrinterOfflineError as exc:
            return PrinterStatus(PrinterState.OFFLINE, exc.message)
        try:
            handle = win32print.OpenPrinter(self.name)
        except errors as exc:
            return PrinterStatus(PrinterState.OFFLINE, f"no Windows printer {self.name!r}: {exc}")
        try:
            info = win32print.GetPrinter(handle, 2)
        except errors as exc:
            return PrinterStatus(PrinterState.UNKNOWN, f"the spooler gave no state: {exc}")
        finally:
            win32print.ClosePrinter(handle)
        return status_from_info(win32print, info)

    def print_job(self, job: PrintJob) -> JobResult:
        if self.profile.language is Language.ZPL:
            return self._print_raw(job)
        status = self.status()
        require_ready(self.address, status)
        from station.printing.driver import QtDriverPrinter

        driver = QtDriverPrinter(self.address, self.profile, printer_name=self.name)
        return replace(driver.print_job(job), status=status)

    def _print_raw(self, job: PrintJob) -> JobResult:
        payload, notes = zpl_payload(job, self.profile)
        win32print, errors = _win32()
        catch: tuple[type[BaseException], ...] = (PrinterError, *errors)
        status = self.status()
        require_ready(self.address, status)
        try:
            handle = win32print.OpenPrinter(self.name)
        except errors as exc:
            raise PrinterOfflineError(
                f"Windows cannot open the printer {self.name!r} ({exc}); nothing was printed."
            ) from exc
        try:
            try:
                job_id = win32print.StartDocPrinter(handle, 1, (job.name[:100], None, "RAW"))
            except errors as exc:
                raise PrinterError(f"The spooler refused the job for {self.name!r}: {exc}") from exc
            try:
                win32print.StartPagePrinter(handle)
                written = win32print.WritePrinter(handle, payload)
                win32print.EndPagePrinter(handle)
                if written is not None and int(written) != len(payload):
                    raise PrinterError(
                        f"The spooler took {written} of {len(payload)} bytes for {self.name!r}."
                    )
            except catch as exc:
                _abort(win32print, handle, errors)
                if isinstance(exc, PrinterError):
                    raise
                raise PrinterError(
                    f"Sending the job to {self.name!r} failed ({exc}); nothing was printed."
                ) from exc
            try:
                win32print.EndDocPrinter(handle)
            except errors as exc:
                raise PrinterError(f"The spooler did not finish the job: {exc}") from exc
        finally:
            win32print.ClosePrinter(handle)
        return JobResult(
            printer=self.address.uri,
            job_id=str(job_id),
            bytes_sent=len(payload),
            warnings=notes,
            status=status,
        )


def _abort(win32print: ModuleType, handle: object, errors: tuple[type[BaseException], ...]) -> None:
    abort = getattr(win32print, "AbortPrinter", None)
    if abort is None:
        return
    with contextlib.suppress(*errors):
        abort(handle)


def list_windows_printers() -> dict[str, PrinterStatus]:
    """Local and connected Windows printers with their state; empty off Windows."""
    try:
        win32print, errors = _win32()
    except PrinterOfflineError:
        return {}
    flags = _flag(win32print, "PRINTER_ENUM_LOCAL", PRINTER_ENUM_LOCAL) | _flag(
        win32print, "PRINTER_ENUM_CONNECTIONS", PRINTER_ENUM_CONNECTIONS
    )
    try:
        infos = win32print.EnumPrinters(flags, None, 2)
    except errors:
        return {}
    return {
        str(info.get("pPrinterName")): status_from_info(win32print, info)
        for info in infos
        if info.get("pPrinterName")
    }
