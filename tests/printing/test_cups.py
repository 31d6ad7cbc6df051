"""CUPS: lpstat parsing with recorded answers, and real jobs to the cups-pdf queue."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from station.errors import PrinterError, PrinterOfflineError
from station.printing.address import parse_printer_uri
from station.printing.cups import CommandResult, CupsPrinter, parse_lpstat_printers
from station.printing.printer import PrinterState, PrintJob
from station.printing.profile import PrinterProfile

QUEUE = "station-pdf"

LPSTAT = """\
printer station-pdf is idle.  enabled since Mon Nov 23 08:45:38 2026
\tForm mounted:
\tAlerts: none
printer zebra now printing zebra-12.  enabled since Mon Nov 23 08:45:38 2026
\tAlerts: none
printer office disabled since Mon Nov 23 08:45:48 2026 -
\tpaper jam test
\tForm mounted:
\tAlerts: paused
printer empty is idle.  enabled since Mon Nov 23 08:45:38 2026
\tAlerts: media-empty-error
printer gone is idle.  enabled since Mon Nov 23 08:45:38 2026
\tAlerts: offline-report
"""


def test_parse_lpstat() -> None:
    states = {name: s.state for name, s in parse_lpstat_printers(LPSTAT).items()}
    assert states == {
        "station-pdf": PrinterState.ONLINE,
        "zebra": PrinterState.ONLINE,
        "office": PrinterState.PAUSED,
        "empty": PrinterState.OUT_OF_PAPER,
        "gone": PrinterState.OFFLINE,
    }
    assert parse_lpstat_printers(LPSTAT)["office"].detail == "paper jam test"


class FakeLp:
    """Records the commands a CupsPrinter runs and answers like lpstat/lp would."""

    def __init__(self, lpstat: str = LPSTAT, accepting: bool = True) -> None:
        self.lpstat = lpstat
        self.accepting = accepting
        self.calls: list[tuple[list[str], bytes | None]] = []

    def __call__(self, args: Sequence[str], stdin: bytes | None, timeout: float) -> CommandResult:
        self.calls.append((list(args), stdin))
        if args[:2] == ["lpstat", "-l"]:
            queue = args[-1]
            if f"printer {queue} " not in self.lpstat:
                return CommandResult(1, "", f'lpstat: Invalid destination name in list "{queue}".')
            return CommandResult(0, self.lpstat, "")
        if args[:2] == ["lpstat", "-a"]:
            word = "accepting" if self.accepting else "not accepting"
            return CommandResult(0, f"{args[-1]} {word} requests since today\n", "")
        return CommandResult(0, f"request id is {args[2]}-7 (1 file(s))\n", "")


def cups(queue: str, fake: FakeLp, profile: PrinterProfile | None = None) -> CupsPrinter:
    address = parse_printer_uri(f"cups://{queue}")
    return CupsPrinter(address, profile or PrinterProfile.label(203), runner=fake)


def test_zpl_goes_raw_to_the_queue() -> None:
    fake = FakeLp()
    result = cups("zebra", fake).print_job(PrintJob.from_bytes(b"^XA^XZ", name="PO1"))
    args, stdin = fake.calls[-1]
    assert args == ["lp", "-d", "zebra", "-t", "PO1", "-o", "raw", "--", "-"]
    assert stdin == b"^XA^XZ"
    assert result.job_id == "zebra-7"


def test_png_goes_through_the_driver_at_1_to_1(label_png: bytes) -> None:
    fake = FakeLp()
    printer = cups("station-pdf", fake, PrinterProfile.label(203, language="driver"))
    printer.print_job(PrintJob.from_bytes(label_png, copies=2))
    args, _stdin = fake.calls[-1]
    assert args[args.index("-n") + 1] == "2"
    assert "media=Custom.4x6in" in args and "ppi=203" in args


@pytest.mark.parametrize(
    ("queue", "accepting", "says"),
    [
        ("office", True, "paused"),
        ("empty", True, "out of paper"),
        ("gone", True, "offline"),
        ("missing", True, "no CUPS queue named 'missing'"),
        ("station-pdf", False, "rejecting jobs"),
    ],
)
def test_queues_that_cannot_print_refuse_the_job(queue: str, accepting: bool, says: str) -> None:
    fake = FakeLp(accepting=accepting)
    with pytest.raises(PrinterOfflineError, match=says):
        cups(queue, fake).print_job(PrintJob.from_bytes(b"^XA^XZ"))
    assert not [args for args, _ in fake.calls if args[0] == "lp"]


def test_zpl_on_a_cups_driver_printer_is_refused() -> None:
    with pytest.raises(PrinterError, match="cannot print ZPL"):
        cups("office", FakeLp(), PrinterProfile.office()).print_job(PrintJob.from_bytes(b"^XA^XZ"))


# --- the real CUPS server ---------------------------------------------------------------------


def _cups_queue_or_skip() -> None:
    if shutil.which("lpstat") is None or shutil.which("lp") is None:
        pytest.skip("CUPS client tools (lpstat, lp) are not installed; run .ci/system-packages")
    result = subprocess.run(
        ["lpstat", "-p", QUEUE], capture_output=True, text=True, timeout=10, check=False
    )
    if result.returncode != 0:
        pytest.skip(f"no CUPS queue {QUEUE!r} (run .ci/start-cups): {result.stderr.strip()}")


def cups_pdf_dirs() -> list[Path]:
    """Where cups-pdf writes: ``Out ${HOME}/PDF`` of the submitting user, or the anonymous
    spool for users it does not know (see /etc/cups/cups-pdf.conf)."""
    import pwd  # POSIX only, like CUPS; imported here so the module also loads on Windows

    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    return [home / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS"), Path("/var/spool/cups-pdf")]


def _complete(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        return b"%%EOF" in handle.read()


def wait_for_pdf(title: str, deadline: float = 60.0) -> Path:
    """Wait (on a timer event, not a sleep loop in the test) for cups-pdf's output file."""
    found: list[Path] = []
    done = threading.Event()

    def look() -> bool:
        for folder in cups_pdf_dirs():
            try:
                # cups-pdf writes in place: a file is done once it ends with its %%EOF marker.
                matches = [p for p in folder.glob(f"{title}*.pdf") if _complete(p)]
            except OSError:
                continue
            if matches:
                found.append(matches[0])
                return True
        return False

    def poll() -> None:
        while not done.is_set():
            if look():
                done.set()
                return
            done.wait(0.2)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    ok = done.wait(deadline)
    done.set()
    thread.join(timeout=5)
    assert ok and found, f"no cups-pdf output named {title}* in {cups_pdf_dirs()}"
    return found[0]


def barcodes_in_pdf(path: Path, dpi: int = 203) -> set[str]:
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil()
        bitmap.close()
        page.close()
    finally:
        document.close()
    return {b.text for b in zxingcpp.read_barcodes(image)}


@pytest.mark.cups
def test_real_queue_is_online() -> None:
    _cups_queue_or_skip()
    printer = CupsPrinter(parse_printer_uri(f"cups://{QUEUE}"), PrinterProfile.office())
    assert printer.status().state is PrinterState.ONLINE


@pytest.mark.cups
def test_png_label_through_cups_pdf(label_png: bytes) -> None:
    _cups_queue_or_skip()
    title = f"station-test-png-{uuid.uuid4().hex[:12]}"
    printer = CupsPrinter(
        parse_printer_uri(f"cups://{QUEUE}"), PrinterProfile.label(203, language="driver")
    )
    result = printer.print_job(PrintJob.from_bytes(label_png, name=title))
    assert result.job_id.startswith(f"{QUEUE}-")
    output = wait_for_pdf(title)
    try:
        assert "1Z6A34Y60369738804" in barcodes_in_pdf(output)
    finally:
        output.unlink(missing_ok=True)


@pytest.mark.cups
def test_pdf_slip_through_cups_pdf(slip_pdf: bytes) -> None:
    _cups_queue_or_skip()
    title = f"station-test-pdf-{uuid.uuid4().hex[:12]}"
    printer = CupsPrinter(parse_printer_uri(f"cups://{QUEUE}"), PrinterProfile.office())
    printer.print_job(PrintJob.from_bytes(slip_pdf, name=title))
    output = wait_for_pdf(title)
    try:
        assert barcodes_in_pdf(output, dpi=300)  # the PO barcode survived the driver path
    finally:
        output.unlink(missing_ok=True)
