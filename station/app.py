"""Composition root of the packing screen.

Builds the objects the GUI needs (settings, client, printers, journal, workflow) in one place and
hands them to ``station.ui``. The GUI itself lands with the GUI issue; until then the default
command says so and points at what already works.
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    print(
        "The packing screen is not part of this build yet.\n"
        "What works today: `station simulator` (demo SP-API server), `station print`, "
        "`station printers`, `station render`. See `station --help`.",
        file=sys.stderr,
    )
    return 2


def self_test(args: argparse.Namespace) -> int:
    from station import selftest

    return selftest.run(verbose=bool(args.verbose))
