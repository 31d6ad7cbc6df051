"""Option value types: a bad value is a usage error (exit 2) that names the option's range."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from station.workflow.containers import Box

# The days a shift, a history or a report can be about. Outside them the date arithmetic of the
# journal and of Amazon's order lists has no meaning (year 1, year 9999).
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)


def day(text: str) -> date:
    """A ``YYYY-MM-DD`` option value between FIRST_DAY and LAST_DAY."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None
    if not FIRST_DAY <= value <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside {FIRST_DAY:%Y-%m-%d} … {LAST_DAY:%Y-%m-%d}"
        )
    return value


def integer(low: int, high: int) -> Callable[[str], int]:
    """An integer option between ``low`` and ``high`` inclusive (ASCII digits only)."""

    def parse(text: str) -> int:
        stripped = text.strip()
        digits = stripped.removeprefix("-")
        if not digits.isascii() or not digits.isdigit() or len(digits) > 9:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
        value = int(stripped)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low} … {high}")
        return value

    parse.__name__ = "integer"  # argparse names the type in its messages
    return parse


def seconds(high: float) -> Callable[[str], float]:
    """A number of seconds between 0 and ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if not math.isfinite(value) or not 0 <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is outside 0 … {high:g} seconds")
        return value

    parse.__name__ = "seconds"
    return parse


def rate(text: str) -> float:
    """A probability between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is outside 0 … 1")
    return value


def box(text: str) -> Box:
    """A ``--box LxWxH{in|cm}:W{kg|lb}[@LINE=QTY,...]`` value."""
    from station.errors import StationError
    from station.workflow.containers import parse_box_spec

    try:
        return parse_box_spec(text)
    except StationError as exc:
        raise argparse.ArgumentTypeError(f"{exc.message}. {exc.hint or ''}".strip()) from None


def po_number(text: str) -> str:
    """A purchase order number, checked like a scanned one (3 to 32 letters and digits),
    upper-cased; anything else is a usage error before anything is looked up."""
    from station.errors import StationError
    from station.workflow.scan import validate_po

    if not text.strip():
        raise argparse.ArgumentTypeError("the PO number is empty")
    try:
        return validate_po(text)
    except StationError as exc:
        raise argparse.ArgumentTypeError(
            f"{exc.message}. Give the PO number as printed on the order."
        ) from None


po_number.__name__ = "PO number"


def printer_uri(text: str) -> str:
    """A printer address (tcp://, cups://, windows://, qt:// or file:///), checked for its form
    only: whether the printer answers is found when it is used."""
    from station.errors import StationError
    from station.printing.address import parse_printer_uri

    try:
        parse_printer_uri(text)
    except StationError as exc:
        raise argparse.ArgumentTypeError(f"{exc.message} {exc.hint or ''}".strip()) from None
    return text


printer_uri.__name__ = "printer address"
