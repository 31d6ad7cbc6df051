"""CUPS queues, driven through the ``lp`` and ``lpstat`` commands.

The command-line tools are the one CUPS interface present on every Linux and macOS box (pycups
needs a compiler and libcups headers). They are run with ``LC_ALL=C`` so their answers can be
parsed, with timeouts, and never through a shell.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from station.errors import PrinterError, PrinterOfflineError
from station.printing.address import PrinterAddress, Scheme
from station.printing.content import DocumentKind
from station.printing.convert import load_image, prepare_label
from station.printing.printer import (
    JobResult,
    PrinterState,
    PrinterStatus,
    PrintJob,
    require_ready,
)
from station.printing.profile import Language, Media, PrinterProfile
from station.printing.raw_tcp import zpl_payload


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    stdout: str
    stderr: str


Runner = Callable[[Sequence[str], bytes | None, float], CommandResult]

_MEDIA_OPTION = {Media.LABEL_4X6: "Custom.4x6in", Media.A4: "A4", Media.LETTER: "Letter"}
_REQUEST_ID = re.compile(r"request id is (\S+)")
_PRINTER_LINE = re.compile(r"^printer (\S+) (.*)$")
_OFFLINE_ALERTS = ("offline", "shutdown", "connecting-to-device", "timed-out")
_PAPER_ALERTS = ("media-empty", "media-needed", "media-jam", "marker-supply-empty")


def run_command(args: Sequence[str], stdin: bytes | None, timeout: float) -> CommandResult:
    """Run a CUPS tool in the C locale; missing tools and timeouts become PrinterOfflineError."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(
            list(args), input=stdin, capture_output=True, timeout=timeout, env=env, check=False
        )
    except FileNotFoundError as exc:
        raise PrinterOfflineError(
            f"The CUPS command {args[0]!r} is not installed, so CUPS printers cannot be used.",
            hint="Install CUPS (cups-client), or use a tcp:// or file:// printer.",
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise PrinterOfflineError(
            f"CUPS did not answer {args[0]!r} within {timeout:g} s.",
            hint="Check that the CUPS service is running, then press Reprint.",
        ) from exc
    return CommandResult(
        done.returncode,
        done.stdout.decode("utf-8", errors="replace"),
        done.stderr.decode("utf-8", errors="replace"),
    )


def parse_lpstat_printers(text: str) -> dict[str, PrinterStatus]:
    """``lpstat -l -p`` output (C locale) to each queue's state."""
    found: dict[str, PrinterStatus] = {}
    name: str | None = None
    head = ""
    reason = ""
    alerts: list[str] = []

    def close() -> None:
        if name is not None:
            found[name] = _queue_status(head, reason, alerts)

    for line in text.splitlines():
        match = _PRINTER_LINE.match(line)
        if match:
            close()
            name, head, reason, alerts = match.group(1), match.group(2), "", []
            continue
        if name is None:
            continue
        stripped = line.strip()
        if stripped.startswith("Alerts:"):
            alerts = [a.strip() for a in stripped[len("Alerts:") :].replace(",", " ").split()]
        elif line.startswith("\t") and not reason and ":" not in stripped and stripped:
            reason = stripped  # the line after "disabled since …" is the reason
    close()
    return found


def _queue_status(head: str, reason: str, alerts: Sequence[str]) -> PrinterStatus:
    detail = reason if reason and reason != "reason unknown" else ""
    if any(a.startswith(_PAPER_ALERTS) for a in alerts):
        return PrinterStatus(PrinterState.OUT_OF_PAPER, ", ".join(alerts))
    if head.startswith("disabled"):
        return PrinterStatus(PrinterState.PAUSED, detail or "the queue is disabled (paused)")
    if any(a.startswith(_OFFLINE_ALERTS) for a in alerts):
        return PrinterStatus(PrinterState.OFFLINE, ", ".join(alerts))
    if head.startswith(("is idle", "now printing")):
        return PrinterStatus(PrinterState.ONLINE, "printing" if "printing" in head else "idle")
    return PrinterStatus(PrinterState.UNKNOWN, head.strip())


class CupsPrinter:
    def __init__(
        self,
        address: PrinterAddress,
        profile: PrinterProfile,
        *,
        runner: Runner = run_command,
        timeout: float = 15.0,
    ) -> None:
        if address.scheme is not Scheme.CUPS:
            raise ValueError(f"not a cups:// address: {address}")
        self.address = address
        self.profile = profile
        self.queue = address.name
        self._run = runner
        self._timeout = timeout

    def status(self) -> PrinterStatus:
        try:
            result = self._run(["lpstat", "-l", "-p", self.queue], None, self._timeout)
        except PrinterOfflineError as exc:
            return PrinterStatus(PrinterState.OFFLINE, exc.message)
        if result.returncode != 0:
            message = (result.stderr or result.stdout).strip()
            if "destination" in message.lower():
                return PrinterStatus(PrinterState.OFFLINE, f"no CUPS queue named {self.queue!r}")
            return PrinterStatus(PrinterState.OFFLINE, message or "CUPS is not running")
        status = parse_lpstat_printers(result.stdout).get(self.queue)
        if status is None:
            return PrinterStatus(PrinterState.OFFLINE, f"no CUPS queue named {self.queue!r}")
        if status.state.can_print:
            accepting = self._run(["lpstat", "-a", self.queue], None, self._timeout)
            if "not accepting" in accepting.stdout:
                return PrinterStatus(PrinterState.PAUSED, "the queue is rejecting jobs")
        return status

    def print_job(self, job: PrintJob) -> JobResult:
        args = ["lp", "-d", self.queue, "-t", job.name[:100]]
        notes: tuple[str, ...] = ()
        if self.profile.language is Language.ZPL:
            payload, notes = zpl_payload(job, self.profile)
            args += ["-o", "raw"]
        elif job.kind is DocumentKind.ZPL:
            raise PrinterError(
                f"{self.address.uri} is a driver printer; it cannot print ZPL.",
                hint="Print ZPL labels on a ZPL printer (set its language to ZPL).",
            )
        elif job.kind is DocumentKind.PNG:
            raster = prepare_label(load_image(job.content), self.profile)
            notes = raster.warnings
            buffer = io.BytesIO()
            dpi = self.profile.dpi
            raster.to_image().save(buffer, format="PNG", dpi=(dpi, dpi))
            payload = buffer.getvalue()
            # ppi: the image's own size on paper, 1 image pixel = 1 device dot; no fitting.
            args += ["-n", str(job.copies), "-o", f"media={_MEDIA_OPTION[self.profile.media]}"]
            args += ["-o", f"ppi={dpi}", "-o", "position=top-left", "-o", "print-scaling=none"]
        else:
            payload = job.content
            args += ["-n", str(job.copies), "-o", f"media={_MEDIA_OPTION[self.profile.media]}"]
            args += ["-o", "print-scaling=auto"]  # shrink only pages that do not fit
        status = self.status()
        require_ready(self.address, status)
        result = self._run([*args, "--", "-"], payload, self._timeout)
        if result.returncode != 0:
            message = (result.stderr or result.stdout).strip()[:300]
            error = PrinterOfflineError if "accepting" in message else PrinterError
            raise error(f"CUPS refused the job for {self.queue!r}: {message}; nothing was printed.")
        match = _REQUEST_ID.search(result.stdout)
        return JobResult(
            printer=self.address.uri,
            job_id=match.group(1) if match else "",
            bytes_sent=len(payload),
            warnings=notes,
            status=status,
        )


def list_cups_printers(runner: Runner = run_command) -> dict[str, PrinterStatus]:
    """Every CUPS queue with its state; empty when CUPS is absent or not running."""
    try:
        result = runner(["lpstat", "-l", "-p"], None, 10.0)
    except PrinterOfflineError:
        return {}
    if result.returncode != 0:
        return {}
    return parse_lpstat_printers(result.stdout)
