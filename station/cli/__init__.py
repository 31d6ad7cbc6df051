"""The ``station`` command: the packing screen by default, and headless commands for integrators.

The package sits on top of everything else: it parses the command line, builds what a command
needs through the composition root (:mod:`station.runtime`) and turns the outcome into output and
an exit code. Nothing below it imports it. :mod:`station.cli.program` holds the parser and the
table of commands; each command lives in its own module here.
"""

from __future__ import annotations

from station.cli.exit_codes import (
    EXIT_CLOSED_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_QUEUED,
    EXIT_USAGE,
)
from station.cli.program import main, run

__all__ = [
    "EXIT_CLOSED_PIPE",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_QUEUED",
    "EXIT_USAGE",
    "main",
    "run",
]
