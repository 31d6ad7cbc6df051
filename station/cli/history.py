"""``station history``: the shipments of a day with the end-of-day summary, or everything
recorded about one PO. It only opens the journal: no credentials, no printers."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from station.cli.argtypes import day, po_number
from station.cli.context import open_journal
from station.cli.errors import UsageError
from station.cli.exit_codes import EXIT_OK
from station.errors import StationError

if TYPE_CHECKING:
    from station.journal import Journal
    from station.journal.records import DaySummary, JournalEvent, ShipmentRecord

__all__ = ["add_arguments", "format_history", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--today", action="store_true", help="today's shipments (the default)")
    which.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="another day's shipments")
    which.add_argument(
        "--po", metavar="PO", type=po_number, help="everything recorded about one PO"
    )
    parser.add_argument(
        "--csv", type=Path, metavar="FILE", help="also write the day's shipments as CSV to FILE"
    )
    parser.add_argument(
        "--site", action="store_true", help="every bench of the site (warehouse mode), not this one"
    )


def run(args: argparse.Namespace) -> int:
    if args.po is not None and args.csv is not None:
        raise UsageError(
            "--csv writes a day's shipments; it cannot be combined with --po",
            hint="Use `station history --po PO` alone, or --csv with --today or --date.",
        )
    return _history(args, sys.stdout)


def _history(args: argparse.Namespace, out: TextIO) -> int:
    if args.site:
        from datetime import datetime, time, timedelta

        from station.cli.site import print_site_history

        chosen = args.date or datetime.now().astimezone().date()
        start = datetime.combine(chosen, time()).astimezone()
        return print_site_history(start, start + timedelta(days=1), out)
    opened = open_journal(args)
    if opened is None:
        print("No shipments recorded on this station yet.", file=out)
        if args.csv is not None:  # a script reading the file finds it, with its header
            _write_csv(args.csv, [])
            print(f"wrote 0 shipment(s) to {args.csv}", file=out)
        return EXIT_OK
    journal, _retention = opened
    with journal:
        if args.po:
            return _po_history(journal, args.po.strip(), out)
        day = args.date or journal.now().astimezone().date()
        shipments = journal.shipments_on(day)
        summary = journal.day_summary(day)
    out.write(format_history(day, shipments, summary))
    if args.csv is not None:
        _write_csv(args.csv, shipments)
        print(f"wrote {len(shipments)} shipment(s) to {args.csv}", file=out)
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
        print(f"  {at} {event.station_id} {describe_event(event)}", file=out)
    shipment = journal.shipment(po)
    if shipment is not None:
        print(f"Shipment status: {shipment.status.value}", file=out)
    return EXIT_OK


def describe_event(event: JournalEvent) -> str:
    """One journal event as a line of a PO's history."""
    from station.journal.records import EventKind

    detail = event.detail
    kind = event.kind
    if kind is EventKind.SCAN:
        how = detail.get("source", "scanner")
        text = "scanned" if event.outcome != "refused" else "scan refused"
        text += f" ({how})"
    elif kind is EventKind.PRINT:
        document = detail.get("document", "document")
        if event.outcome == "ok":
            text = f"printed the {document} on {detail.get('printer', '?')}"
        else:
            text = f"the {document} did not print: {detail.get('error', 'no reason recorded')}"
    elif kind is EventKind.LABEL:
        text = f"label {event.outcome} (from {detail.get('source', '?')})"
    elif kind is EventKind.ERROR:
        text = f"error: {detail.get('message') or event.outcome}"
    else:
        text = f"{kind.value.replace('_', ' ')}: {event.outcome}"
        errors = detail.get("errors") or ()
        if errors:
            text += " — " + "; ".join(str(e) for e in errors)[:300]
    if event.transaction_id:
        text += f" (transaction {event.transaction_id})"
    return text


def _write_csv(path: Path, shipments: Sequence[ShipmentRecord]) -> None:
    from station.journal.clock import to_iso

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
