"""``station print FILE --printer URI``: the app's printing path, headless, for integrators and
support."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from station.cli.argtypes import integer, printer_uri
from station.cli.exit_codes import EXIT_OK
from station.cli.progress import note
from station.errors import PrinterError

if TYPE_CHECKING:
    from station.printing.content import DocumentKind
    from station.printing.profile import PrinterProfile

__all__ = ["add_arguments", "run"]

# station.printing.profile's Media and Language values (tests/cli checks they agree), listed here
# so that building the parser does not load pydantic.
MEDIA_CHOICES = ("4x6", "A4", "Letter")
LANGUAGE_CHOICES = ("zpl", "driver")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a PNG, ZPL or PDF file (recognised by content)")
    parser.add_argument(
        "--printer",
        required=True,
        type=printer_uri,
        metavar="URI",
        help="tcp://HOST[:PORT], cups://QUEUE, windows://NAME, qt://NAME or file:///DIR",
    )
    parser.add_argument("--dpi", type=int, choices=(203, 300, 600), help="printer resolution")
    parser.add_argument(
        "--media", choices=MEDIA_CHOICES, help="media (default 4x6, or Letter for PDF)"
    )
    parser.add_argument("--copies", type=integer(1, 99), default=1, help="copies (1 … 99)")
    parser.add_argument(
        "--language",
        choices=LANGUAGE_CHOICES,
        help="zpl for label printers, driver for office printers (default: by scheme and file)",
    )
    parser.add_argument(
        "--status-query",
        choices=("none", "HQES", "HS"),
        default="none",
        help="ask a Zebra on tcp:// for its state before printing",
    )
    parser.add_argument(
        "--strict", action="store_true", help="refuse labels that would need a non-integer scale"
    )


def _profile(args: argparse.Namespace, kind: DocumentKind) -> PrinterProfile:
    from station.printing.content import DocumentKind
    from station.printing.profile import Language, Media, PrinterProfile

    printer = str(args.printer)
    if args.language:
        language = Language(args.language)
    elif printer.startswith("tcp://") or kind is DocumentKind.ZPL:
        language = Language.ZPL
    elif printer.startswith(("qt://", "windows://", "cups://")):
        language = Language.DRIVER
    else:
        language = Language.ZPL if kind is DocumentKind.PNG else Language.DRIVER
    if args.media:
        media = Media(args.media)
    else:
        media = (
            Media.LETTER
            if kind is DocumentKind.PDF and language is Language.DRIVER
            else (Media.LABEL_4X6)
        )
    dpi = args.dpi or (300 if language is Language.DRIVER and media is not Media.LABEL_4X6 else 203)
    return PrinterProfile.model_validate(
        {
            "language": language,
            "dpi": dpi,
            "media": media,
            "status_query": args.status_query,
            "strict_scaling": args.strict,
        }
    )


def _run_print(args: argparse.Namespace) -> int:
    from station.files import MAX_DOCUMENT_FILE_BYTES, read_input_file
    from station.printing.factory import open_printer
    from station.printing.printer import PrintJob

    path: Path = args.file
    content = read_input_file(path, what="file to print", limit=MAX_DOCUMENT_FILE_BYTES)
    job = PrintJob.from_bytes(content, name=path.stem, copies=args.copies)
    printer = open_printer(args.printer, _profile(args, job.kind))
    note(f"the printer may have received {path.name} already; check before printing again.")
    try:
        result = printer.print_job(job)
    except PrinterError as exc:
        if exc.hint == type(exc).default_hint:  # the packing screen's "press Reprint"
            exc.hint = (
                "Check the printer (power, cable, paper; `station printers` lists the ones this "
                "computer sees, with their state), then run the same command again."
            )
        raise
    for warning in result.warnings:
        print(f"station: warning: {warning}", file=sys.stderr)
    where = f" as {result.job_id}" if result.job_id else ""
    print(f"printed {path.name} ({job.kind.value}) on {result.printer}{where}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    return _run_print(args)
