"""Labels print at their true size on a 300-dpi head, or the station says so before the first.

Proof by rendering: the project's ZPL renderer draws what the printer is sent at the printer's
own dot pitch, the label's ink is measured in inches (±2 %) and zxing-cpp reads every barcode
back. ZPL labels are rewritten for the head (:mod:`station.zpl.rescale`); PNG labels print 1:1
(two thirds of their size at 300 dpi) and are announced by :func:`png_label_problem`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageOps
from zxingcpp import BarcodeFormat as F

from station.printing import PrinterProfile, PrintJob, open_printer
from station.printing.convert import png_to_zpl
from station.printing.raw_tcp import RawTcpPrinter, zpl_payload
from station.printing.true_size import png_label_problem
from station.zpl import render
from station.zpl.rescale import design_dpi, rescale
from station.zpl.symbols import DOTS_PER_INCH
from tests.helpers.zebra import ZebraEmulator
from tests.zpl.probes import decode

# A hand-written label of the kind carriers send: ^FT baselines, a field block, odd module
# width (^BY3: 4.5 dots at 300 dpi, drawn as 4), a box, and a small ^GF logo.
CARRIER_ZPL = (
    b"^XA^PW812^LL1218^LH0,0"
    b"^FO20,20^GB772,1178,3^FS"
    b"^FT40,90^A0N,50,50^FDUPS GROUND^FS"
    b"^FO40,120^FB700,3,4,L,0^A0N,28,28^FDSHIP TO: JANE DOE\\&1 MAIN ST\\&SEATTLE WA^FS"
    b"^FO60,300^BY3,3,160^BCN,160,N,N,N^FD1Z999AA10123456784^FS"
    b"^FO60,520^BY2,3,120^BCN,120,N,N,N^FD42098101^FS"
    b"^FO600,1050^GFA,32,32,4,FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF^FS"
    b"^XZ"
)


def _ink_inches(image: Image.Image, dpi: int) -> tuple[float, float, float, float]:
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    per_inch = DOTS_PER_INCH[dpi]
    return tuple(v / per_inch for v in box)  # type: ignore[return-value]


def _same_size(a: tuple[float, ...], b: tuple[float, ...]) -> None:
    width_a, height_a = a[2] - a[0], a[3] - a[1]
    width_b, height_b = b[2] - b[0], b[3] - b[1]
    assert width_b == pytest.approx(width_a, rel=0.02)
    assert height_b == pytest.approx(height_a, rel=0.02)
    assert b[0] == pytest.approx(a[0], abs=0.02) and b[1] == pytest.approx(a[1], abs=0.02)


@pytest.fixture
def simulator_zpl(simulator_documents: tuple[str, bytes, bytes, bytes]) -> bytes:
    return simulator_documents[2]


@pytest.mark.parametrize("dpi", [300, 600])
@pytest.mark.parametrize("which", ["simulator", "carrier"])
def test_zpl_prints_at_its_true_size_with_readable_barcodes(
    simulator_zpl: bytes, which: str, dpi: int
) -> None:
    zpl = simulator_zpl if which == "simulator" else CARRIER_ZPL
    at_203 = render(zpl, 203).image
    payload, _notes = zpl_payload(PrintJob.from_bytes(zpl), PrinterProfile.label(dpi))
    printed = render(payload, dpi).image
    assert printed.size == PrinterProfile.label(dpi).media_dots
    _same_size(_ink_inches(at_203, 203), _ink_inches(printed, dpi))
    wanted = sorted(decode(at_203, F.Code128))
    assert len(wanted) >= 2
    assert sorted(decode(printed, F.Code128)) == wanted


def test_without_the_rewrite_a_300_dpi_head_prints_two_thirds(simulator_zpl: bytes) -> None:
    """What a 300-dpi printer did with Amazon's ZPL before: the problem the rewrite solves."""
    before = _ink_inches(render(simulator_zpl, 203).image, 203)
    as_sent = _ink_inches(render(simulator_zpl, 300).image, 300)
    assert (as_sent[2] - as_sent[0]) / (before[2] - before[0]) == pytest.approx(2 / 3, rel=0.02)


def test_bitmaps_in_zpl_are_never_resampled_and_that_is_said() -> None:
    rewritten = rescale(CARRIER_ZPL, 203, 300)
    assert any("graphic" in note for note in rewritten.warnings)
    assert b"^GFA,32,32,4," in rewritten.content  # the logo, dot for dot
    assert b"^BY4,3,240" in rewritten.content and b"^BY3,3,180" in rewritten.content


def test_a_label_already_written_for_the_head_is_sent_as_it_is() -> None:
    at_300 = rescale(CARRIER_ZPL, 203, 300).content
    assert design_dpi(at_300) == 300 and design_dpi(CARRIER_ZPL) == 203
    payload, notes = zpl_payload(PrintJob.from_bytes(at_300), PrinterProfile.label(300))
    assert payload == at_300 and notes == ()


def test_labels_changing_units_or_prefixes_are_sent_as_written_with_a_warning() -> None:
    zpl = b"^XA^MUm^FO10,10^GB20,20,2^FS^XZ"
    payload, notes = zpl_payload(PrintJob.from_bytes(zpl), PrinterProfile.label(300))
    assert payload == zpl and "67%" in notes[0]


@pytest.fixture
def label_png(samples_dir: Path) -> bytes:
    return (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()


def test_the_amazon_png_at_600_dpi_is_exactly_three_times_and_readable(label_png: bytes) -> None:
    profile = PrinterProfile.label(600)
    assert png_label_problem(profile, ["png"]) is None
    converted = png_to_zpl(label_png, profile)
    printed = render(converted.content, 600).image
    source = Image.open(__import__("io").BytesIO(label_png))
    source_ink = _ink_inches(source.convert("L"), 203)
    _same_size(source_ink, _ink_inches(printed, 600))
    assert "1Z" in " ".join(decode(printed, F.Code128))


def test_the_amazon_png_at_300_dpi_prints_1_to_1_readable_and_is_announced(
    label_png: bytes,
) -> None:
    profile = PrinterProfile.label(300)
    problem = png_label_problem(profile, ["auto"])
    assert problem is not None and (problem.dpi, problem.percent) == (300, 67)
    assert "203-dpi label printer" in problem.message() and "ZPL" in problem.message()
    assert png_label_problem(profile, ["zpl"]) is None  # ZPL labels only: nothing to say
    converted = png_to_zpl(label_png, profile)
    assert any("67%" in warning for warning in converted.warnings)
    printed = render(converted.content, 300).image
    assert "1Z" in " ".join(decode(printed, F.Code128))  # small, but every bar whole


@pytest.fixture
def zebra_300() -> Iterator[ZebraEmulator]:
    emulator = ZebraEmulator("ready", dpi=300)
    yield emulator
    emulator.close()


def test_a_printer_reporting_300_dpi_gets_300_dpi_labels_even_if_set_to_203(
    zebra_300: ZebraEmulator,
) -> None:
    printer = open_printer(zebra_300.uri, PrinterProfile.label(203, status_query="auto"))
    assert isinstance(printer, RawTcpPrinter)
    result = printer.print_job(PrintJob.from_bytes(CARRIER_ZPL))
    assert any("reports a 300-dpi head" in w for w in result.warnings)
    zebra_300.wait_for(2)  # the first contact's queries, then the job: both fully received
    (label,) = zebra_300.labels
    assert b"^PW1218" in label
    printed = render(label, 300).image
    _same_size(_ink_inches(render(CARRIER_ZPL, 203).image, 203), _ink_inches(printed, 300))
