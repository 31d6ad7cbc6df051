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

from station.cli.argtypes import po_number
from station.cli.context import open_runtime, outbox_worker, rejection_reasons
from station.cli.errors import UsageError, cli_hint
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.cli.progress import note
from station.cli.ship import add_wait_argument
from station.errors import ConfigError, JournalError, ScanError, StationError

if TYPE_CHECKING:
    from station.journal import OutboxItem
    from station.runtime import Runtime
    from station.workflow.status_updates import CarrierEvent, CarrierScan, CodeSystem

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("po", nargs="?", metavar="PO", type=po_number, help="the purchase order")
    parser.add_argument("--tracking", metavar="T", help="the package's tracking number")
    parser.add_argument(
        "--event",
        type=_event,
        metavar="E",
        help="departed, in_transit, out_for_delivery, delivered, delayed, lost, rejected "
        "or undeliverable",
    )
    parser.add_argument(
        "--at",
        type=_event_time,
        metavar="TIME",
        help="when (ISO 8601, e.g. 2026-11-23T14:05:00+01:00; default: now)",
    )
    parser.add_argument("--city", type=_location, metavar="C", help="where the carrier was")
    parser.add_argument("--postal-code", type=_location, metavar="P")
    parser.add_argument("--country", type=_country, metavar="CC", help="two-letter code, e.g. US")
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
    add_wait_argument(parser)


def _event(text: str) -> CarrierEvent:
    from station.workflow.status_updates import parse_event

    try:
        return parse_event(text)
    except StationError as exc:
        raise argparse.ArgumentTypeError(f"{exc.message}. {exc.hint}") from None


def _event_time(text: str) -> datetime:
    """A carrier event's time: ISO 8601, 2000–2099, not in the future (a few minutes of carrier
    clock drift allowed, as for the CSV)."""
    from station.workflow.status_updates import CLOCK_SKEW, parse_status_time

    try:
        value = parse_status_time(text)
    except StationError as exc:
        raise argparse.ArgumentTypeError(f"{exc.message}. {exc.hint}") from None
    if value - datetime.now(UTC) > CLOCK_SKEW:
        raise argparse.ArgumentTypeError(
            f"{text!r} is in the future ({value:%Y-%m-%d %H:%M} UTC): give the time the carrier "
            "event happened, with its time zone (e.g. 2026-11-23T14:05:00+01:00)"
        )
    return value


def _location(text: str) -> str:
    from station.workflow.status_updates import MAX_LOCATION_CHARS

    if len(text) > MAX_LOCATION_CHARS:
        raise argparse.ArgumentTypeError(f"longer than {MAX_LOCATION_CHARS} characters")
    return text.strip()


def _country(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(
            f"{text[:20]!r} is not a two-letter country code (ISO 3166, e.g. US, not USA)"
        )
    return code


def run(args: argparse.Namespace) -> int:
    if args.csv is not None:
        given = [
            f"--{name.replace('_', '-')}"
            for name in ("tracking", "event", "at", "city", "postal_code", "country")
            if getattr(args, name) is not None
        ]
        if args.po or given:
            raise UsageError(
                "Give either a PO with its options or --csv FILE, not both"
                + (f" (--csv with {', '.join(given)})" if given else ""),
                hint="Run them separately.",
            )
    elif not args.po or not args.tracking or args.event is None:
        missing = [
            name for name, value in (("PO", args.po), ("--tracking", args.tracking)) if not value
        ] + ([] if args.event is not None else ["--event"])
        raise UsageError(
            f"A status update needs the PO, --tracking and --event (missing: {', '.join(missing)})",
            hint="e.g. station status-update 2ABC1234 --tracking ODFL123 --event delivered "
            "--city Dallas --postal-code 75247 --country US, or --csv FILE",
        )
    return _status_update(args)


def _scan_from_args(args: argparse.Namespace) -> CarrierScan:
    from station.workflow.status_updates import CarrierScan

    return CarrierScan(
        po=args.po.strip(),
        tracking=args.tracking.strip(),
        event=args.event,
        at=args.at or datetime.now(UTC),
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
    from station.files import MAX_CSV_BYTES, read_input_file

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

    if args.csv is not None:
        rows = parse_carrier_csv(_read_text(args.csv))
    else:
        rows = [(0, _scan_from_args(args))]
    with open_runtime(args, printers=False) as runtime:

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
            hint = cli_hint(error)
            if hint and args.csv is None:
                print(f"  what to do: {hint}", file=sys.stderr)
        if outcome.refused and args.csv is not None:
            print(
                "  what to do: correct the lines named above in the carrier file and import "
                "a file of those lines alone again (the other lines are recorded already; "
                "`station outbox list --all` shows them)",
                file=sys.stderr,
            )
        if not outcome.queued:
            return EXIT_FAILED
        note(
            f"{len(outcome.queued)} status update(s) are recorded in the outbox and "
            "go out with `station outbox flush` (or the packing station's outbox)."
        )
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


#: Amazon refused an update the station found sound: its record of the PO differs from ours.
REJECTED_HINT = (
    "Amazon's record of PO {po} differs from this station's: check the PO in Vendor Central "
    "(`station order {po} --live` shows Amazon's state and tracking numbers), then send the "
    "event again; the rejected update stays in `station outbox list --all`."
)


def _report_items(items: Sequence[OutboxItem], *, refused: int) -> int:
    from station.journal import OutboxState

    failed = [i for i in items if i.state is OutboxState.FAILED]
    done = [i for i in items if i.state is OutboxState.SUCCEEDED]
    queued = [i for i in items if i.is_open]
    for item in failed:
        print(f"station: PO {item.po} rejected: {rejection_reasons(item)}", file=sys.stderr)
        print(f"  what to do: {REJECTED_HINT.format(po=item.po)}", file=sys.stderr)
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
