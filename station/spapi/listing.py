"""Query parameters shared by the DF list operations (labels, slips, invoices, orders)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from station.errors import InvalidRequestError
from station.spapi.pagination import check_window, iso_timestamp

__all__ = ["SortOrder", "list_params"]

SortOrder = Literal["ASC", "DESC"]


def list_params(
    created_after: datetime,
    created_before: datetime,
    *,
    ship_from_party_id: str | None,
    limit: int | None,
    sort_order: SortOrder | None,
    next_token: str | None,
) -> dict[str, str | None]:
    check_window(created_after, created_before)
    if limit is not None and not 1 <= limit <= 100:
        raise InvalidRequestError(
            f"limit must be between 1 and 100, got {limit}", hint="Ask for 1 to 100 per page."
        )
    if sort_order is not None and sort_order not in ("ASC", "DESC"):
        raise InvalidRequestError(f"sortOrder must be ASC or DESC, got {sort_order!r}")
    return {
        "shipFromPartyId": ship_from_party_id,
        "limit": None if limit is None else str(limit),
        "createdAfter": iso_timestamp(created_after, "createdAfter"),
        "createdBefore": iso_timestamp(created_before, "createdBefore"),
        "sortOrder": sort_order,
        "nextToken": next_token,
    }
