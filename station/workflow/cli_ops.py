"""The operations commands: ``station prefetch``, ``status-update``, ``history`` and ``purge``.

They run the same code as the GUI (shift preparation, the status updater, the journal's
queries, the retention purge) for warehouse leads, integrators and support. Exit codes are the
ones of :mod:`station.cli`: 0 done, 1 failed, 3 queued (recorded, will be sent when Amazon can be
reached).

``history`` and ``purge`` only open the journal: they work without SP-API credentials, and
``purge`` without a data key (it deletes sealed documents without reading them).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from station.errors import ConfigError, JournalError, ScanError, StationError
from station.journal import Journal, OutboxItem, OutboxState, RetentionPolicy
from station.journal.clock import to_iso
from station.journal.documents import purge_stored_documents
from station.journal.records import DaySummary, ShipmentRecord
from station.workflow.order_cache import load_prefetched
from station.workflow.prefetch import PrefetchOptions, PrefetchProgress, ShiftPreparation
from station.workflow.status_updates import (
    CarrierScan,
    CodeSystem,
    StatusUpdater,
    parse_carrier_csv,
    parse_event,
    parse_status_time,
)

if TYPE_CHECKING:
    from station.runtime import Runtime

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_QUEUED = 3


# -- arguments ---------------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    if command == "prefetch":
        parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="the shift's day")
        parser.add_argument(
            "--acknowledge",
            action="store_true",
            help="acknowledge NEW orders (code 00, or the rejection code when the station "
            "cannot ship them) — only for vendors without an order system",
        )
        parser.add_argument(
            "--no-request",
            action="store_true",
            help="cache only labels Amazon already has; do not request missing ones",
        )
        parser.add_argument(
            "--lookback-days",
            type=int,
            default=7,
            metavar="N",
            help="orders created up to N days before the day still wait to ship (default 7)",
        )
    elif command == "status-update":
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
            help="import a carrier file (columns: po, tracking, event, at, city, postal_code, "
            "country)",
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
    elif command == "history":
        parser.add_argument("--today", action="store_true", help="today's shipments (default)")
        parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="another day")
        parser.add_argument("--po", metavar="PO", help="everything recorded about one PO")
        parser.add_argument("--csv", type=Path, metavar="FILE", help="write the shipments as CSV")
    elif command == "purge":
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be deleted; delete nothing"
        )


def run(command: str, args: argparse.Namespace) -> int:
    if command == "prefetch":
        return _prefetch(args)
    if command == "status-update":
        return _status_update(args)
    if command == "history":
        return _history(args, sys.stdout)
    if command == "purge":
        return _purge(args, sys.stdout)
    raise ConfigError(f"Unknown command {command!r}")


# -- opening what a command needs ---------------------------------------------------------------


def _runtime(args: argparse.Namespace) -> Runtime:
    from station.runtime import RuntimeOptions, build_runtime

    return build_runtime(
        RuntimeOptions(
            demo=bool(getattr(args, "demo", False)),
            label_printer=getattr(args, "label_printer", None),
            slip_printer=getattr(args, "slip_printer", None),
        )
    )


def _open_journal() -> tuple[Journal, RetentionPolicy] | None:
    """The journal on disk without credentials, keys or printers; None when none exists yet."""
    from station.config import load_settings
    from station.paths import default_paths

    paths = default_paths(dict(os.environ))
    settings = load_settings(paths.config_file)
    retention = RetentionPolicy(
        settings.document_retention_days, settings.unshipped_document_retention_days
    )
    if not paths.journal_file.exists():
        return None
    return Journal.open(paths.journal_file, station_id=settings.station_id), retention


# -- prefetch ----------------------------------------------------------------------------------


def _prefetch(args: argparse.Namespace) -> int:
    if args.lookback_days < 0 or args.lookback_days > 60:
        raise ConfigError("--lookback-days must be between 0 and 60")
    last: list[str] = []

    def progress(p: PrefetchProgress) -> None:
        if p.message != (last[-1] if last else None):
            last.append(p.message)
            print(f"  {p.message}", file=sys.stderr)

    with _runtime(args) as runtime:
        preparation = ShiftPreparation(
            runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
        )
        report = preparation.run(
            PrefetchOptions(
                day=args.date,
                lookback_days=args.lookback_days,
                acknowledge=args.acknowledge,
                request_missing=not args.no_request,
            ),
            progress,
        )
        if not runtime.documents.persistent:
            print(
                "station: no data key: the documents were kept in memory for this run only",
                file=sys.stderr,
            )
    print(
        f"prefetch: {report.listed} orders listed; {report.fetched} fetched, "
        f"{report.requested} labels requested, {report.skipped} skipped, "
        f"{len(report.failed)} failed; {report.seconds:.1f} s"
    )
    if report.acknowledged or report.rejected:
        print(f"acknowledged: {report.acknowledged} accepted, {report.rejected} rejected")
    for po, reason in sorted(report.failed.items()):
        print(f"  FAILED {po}: {reason}")
    return EXIT_FAILED if report.failed else EXIT_OK


# -- status updates ----------------------------------------------------------------------------


def _scan_from_args(args: argparse.Namespace) -> CarrierScan:
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
    try:
        return CodeSystem(text.lower())
    except ValueError:
        raise ConfigError(
            f"{text!r} is not a status code system",
            hint="Use --codes x12 or --codes edifact (or set STATION_STATUS_CODES to one).",
        ) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScanError(
            f"{path.name} is not UTF-8 text", hint="Save the carrier file as CSV (UTF-8)."
        ) from None
    except OSError as exc:
        raise ScanError(
            f"Cannot read {path}: {exc.strerror or exc}", hint="Check the file name."
        ) from None


def _status_update(args: argparse.Namespace) -> int:
    if args.csv is not None and args.po:
        raise ScanError("Give either a PO or --csv FILE, not both", hint="Run them separately.")
    if args.csv is not None:
        rows = parse_carrier_csv(_read_text(args.csv))
    else:
        rows = [(0, _scan_from_args(args))]
    with _runtime(args) as runtime:

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
        worker = runtime.outbox_worker()
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
    failed = [i for i in items if i.state is OutboxState.FAILED]
    done = [i for i in items if i.state is OutboxState.SUCCEEDED]
    queued = [i for i in items if i.is_open]
    for item in failed:
        reasons = "; ".join(f"{e.code}: {e.message}" for e in item.errors) or item.last_error
        print(f"  FAILED {item.po}: {reasons}")
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


# -- history -----------------------------------------------------------------------------------


def _history(args: argparse.Namespace, out: TextIO) -> int:
    opened = _open_journal()
    if opened is None:
        print("No shipments recorded on this station yet.", file=out)
        return EXIT_OK
    journal, _retention = opened
    with journal:
        if args.po:
            return _po_history(journal, args.po.strip(), out)
        day = args.date or journal.now().astimezone().date()
        shipments = journal.shipments_on(day)
        summary = journal.day_summary(day)
    if args.csv is not None:
        _write_csv(args.csv, shipments)
    out.write(format_history(day, shipments, summary))
    return EXIT_OK


def format_history(day: date, shipments: Sequence[ShipmentRecord], summary: DaySummary) -> str:
    """The shipments of a day and the end-of-day summary, as a terminal table."""
    lines = [f"Shipments on {day:%Y-%m-%d}", ""]
    if shipments:
        lines.append(f"{'time':<8} {'PO':<12} {'status':<10} {'ship method':<14} station")
        for record in shipments:
            at = record.at.astimezone().strftime("%H:%M:%S")
            lines.append(
                f"{at:<8} {record.po:<12} {record.status.value:<10} "
                f"{record.ship_method or '-':<14} {record.station_id}"
            )
            for error in record.errors:
                lines.append(f"{'':<8} {'':<12} {error}")
    else:
        lines.append("(none)")
    lines += [
        "",
        f"Summary: {summary.shipments} shipments — {summary.confirmed} confirmed, "
        f"{summary.queued} queued, {summary.failed} failed",
    ]
    for method, count in sorted(summary.per_ship_method.items()):
        lines.append(f"  {method}: {count}")
    lines.append(
        f"Errors: {summary.errors}; failed prints: {summary.failed_prints}; "
        f"still open in the outbox: {summary.open_in_outbox}"
    )
    return "\n".join(lines) + "\n"


def _po_history(journal: Journal, po: str, out: TextIO) -> int:
    events = journal.po_history(po)
    if not events:
        print(f"Nothing recorded for PO {po}.", file=out)
        return EXIT_OK
    print(f"History of PO {po}", file=out)
    for event in events:
        at = event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        extra = f" transaction {event.transaction_id}" if event.transaction_id else ""
        print(f"  {at} {event.station_id} {event.kind.value}: {event.outcome}{extra}", file=out)
    shipment = journal.shipment(po)
    if shipment is not None:
        print(f"Shipment status: {shipment.status.value}", file=out)
    return EXIT_OK


def _write_csv(path: Path, shipments: Sequence[ShipmentRecord]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["po", "status", "at", "station", "ship_method", "transaction_id", "errors"])
    for r in shipments:
        writer.writerow(
            [
                r.po,
                r.status.value,
                to_iso(r.at),
                r.station_id,
                r.ship_method or "",
                r.transaction_id or "",
                " | ".join(r.errors),
            ]
        )
    try:
        path.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as exc:
        raise StationError(
            f"Cannot write {path}: {exc.strerror or exc}", hint="Choose a writable folder."
        ) from None


# -- purge -------------------------------------------------------------------------------------


def _purge(args: argparse.Namespace, out: TextIO) -> int:
    opened = _open_journal()
    if opened is None:
        print("No documents stored on this station.", file=out)
        return EXIT_OK
    journal, retention = opened
    with journal:
        now = journal.now()
        if args.dry_run:
            shipped, unshipped = _purgeable(journal, retention, now)
            verb = "would delete"
        else:
            result = purge_stored_documents(journal, retention, now)
            shipped, unshipped = result.shipped, result.unshipped
            verb = "deleted"
    print(
        f"purge: {verb} {shipped + unshipped} documents ({shipped} shipped more than "
        f"{retention.shipped_days} days ago, {unshipped} never shipped and older than "
        f"{retention.unshipped_days} days)",
        file=out,
    )
    return EXIT_OK


def _purgeable(journal: Journal, retention: RetentionPolicy, now: datetime) -> tuple[int, int]:
    """What :func:`purge_stored_documents` would delete (the same two conditions), counted."""
    with journal.read() as conn:
        shipped = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE shipped_at IS NOT NULL AND shipped_at <= ?",
            (to_iso(retention.shipped_cutoff(now)),),
        ).fetchone()[0]
        unshipped = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE shipped_at IS NULL AND created_at <= ?",
            (to_iso(retention.unshipped_cutoff(now)),),
        ).fetchone()[0]
    return int(shipped), int(unshipped)
