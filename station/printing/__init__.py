"""Printing: printer URIs and profiles, one :class:`Printer` interface over raw TCP, CUPS, the
Windows spooler, Qt drivers and folders, and the PNG/PDF/ZPL conversions labels need.

Importing this package loads neither Qt nor pywin32; back ends are imported when opened.
"""

from station.printing.address import PrinterAddress, Scheme, parse_printer_uri
from station.printing.content import DocumentKind, sniff
from station.printing.factory import open_printer
from station.printing.printer import JobResult, Printer, PrinterState, PrinterStatus, PrintJob
from station.printing.profile import Language, Media, PrinterProfile

__all__ = [
    "DocumentKind",
    "JobResult",
    "Language",
    "Media",
    "PrintJob",
    "Printer",
    "PrinterAddress",
    "PrinterProfile",
    "PrinterState",
    "PrinterStatus",
    "Scheme",
    "open_printer",
    "parse_printer_uri",
    "sniff",
]
