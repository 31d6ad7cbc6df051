"""``station mcf``: web-shop orders sent to Amazon's fulfilment network (Multi-Channel Fulfillment).

::

    station mcf import FILE.csv                 the station's columns or Shopify's order export
    station mcf list [--state STATE]            what the journal knows
                                                (import, list, pack-here, purge: no network,
                                                no seller app)
    station mcf preview ORDER [--blank-box ...] speeds, dates, fees, FBA stock
    station mcf send ORDER... | --all [--speed S] [--hold] [--blank-box|--block-amzl|--signature]
                     [--despite-preview]    previews each order first; one Amazon says it
                                            cannot fill is not sent unless overridden
    station mcf release ORDER...                ship an order sent on hold
    station mcf track [ORDER...] [--export FILE]  refresh statuses and tracking; CSV for the shop
    station mcf cancel ORDER...                 while Amazon still allows it
    station mcf pack-here ORDER...              pack it at this warehouse instead
    station mcf purge [--days 90]               forget finished orders and their addresses

ORDER is the shop's order name (``#1001``) or the MCF order id. Exit codes: 0 done; 1 refused
(the message says why; in a batch the others are still sent, each reported on its line, and 1
wins over 3); 3 an answer was lost or Amazon was unreachable: the order is recorded as
"sending" and the next run reads it back from Amazon before anything is sent again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from station.cli.argtypes import integer
from station.cli.context import open_runtime, say
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.errors import ApiError, InvalidRequestError, StationError, WorkflowError

if TYPE_CHECKING:
    from station.journal.mcf_orders import McfRecord
    from station.spapi.mcf import McfFeatures
    from station.workflow.mcf import McfDesk

__all__ = ["add_arguments", "run"]

MAX_CSV_BYTES = 10 * 1024 * 1024
#: What asks Amazon nothing: these work with no seller app, simulator or network.
LOCAL_ACTIONS = ("import", "list", "pack-here", "purge")


def _feature_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--blank-box", action="store_true", help="ship in an unbranded box")
    parser.add_argument(
        "--block-amzl", action="store_true", help="do not deliver with Amazon Logistics"
    )
    parser.add_argument("--signature", action="store_true", help="signature on delivery")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="mcf_action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import web-shop orders from a CSV file")
    imp.add_argument("file", type=Path, help="CSV: the station's columns or Shopify's export")
    lst = sub.add_parser("list", help="list the web-shop orders this station knows")
    lst.add_argument("--state", help="only orders in this state (imported, sent, on_hold, ...)")
    pre = sub.add_parser("preview", help="speeds, dates, fees and FBA stock for an order")
    pre.add_argument("order", help="shop order name or MCF order id")
    _feature_flags(pre)
    snd = sub.add_parser("send", help="send orders to Amazon (exactly once)")
    snd.add_argument("orders", nargs="*", help="shop order names or MCF order ids")
    snd.add_argument("--all", action="store_true", help="every imported order")
    snd.add_argument("--speed", choices=("Standard", "Expedited", "Priority"))
    snd.add_argument("--hold", action="store_true", help="create on hold; release later")
    snd.add_argument(
        "--despite-preview",
        action="store_true",
        help="send even when Amazon's preview says the order cannot be filled (no speed, "
        "or FBA stock short): Amazon will likely mark it unfulfillable",
    )
    _feature_flags(snd)
    rel = sub.add_parser("release", help="ship orders sent on hold")
    rel.add_argument("orders", nargs="+")
    trk = sub.add_parser("track", help="refresh statuses and tracking from Amazon")
    trk.add_argument("orders", nargs="*")
    trk.add_argument("--export", type=Path, metavar="FILE", help="write tracking numbers as CSV")
    cnc = sub.add_parser("cancel", help="cancel orders while Amazon still allows it")
    cnc.add_argument("orders", nargs="+")
    here = sub.add_parser("pack-here", help="pack orders at this warehouse instead")
    here.add_argument("orders", nargs="+")
    purge = sub.add_parser("purge", help="forget finished orders and their addresses")
    purge.add_argument(
        "--days", type=integer(1, 3650), default=90, help="older than this (1 … 3650, default 90)"
    )


def run(args: argparse.Namespace) -> int:
    from station.mcf_runtime import build_mcf_desk, open_local_desk

    action = args.mcf_action
    if action in LOCAL_ACTIONS:
        # The station's own records only: no Amazon, no simulator, no seller connection.
        desk, close = open_local_desk(demo=bool(getattr(args, "demo", False)))
        try:
            if action == "import":
                return _import(desk, args.file)
            if action == "list":
                return _list(desk, args.state)
            if action == "purge":
                return _purge(desk, args.days)
            return _each(desk, action, args.orders)
        finally:
            close()
    with open_runtime(args, printers=False) as runtime:  # MCF prints nothing here
        desk = build_mcf_desk(runtime)
        if action == "preview":
            return _preview(desk, args.order, _features(args))
        if action == "send":
            return _send(desk, args)
        if action == "track":
            return _track(desk, args.orders or None, args.export)
        if action == "purge":
            return _purge(desk, args.days)
        return _each(desk, action, args.orders)


def _features(args: argparse.Namespace) -> McfFeatures | None:
    from station.spapi.mcf import McfFeatures

    if not (args.blank_box or args.block_amzl or args.signature):
        return None  # as imported
    return McfFeatures(
        blank_box=args.blank_box, block_amzl=args.block_amzl, signature=args.signature
    )


#: The first line of `station mcf list`: one word per column (so `awk`, `cut` and `tail -n +2`
#: keep working), in the columns of :func:`_line`.
LIST_HEADER = (
    f"{'ORDER_ID':<24} {'SHOP_ORDER':<16} {'STATE':<10} {'AMAZON_STATUS':<16} {'SPEED':<10} "
    "FEATURES  TRACKING"
)


def _line(record: McfRecord) -> str:
    features = ",".join(record.features) or "-"
    return (
        f"{record.order_id:<24} {record.shop_order[:16]:<16} {record.state:<10} "
        f"{record.amazon_status or '-':<16} {record.speed or '-':<10} {features}"
    )


def _import(desk: McfDesk, path: Path) -> int:
    from station.files import read_input_file

    data = read_input_file(path, what="web-shop order file", limit=MAX_CSV_BYTES)
    summary = desk.import_csv(data)
    say(f"Imported {len(summary.added)} order(s) from a {summary.format} file.")
    if summary.updated:
        say(f"Updated (not yet at Amazon, changed in the file): {len(summary.updated)}.")
    if summary.already_known:
        say(f"Already imported before (left as they were): {len(summary.already_known)}.")
    for problem in summary.problems:
        print(f"station: not imported: {problem}", file=sys.stderr)
    if summary.problems:
        print(
            "  what to do: correct the rows named above in the file and import it again (orders "
            "imported already are not imported twice)",
            file=sys.stderr,
        )
    return EXIT_FAILED if summary.problems else EXIT_OK


def _list(desk: McfDesk, state: str | None) -> int:
    from station.journal.mcf_orders import McfState

    try:
        states = None if state is None else [McfState(state)]
    except ValueError:
        raise WorkflowError(
            f"Unknown state {state!r}", hint=f"Use one of {', '.join(s.value for s in McfState)}."
        ) from None
    records = desk.book.orders(states)
    if not records:
        say("No web-shop orders.")
        return EXIT_OK
    packages: dict[str, list[str]] = {}
    for p in desk.book.packages():
        if p.tracking_number:
            packages.setdefault(p.order_id, []).append(f"{p.carrier or '?'} {p.tracking_number}")
    say(LIST_HEADER)
    for record in records:
        tracking = "; ".join(packages.get(record.order_id, []))
        say(_line(record) + (f"  {tracking}" if tracking else ""))
    return EXIT_OK


def _preview(desk: McfDesk, name: str, features: McfFeatures | None) -> int:
    from station.workflow.mcf import not_fulfillable

    preview = desk.preview(name, features)
    say(
        f"Order {preview.shop_order} ({preview.order_id}), features: "
        f"{', '.join(preview.features.names()) or 'none'}"
    )
    for option in preview.options:
        fee = option.total_fee
        fee_text = f"{fee.amount} {fee.currency}" if fee else "-"
        arrive = (
            f"{option.arrive_earliest:%Y-%m-%d}..{option.arrive_latest:%Y-%m-%d}"
            if option.arrive_earliest and option.arrive_latest
            else "-"
        )
        ships = f"{option.ship_latest:%Y-%m-%d}" if option.ship_latest else "-"
        verdict = "yes" if option.fulfillable else "NO"
        why = ""
        if not option.fulfillable:
            why = "  (" + (_said(option.reasons) or "FBA stock short, see below") + ")"
        say(
            f"  {option.speed:<11} fulfillable={verdict:<4} ships by {ships} "
            f"arrives {arrive} fees {fee_text}{why}"
        )
    for stock in preview.stock:
        eligible = {None: "", True: " blank-box ok", False: " no blank box"}[
            stock.blank_box_eligible
        ]
        state = "enough FBA stock" if stock.enough else "SHORT: " + _said(stock.reasons, stock.sku)
        say(f"  SKU {stock.sku} x{stock.quantity}: {state}{eligible}")
    _record, order = desk.order(name)
    refusal = not_fulfillable(preview, order.speed or "Standard")
    if refusal is not None:
        say(f"  `station mcf send` would not send it ({refusal.speed}): {refusal.hint}")
    return EXIT_OK


def _said(codes: tuple[str, ...], sku: str | None = None) -> str:
    """Amazon's reason codes in the lead's words."""
    from station.workflow.mcf import UnfulfillableReason, reason_words

    words = (reason_words(UnfulfillableReason(c.partition(": ")[0], sku)) for c in codes)
    return "; ".join(dict.fromkeys(words))


def _send(desk: McfDesk, args: argparse.Namespace) -> int:
    from station.journal.mcf_orders import McfState
    from station.workflow.mcf import NotFulfillableError

    names = list(args.orders)
    if args.all:
        names += [r.order_id for r in desk.book.orders([McfState.IMPORTED, McfState.SENDING])]
    if not names:
        raise WorkflowError("No order to send", hint="Name the orders, or pass --all.")
    features = _features(args)
    # Each order on its own: one refused is reported on its line and the others go on. The
    # exit code: 1 if any order was refused (the lead must decide), else 3 if any is left
    # "sending" (run again to finish), else 0.
    refused = queued = False
    for name in names:
        try:
            record = desk.send(
                name,
                speed=args.speed,
                features=features,
                hold=True if args.hold else None,
                despite_preview=args.despite_preview,
            )
        except NotFulfillableError as exc:
            print(
                f"station: {name}: {exc.message}\n  what to do: {exc.hint} To send it anyway, "
                "run the same command with --despite-preview.",
                file=sys.stderr,
            )
            refused = True
            continue
        except ApiError as exc:
            now = desk.book.find(name)
            if now is not None and now.state == McfState.SENDING:
                print(
                    f"station: {name}: no answer from Amazon ({exc.message}); recorded as "
                    "sending, run the command again to check and finish",
                    file=sys.stderr,
                )
                queued = True
            else:  # the preview before the send went unanswered: nothing was sent
                print(
                    f"station: {name}: not sent, Amazon's preview did not answer "
                    f"({exc.message}); run the command again",
                    file=sys.stderr,
                )
                refused = True
            continue
        except StationError as exc:
            print(f"station: {name}: {exc.user_text()}", file=sys.stderr)
            refused = True
            continue
        say(_line(record))
        if record.state == McfState.FAILED:
            print(f"station: {name}: Amazon refused it: {record.last_error}", file=sys.stderr)
            refused = True
        elif record.state == McfState.SENDING:
            queued = True
    if len(names) > 1 and (refused or queued):
        say(f"{len(names)} order(s): the lines above say which were not sent and why.")
    return EXIT_FAILED if refused else (EXIT_QUEUED if queued else EXIT_OK)


def _track(desk: McfDesk, names: list[str] | None, export: Path | None) -> int:
    worst = EXIT_OK
    try:
        records = desk.refresh(names)
    except ApiError as exc:
        print(f"station: tracking not refreshed: {exc.user_text()}", file=sys.stderr)
        records, worst = [], EXIT_QUEUED
    for record in records:
        say(_line(record))
    for p in desk.book.packages():
        if names is None or p.order_id in {r.order_id for r in records}:
            eta = f"{p.eta:%Y-%m-%d}" if p.eta else "-"
            say(
                f"  {p.order_id:<24} package {p.package_ref:<10} {p.carrier or '-':<8} "
                f"{p.tracking_number or '(no number yet)':<22} {p.status or '-':<16} eta {eta}"
            )
    if export is not None:
        try:
            with export.open("w", encoding="utf-8", newline="") as out:
                rows = desk.export_tracking(out)
        except OSError as exc:
            raise WorkflowError(
                f"Cannot write {export}: {exc.strerror or exc}", hint="Choose a writable file."
            ) from None
        say(f"Wrote {rows} tracking number(s) to {export}.")
    return worst


def _purge(desk: McfDesk, days: int) -> int:
    from datetime import timedelta

    say(f"Forgot {desk.purge(timedelta(days=days))} finished web-shop order(s).")
    return EXIT_OK


def _each(desk: McfDesk, action: str, names: list[str]) -> int:
    worst = EXIT_OK
    do = {"release": desk.release, "cancel": desk.cancel, "pack-here": desk.pack_here}[action]
    for name in names:
        try:
            say(_line(do(name)))
        except InvalidRequestError as exc:
            print(f"station: {name}: Amazon refused: {exc.user_text()}", file=sys.stderr)
            worst = EXIT_FAILED
        except ApiError as exc:
            print(f"station: {name}: {exc.user_text()}", file=sys.stderr)
            worst = max(worst, EXIT_QUEUED)
        except StationError as exc:
            print(f"station: {name}: {exc.user_text()}", file=sys.stderr)
            worst = EXIT_FAILED
    return worst
