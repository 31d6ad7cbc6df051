"""Raw TCP printing (JetDirect, port 9100): the network label printer's native path.

Every socket operation has a deadline, so an unplugged printer turns into a
:class:`PrinterOfflineError` within the profile's connect timeout instead of a frozen station.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from station.errors import PrinterError, PrinterOfflineError
from station.printing import zebra_status
from station.printing.address import PrinterAddress, Scheme
from station.printing.content import DocumentKind
from station.printing.printer import (
    JobResult,
    PrinterState,
    PrinterStatus,
    PrintJob,
    require_ready,
)
from station.printing.profile import Language, PrinterProfile

_STATUS_TIMEOUT = 2.0
_MAX_ANSWER = 64 * 1024


def zpl_payload(job: PrintJob, profile: PrinterProfile) -> tuple[bytes, tuple[str, ...]]:
    """The bytes a ZPL printer gets for ``job``: ZPL as is (repeated per copy), images and PDFs
    converted to ``^GF`` labels."""
    if job.kind is DocumentKind.ZPL:
        return job.content * job.copies, ()
    # Imported on the first conversion: the image and PDF libraries behind it are not needed to
    # open a printer, and the station opens its printers while its first window is up.
    from station.printing.convert import pdf_to_zpl, png_to_zpl

    if job.kind is DocumentKind.PNG:
        converted = png_to_zpl(job.content, profile, copies=job.copies)
    else:
        converted = pdf_to_zpl(job.content, profile, copies=job.copies)
    return converted.content, converted.warnings


class RawTcpPrinter:
    def __init__(self, address: PrinterAddress, profile: PrinterProfile) -> None:
        if address.scheme is not Scheme.TCP:
            raise ValueError(f"not a tcp:// address: {address}")
        self.address = address
        self.profile = profile

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection(
                (self.address.host, self.address.port), timeout=self.profile.connect_timeout
            )
        except TimeoutError as exc:
            raise PrinterOfflineError(
                f"The printer {self.address.uri} did not answer within "
                f"{self.profile.connect_timeout:g} s; nothing was printed."
            ) from exc
        except socket.gaierror as exc:
            raise PrinterOfflineError(
                f"The printer's host name {self.address.host!r} is unknown; nothing was printed.",
                hint="Check the printer address in Settings (use its IP address if in doubt).",
            ) from exc
        except OSError as exc:
            raise PrinterOfflineError(
                f"The printer {self.address.uri} refused the connection or cannot be reached "
                f"({exc.strerror or exc}); nothing was printed."
            ) from exc
        return sock

    def status(self) -> PrinterStatus:
        try:
            sock = self._connect()
        except PrinterOfflineError as exc:
            return PrinterStatus(PrinterState.OFFLINE, exc.message)
        with sock:
            return self._query(sock)

    def _query(self, sock: socket.socket) -> PrinterStatus:
        kind = self.profile.status_query
        if kind == "none":
            return PrinterStatus(PrinterState.UNKNOWN, "accepts connections (no status query)")
        query, complete, parse = (
            (zebra_status.HQES_QUERY, zebra_status.hqes_complete, zebra_status.parse_hqes)
            if kind == "HQES"
            else (zebra_status.HS_QUERY, zebra_status.hs_complete, zebra_status.parse_hs)
        )
        try:
            sock.settimeout(self.profile.send_timeout)
            sock.sendall(query)
            answer = _read_until(sock, complete, _STATUS_TIMEOUT)
        except OSError as exc:
            return PrinterStatus(PrinterState.OFFLINE, f"status query failed: {exc}")
        if not answer:
            if kind == "HS":
                # ~HS stays silent while media is out or the head is open.
                return PrinterStatus(
                    PrinterState.ERROR, "no answer to ~HS (media out or head open?)"
                )
            return PrinterStatus(PrinterState.UNKNOWN, "no answer to ~HQES")
        return parse(answer)

    def print_job(self, job: PrintJob) -> JobResult:
        if self.profile.language is not Language.ZPL:
            raise PrinterError(
                f"The raw TCP printer {self.address.uri} is set up as a driver printer; raw "
                "TCP printing needs a ZPL printer.",
                hint="Set its language to ZPL, or print through cups://, windows:// or qt://.",
            )
        payload, notes = zpl_payload(job, self.profile)  # convert before touching the printer
        sock = self._connect()
        with sock:
            require_ready(self.address, self._query(sock))
            try:
                sock.settimeout(self.profile.send_timeout)
                sock.sendall(payload)
                sock.shutdown(socket.SHUT_WR)
            except OSError as exc:
                raise PrinterError(
                    f"Sending the job to {self.address.uri} failed ({exc}); the label may be "
                    "incomplete or missing.",
                    hint="Check the printer, then press Reprint.",
                ) from exc
        return JobResult(printer=self.address.uri, bytes_sent=len(payload), warnings=notes)


def _read_until(sock: socket.socket, complete: Callable[[bytes], bool], timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    answer = b""
    while not complete(answer) and len(answer) < _MAX_ANSWER:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            break
        if not chunk:
            break
        answer += chunk
    return answer
