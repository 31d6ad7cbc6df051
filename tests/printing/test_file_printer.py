from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from station.errors import PrinterOfflineError
from station.printing.convert import png_to_zpl
from station.printing.factory import open_printer
from station.printing.file_printer import FilePrinter, safe_job_name
from station.printing.printer import PrinterState, PrintJob
from station.printing.profile import PrinterProfile

ZPL = b"^XA^FO10,10^FDx^FS^XZ"


def test_each_job_is_a_new_file_named_by_time_sequence_and_job(tmp_path: Path) -> None:
    folder = tmp_path / "labels" / "out"
    printer = open_printer(folder.as_uri(), PrinterProfile.label(203))
    assert isinstance(printer, FilePrinter)
    assert printer.status().state is PrinterState.ONLINE
    first = printer.print_job(PrintJob.from_bytes(ZPL, name="PO 123/4"))
    second = printer.print_job(PrintJob.from_bytes(ZPL, name="PO 123/4"))
    files = sorted(folder.iterdir())
    assert [str(f) for f in files] == sorted([first.job_id, second.job_id])
    assert all(f.read_bytes() == ZPL for f in files)
    assert all(f.name.endswith("-PO_123_4.zpl") for f in files)
    assert not [f for f in folder.iterdir() if f.name.startswith(".")]  # no temp files left


def test_png_to_a_zpl_file_printer_is_converted(tmp_path: Path, label_png: bytes) -> None:
    profile = PrinterProfile.label(203)
    result = open_printer(tmp_path.as_uri(), profile).print_job(PrintJob.from_bytes(label_png))
    assert Path(result.job_id).read_bytes() == png_to_zpl(label_png, profile).content


def test_driver_file_printer_keeps_documents_as_they_are(tmp_path: Path, slip_pdf: bytes) -> None:
    printer = open_printer(tmp_path.as_uri(), PrinterProfile.office())
    result = printer.print_job(PrintJob.from_bytes(slip_pdf, copies=2))
    paths = [Path(p) for p in result.job_id.split(";")]
    assert len(paths) == 2 and all(p.read_bytes() == slip_pdf for p in paths)
    assert all(p.suffix == ".pdf" for p in paths)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows ignores a folder's mode bits (chmod 0o500 leaves it writable); its ACLs differ",
)
@pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_offline(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        printer = open_printer((tmp_path / "x").as_uri())
        assert printer.status().state is PrinterState.OFFLINE
        with pytest.raises(PrinterOfflineError):
            printer.print_job(PrintJob.from_bytes(ZPL))
    finally:
        tmp_path.chmod(0o700)


def test_a_file_in_the_way_makes_the_printer_offline(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    printer = open_printer((blocker / "labels").as_uri())
    assert printer.status().state is PrinterState.OFFLINE
    with pytest.raises(PrinterOfflineError, match="nothing was printed"):
        printer.print_job(PrintJob.from_bytes(ZPL))


@pytest.mark.parametrize(
    ("name", "safe"),
    [("PO123", "PO123"), ("../../etc/passwd", "etc_passwd"), ("", "job"), ("ü ø", "job")],
)
def test_safe_job_names(name: str, safe: str) -> None:
    assert safe_job_name(name) == safe
