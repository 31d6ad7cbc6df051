"""``station render LABEL.zpl -o LABEL.png [--dpi N]``: preview a ZPL label without a printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from station.cli.exit_codes import EXIT_OK
from station.errors import ContentError, StationError
from station.files import MAX_ZPL_FILE_BYTES, read_input_file
from station.zpl.renderer import SUPPORTED_DPI, render, render_all


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
        "--dpi", type=int, default=203, choices=SUPPORTED_DPI, help="printer resolution (203)"
    )
    parser.add_argument(
        "--label", dest="label_index", type=int, default=1, help="which label to render (1)"
    )
    parser.add_argument(
        "--all", action="store_true", help="render every label and ^PQ copy to numbered files"
    )


def run(args: argparse.Namespace) -> int:
    source: Path = args.label
    data = read_input_file(source, what="ZPL file", limit=MAX_ZPL_FILE_BYTES)
    output: Path = args.output or source.with_suffix(".png")
    if args.all:
        results = render_all(data, args.dpi)
        targets = [
            output.with_name(f"{output.stem}-{n}{output.suffix}")
            for n in range(1, len(results) + 1)
        ]
    else:
        try:
            results = [render(data, args.dpi, label_index=args.label_index - 1)]
        except IndexError as exc:
            raise StationError(str(exc), hint="Choose an existing label with --label.") from None
        targets = [output]
    seen: set[str] = set()
    for result, target in zip(results, targets, strict=True):
        for warning in result.warnings:
            if str(warning) not in seen:
                seen.add(str(warning))
                print(f"warning: {warning}", file=sys.stderr)
        try:
            result.image.save(target, format="PNG", dpi=(args.dpi, args.dpi))
        except OSError as exc:
            raise ContentError(
                f"cannot write {target}: {exc.strerror or exc}",
                hint="Choose a folder you may write to with -o.",
            ) from None
        print(target)
    return EXIT_OK
