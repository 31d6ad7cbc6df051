"""Entry point of the packing screen: ``station`` (normal) and ``station --demo``.

The objects the GUI needs are built by ``station.runtime.build_runtime`` and wired to the window
in ``station.ui.app``; this module only translates the command line. Qt is imported when the GUI
starts, so ``station --help`` and the headless commands never pay for it.
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from station.ui.app import GuiOptions, run_gui

    options = GuiOptions(
        demo=bool(getattr(args, "demo", False)),
        log_files=bool(getattr(args, "log_files", False)),
        verbose=int(getattr(args, "verbose", 0) or 0),
        label_printer=getattr(args, "label_printer", None),
        slip_printer=getattr(args, "slip_printer", None),
    )
    return run_gui(options, sys.argv[:1])


def self_test(args: argparse.Namespace) -> int:
    from station import selftest

    return selftest.run(verbose=bool(args.verbose))
