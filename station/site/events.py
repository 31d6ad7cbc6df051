"""The site's history: one row per claim, release, hand-over and delivery, and a NOTIFY.

NOTIFY is delivered on commit and only to connected listeners, so the live view also polls
(``station.site.live``); the rows are the truth, the notification only a nudge.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["CHANNEL", "record_site_event"]

CHANNEL = "station_site"


def record_site_event(
    conn: Any,
    *,
    station_id: str,
    bench: str,
    kind: str,
    po: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Insert the event and notify listeners, in the caller's transaction."""
    conn.execute(
        "INSERT INTO site_events (station_id, bench, kind, po, detail) VALUES (%s, %s, %s, %s, %s)",
        (station_id, bench, kind, po, json.dumps(dict(detail or {}), sort_keys=True)),
    )
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{kind} {po or ''}".strip()))
