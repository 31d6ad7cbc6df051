"""``station ship`` and ``station outbox``: the packing engine without a screen.

``station ship PO --box 12x8x4in:1.5kg [--box …]`` runs the same engine as the GUI: look up,
label (requested with one container per ``--box`` when Amazon has none yet), print, confirm
through the outbox, wait for Amazon's verdict. Exit codes (``station.cli``): 0 when Amazon
accepted the confirmation (also when an earlier run's confirmation of this PO was accepted), 3 when
it is recorded but not decided yet (offline, or another station process owns the outbox and sends
it), 1 with the reason otherwise.

Running it again after a crash is always safe: the outbox refuses a second confirmation of a PO,
the rerun finds the recorded one and waits for it instead.

Test knobs (environment): ``STATION_OUTBOX_RETRY_SECONDS`` (first retry/poll delay, default 2)
and ``STATION_OUTBOX_SETTLE_SECONDS`` (see ``station.workflow.delivery``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from station.cli import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.errors import ConfigError, JournalError, WorkflowError
from station.journal import OutboxItem, OutboxState, OutboxWorker, RetryPolicy
from station.runtime import Runtime, RuntimeOptions, build_runtime
from station.workflow.containers import Box, parse_box_spec
from station.workflow.engine import ConfirmationOutcome, PackingEngine, PackSession
from station.workflow.events import (
    DocumentPrinted,
    Event,
    FlowFailed,
    PrintFailed,
    ProgressReported,
    StepChanged,
)
from station.workflow.order import OrderStatus, PackOrder

__all__ = ["add_arguments", "run"]

DEFAULT_WAIT = 60.0


def add_arguments(command: str, parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: the same options exist before the command (``station --demo ship``); a default
    # here would overwrite them.
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="run on the embedded simulator with file printers",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"how long to wait for Amazon's verdict (default {DEFAULT_WAIT:.0f})",
    )
    if command == "ship":
        parser.add_argument("po", metavar="PO", help="the purchase order number")
        parser.add_argument(
            "--box",
            action="append",
            default=[],
            metavar="LxWxH{in|cm}:W{kg|lb}[@LINE=QTY,...]",
            help="a carton (repeat for several; the last one without contents takes the rest)",
        )
        parser.add_argument(
            "--label-printer", metavar="URI", default=argparse.SUPPRESS, help="label printer"
        )
        parser.add_argument(
            "--slip-printer", metavar="URI", default=argparse.SUPPRESS, help="slip printer"
        )
        parser.add_argument(
            "--acknowledge",
            action="store_true",
            help="acknowledge the PO first when it is NEW (vendors without an order system; "
            "always on with --demo)",
        )
        parser.add_argument(
            "--reprint",
            action="store_true",
            help="for a PO already shipped: print its documents again (never confirms twice)",
        )
    else:
        parser.add_argument("action", choices=("list", "flush"), help="list or send now")
        parser.add_argument("--all", action="store_true", help="list: include finished items")


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


def _worker(runtime: Runtime) -> OutboxWorker:
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


def _start(worker: OutboxWorker) -> bool:
    """Start the worker; False when another process owns the outbox (it will send for us)."""
    try:
        worker.start()
    except JournalError as exc:
        print(f"station: the outbox is sent by another station process ({exc.message})")
        return False
    return True


def _say(text: str) -> None:
    print(text, flush=True)


def _printer(event: Event) -> None:
    if (isinstance(event, StepChanged) and event.message) or isinstance(event, ProgressReported):
        _say(f"  {event.message}")
    elif isinstance(event, DocumentPrinted):
        _say(f"  printed the {event.document.value} on {event.printer_uri}")
    elif isinstance(event, PrintFailed):
        _say(f"  the {event.document.value} did not print: {event.error.message}")
    elif isinstance(event, FlowFailed):
        _say(f"  stopped: {event.error}")


def _options(args: argparse.Namespace) -> RuntimeOptions:
    return RuntimeOptions(
        demo=bool(getattr(args, "demo", False)),
        label_printer=getattr(args, "label_printer", None),
        slip_printer=getattr(args, "slip_printer", None),
    )


def run(command: str, args: argparse.Namespace) -> int:
    if command == "ship":
        boxes = [parse_box_spec(text) for text in args.box]
        with build_runtime(_options(args)) as runtime:
            acknowledge = bool(args.acknowledge or getattr(args, "demo", False))
            return _ship(
                runtime,
                str(args.po),
                boxes,
                wait=args.wait,
                reprint=args.reprint,
                acknowledge=acknowledge,
            )
    with build_runtime(_options(args)) as runtime:
        if args.action == "list":
            return _list(runtime, include_done=args.all)
        return _flush(runtime, wait=args.wait)


def _report(outcome: ConfirmationOutcome, po: str, *, owner: bool) -> int:
    item = outcome.item
    if outcome.accepted:
        _say(f"PO {po}: Amazon accepted the shipment (transaction {item.transaction_id}).")
        return EXIT_OK
    if outcome.step.value == "failed":
        reasons = "; ".join(f"{e.code}: {e.message}" for e in item.errors) or (
            item.last_error or "no reason given"
        )
        print(f"station: Amazon rejected the confirmation of PO {po}: {reasons}", file=sys.stderr)
        return EXIT_FAILED
    why = (
        f"not sent yet ({item.last_error})"
        if item.state is OutboxState.PENDING and item.last_error
        else f"{item.state.value}"
    )
    if not owner:
        why += "; another station process is sending it"
    _say(
        f"PO {po}: the confirmation is recorded and QUEUED ({why}). It goes out by itself; "
        "check with `station outbox list`."
    )
    return EXIT_QUEUED


def _acknowledger(runtime: Runtime) -> Callable[[PackOrder], PackOrder]:
    from station.workflow.acknowledgements import Acknowledger

    acknowledger = Acknowledger(runtime.gateway, runtime.settings, journal=runtime.journal)

    def acknowledge(order: PackOrder) -> PackOrder:
        report = acknowledger.acknowledge([order])
        if order.purchase_order_number in report.failed:
            raise WorkflowError(
                f"PO {order.purchase_order_number} could not be acknowledged: "
                f"{report.failed[order.purchase_order_number]}"
            )
        if report.rejected:
            raise WorkflowError(
                f"PO {order.purchase_order_number} was acknowledged as not shippable "
                f"(code {report.rejected[0][1]})",
                hint="Check the warehouse settings and the order in Vendor Central.",
            )
        return replace(order, status=OrderStatus.ACCEPTED)

    return acknowledge


def _ship(
    runtime: Runtime,
    po_text: str,
    boxes: Sequence[Box],
    *,
    wait: float,
    reprint: bool,
    acknowledge: bool = False,
) -> int:
    engine: PackingEngine = runtime.engine()
    engine.add_listener(_printer)
    if acknowledge:
        engine.acknowledge = _acknowledger(runtime)
    worker = _worker(runtime)
    owner = _start(worker)
    session: PackSession = engine.scan_po(po_text)
    po = session.po
    if session.already_shipped:
        when = (
            f" on {session.already_shipped_at:%Y-%m-%d %H:%M}" if session.already_shipped_at else ""
        )
        by = session.already_shipped_by
        _say(f"PO {po} was already shipped{when} by {by}: not confirmed again.")
        if reprint and not engine.reprint(session):
            return EXIT_FAILED
        if session.outbox_id is not None:
            return _report(engine.wait_for_outcome(session.outbox_id, wait), po, owner=owner)
        return EXIT_OK
    if not boxes:
        raise ConfigError(
            f"No carton given for PO {po}",
            hint="Add --box LxWxH{in|cm}:W{kg|lb}, e.g. --box 12x8x4in:1.5kg",
        )
    engine.set_boxes(session, boxes)
    if session.print_errors:
        kind, error = next(iter(session.print_errors.items()))
        print(
            f"station: the {kind.value} of PO {po} did not print: {error.message}",
            file=sys.stderr,
        )
        if error.hint:
            print(f"  what to do: {error.hint}", file=sys.stderr)
        return EXIT_FAILED
    item: OutboxItem = engine.confirm(session)
    _say(f"PO {po}: confirmation recorded (outbox item {item.id}); waiting for Amazon…")
    return _report(engine.wait_for_outcome(item.id, wait), po, owner=owner)


def _list(runtime: Runtime, *, include_done: bool) -> int:
    items = runtime.outbox.list() if include_done else runtime.outbox.open_items()
    if not items:
        _say("The outbox is empty." if include_done else "Nothing is waiting in the outbox.")
        return EXIT_OK
    for item in items:
        line = (
            f"{item.id:>5}  {item.kind.value:<13} {item.po:<12} {item.state.value:<9} "
            f"attempts={item.attempts} tx={item.transaction_id or '-'}"
        )
        if item.last_error:
            line += f"  ({item.last_error[:80]})"
        _say(line)
    return EXIT_OK


def _flush(runtime: Runtime, *, wait: float) -> int:
    before = {item.id for item in runtime.outbox.open_items()}
    if not before:
        _say("Nothing is waiting in the outbox.")
        return EXIT_OK
    worker = _worker(runtime)
    if not _start(worker):
        return EXIT_QUEUED
    remaining = worker.flush(wait)
    failed = [
        item for item in runtime.outbox.list(states=(OutboxState.FAILED,)) if item.id in before
    ]
    for item in failed:
        reasons = "; ".join(f"{e.code}: {e.message}" for e in item.errors) or item.last_error
        print(
            f"station: {item.kind.value} of PO {item.po} was rejected: {reasons}", file=sys.stderr
        )
    if remaining:
        _say(f"{len(remaining)} item(s) still waiting (offline or not decided yet).")
        return EXIT_QUEUED
    if failed:
        return EXIT_FAILED
    _say(f"Sent: {len(before)} item(s) decided.")
    return EXIT_OK
