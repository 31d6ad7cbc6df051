"""Which printers this machine can see, for ``station printers`` and the settings dialog."""

from __future__ import annotations

from dataclasses import dataclass

from station.printing.printer import PrinterStatus


@dataclass(frozen=True)
class DiscoveredPrinter:
    uri: str
    status: PrinterStatus
    source: str  # "cups", "windows" or "qt"


def discover_printers(*, include_qt: bool = False) -> list[DiscoveredPrinter]:
    """CUPS queues and Windows printers, and Qt's view when asked (it loads Qt, which is slow
    and, on Linux, mostly repeats the CUPS queues)."""
    from station.printing.cups import list_cups_printers
    from station.printing.windows import list_windows_printers

    found = [
        DiscoveredPrinter(f"cups://{name}", status, "cups")
        for name, status in sorted(list_cups_printers().items())
    ]
    found += [
        DiscoveredPrinter(f"windows://{name}", status, "windows")
        for name, status in sorted(list_windows_printers().items())
    ]
    if include_qt:
        from station.printing.driver import list_qt_printers

        found += [
            DiscoveredPrinter(f"qt://{name}", status, "qt")
            for name, status in sorted(list_qt_printers().items())
        ]
    return found
