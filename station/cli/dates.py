"""Argument types shared by the commands."""

from __future__ import annotations

import argparse
from datetime import date


def day(text: str) -> date:
    """A ``YYYY-MM-DD`` option value."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None
