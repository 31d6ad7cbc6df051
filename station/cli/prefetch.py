"""``station prefetch``: shift preparation headless — list the day's orders, cache their labels
and slips (and acknowledge NEW ones with ``--acknowledge``). Exit 0 when every order was
prepared, 1 when some failed."""

from __future__ import annotations

import argparse
import sys

from station.cli.context import open_runtime
from station.cli.dates import day
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK
from station.errors import ConfigError

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="the shift's day")
    parser.add_argument(
        "--acknowledge",
        action="store_true",
        help="accept NEW orders (code 00) — only for vendors without an order system; "
        "never rejects: an order this station cannot ship is listed and left untouched",
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


def run(args: argparse.Namespace) -> int:
    from station.workflow.prefetch import PrefetchOptions, PrefetchProgress, ShiftPreparation

    if args.lookback_days < 0 or args.lookback_days > 60:
        raise ConfigError("--lookback-days must be between 0 and 60")
    last: list[str] = []

    def progress(p: PrefetchProgress) -> None:
        if p.message != (last[-1] if last else None):
            last.append(p.message)
            print(f"  {p.message}", file=sys.stderr)

    with open_runtime(args) as runtime:
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
