"""Date windows and ``nextToken`` pages for the DF list operations.

Amazon accepts at most 7 days between ``createdAfter`` and ``createdBefore``; a shift prefetch or a
report over a longer range is split into consecutive windows, each followed page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import TypeVar

from station.errors import InvalidRequestError, ResponseFormatError

__all__ = [
    "MAX_WINDOW",
    "check_window",
    "date_windows",
    "follow_pages",
    "iso_timestamp",
    "windowed_pages",
]

MAX_WINDOW = timedelta(days=7)
MAX_PAGES = 10_000  # a server that keeps handing out tokens must not loop us forever

P = TypeVar("P")


def iso_timestamp(value: datetime, name: str = "timestamp") -> str:
    """ISO 8601 with offset, as the query parameters need; a naive datetime is refused."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidRequestError(
            f"{name} has no time zone",
            hint="Pass timezone-aware datetimes (e.g. datetime.now(timezone.utc)).",
        )
    return value.isoformat()


def check_window(created_after: datetime, created_before: datetime) -> None:
    iso_timestamp(created_after, "createdAfter")
    iso_timestamp(created_before, "createdBefore")
    if created_before <= created_after:
        raise InvalidRequestError(
            "createdBefore must be later than createdAfter",
            hint="Swap the dates or widen the range.",
        )
    if created_before - created_after > MAX_WINDOW:
        raise InvalidRequestError(
            "Amazon accepts at most 7 days between createdAfter and createdBefore",
            hint="Use the iter_* methods, which split longer ranges into 7-day windows.",
        )


def date_windows(
    start: datetime, end: datetime, span: timedelta = MAX_WINDOW
) -> list[tuple[datetime, datetime]]:
    """Consecutive ``(after, before)`` windows covering start..end, none longer than span."""
    iso_timestamp(start, "start")
    iso_timestamp(end, "end")
    if span <= timedelta(0):
        raise ValueError("span must be positive")
    if end <= start:
        raise InvalidRequestError(
            "The end of the date range must be later than its start",
            hint="Swap the dates or widen the range.",
        )
    windows: list[tuple[datetime, datetime]] = []
    cursor = start
    while cursor < end:
        stop = min(cursor + span, end)
        windows.append((cursor, stop))
        cursor = stop
    return windows


def follow_pages(
    fetch: Callable[[str | None], P], next_token: Callable[[P], str | None], *, operation: str
) -> Iterator[P]:
    """Yield pages: ``fetch(None)``, then ``fetch(token)`` while the page names a next token."""
    token: str | None = None
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        page = fetch(token)
        yield page
        token = next_token(page)
        if not token:
            return
        if token in seen:
            raise ResponseFormatError(
                f"{operation}: Amazon repeated a pagination token; stopping to avoid a loop",
                operation=operation,
            )
        seen.add(token)
    raise ResponseFormatError(f"{operation}: too many pages", operation=operation)


def windowed_pages(
    start: datetime,
    end: datetime,
    fetch: Callable[[datetime, datetime, str | None], P],
    next_token: Callable[[P], str | None],
    *,
    operation: str,
) -> Iterator[P]:
    """Every page of every 7-day window between ``start`` and ``end``, oldest window first."""
    for after, before in date_windows(start, end):

        def page(token: str | None, a: datetime = after, b: datetime = before) -> P:
            return fetch(a, b, token)

        yield from follow_pages(page, next_token, operation=operation)
