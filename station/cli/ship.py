"""``station ship``: the packing engine without a screen.

``station ship PO --box 12x8x4in:1.5kg [--box …]`` runs the same engine as the GUI: look up,
label (requested with one container per ``--box`` when Amazon has none yet), print, confirm
through the outbox, wait for Amazon's verdict. Exit codes (:mod:`station.cli.exit_codes`): 0 when
Amazon accepted the confirmation (also when an earlier run's confirmation of this PO was
accepted), 3 when it is recorded but not decided yet (offline, or another station process owns
the outbox and sends it), 1 with the reason otherwise.

Running it again after a crash is always safe: the outbox refuses a second confirmation of a PO,
the rerun finds the recorded one and waits for it instead.

Test knobs (environment): see :func:`station.cli.context.outbox_worker`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from station.cli.argtypes import box, po_number, seconds
from station.cli.context import (
    open_runtime,
    outbox_worker,
    rejection_reasons,
    say,
    start_worker,
)
from station.cli.errors import UsageError, cli_hint, cli_text
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.cli.progress import note
from station.errors import PrinterOfflineError, StationError, WorkflowError

if TYPE_CHECKING:
    from station.config import Settings
    from station.journal import OutboxItem, OutboxWorker
    from station.runtime import Runtime
    from station.workflow.containers import Box
    from station.workflow.engine import ConfirmationOutcome, PackingEngine, PackSession
    from station.workflow.events import Event
    from station.workflow.order import PackOrder

__all__ = ["add_arguments", "run"]

DEFAULT_WAIT = 60.0
MAX_WAIT = 24 * 3600.0


def add_wait_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=seconds(MAX_WAIT),
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"how long to wait for Amazon's verdict (default {DEFAULT_WAIT:.0f}, at most "
        f"{MAX_WAIT:.0f})",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("po", metavar="PO", type=po_number, help="the purchase order number")
    parser.add_argument(
        "--box",
        action="append",
        type=box,
        default=[],
        metavar="LxWxH{in|cm}:W{kg|lb}[@LINE=QTY,...]",
        help="a carton (repeat for several; the last one without contents takes the rest; "
        "`station order PO` shows the line numbers)",
    )
    add_wait_argument(parser)
    parser.add_argument(
        "--acknowledge",
        action="store_true",
        help="accept the PO (code 00) first when it is NEW (vendors without an order "
        "system; always on with --demo); never rejects or cancels an order",
    )
    parser.add_argument(
        "--reprint",
        action="store_true",
        help="for a PO already shipped: print its documents again (never confirms twice)",
    )


class _Output:
    """The engine's events about this PO as progress lines on stdout. Failures are not printed
    here: the command reports each one once, on stderr, when it ends."""

    def __init__(self, po: str, settings: Settings) -> None:
        self.po = po
        self.settings = settings
        self.warehouse: str | None = None

    def __call__(self, event: Event) -> None:
        from station.workflow.events import (
            DocumentPrinted,
            OrderLoaded,
            ProgressReported,
            Step,
            StepChanged,
        )

        if event.purchase_order_number not in (None, self.po):
            return  # another PO's confirmation, sent by the same outbox worker
        if isinstance(event, OrderLoaded) and self.warehouse is None:
            self.warehouse = event.order.ship_from_party_id
            if event.already_shipped_at is None:
                _warn_unknown_warehouse(self.settings, self.warehouse)
        if (
            isinstance(event, StepChanged) and event.message and event.step is not Step.FAILED
        ) or isinstance(event, ProgressReported):
            say(f"  {cli_text(event.message)}")  # the engine speaks to the packer's screen
        elif isinstance(event, DocumentPrinted):
            say(f"  printed the {event.document.value} on {event.printer_uri}")
            for warning in event.warnings:
                say(f"  warning: {warning}")


def run(args: argparse.Namespace) -> int:
    boxes: list[Box] = list(args.box)
    if args.reprint and boxes:
        raise UsageError(
            "--reprint prints a shipped PO's documents again; it takes no --box",
            hint="Leave out --box to reprint, or --reprint to pack.",
        )
    if not boxes or (not args.reprint and _shipped_here(args)):
        return _shipped_check(args)
    with open_runtime(args) as runtime:
        acknowledge = bool(args.acknowledge or getattr(args, "demo", False))
        return _ship(
            runtime,
            str(args.po),
            boxes,
            wait=args.wait,
            reprint=args.reprint,
            acknowledge=acknowledge,
        )


def _site_reference(runtime: Runtime, item: OutboxItem) -> tuple[str | None, int | None]:
    """Amazon's transaction id of ``item`` and, in warehouse mode, its site outbox item: there
    the bench's own record holds only the hand-over reference (``site:<id>``)."""
    reference = item.transaction_id
    if runtime.site is None or not reference:
        return reference, None
    from station.site.outbox import SITE_TRANSACTION_PREFIX

    if not reference.startswith(SITE_TRANSACTION_PREFIX):
        return reference, None
    site_item = int(reference.removeprefix(SITE_TRANSACTION_PREFIX))
    try:
        return runtime.site.handover.amazon_transaction(reference), site_item
    except StationError:  # the database went away just now: the site item is still known
        return None, site_item


def _report(
    runtime: Runtime,
    outcome: ConfirmationOutcome,
    po: str,
    *,
    owner: bool,
    warehouse: str | None,
) -> int:
    """Amazon's verdict on a confirmation as output and exit code."""
    from station.journal import OutboxState
    from station.workflow.delivery import shipped_elsewhere

    item = outcome.item
    transaction, site_item = _site_reference(runtime, item)
    if outcome.accepted:
        said = (
            f"transaction {transaction}"
            if transaction
            else f"sent from the site outbox, item {site_item}"
        )
        say(f"PO {po}: Amazon accepted the shipment ({said}).")
        return EXIT_OK
    if shipped_elsewhere(item):
        print(
            f"station: another desk already shipped PO {po}: HOLD THIS BOX, do not send it "
            "(this station's confirmation was not accepted; two parcels must not leave)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if outcome.step.value == "failed":
        print(
            f"station: Amazon rejected the confirmation of PO {po}: {rejection_reasons(item)}",
            file=sys.stderr,
        )
        if any(e.code == "MISSING_SCAC_CODE" for e in item.errors):
            print(
                f"  what to do: warehouse {warehouse or '?'} ships with your own carrier. Add it "
                "to the settings file (`station config path`) with vendor_own_carrier = true "
                "and its carrier's scac_code, then ship the PO again.",
                file=sys.stderr,
            )
        return EXIT_FAILED
    if site_item is not None:
        say(
            f"PO {po}: the confirmation is recorded and waits in the site outbox (item "
            f"{site_item}): Amazon has not decided yet. Any station of the site that runs "
            "sends it (or `station outbox flush` on any bench); `station site status` shows it."
        )
        return EXIT_QUEUED
    why = (
        f"not sent yet ({item.last_error})"
        if item.state is OutboxState.PENDING and item.last_error
        else f"{item.state.value}"
    )
    if not owner:
        why += "; another station process is sending it"
    say(
        f"PO {po}: the confirmation is recorded and QUEUED ({why}). {SENT_BY} "
        "Check with `station outbox list`."
    )
    return EXIT_QUEUED


#: Who sends a confirmation this command leaves queued, exactly (it does not go out by magic).
SENT_BY = (
    "It goes out by itself while a station runs (the packing window, or another "
    "`station ship`); otherwise `station outbox flush` sends it."
)


def _wait(
    engine: PackingEngine, worker: OutboxWorker, owner: bool, outbox_id: int, wait: float
) -> tuple[ConfirmationOutcome, bool]:
    """Wait for Amazon's verdict; take the outbox over as soon as its owner exits.

    Another station process that holds the outbox sends the confirmation; when it exits before
    sending it, this one takes over, so queued work always has a sender while anyone waits.
    """
    from station.errors import JournalError
    from station.workflow.events import Step

    deadline = time.monotonic() + max(0.0, wait)
    while True:
        left = deadline - time.monotonic()
        outcome = engine.wait_for_outcome(outbox_id, max(0.0, left if owner else min(left, 1.0)))
        if owner or outcome.step is not Step.QUEUED or left <= 0:
            return outcome, owner
        try:
            worker.start()
        except JournalError:
            continue  # still owned by the other process: it sends
        owner = True
        say("  the station process that held the outbox has exited: sending from here")


def _warn_unknown_warehouse(settings: Settings, code: str) -> None:
    """Before anything is printed: a warehouse the settings do not describe may be a
    vendor-own-carrier one, whose confirmation Amazon refuses without the carrier's SCAC code."""
    if settings.warehouse(code) is None:
        print(
            f"station: note: warehouse {code} is not in this station's settings. If it ships "
            "with your own carrier, Amazon refuses the confirmation without the carrier's SCAC "
            "code: add the warehouse to the settings file (`station config path`) with "
            "vendor_own_carrier = true and scac_code first.",
            file=sys.stderr,
            flush=True,
        )


def _shipped_here(args: argparse.Namespace) -> bool:
    """Whether this station's journal holds a confirmation of the PO (accepted, or recorded and
    not decided yet): running the same `station ship` again then only says so, and needs no
    printer, as nothing is printed."""
    from station.cli.context import open_journal
    from station.journal.records import ShipmentStatus
    from station.workflow.scan import validate_po

    try:
        po = validate_po(str(args.po))
    except StationError:
        return False  # said with the usual message by the run itself
    opened = open_journal(args)
    if opened is None:
        return False
    with opened[0] as journal:
        record = journal.shipment(po)
    return record is not None and record.status in (
        ShipmentStatus.CONFIRMED,
        ShipmentStatus.QUEUED,
    )


def _shipped_check(args: argparse.Namespace) -> int:
    """``station ship PO`` without cartons: whether the PO is already shipped (nothing is
    printed, so no printer is needed), and with --reprint its documents again; a PO not shipped
    yet needs --box, found before anything is acknowledged, requested or printed."""
    from station.workflow.scan import validate_po

    try:
        po = validate_po(str(args.po))
    except StationError as exc:
        raise UsageError(exc.message, hint="Give the PO number as printed on the order.") from None
    from station.journal.records import ShipmentStatus
    from station.workflow.order import OrderStatus

    with open_runtime(args, printers=args.reprint) as runtime:
        record = runtime.journal.shipment(po)
        shipped_here = record is not None and record.status in (
            ShipmentStatus.CONFIRMED,
            ShipmentStatus.QUEUED,
        )
        if not shipped_here and runtime.gateway.get_order(po).status is not OrderStatus.SHIPPED:
            if args.reprint:
                raise UsageError(
                    f"PO {po} is not shipped yet: --reprint only prints a shipped PO's "
                    "documents again",
                    hint="Give its cartons with --box to pack it.",
                )
            raise UsageError(
                f"No carton given for PO {po}, which is not shipped yet: nothing was done",
                hint=NO_CARTON_HINT,
            )
        return _ship(runtime, po, (), wait=args.wait, reprint=args.reprint)


NO_CARTON_HINT = (
    "Add --box LxWxH{in|cm}:W{kg|lb}, e.g. --box 12x8x4in:1.5kg (`station order PO` shows the "
    "line numbers for @LINE=QTY)"
)


def _acknowledger(runtime: Runtime, wait: float) -> Callable[[PackOrder], PackOrder]:
    from station.workflow.acknowledgements import Acknowledger
    from station.workflow.order import OrderStatus

    acknowledger = Acknowledger(
        runtime.gateway, runtime.settings, journal=runtime.journal, wait_seconds=wait
    )

    def acknowledge(order: PackOrder) -> PackOrder:
        say(f"  Acknowledging PO {order.purchase_order_number}")
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


def _refuse_unacknowledged(runtime: Runtime) -> Callable[[PackOrder], PackOrder]:
    """Without --acknowledge, a PO still NEW at Amazon stops before anything is requested:
    Amazon makes no label for an order nobody acknowledged, and this command acknowledges only
    when asked to. A NEW order from the shift's cache is looked up again first (the vendor's
    own system may have acknowledged it since)."""

    def refuse(order: PackOrder) -> PackOrder:
        from station.workflow.answers import check_answer_po
        from station.workflow.order import OrderStatus

        po = order.purchase_order_number
        live = runtime.gateway.get_order(po)
        check_answer_po(po, live.purchase_order_number, "order")
        if live.status is OrderStatus.ACCEPTED:
            return live
        if live.status is not OrderStatus.NEW:
            raise WorkflowError(
                f"PO {po} changed at Amazon while it was looked up (now {live.status.value})",
                hint="Run the command again.",
            )
        raise UsageError(
            f"PO {po} is NEW at Amazon (not acknowledged yet): no label can be requested "
            "for it, and nothing was sent or printed",
            hint=f"Run `station ship {po} … --acknowledge` to accept it (code 00) and ship it, "
            "or acknowledge it in your order system first.",
        )

    return refuse


def _ship(
    runtime: Runtime,
    po_text: str,
    boxes: Sequence[Box],
    *,
    wait: float,
    reprint: bool,
    acknowledge: bool = False,
) -> int:
    problem = runtime.png_label_problem()
    if problem is not None:
        print(f"station: WARNING: {problem.message()}", file=sys.stderr, flush=True)
    engine: PackingEngine = runtime.engine()
    output = _Output(po_text.strip().upper(), runtime.settings)
    engine.add_listener(output)
    engine.acknowledge = (
        _acknowledger(runtime, wait) if acknowledge else _refuse_unacknowledged(runtime)
    )
    runtime.gateway.label_wait_seconds = wait  # this command waits no longer than --wait
    worker = outbox_worker(runtime)
    owner = start_worker(worker)
    session: PackSession = engine.scan_po(
        po_text, source="command line", planned_boxes=boxes or None
    )
    po = output.po = session.po
    warehouse = output.warehouse
    if session.already_shipped:
        when = (
            f" on {session.already_shipped_at:%Y-%m-%d %H:%M}" if session.already_shipped_at else ""
        )
        by = session.already_shipped_by
        say(f"PO {po} was already shipped{when} by {by}: not confirmed again.")
        if reprint and not engine.reprint(session):
            return EXIT_FAILED
        if session.shipped_elsewhere and not reprint:
            print(
                f"station: another desk already shipped PO {po}: HOLD THIS BOX, do not send it",
                file=sys.stderr,
            )
            return EXIT_FAILED
        if session.outbox_id is not None:
            return _report(
                runtime,
                engine.wait_for_outcome(session.outbox_id, wait),
                po,
                owner=owner,
                warehouse=warehouse,
            )
        return EXIT_OK
    if not boxes:
        raise UsageError(f"No carton given for PO {po}", hint=NO_CARTON_HINT)
    note(f"PO {po} was not confirmed; nothing was sent. Run the command again.")
    engine.set_boxes(session, boxes)
    if session.print_errors:
        kind, error = next(iter(session.print_errors.items()))
        why = error.message
        if isinstance(error, PrinterOfflineError) and error.reason:  # its state, said once
            why = f"{'label' if kind.value == 'label' else 'slip'} printer: {error.reason}"
        print(f"station: the {kind.value} of PO {po} did not print: {why}", file=sys.stderr)
        hint = cli_hint(error)
        if hint:
            print(f"  what to do: {hint}", file=sys.stderr)
        return EXIT_FAILED
    item: OutboxItem = engine.confirm(session)
    note(
        f"the confirmation of PO {po} is recorded (outbox item {item.id}) and is sent by "
        "`station outbox flush` or the next `station ship`; do not pack the PO again."
    )
    say(f"PO {po}: confirmation recorded (outbox item {item.id}); waiting for Amazon…")
    outcome, owner = _wait(engine, worker, owner, item.id, wait)
    return _report(runtime, outcome, po, owner=owner, warehouse=warehouse)
