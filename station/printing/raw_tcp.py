"""Raw TCP printing (JetDirect, port 9100): the network label printer's native path.

Every socket operation has a deadline, so an unplugged printer turns into a
:class:`PrinterOfflineError` within the profile's connect timeout instead of a frozen station.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from station.errors import PrinterError, PrinterOfflineError, ZplError
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
from station.printing.profile import Language, PrinterProfile, StatusQuery

_STATUS_TIMEOUT = 2.0
_MAX_ANSWER = 64 * 1024
_SILENT = "the printer answers neither ~HQES nor ~HS"
# Zebra's guide: ~HS goes unanswered while paper or ribbon is out or the head is open.
_HS_SILENT = "no answer to ~HS (paper out, ribbon out or head open?)"


def zpl_payload(job: PrintJob, profile: PrinterProfile) -> tuple[bytes, tuple[str, ...]]:
    """The bytes a ZPL printer gets for ``job``: ZPL rewritten for the printer's head when it was
    written for another (repeated per copy), images and PDFs converted to ``^GF`` labels."""
    if job.kind is DocumentKind.ZPL:
        from station.zpl.rescale import design_dpi, rescale

        written_for = design_dpi(job.content)
        if written_for == profile.dpi:
            return job.content * job.copies, ()
        try:
            rescaled = rescale(job.content, written_for, profile.dpi)
        except ZplError as exc:
            note = (
                f"The ZPL label could not be converted for the {profile.dpi}-dpi printer "
                f"({exc.message}); it was sent as written for {written_for} dpi."
            )
            return job.content * job.copies, (note,)
        return rescaled.content * job.copies, rescaled.warnings
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
        # What an "auto" printer turned out to answer; None until the first status query.
        self._learned: StatusQuery | None = None
        self.reported_dpi: int | None = None  # from ~HI at the first "auto" status query

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

    def _head_profile(self) -> tuple[PrinterProfile, tuple[str, ...]]:
        """The profile to convert labels with: the settings', at the dpi the printer reports
        (``~HI``, asked with its first status query) when that differs."""
        if self.profile.status_query == "auto" and self._learned is None:
            first = self.status()  # first contact: also asks ~HI
            if first.state is PrinterState.OFFLINE:
                require_ready(self.address, first)  # not twice the connect timeout
        reported = self.reported_dpi
        if reported is None or reported == self.profile.dpi or reported not in (203, 300, 600):
            return self.profile, ()
        note = (
            f"The label printer reports a {reported}-dpi head but its settings say "
            f"{self.profile.dpi} dpi: labels are prepared for {reported} dpi. Correct the "
            "setting (Settings → Printers)."
        )
        return self.profile.model_copy(update={"dpi": reported}), (note,)

    def identify_dpi(self) -> int | None:
        """The print head's dpi as the printer reports it (``~HI``), or None when it does not."""
        try:
            sock = self._connect()
        except PrinterOfflineError:
            return None
        with sock:
            try:
                sock.settimeout(self.profile.send_timeout)
                sock.sendall(zebra_status.HI_QUERY)
                answer = _read_until(sock, zebra_status.hi_complete, _STATUS_TIMEOUT)
            except OSError:
                return None
        return zebra_status.parse_hi(answer)

    def _query(self, sock: socket.socket) -> PrinterStatus:
        kind = self.profile.status_query
        if kind == "auto":
            return self._auto(sock)
        if kind == "none":
            return PrinterStatus(PrinterState.UNKNOWN, "accepts connections (no status query)")
        return self._ask_one(sock, kind)

    def _ask_one(self, sock: socket.socket, kind: StatusQuery) -> PrinterStatus:
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
                return PrinterStatus(PrinterState.ERROR, _HS_SILENT)
            return PrinterStatus(PrinterState.UNKNOWN, "no answer to ~HQES")
        return parse(answer)

    def _auto(self, sock: socket.socket) -> PrinterStatus:
        """The first time: ``~HI``, ``~HQES`` and ``~HS`` in one go; then what was answered.

        A Zebra takes host queries in order, so the answers come back in that order. Newer
        firmware answers ``~HQES`` (paper out, ribbon out, head open, paused) and ``~HS`` (which
        adds "receive buffer full"); older firmware ignores ``~HQES`` and, per Zebra's guide,
        does not answer ``~HS`` while paper or ribbon is out or the head is open, though it
        still answers ``~HI``. A printer that answers none of them is not a Zebra: its state is
        unknown, it is not asked again, and the caller says so once.
        """
        learned = self._learned
        if learned == "none":
            return PrinterStatus(PrinterState.UNKNOWN, _SILENT)
        if learned == "HS":
            return self._ask_one(sock, "HS")
        first = learned is None
        query = zebra_status.HQES_QUERY + zebra_status.HS_QUERY
        if first:
            query = zebra_status.HI_QUERY + query
        try:
            sock.settimeout(self.profile.send_timeout)
            sock.sendall(query)
            raw = _read_until(sock, zebra_status.combined_complete, _STATUS_TIMEOUT)
        except OSError as exc:
            return PrinterStatus(PrinterState.OFFLINE, f"status query failed: {exc}")
        answer = zebra_status.parse_combined(raw)
        if first:
            self.reported_dpi = answer.dpi
        if answer.status is not None:
            self._learned = "HQES" if answer.answered == "HQES" else "HS"
            return answer.status
        if first and answer.dpi is not None:
            self._learned = "HS"  # a Zebra (it told its model) that keeps silent on ~HS
            return PrinterStatus(PrinterState.ERROR, _HS_SILENT)
        if first:
            self._learned = "none"
            return PrinterStatus(PrinterState.UNKNOWN, _SILENT)
        return PrinterStatus(PrinterState.UNKNOWN, "no answer to ~HQES")

    def print_job(self, job: PrintJob) -> JobResult:
        if self.profile.language is not Language.ZPL:
            raise PrinterError(
                f"The raw TCP printer {self.address.uri} is set up as a driver printer; raw "
                "TCP printing needs a ZPL printer.",
                hint="Set its language to ZPL, or print through cups://, windows:// or qt://.",
            )
        profile, told = self._head_profile()
        payload, notes = zpl_payload(job, profile)  # convert before touching the printer
        notes = told + notes
        sock = self._connect()
        with sock:
            status = self._query(sock)
            require_ready(self.address, status)
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
        return JobResult(
            printer=self.address.uri, bytes_sent=len(payload), warnings=notes, status=status
        )


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
