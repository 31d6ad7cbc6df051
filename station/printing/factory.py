"""The one place that turns a printer URI and profile into a back end."""

from __future__ import annotations

from station.printing.address import PrinterAddress, Scheme, parse_printer_uri
from station.printing.printer import Printer
from station.printing.profile import PrinterProfile


def open_printer(uri: str | PrinterAddress, profile: PrinterProfile | None = None) -> Printer:
    """A :class:`Printer` for ``uri``. Nothing is contacted yet: ask :meth:`Printer.status`.

    Raises :class:`~station.errors.ConfigError` for a malformed URI. The Qt driver back end is
    imported only for ``qt://``, so label printing over TCP, CUPS or files never loads Qt.
    """
    address = uri if isinstance(uri, PrinterAddress) else parse_printer_uri(uri)
    profile = profile if profile is not None else PrinterProfile()
    if address.scheme is Scheme.TCP:
        from station.printing.raw_tcp import RawTcpPrinter

        return RawTcpPrinter(address, profile)
    if address.scheme is Scheme.CUPS:
        from station.printing.cups import CupsPrinter

        return CupsPrinter(address, profile)
    if address.scheme is Scheme.WINDOWS:
        from station.printing.windows import WindowsPrinter

        return WindowsPrinter(address, profile)
    if address.scheme is Scheme.FILE:
        from station.printing.file_printer import FilePrinter

        return FilePrinter(address, profile)
    from station.printing.driver import QtDriverPrinter

    return QtDriverPrinter(address, profile)
