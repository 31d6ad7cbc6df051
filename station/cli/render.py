"""``station render LABEL.zpl -o LABEL.png [--dpi N]``: preview a ZPL label without a printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from station.cli.argtypes import integer
from station.cli.exit_codes import EXIT_OK
from station.errors import ContentError, StationError, ZplError

__all__ = ["add_arguments", "run"]

# The renderer's resolutions (station.zpl.renderer.SUPPORTED_DPI; tests/cli checks they agree):
# listed here so that building the parser does not load Pillow.
DPI_CHOICES = (152, 203, 300, 600)
MAX_LABELS = 10_000
# Files that are clearly not ZPL, by their first bytes.
_NOT_ZPL = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"\xff\xd8\xff": "a JPEG image"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("label", type=Path, help="ZPL file to render (one or more ^XA…^XZ)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="PNG file to write (default: the label's name with .png); with --all, -1, -2 … "
        "are added before the suffix",
    )
    parser.add_argument(
        "--dpi", type=int, default=203, choices=DPI_CHOICES, help="printer resolution (203)"
    )
    parser.add_argument(
        "--label",
        dest="label_index",
        type=integer(1, MAX_LABELS),
        default=1,
        metavar="N",
        help="which label of the file to render, counting from 1 (default 1)",
    )
    parser.add_argument(
        "--all", action="store_true", help="render every label and ^PQ copy to numbered files"
    )


def run(args: argparse.Namespace) -> int:
    from station.files import MAX_ZPL_FILE_BYTES, read_input_file
    from station.zpl.parser import parse
    from station.zpl.renderer import render, render_all

    source: Path = args.label
    data = read_input_file(source, what="ZPL file", limit=MAX_ZPL_FILE_BYTES)
    for magic, kind in _NOT_ZPL.items():
        if data.startswith(magic):
            raise ContentError(
                f"{source} is {kind}, not ZPL",
                hint="Give a ZPL file (text starting with ^XA); `station print` prints images "
                "and PDFs.",
            )
    output: Path = args.output or source.with_suffix(".png")
    try:
        document = parse(data)
    except ZplError as exc:  # a file given here, not a label from Amazon to request again
        raise ZplError(
            f"{source}: {exc.message}",
            position=exc.position,
            hint="Give a ZPL label file (text from ^XA to ^XZ), e.g. one a printer job or "
            "Amazon's label answer holds.",
        ) from None
    if args.all:
        results = render_all(document, args.dpi)
        targets = [
            output.with_name(f"{output.stem}-{n}{output.suffix}")
            for n in range(1, len(results) + 1)
        ]
    else:
        count = len(document.labels)
        if args.label_index > count:
            raise StationError(
                f"{source} holds {count} label(s); there is no label {args.label_index}",
                hint=f"Choose --label 1 … {count}." if count else "Check the file.",
            )
        results = [render(document, args.dpi, label_index=args.label_index - 1)]
        targets = [output]
    seen: set[str] = set()
    for result, target in zip(results, targets, strict=True):
        for warning in result.warnings:
            if str(warning) not in seen:
                seen.add(str(warning))
                print(f"station: warning: {warning}", file=sys.stderr)
        try:
            result.image.save(target, format="PNG", dpi=(args.dpi, args.dpi))
        except OSError as exc:
            raise ContentError(
                f"cannot write {target}: {exc.strerror or exc}",
                hint="Choose a folder you may write to with -o.",
            ) from None
        print(target)
    return EXIT_OK
