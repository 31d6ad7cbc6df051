"""Time as the journal stores it: timezone-aware UTC, ISO 8601 text with a fixed shape.

One shape (``2026-11-23T08:44:36.123456+00:00``) makes the text columns sort and compare in time
order, so range queries need no parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """The stored form of ``moment``; naive datetimes are refused rather than guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the journal only stores timezone-aware datetimes")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[str, str]:
    """Stored-form start (inclusive) and end (exclusive) of a calendar day in ``tz``.

    ``tz=None`` means the computer's local time zone: "today" for a packer is the local day.
    """
    if tz is None:
        start = datetime.combine(day, time()).astimezone()
        end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    else:
        start = datetime.combine(day, time(), tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return to_iso(start), to_iso(end)
