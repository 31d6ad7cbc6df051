"""``station outbox list|flush|retry ID|cancel ID``: the confirmations and status updates
waiting to go out.

``flush`` sends now and waits up to ``--wait`` seconds: 0 when every item was decided and
accepted, 3 when some are still waiting (offline, or another station process owns the outbox),
1 when Amazon rejected one.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from station.cli.argtypes import integer
from station.cli.context import (
    open_journal,
    open_runtime,
    outbox_worker,
    rejection_reasons,
    say,
    start_worker,
)
from station.cli.errors import UsageError
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_QUEUED
from station.cli.progress import note
from station.cli.ship import add_wait_argument

if TYPE_CHECKING:
    from station.runtime import Runtime

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_wait_argument(parser)
    parser.add_argument(
        "action",
        choices=("list", "flush", "retry", "cancel"),
        help="list, send now, send a failed item again (retry ID), or give up on an item never "
        "sent (cancel ID)",
    )
    parser.add_argument(
        "id", nargs="?", type=integer(1, 999_999_999), metavar="ID", help="retry/cancel: the item"
    )
    parser.add_argument("--all", action="store_true", help="list: include finished items")


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args, include_done=args.all)
    if args.action in ("retry", "cancel"):
        return _one(args)
    if args.id is not None:
        raise UsageError(f"`station outbox {args.action}` takes no item number")
    if args.all:
        raise UsageError("--all is for `station outbox list`")
    note("what was not sent stays in the outbox for the next `station outbox flush`.")
    with open_runtime(args, printers=False) as runtime:
        return _flush(runtime, wait=args.wait)


def _list(args: argparse.Namespace, *, include_done: bool) -> int:
    """Only reads the journal: no credentials, no printers."""
    from station.journal import Outbox

    opened = open_journal(args)
    if opened is None:
        say("The outbox is empty." if include_done else "Nothing is waiting in the outbox.")
        return EXIT_OK
    journal, _retention = opened
    with journal:
        outbox = Outbox(journal)
        items = outbox.list() if include_done else outbox.open_items()
    if not items:
        say("The outbox is empty." if include_done else "Nothing is waiting in the outbox.")
        return EXIT_OK
    for item in items:
        line = (
            f"{item.id:>5}  {item.kind.value:<13} {item.po:<12} {item.state.value:<9} "
            f"attempts={item.attempts} tx={item.transaction_id or '-'}"
        )
        if item.last_error:
            line += f"  ({item.last_error[:80]})"
        say(line)
    return EXIT_OK


def _one(args: argparse.Namespace) -> int:
    """``retry ID`` (a failed item goes back in the queue) or ``cancel ID`` (never sent)."""
    from station.journal import Outbox

    if args.id is None:
        raise UsageError(f"`station outbox {args.action}` needs the item's number (see list)")
    opened = open_journal(args)
    if opened is None:
        raise UsageError(
            f"There is no outbox item {args.id}: the outbox is empty",
            hint="`station outbox list --all` shows the items and their numbers.",
        )
    journal, _retention = opened
    with journal:
        outbox = Outbox(journal)
        if args.action == "retry":
            item = outbox.retry(args.id)
            say(
                f"Outbox item {item.id} ({item.kind.value} of PO {item.po}) is queued again; "
                "`station outbox flush` sends it now."
            )
        else:
            item = outbox.cancel(args.id, "cancelled with station outbox cancel")
            say(f"Outbox item {item.id} ({item.kind.value} of PO {item.po}) will not be sent.")
    return EXIT_OK


def _flush(runtime: Runtime, *, wait: float) -> int:
    from station.journal import OutboxState

    if runtime.site is not None:  # warehouse mode: this bench's items and the site's
        from station.cli.site import flush_site

        return flush_site(runtime, wait=wait)

    before = {item.id for item in runtime.outbox.open_items()}
    if not before:
        say("Nothing is waiting in the outbox.")
        return EXIT_OK
    worker = outbox_worker(runtime)
    if not start_worker(worker):
        return EXIT_QUEUED
    remaining = worker.flush(wait)
    failed = [
        item for item in runtime.outbox.list(states=(OutboxState.FAILED,)) if item.id in before
    ]
    for item in failed:
        print(
            f"station: {item.kind.value} of PO {item.po} was rejected: {rejection_reasons(item)}",
            file=sys.stderr,
        )
    if remaining:
        say(f"{len(remaining)} item(s) still waiting (offline or not decided yet).")
        return EXIT_QUEUED
    if failed:
        return EXIT_FAILED
    say(f"Sent: {len(before)} item(s) decided.")
    return EXIT_OK
