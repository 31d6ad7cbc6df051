"""What the commands share: opening the station for a command, the outbox worker, output.

Every command that needs the packing engine, the gateway or the outbox goes through
:func:`open_runtime` (the composition root, with the printers and demo mode chosen on the command
line); the commands that only read the journal use :func:`open_journal` and need neither
credentials nor printers.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from station.errors import ConfigError, JournalError

if TYPE_CHECKING:
    from station.journal import Journal, OutboxItem, OutboxWorker, RetentionPolicy
    from station.runtime import Runtime, RuntimeOptions


def say(text: str) -> None:
    """One line of the command's result on stdout, flushed (a script may be reading it live)."""
    print(text, flush=True)


def runtime_options(args: argparse.Namespace, *, printers: bool = True) -> RuntimeOptions:
    from station.runtime import RuntimeOptions

    return RuntimeOptions(
        demo=bool(getattr(args, "demo", False)),
        label_printer=getattr(args, "label_printer", None),
        slip_printer=getattr(args, "slip_printer", None),
        printers=printers,
    )


def open_runtime(args: argparse.Namespace, *, printers: bool = True) -> Runtime:
    """The running station for a command (close it: it is a context manager). ``printers``:
    False for a command that prints nothing (its printers need not even be set)."""
    from station.runtime import build_runtime

    if printers:
        _check_printer_options(args)
    return build_runtime(runtime_options(args, printers=printers))


def _check_printer_options(args: argparse.Namespace) -> None:
    """--label-printer / --slip-printer of a command that prints: a malformed address is a
    usage error naming the option (commands that print nothing ignore them)."""
    from station.cli.errors import UsageError
    from station.errors import StationError
    from station.printing.address import parse_printer_uri

    for option in ("label_printer", "slip_printer"):
        value = getattr(args, option, None)
        if value is None:
            continue
        try:
            parse_printer_uri(value)
        except StationError as exc:
            raise UsageError(
                f"argument --{option.replace('_', '-')}: {exc.message}", hint=exc.hint
            ) from None


def open_journal(args: argparse.Namespace) -> tuple[Journal, RetentionPolicy] | None:
    """The journal on disk without credentials, keys or printers; None when none exists yet (and
    in demo mode, whose runs each start with an empty journal of their own)."""
    if getattr(args, "demo", False):
        return None
    from station.journal import RetentionPolicy
    from station.runtime import open_station_journal

    opened = open_station_journal(os.environ, create=False)
    if opened is None:
        return None
    journal, settings = opened
    retention = RetentionPolicy(
        settings.document_retention_days, settings.unshipped_document_retention_days
    )
    return journal, retention


def _env_float(name: str) -> float | None:
    raw = os.environ.get(name)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw[:20]!r} is not a number of seconds") from None
    if value < 0:
        raise ConfigError(f"{name} cannot be negative")
    return value


def outbox_worker(runtime: Runtime) -> OutboxWorker:
    """A (not started) outbox worker; test knobs in the environment:
    ``STATION_OUTBOX_RETRY_SECONDS`` (first retry/poll delay, default 2) and
    ``STATION_OUTBOX_SETTLE_SECONDS`` (see ``station.workflow.delivery``)."""
    from station.journal import RetryPolicy

    first = _env_float("STATION_OUTBOX_RETRY_SECONDS")
    policy = None
    if first is not None:
        policy = RetryPolicy(
            first_delay=first,
            max_delay=max(first, 1.0) * 4,
            poll_first_delay=first,
            poll_max_delay=max(first, 1.0) * 4,
            idle_poll=max(first, 0.05),
        )
    return runtime.outbox_worker(
        policy=policy, settle_seconds=_env_float("STATION_OUTBOX_SETTLE_SECONDS")
    )


def start_worker(worker: OutboxWorker) -> bool:
    """Start the worker; False when another process owns the outbox (it will send for us)."""
    try:
        worker.start()
    except JournalError as exc:
        print(f"station: the outbox is sent by another station process ({exc.message})")
        return False
    return True


def rejection_reasons(item: OutboxItem) -> str:
    """Amazon's reasons for an outbox item, one line."""
    return "; ".join(f"{e.code}: {e.message}" for e in item.errors) or (
        item.last_error or "no reason given"
    )
