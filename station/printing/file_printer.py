"""A folder as a printer: the demo and training default, and a way to capture what would print.

A job appears in the folder complete or not at all (written to a hidden temporary file, flushed,
then linked into place under a name that is never reused), so a watcher that picks files up never
sees half a label. Names sort by time: ``20260123-101502-0001-PO12345.zpl``.
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from station.errors import PrinterError, PrinterOfflineError
from station.printing.address import PrinterAddress, Scheme
from station.printing.content import DocumentKind
from station.printing.printer import JobResult, PrinterState, PrinterStatus, PrintJob
from station.printing.profile import Language, PrinterProfile
from station.printing.raw_tcp import zpl_payload

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_sequence = itertools.count(1)
_sequence_lock = threading.Lock()


def safe_job_name(name: str) -> str:
    """A job name reduced to characters every file system accepts, at most 60 of them."""
    cleaned = _SAFE.sub("_", name).strip("._-")[:60]
    return cleaned or "job"


class FilePrinter:
    def __init__(self, address: PrinterAddress, profile: PrinterProfile) -> None:
        if address.scheme is not Scheme.FILE:
            raise ValueError(f"not a file:// address: {address}")
        self.address = address
        self.profile = profile
        self.directory = Path(address.directory)

    def status(self) -> PrinterStatus:
        existing = self.directory
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        if not existing.is_dir():
            return PrinterStatus(PrinterState.OFFLINE, f"{existing} is not a folder")
        if not os.access(existing, os.W_OK | os.X_OK):
            return PrinterStatus(PrinterState.OFFLINE, f"no permission to write in {existing}")
        if existing != self.directory:
            return PrinterStatus(PrinterState.ONLINE, "folder will be created on the first job")
        return PrinterStatus(PrinterState.ONLINE, f"writes jobs to {self.directory}")

    def print_job(self, job: PrintJob) -> JobResult:
        notes: tuple[str, ...] = ()
        if self.profile.language is Language.ZPL:
            payload, notes = zpl_payload(job, self.profile)
            payloads = [payload]
            extension = DocumentKind.ZPL.extension
        else:
            payloads = [job.content] * job.copies
            extension = job.kind.extension
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            paths = [self._write(payload, job.name, extension) for payload in payloads]
        except OSError as exc:
            raise PrinterOfflineError(
                f"The job could not be written to {self.directory} ({exc.strerror or exc}); "
                "nothing was printed.",
                hint="Check that the folder exists, is writable and the disk is not full.",
            ) from exc
        return JobResult(
            printer=self.address.uri,
            job_id=str(paths[0]) if len(paths) == 1 else ";".join(map(str, paths)),
            bytes_sent=sum(len(p) for p in payloads),
            warnings=notes,
        )

    def _write(self, payload: bytes, job_name: str, extension: str) -> Path:
        fd, temp_name = tempfile.mkstemp(prefix=".station-", suffix=".part", dir=self.directory)
        temp = Path(temp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            for _attempt in range(10_000):
                with _sequence_lock:
                    number = next(_sequence)
                final = (
                    self.directory / f"{stamp}-{number:04d}-{safe_job_name(job_name)}{extension}"
                )
                if _place(temp, final):
                    return final
            raise PrinterError(f"No free file name in {self.directory}.")
        finally:
            temp.unlink(missing_ok=True)


def _place(temp: Path, final: Path) -> bool:
    """Put ``temp`` at ``final`` unless that name exists; False when it does."""
    try:
        os.link(temp, final)  # atomic and never overwrites
    except FileExistsError:
        return False
    except OSError:
        # File systems without hard links (FAT, some network shares): rename, after a check.
        if final.exists():
            return False
        os.replace(temp, final)
    return True
