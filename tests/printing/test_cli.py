"""``station print`` and ``station printers``, in process and as the real program."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from station.cli import main
from station.printing.convert import png_to_zpl
from station.printing.profile import PrinterProfile
from tests.printing.conftest import FakeRawPrinter
from tests.printing.test_cups import barcodes_in_pdf, wait_for_pdf

ZPL = b"^XA^FO10,10^FDcli^FS^XZ\n"


@pytest.fixture
def zpl_file(tmp_path: Path) -> Path:
    path = tmp_path / "label.zpl"
    path.write_bytes(ZPL)
    return path


@pytest.fixture
def png_file(tmp_path: Path, label_png: bytes) -> Path:
    path = tmp_path / "label.png"
    path.write_bytes(label_png)
    return path


def test_print_zpl_over_tcp(
    raw_printer: FakeRawPrinter, zpl_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(zpl_file), "--printer", raw_printer.uri]) == 0
    assert raw_printer.wait_for(1) == [ZPL]
    assert "printed label.zpl (zpl)" in capsys.readouterr().out


def test_print_png_over_tcp_at_300_dpi_warns(
    raw_printer: FakeRawPrinter,
    png_file: Path,
    label_png: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["print", str(png_file), "--printer", raw_printer.uri, "--dpi", "300"]
    assert main(argv) == 0
    expected = png_to_zpl(label_png, PrinterProfile.label(300)).content
    assert raw_printer.wait_for(1) == [expected]
    assert "warning: The 203-dpi label was printed at 1×" in capsys.readouterr().err


def test_print_to_a_folder(tmp_path: Path, zpl_file: Path) -> None:
    out = tmp_path / "out"
    assert main(["print", str(zpl_file), "--printer", out.as_uri(), "--copies", "2"]) == 0
    (written,) = out.iterdir()
    assert written.read_bytes() == ZPL * 2


def test_strict_refusal_is_a_clear_failure(
    tmp_path: Path, png_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["print", str(png_file), "--printer", tmp_path.as_uri(), "--dpi", "300", "--strict"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "would blur the barcodes" in err and "what to do:" in err


@pytest.mark.parametrize(
    ("argv_tail", "says", "code"),
    [
        # A malformed option value is a usage error (README: exit 2), named in the message.
        (["--printer", "lpd://x"], "argument --printer: Unknown printer scheme", 2),
        # A value outside the option's range is a usage error (exit 2) naming the range.
        (["--printer", "file:///tmp/x", "--copies", "0"], "--copies: 0 is outside 1 … 99", 2),
    ],
)
def test_bad_input_fails_clearly(
    zpl_file: Path, argv_tail: list[str], says: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(zpl_file), *argv_tail]) == code
    assert says in capsys.readouterr().err


def test_missing_or_unknown_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", str(tmp_path / "nope.png"), "--printer", tmp_path.as_uri()]) == 1
    assert "Cannot read" in capsys.readouterr().err
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    assert main(["print", str(junk), "--printer", tmp_path.as_uri()]) == 1
    assert "neither a PNG" in capsys.readouterr().err


@pytest.mark.timeout(5)
def test_refusing_printer_fails_fast_in_the_real_program(zpl_file: Path, closed_port: int) -> None:
    uri = f"tcp://127.0.0.1:{closed_port}"
    result = subprocess.run(
        [sys.executable, "-m", "station", "print", str(zpl_file), "--printer", uri],
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    assert result.returncode == 1
    assert "refused the connection" in result.stderr
    assert "nothing was printed" in result.stderr


@pytest.mark.cups
def test_print_png_to_cups(
    tmp_path: Path, label_png: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("lpstat") is None:
        pytest.skip("CUPS client tools are not installed; run .ci/system-packages")
    probe = subprocess.run(["lpstat", "-p", "station-pdf"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("no CUPS queue 'station-pdf' (run .ci/start-cups)")
    png_file = tmp_path / f"station-cli-{uuid.uuid4().hex[:12]}.png"
    png_file.write_bytes(label_png)
    assert main(["print", str(png_file), "--printer", "cups://station-pdf"]) == 0
    assert "as station-pdf-" in capsys.readouterr().out
    wait_for_pdf(png_file.stem).unlink()


@pytest.mark.cups
@pytest.mark.usefixtures("qapp")
def test_print_png_through_qt_to_the_cups_queue(
    tmp_path: Path, label_png: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("lpstat") is None:
        pytest.skip("CUPS client tools are not installed; run .ci/system-packages")
    probe = subprocess.run(["lpstat", "-p", "station-pdf"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("no CUPS queue 'station-pdf' (run .ci/start-cups)")
    png_file = tmp_path / f"station-qt-{uuid.uuid4().hex[:12]}.png"
    png_file.write_bytes(label_png)
    assert main(["print", str(png_file), "--printer", "qt://station-pdf"]) == 0
    assert "on qt://station-pdf" in capsys.readouterr().out
    output = wait_for_pdf(png_file.stem)
    try:
        assert "1Z6A34Y60369738804" in barcodes_in_pdf(output)
    finally:
        output.unlink()


def test_print_to_a_missing_cups_queue(png_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", str(png_file), "--printer", "cups://no-such-queue-here"]) == 1
    assert "offline" in capsys.readouterr().err


def test_printers_lists_what_the_machine_sees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printers"]) == 0
    out = capsys.readouterr().out
    probe = (
        subprocess.run(["lpstat", "-p", "station-pdf"], capture_output=True, check=False)
        if shutil.which("lpstat")
        else None
    )
    if probe is not None and probe.returncode == 0:
        assert "cups://station-pdf" in out and "online" in out
    else:
        assert out.strip()
