"""``station printers``: the printers this machine can see, with their state."""

from __future__ import annotations

import argparse

from station.cli.exit_codes import EXIT_OK

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--qt", action="store_true", help="also list the printers Qt sees (loads Qt)"
    )


def run(args: argparse.Namespace) -> int:
    from station.printing.discovery import discover_printers

    printers = discover_printers(include_qt=args.qt)
    if not printers:
        print("no printers found (CUPS/Windows); file:///DIR and tcp://HOST always work")
        return EXIT_OK
    width = max(len(p.uri) for p in printers)
    for found in printers:
        print(f"{found.uri:<{width}}  {found.status}")
    return EXIT_OK
