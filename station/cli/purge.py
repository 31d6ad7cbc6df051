"""``station purge``: delete the stored documents past their retention period. It only opens the
journal: no credentials, no printers, and no data key (sealed documents are deleted unread)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from station.cli.context import open_journal
from station.cli.exit_codes import EXIT_OK

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="count what would be deleted; delete nothing"
    )


def run(args: argparse.Namespace) -> int:
    return _purge(args, sys.stdout)


def _purge(args: argparse.Namespace, out: TextIO) -> int:
    from station.journal.documents import purge_stored_documents

    opened = open_journal(args)
    if opened is None:
        print("No documents stored on this station.", file=out)
        return EXIT_OK
    journal, retention = opened
    with journal:
        result = purge_stored_documents(journal, retention, dry_run=args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    print(
        f"purge: {verb} {result.shipped + result.unshipped} documents ({result.shipped} shipped "
        f"more than {retention.shipped_days} days ago, {result.unshipped} never shipped and "
        f"older than {retention.unshipped_days} days)",
        file=out,
    )
    return EXIT_OK
