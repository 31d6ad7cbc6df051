"""``station status-update``: vendor-own-carrier package status events, one from the options or
many from a carrier CSV file, sent through the outbox like the GUI's status updates. Exit 0 when
Amazon accepted every event, 3 when some are queued, 1 when some were refused or rejected."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from station.cli.context import open_runtime, outbox_worker, rejection_reasons
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.errors import ConfigError, JournalError, ScanError
from station.files import MAX_CSV_BYTES, read_input_file

if TYPE_CHECKING:
    from station.journal import OutboxItem
    from station.runtime import Runtime
    from station.workflow.status_updates import CarrierScan, CodeSystem

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("po", nargs="?", metavar="PO", help="the purchase order")
    parser.add_argument("--tracking", metavar="T", help="the package's tracking number")
    parser.add_argument(
        "--event",
        metavar="E",
        help="departed, in_transit, out_for_delivery, delivered, delayed, lost, rejected "
        "or undeliverable",
    )
    parser.add_argument("--at", metavar="TIME", help="when (ISO 8601; default: now)")
    parser.add_argument("--city", metavar="C")
    parser.add_argument("--postal-code", metavar="P")
    parser.add_argument("--country", metavar="CC", help="two-letter country code")
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="import a carrier file (columns: po, tracking, event, at, city, postal_code, country)",
    )
    parser.add_argument(
        "--codes",
        choices=("x12", "edifact"),
        default=os.environ.get("STATION_STATUS_CODES", "x12").lower(),
        help="Amazon status/reason code system (default x12, or STATION_STATUS_CODES)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for Amazon's verdict before leaving the rest queued",
    )


def run(args: argparse.Namespace) -> int:
    return _status_update(args)


def _scan_from_args(args: argparse.Namespace) -> CarrierScan:
    from station.workflow.status_updates import CarrierScan, parse_event, parse_status_time

    if not args.po or not args.tracking or not args.event:
        raise ScanError(
            "A status update needs the PO, --tracking and --event (or --csv FILE)",
            hint="e.g. station status-update 2ABC1234 --tracking ODFL123 --event delivered "
            "--city Dallas --postal-code 75247 --country US",
        )
    at = parse_status_time(args.at) if args.at else datetime.now(UTC)
    return CarrierScan(
        po=args.po.strip(),
        tracking=args.tracking.strip(),
        event=parse_event(args.event),
        at=at,
        city=args.city,
        postal_code=args.postal_code,
        country=args.country,
    )


def _code_system(text: str) -> CodeSystem:
    from station.workflow.status_updates import CodeSystem

    try:
        return CodeSystem(text.lower())
    except ValueError:
        raise ConfigError(
            f"{text!r} is not a status code system",
            hint="Use --codes x12 or --codes edifact (or set STATION_STATUS_CODES to one).",
        ) from None


def _read_text(path: Path) -> str:
    raw = read_input_file(path, what="carrier file", limit=MAX_CSV_BYTES, error=ScanError)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScanError(
            f"{path.name} is not UTF-8 text", hint="Save the carrier file as CSV (UTF-8)."
        ) from None


def _status_update(args: argparse.Namespace) -> int:
    from station.workflow.order_cache import load_prefetched
    from station.workflow.status_updates import StatusUpdater, parse_carrier_csv

    if args.csv is not None and args.po:
        raise ScanError("Give either a PO or --csv FILE, not both", hint="Run them separately.")
    if args.csv is not None:
        rows = parse_carrier_csv(_read_text(args.csv))
    else:
        rows = [(0, _scan_from_args(args))]
    with open_runtime(args) as runtime:

        def country_of(po: str) -> str | None:
            cached = load_prefetched(runtime.documents, po)
            return None if cached is None else cached.order.ship_to_country

        updater = StatusUpdater(
            runtime.settings,
            runtime.outbox,
            code_system=_code_system(args.codes),
            country_of=country_of,
        )
        outcome = updater.enqueue_many(rows)
        for row, scan, error in outcome.refused:
            where = f"line {row}: " if args.csv is not None else ""
            print(f"station: {where}PO {scan.po} refused: {error}", file=sys.stderr)
            if error.hint and args.csv is None:
                print(f"  what to do: {error.hint}", file=sys.stderr)
        if not outcome.queued:
            return EXIT_FAILED
        final = _deliver(runtime, outcome.queued, args.wait)
    return _report_items(final, refused=len(outcome.refused))


def _deliver(runtime: Runtime, items: Sequence[OutboxItem], wait: float) -> list[OutboxItem]:
    """Send the queued items now if this process may (another one may own the outbox)."""
    outbox = runtime.outbox
    try:
        worker = outbox_worker(runtime)
        worker.start()
    except JournalError as exc:
        print(f"station: not sending now ({exc}); the station's outbox sends it", file=sys.stderr)
        return [outbox.get(i.id) or i for i in items]
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            current = [outbox.get(i.id) or i for i in items]
            left = deadline - time.monotonic()
            if not any(i.is_open for i in current) or left <= 0:
                return current
            worker.flush(min(1.0, left))
    finally:
        worker.stop()


def _report_items(items: Sequence[OutboxItem], *, refused: int) -> int:
    from station.journal import OutboxState

    failed = [i for i in items if i.state is OutboxState.FAILED]
    done = [i for i in items if i.state is OutboxState.SUCCEEDED]
    queued = [i for i in items if i.is_open]
    for item in failed:
        print(f"  FAILED {item.po}: {rejection_reasons(item)}")
    print(
        f"status updates: {len(done)} accepted, {len(queued)} queued, {len(failed)} failed, "
        f"{refused} refused"
    )
    if failed or refused:
        return EXIT_FAILED
    if queued:
        print("station: queued; they are sent when Amazon can be reached (station outbox list)")
        return EXIT_QUEUED
    return EXIT_OK
