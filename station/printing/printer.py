"""The one interface every printer back end implements, and the values it speaks in.

A job is never reported as printed unless the bytes were handed over in full to something that
owns them (a printer's socket, the spooler, a file renamed into place). Back ends check
:meth:`Printer.status` before they send and raise :class:`PrinterOfflineError` when the printer
is off, paused or out of media; send failures are :class:`PrinterError` and safe to retry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from station.errors import ContentError, PrinterOfflineError
from station.printing.address import PrinterAddress
from station.printing.content import DocumentKind, sniff
from station.printing.profile import PrinterProfile


class PrinterState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    PAUSED = "paused"
    OUT_OF_PAPER = "out of paper"
    ERROR = "error"  # head open, jam, ribbon out… (``detail`` says which)
    UNKNOWN = "unknown"  # the platform or the printer does not tell; jobs are still sent

    @property
    def can_print(self) -> bool:
        return self in (PrinterState.ONLINE, PrinterState.UNKNOWN)


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.state.value}: {self.detail}" if self.detail else self.state.value


@dataclass(frozen=True)
class PrintJob:
    """A document to print. ``name`` shows in spooler queues and file names (keep PII out: use
    the PO number, not the customer's name)."""

    content: bytes
    kind: DocumentKind
    name: str = "station job"
    copies: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.copies <= 99:
            raise ContentError(f"Copies must be 1–99, not {self.copies}.", hint="Fix --copies.")
        if not self.content:
            raise ContentError(f"The document {self.name!r} is empty.")

    @classmethod
    def from_bytes(cls, content: bytes, *, name: str = "station job", copies: int = 1) -> PrintJob:
        return cls(content=content, kind=sniff(content), name=name, copies=copies)


@dataclass(frozen=True)
class JobResult:
    """A job the printer (or spooler, or folder) accepted."""

    printer: str  # the printer's URI
    job_id: str = ""  # the spooler's id, or the written file's path
    bytes_sent: int = 0  # bytes handed to a socket, spooler, queue or file
    pages: int = 0  # pages drawn, for driver printing
    warnings: tuple[str, ...] = field(default=())
    # The state the printer reported just before the job: UNKNOWN when it cannot tell.
    status: PrinterStatus | None = None


@runtime_checkable
class Printer(Protocol):
    address: PrinterAddress
    profile: PrinterProfile

    def status(self) -> PrinterStatus: ...

    def print_job(self, job: PrintJob) -> JobResult: ...


def require_ready(address: PrinterAddress, status: PrinterStatus) -> None:
    """Stop a job before it is sent to a printer that says it cannot print it."""
    if status.state.can_print:
        return
    raise PrinterOfflineError(
        f"The printer {address.uri} is {status.state.value}"
        + (f" ({status.detail})" if status.detail else "")
        + "; nothing was printed.",
        reason=status.detail or status.state.value,
    )
