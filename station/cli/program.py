"""The ``station`` program: the parser, the table of commands, and what every command shares
(error messages, exit codes, Ctrl+C).

Parsing is the standard library's argparse, used so that a script can rely on it: the global
options (``--demo``, ``--label-printer``, ``--slip-printer``, ``-v``) are accepted before and
after the command, as ``--opt value`` and ``--opt=value``; option names are never abbreviated
(a new option cannot change what an old script meant); every usage error exits 2. argparse needs
no extra dependency in the frozen Windows build and already follows these conventions; a library
such as click would not accept group options after the command either, and maps Ctrl+C and usage
errors to its own exit codes, so it would need the same work with one more dependency.

Each command is a module of :mod:`station.cli` exposing two functions::

    def add_arguments(parser: argparse.ArgumentParser) -> None: ...
    def run(args: argparse.Namespace) -> int: ...

and is listed in ``COMMANDS`` below with its one-line help. Adding a command is adding a module
and a line. Command modules import only the standard library and :mod:`station.cli` at their top
(the rest inside ``run``): the whole parser is built on every start, and ``station --help`` must
not pay for Qt, pydantic or Pillow (tests/cli checks it).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import NoReturn, Protocol, cast

from station import __version__
from station.cli.errors import UsageError, cli_hint, cli_text
from station.cli.exit_codes import (
    EXIT_CLOSED_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from station.cli.pipes import guarded_streams
from station.cli.progress import reset, state
from station.errors import NetworkError, StationError, UnknownOutcomeError


class CommandModule(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "ship": ("station.cli.ship", "pack one PO headless: label, print, confirm"),
    "order": ("station.cli.order", "show a PO: its lines, cartons, documents and state"),
    "prefetch": ("station.cli.prefetch", "shift preparation: cache the day's labels and slips"),
    "outbox": ("station.cli.outbox", "list or send the confirmations waiting to go out"),
    "status-update": ("station.cli.status_update", "send vendor-own-carrier package events"),
    "history": ("station.cli.history", "a day's shipments and summary, or one PO's history"),
    "purge": ("station.cli.purge", "delete stored documents past their retention period"),
    "config": ("station.cli.config", "where the settings live, what they hold, whether they work"),
    "simulator": ("station.cli.simulator", "run the Vendor DF simulator on loopback"),
    "print": ("station.cli.print_file", "print a PNG, ZPL or PDF file on a printer URI"),
    "printers": ("station.cli.printers", "list the printers this machine can see, with state"),
    "scale": ("station.cli.scale", "read the shipping scale and print the weight"),
    "render": ("station.cli.render", "render a ZPL label to a PNG image, offline"),
    "mcf": ("station.cli.mcf", "web-shop orders fulfilled by Amazon (MCF): import, send, track"),
    "site": ("station.cli.site", "warehouse mode: set up or join a site, its status, free a claim"),
}


def _load(command: str) -> CommandModule:
    module_name = COMMANDS[command][0]
    return cast(CommandModule, importlib.import_module(module_name))


class _Parser(argparse.ArgumentParser):
    """Usage errors name the command and exit 2 with one line of what to do."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n  see `{self.prog} --help`\n")


def _global_options(parser: argparse.ArgumentParser, *, after_command: bool) -> None:
    """The options every command takes, before or after its name. After the command they have
    no default, so they never overwrite what was given before it."""
    default: dict[str, object] = {"default": argparse.SUPPRESS} if after_command else {}
    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument(
        "--demo",
        action="store_true",
        help="run on the embedded simulator with file printers: no account, no setup",
        **default,  # type: ignore[arg-type]
    )
    group.add_argument(
        "--label-printer",
        metavar="URI",
        help="label printer for this run (instead of the settings' one)",
        **default,  # type: ignore[arg-type]
    )
    group.add_argument(
        "--slip-printer",
        metavar="URI",
        help="packing-slip printer for this run (instead of the settings' one)",
        **default,  # type: ignore[arg-type]
    )
    group.add_argument(
        "-v",
        "--verbose",
        # After the command -v is counted apart and added up: argparse parses a command's
        # options into a namespace of their own.
        dest="verbose_after" if after_command else "verbose",
        action="count",
        default=0,
        help="more detail on standard error (-vv: debug)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="station",
        description=(
            "Packing Station for Amazon Vendor Direct Fulfillment. Without a command it opens the "
            "packing screen."
        ),
        epilog="Exit codes: 0 done, 1 failed, 2 usage error, 3 queued (recorded, sent when "
        "Amazon can be reached), 130 interrupted (Ctrl+C or a stop signal), 141 done but the "
        "output pipe was closed.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (imports, Qt plugins, simulator round trip) and exit",
    )
    parser.add_argument("--check-display", action="store_true", help=argparse.SUPPRESS)
    _global_options(parser, after_command=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (_module, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, allow_abbrev=False
        )
        _load(name).add_arguments(command_parser)
        for each in _with_subcommands(command_parser):
            _global_options(each, after_command=True)
    return parser


def _with_subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """A command's parser and those of its own subcommands (``station mcf send``), which take the
    global options too."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _with_subcommands(child)
    return found


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.self_test and args.command:
        parser.error(f"--self-test checks the installation; it takes no command ({args.command})")
    args.verbose = int(args.verbose) + int(getattr(args, "verbose_after", 0) or 0)
    return args


def run() -> int:
    """The ``station`` program (console script, ``python -m station``, the frozen app): ``main``
    with the log file on."""
    return main(log_files=True)


def main(argv: Sequence[str] | None = None, *, log_files: bool = False) -> int:
    """Parse ``argv`` and run it. ``log_files``: set up the station's log file first (the packing
    screen does that on its start-up thread, so its first window is not kept waiting).

    A reader that closes the output pipe half-way changes nothing the command does
    (:mod:`station.cli.pipes`); a command that succeeded then exits 141."""
    with guarded_streams() as guards:
        code = _main(argv, log_files=log_files)
        if code == EXIT_OK and any(guard.closed_pipe for guard in guards):
            return EXIT_CLOSED_PIPE
        return code


def _main(argv: Sequence[str] | None, *, log_files: bool) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    reset()
    try:
        args = parse(args_list)
    except SystemExit as exc:  # --help, --version, a usage error: argparse has said it
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    args.log_files = log_files
    if args.check_display:
        from station.ui.selftest_checks import check_display

        return check_display()
    if not args.command and not args.self_test:
        return _run_gui(args)
    try:
        with _stop_signals_interrupt():
            if log_files:
                from station.logs import setup_station_logging

                # The log file keeps every warning; the terminal shows them with -v. What a
                # command has to say, it says once, as its result or its error.
                setup_station_logging(
                    verbose=args.verbose,
                    console=True,
                    console_level=None if args.verbose else logging.ERROR,
                )
            if args.command:
                return _load(args.command).run(args)
            from station import app

            return app.self_test(args)
    except NetworkError as exc:
        where = (
            "the last request may have reached Amazon without an answer; running the same "
            "command again checks what Amazon has before sending anything twice."
            if isinstance(exc, UnknownOutcomeError)
            else state()
        )
        _error(
            f"station: Amazon cannot be reached (network): {cli_text(str(exc))}",
            f"Check this computer's network connection; {where} (-v shows each attempt)",
        )
        return EXIT_FAILED
    except UsageError as exc:
        prog = f"station {args.command}" if args.command else "station"
        _error(f"{prog}: error: {exc}", cli_hint(exc))
        return EXIT_USAGE
    except StationError as exc:
        _error(f"station: {cli_text(str(exc))}", cli_hint(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"station: interrupted; {state()}", file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED


def _error(message: str, hint: str | None) -> None:
    print(message, file=sys.stderr)
    if hint:
        print(f"  what to do: {hint}", file=sys.stderr)
    sys.stderr.flush()


@contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM (a service manager, ``kill``) stops a command like Ctrl+C: the work in hand is
    left in a known state, temporary folders are removed, exit 130."""

    def stop(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        raise KeyboardInterrupt

    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test calling main() from a worker)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_gui(args: argparse.Namespace) -> int:
    """No command: the packing screen."""
    from station import app

    return app.run(args)
