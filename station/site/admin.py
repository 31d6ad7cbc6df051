"""What the lead does with a site: set it up, join a station, look at it, free a claim.

The site data key encrypts what benches share (documents in a shared cache). It is generated at
``init``, shown once to the lead, typed in at every ``join`` and kept in each station's keyring;
the database holds only a check value (an HMAC of a fixed text under the key), so a wrong key is
refused at join without the database ever being able to decrypt anything.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.errors import ConfigError, SiteError
from station.site.claims import Claim, SiteClaims
from station.site.db import SiteDatabase, SiteLink
from station.site.schema import migrate_site

__all__ = [
    "AskAmazon",
    "SiteStatus",
    "StationConflictError",
    "StationRow",
    "check_data_key",
    "init_site",
    "join_site",
    "new_data_key",
    "site_history",
    "site_status",
]

_CHECK_TEXT = b"packing-station site data key check v1"


def new_data_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def _key_bytes(key: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(key.strip().encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) != 32:
        raise ConfigError(
            "The site data key is not valid (32 bytes, URL-safe base64, as `station site init` "
            "showed it)",
            hint="Type it again exactly as the lead wrote it down.",
        )
    return raw


def check_value(key: str) -> str:
    return hmac.new(_key_bytes(key), _CHECK_TEXT, hashlib.sha256).hexdigest()


def check_data_key(conn: Any, key: str) -> None:
    row = conn.execute("SELECT value FROM site_meta WHERE name = 'data_key_check'").fetchone()
    if row is None:
        raise SiteError(
            "This site has no data key yet", hint="Run `station site init` on the first station."
        )
    if not hmac.compare_digest(row[0], check_value(key)):
        raise SiteError(
            "That is not this site's data key",
            hint="Ask the lead for the key `station site init` showed; nothing was changed.",
        )


def init_site(db: SiteDatabase, data_key: str) -> int:
    """Create (or bring up to date) the schema and record the key's check value once."""
    version = _migrate(db)
    check = check_value(data_key)

    def work(conn: Any) -> None:
        conn.execute(
            "INSERT INTO site_meta (name, value) VALUES ('data_key_check', %s) "
            "ON CONFLICT (name) DO NOTHING",
            (check,),
        )
        check_data_key(conn, data_key)
        _register(conn, db)

    _run(db, work)
    return version


def join_site(db: SiteDatabase, data_key: str) -> int:
    version = _migrate(db)

    def work(conn: Any) -> None:
        check_data_key(conn, data_key)
        _register(conn, db)

    _run(db, work)
    return version


class StationConflictError(SiteError):
    """Another station of the site already holds this station id or this bench name."""

    def __init__(self, message: str, *, hint: str, field: str) -> None:
        super().__init__(message, hint=hint)
        self.field = field  # "bench" or "" (the station id is not on the join form)


def _register(conn: Any, db: SiteDatabase) -> None:
    """Record this station; refused when another station of the site (one that has not left)
    holds its station id or its bench name — two benches must never become one."""
    identity = db.identity or None
    rows = conn.execute(
        "SELECT station_id, bench, identity FROM stations WHERE state <> 'left' "
        "AND (station_id = %s OR bench = %s) ORDER BY station_id FOR UPDATE",
        (db.station_id, db.bench),
    ).fetchall()
    for station_id, bench, holder in rows:
        itself = holder is not None and holder == identity
        if station_id == db.station_id and not itself and holder is not None:
            raise StationConflictError(
                f"The station id {station_id} is already used by bench {bench} of this site "
                "(another data folder or computer with the same id — it defaults to the host "
                "name)",
                hint="Give this station an id of its own: set station_id in its settings file "
                '(`station config path` shows where), e.g. station_id = "pack-02", then join '
                "again. Nothing was saved.",
                field="",
            )
        if bench == db.bench and station_id != db.station_id and not itself:
            raise StationConflictError(
                f"Bench {bench} of this site is already held by the station {station_id}",
                hint="Give this bench another name or number (--bench), or have that station "
                "leave the site first. Nothing was saved.",
                field="bench",
            )
    conn.execute(
        "INSERT INTO stations (station_id, bench, identity) VALUES (%s, %s, %s) "
        "ON CONFLICT (station_id) DO UPDATE SET bench = EXCLUDED.bench, last_seen = now(), "
        "state = 'online', identity = coalesce(EXCLUDED.identity, stations.identity)",
        (db.station_id, db.bench, identity),
    )


def _migrate(db: SiteDatabase) -> int:
    conn = db.connect()
    try:
        return migrate_site(conn)
    finally:
        conn.close()


def _run(db: SiteDatabase, work: Any) -> Any:
    link = SiteLink(db)
    try:
        return link.run(work)
    finally:
        link.close()


@dataclass(frozen=True)
class StationRow:
    station_id: str
    bench: str
    last_seen: datetime
    active_claims: int


@dataclass(frozen=True)
class AskAmazon:
    """A confirmation Amazon accepted whose status could not be read: a person asks Amazon."""

    po: str
    transaction_id: str | None
    origin_station: str
    since: datetime
    last_error: str | None


@dataclass(frozen=True)
class SiteStatus:
    where: str
    schema_version: int
    stations: list[StationRow]
    claims: list[Claim]
    outbox: dict[str, int]
    ask_amazon: list[AskAmazon] = field(default_factory=list)
    documents: int = 0  # rows in the site's shared, encrypted document cache
    prefetch: str | None = None  # the site's shift prefetch running now, or the last one


def _prefetch_state(row: Any) -> str | None:
    if row is None:
        return None
    station_id, bench, started, finished, summary, leased = row
    since = started.astimezone().strftime("%Y-%m-%d %H:%M")
    if finished is not None:
        until = finished.astimezone().strftime("%H:%M")
        return f"{summary or 'finished'} at bench {bench} by {station_id}, {since}–{until}"
    if leased:
        return f"running at bench {bench} by {station_id} since {since}"
    return f"stopped at bench {bench} by {station_id} (started {since}; its lease ran out)"


def site_status(db: SiteDatabase) -> SiteStatus:
    def work(conn: Any) -> SiteStatus:
        version = conn.execute("SELECT max(version) FROM site_schema").fetchone()[0] or 0
        stations = [
            StationRow(r[0], r[1], r[2], int(r[3]))
            for r in conn.execute(
                "SELECT s.station_id, s.bench, s.last_seen, count(c.po) FROM stations s "
                "LEFT JOIN claims c ON c.station_id = s.station_id AND c.state = 'active' "
                "GROUP BY s.station_id, s.bench, s.last_seen ORDER BY s.bench, s.station_id"
            ).fetchall()
        ]
        outbox = {
            str(r[0]): int(r[1])
            for r in conn.execute(
                "SELECT state, count(*) FROM site_outbox GROUP BY state"
            ).fetchall()
        }
        claims = [
            c
            for c in (
                SiteClaims.get_in(conn, r[0])
                for r in conn.execute(
                    "SELECT po FROM claims WHERE state = 'active' ORDER BY claimed_at LIMIT 200"
                ).fetchall()
            )
            if c is not None
        ]
        asking = [
            AskAmazon(*r)
            for r in conn.execute(
                "SELECT po, transaction_id, origin_station, updated_at, last_error "
                "FROM site_outbox WHERE state = 'ask_amazon' ORDER BY id LIMIT 200"
            ).fetchall()
        ]
        documents = int(conn.execute("SELECT count(*) FROM site_documents").fetchone()[0])
        prefetch = _prefetch_state(
            conn.execute(
                "SELECT station_id, bench, started_at, finished_at, summary, "
                "lease_until >= now() FROM site_prefetch WHERE id = 1"
            ).fetchone()
        )
        return SiteStatus(
            db.url.where, int(version), stations, claims, outbox, asking, documents, prefetch
        )

    return _run(db, work)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class SiteEvent:
    at: datetime
    station_id: str
    bench: str
    kind: str
    po: str | None


def site_history(db: SiteDatabase, *, since: datetime, until: datetime) -> list[SiteEvent]:
    rows = _run(
        db,
        lambda conn: conn.execute(
            "SELECT at, station_id, bench, kind, po FROM site_events "
            "WHERE at >= %s AND at < %s ORDER BY id LIMIT 100000",
            (since, until),
        ).fetchall(),
    )
    return [SiteEvent(*row) for row in rows]
