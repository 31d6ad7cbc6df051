"""The ``station`` program: the parser, the table of commands, and what every command shares
(error messages, exit codes).

Each command is a module of :mod:`station.cli`, imported only when it is used, so ``station
--help`` and ``station print`` do not pay for Qt or the simulator. A command module exposes two
functions::

    def add_arguments(parser: argparse.ArgumentParser) -> None: ...
    def run(args: argparse.Namespace) -> int: ...

and is listed in ``COMMANDS`` below with its one-line help.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from station import __version__
from station.cli.exit_codes import EXIT_FAILED, EXIT_INTERRUPTED
from station.errors import StationError


class CommandModule(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "simulator": ("station.cli.simulator", "run the Vendor DF simulator on loopback"),
    "print": ("station.cli.print_file", "print a PNG, ZPL or PDF file on a printer URI"),
    "printers": ("station.cli.printers", "list the printers this machine can see, with state"),
    "render": ("station.cli.render", "render a ZPL label to a PNG image, offline"),
    "ship": ("station.cli.ship", "pack one PO headless: label, print, confirm"),
    "outbox": ("station.cli.outbox", "list or send the confirmations waiting to go out"),
    "prefetch": ("station.cli.prefetch", "shift preparation: cache the day's labels and slips"),
    "status-update": ("station.cli.status_update", "send vendor-own-carrier package status events"),
    "history": ("station.cli.history", "today's shipments and the end-of-day summary"),
    "purge": ("station.cli.purge", "delete stored documents past their retention period"),
    "mcf": ("station.cli.mcf", "web-shop orders fulfilled by Amazon (MCF): import, send, track"),
}


def _load(command: str) -> CommandModule:
    module_name = COMMANDS[command][0]
    return cast(CommandModule, importlib.import_module(module_name))


def build_parser(chosen: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station",
        description=(
            "Packing Station for Amazon Vendor Direct Fulfillment. Without a command it opens the "
            "packing screen."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on the embedded simulator with file printers: no account, no setup",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (imports, Qt plugins, simulator round trip) and exit",
    )
    parser.add_argument("--label-printer", metavar="URI", help="label printer for this run")
    parser.add_argument("--slip-printer", metavar="URI", help="packing-slip printer for this run")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            _load(name).add_arguments(command_parser)
    return parser


def _chosen_command(argv: Sequence[str]) -> str | None:
    for token in argv:
        if token in COMMANDS:
            return token
        if not token.startswith("-"):
            return None
    return None


def run() -> int:
    """The ``station`` program (console script, ``python -m station``, the frozen app): ``main``
    with the log file on."""
    return main(log_files=True)


def main(argv: Sequence[str] | None = None, *, log_files: bool = False) -> int:
    """Parse ``argv`` and run it. ``log_files``: set up the station's log file first (the packing
    screen does that on its start-up thread, so its first window is not kept waiting)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    chosen = _chosen_command(args_list)
    parser = build_parser(chosen)
    args = parser.parse_args(args_list)
    args.log_files = log_files
    try:
        if log_files and (args.command or args.self_test):
            from station.logs import setup_station_logging

            setup_station_logging(verbose=args.verbose, console=True)
        if args.command:
            return _load(args.command).run(args)
        return _run_default(args)
    except StationError as exc:
        print(f"station: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"  what to do: {exc.hint}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run_default(args: argparse.Namespace) -> int:
    """No subcommand: the packing screen (or the self-test)."""
    from station import app

    if args.self_test:
        return app.self_test(args)

    return app.run(args)
