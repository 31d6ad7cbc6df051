"""``station prefetch``: shift preparation headless — list the day's orders, cache their labels
and slips (and acknowledge NEW ones with ``--acknowledge``). Exit 0 when every order was
prepared (or had nothing to prepare), 1 when some failed or nothing could be kept."""

from __future__ import annotations

import argparse
import sys

from station.cli.argtypes import day, integer
from station.cli.context import open_runtime, say
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK
from station.cli.progress import note
from station.errors import ConfigError

__all__ = ["add_arguments", "run"]

MAX_LOOKBACK_DAYS = 60
_NOT_ACKNOWLEDGED = ("ORDER_NOT_ACKNOWLEDGED", "not acknowledged")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="the shift's day")
    parser.add_argument(
        "--acknowledge",
        action="store_true",
        help="accept NEW orders (code 00) — only for vendors without an order system; "
        "never rejects: an order this station cannot ship is listed and left untouched; "
        "always on with --demo",
    )
    parser.add_argument(
        "--no-request",
        action="store_true",
        help="cache only labels Amazon already has; do not request missing ones",
    )
    parser.add_argument(
        "--lookback-days",
        type=integer(0, MAX_LOOKBACK_DAYS),
        default=7,
        metavar="N",
        help="orders created up to N days before the day still wait to ship "
        f"(0 … {MAX_LOOKBACK_DAYS}, default 7)",
    )


def run(args: argparse.Namespace) -> int:
    from station.workflow.prefetch import LEFT_FOR_SCAN, PrefetchOptions, PrefetchProgress

    last: list[str] = []

    def progress(p: PrefetchProgress) -> None:
        if p.phase == "done":
            return  # the command prints its own summary, once
        if p.message != (last[-1] if last else None):
            last.append(p.message)
            print(f"  {p.message}", file=sys.stderr, flush=True)

    acknowledge = bool(args.acknowledge or getattr(args, "demo", False))
    with open_runtime(args, printers=False) as runtime:
        if not runtime.documents.persistent:
            # Shift preparation is for the scans to come; a cache that ends with this run would
            # fetch everything for nothing.
            raise ConfigError(
                "Nothing prepared: this station cannot keep documents (no data key)",
                hint="Set STATION_DATA_KEY (32 random bytes, URL-safe base64; see the README) or "
                "run where the system keyring is available.",
            )
        note("what was cached so far is kept; running prefetch again goes on from there.")
        site = runtime.site is not None
        if site:
            note("warehouse mode: the site's shift prefetch, into the site's shared cache.")
        preparation = runtime.shift_preparation()
        report = preparation.run(
            PrefetchOptions(
                day=args.date,
                lookback_days=args.lookback_days,
                acknowledge=acknowledge,
                request_missing=not args.no_request,
            ),
            progress,
        )
    say(
        ("site prefetch (shared cache)" if site else "prefetch")
        + f": {report.listed} orders listed; {report.fetched} kept for scanning, "
        f"{report.requested} labels requested, {report.skipped} skipped, "
        + (f"{len(report.without_label)} without a label yet, " if args.no_request else "")
        + (f"{len(report.left_for_scan)} {LEFT_FOR_SCAN}, " if report.left_for_scan else "")
        + f"{len(report.failed)} failed; {report.seconds:.1f} s"
    )
    if report.acknowledged or report.rejected:
        say(f"acknowledged: {report.acknowledged} accepted, {report.rejected} rejected")
    for po, reason in sorted(report.failed.items()):
        print(f"station: PO {po} failed: {reason}", file=sys.stderr)
    if report.network_lost is not None:
        # Said once, for the whole batch: each PO left would only repeat it.
        print(
            f"station: Amazon cannot be reached (network) since the middle of the run "
            f"({report.network_lost}): {report.fetched} POs prefetched; the other "
            f"{len(report.not_reached)} are fetched at their scan or by the next "
            "`station prefetch`",
            file=sys.stderr,
        )
        print(
            "  what to do: Check this computer's network connection, then run "
            "`station prefetch` again (what was cached is kept, and a request already sent is "
            "waited for, not sent twice).",
            file=sys.stderr,
        )
        return EXIT_FAILED
    unacknowledged = [
        po for po, reason in report.failed.items() if any(k in reason for k in _NOT_ACKNOWLEDGED)
    ]
    if unacknowledged and not acknowledge:
        print(
            f"  what to do: {len(unacknowledged)} order(s) are NEW (not acknowledged yet). "
            "Acknowledge them in your order system, or run `station prefetch --acknowledge` "
            "when this station acknowledges orders itself.",
            file=sys.stderr,
        )
    return EXIT_FAILED if report.failed else EXIT_OK
