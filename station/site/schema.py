"""The site database's schema: numbered migrations, applied under an advisory lock.

Why plain psycopg and a migration list, not SQLAlchemy Core and Alembic: the site store is what
PostgreSQL gives and SQLite does not — row leases compared with the server's clock, ``FOR UPDATE
SKIP LOCKED``, advisory locks, LISTEN/NOTIFY — so a dialect-neutral layer would hide exactly the
statements whose semantics matter. The bench's SQLite journal stays as it is (a one-bench shop
sees no change, and no new dependency), and both stores use one migration format
(:class:`station.journal.migrations.Migration`: numbered, never edited once released, each applied
in one transaction with its version bump). Alembic would add a second history, a second runner and
two dependencies for four tables.

Concurrent first start: every station of a site may start at the same moment on an empty
database. ``pg_advisory_lock`` serialises them; the first creates the schema, the others find it
done. The lock is a session lock: a station that dies while holding it releases it with its
connection.
"""

from __future__ import annotations

import logging
from typing import Any

from station.errors import SiteError
from station.journal.migrations import Migration

log = logging.getLogger(__name__)

__all__ = ["LATEST_SITE_VERSION", "SITE_MIGRATIONS", "migrate_site"]

#: Two int4 keys for pg_advisory_lock: "station" and "schema"; nothing else on a site uses them.
_LOCK_KEYS = (0x5354_4154, 0x5343_4845)

SITE_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "stations, claims, site outbox, quota buckets, site events",
        (
            """
            CREATE TABLE site_meta (
                name text PRIMARY KEY,
                value text NOT NULL
            )
            """,
            """
            CREATE TABLE stations (
                station_id text PRIMARY KEY,
                bench text NOT NULL,
                joined_at timestamptz NOT NULL DEFAULT now(),
                last_seen timestamptz NOT NULL DEFAULT now(),
                state text NOT NULL DEFAULT 'online'
            )
            """,
            """
            CREATE TABLE claims (
                po text PRIMARY KEY,
                station_id text NOT NULL,
                bench text NOT NULL,
                state text NOT NULL CHECK (state IN ('active', 'shipped', 'released')),
                claimed_at timestamptz NOT NULL,
                lease_until timestamptz NOT NULL,
                heartbeat_at timestamptz NOT NULL,
                in_flight_until timestamptz,
                in_flight_what text,
                released_by text,
                released_at timestamptz
            )
            """,
            "CREATE INDEX claims_holder ON claims (station_id, state)",
            """
            CREATE TABLE site_outbox (
                id bigserial PRIMARY KEY,
                idempotency_key text NOT NULL UNIQUE,
                kind text NOT NULL,
                po text NOT NULL,
                payload text NOT NULL,
                ship_method text,
                state text NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                checks integer NOT NULL DEFAULT 0,
                transaction_id text,
                errors text NOT NULL DEFAULT '[]',
                last_error text,
                next_attempt_at timestamptz NOT NULL DEFAULT now(),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                origin_station text NOT NULL,
                sender_station text,
                sending_until timestamptz,
                send_started_at timestamptz
            )
            """,
            # A PO is confirmed once for the whole site, whichever bench packed it.
            """
            CREATE UNIQUE INDEX site_outbox_one_confirmation ON site_outbox (po)
                WHERE kind = 'confirmation' AND state <> 'failed'
            """,
            "CREATE INDEX site_outbox_due ON site_outbox (state, next_attempt_at)",
            """
            CREATE TABLE quota_buckets (
                name text PRIMARY KEY,
                rate double precision NOT NULL,
                burst double precision NOT NULL,
                tokens double precision NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """,
            """
            CREATE TABLE site_events (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                station_id text NOT NULL,
                bench text NOT NULL,
                kind text NOT NULL,
                po text,
                detail text NOT NULL DEFAULT '{}'
            )
            """,
            "CREATE INDEX site_events_at ON site_events (at)",
            "CREATE INDEX site_events_po ON site_events (po, id)",
        ),
    ),
    Migration(
        2,
        "shared encrypted document cache, site prefetch lease",
        (
            # Sealed with the site data key (AES-256-GCM, the PO, kind, package and format bound
            # in); the key itself is never here, only its id beside each row.
            """
            CREATE TABLE site_documents (
                po text NOT NULL,
                kind text NOT NULL,
                package_id text NOT NULL DEFAULT '',
                format text NOT NULL,
                key_id text NOT NULL,
                nonce bytea NOT NULL,
                ciphertext bytea NOT NULL,
                size integer NOT NULL,
                created_at timestamptz NOT NULL,
                shipped_at timestamptz,
                stored_by text NOT NULL,
                PRIMARY KEY (po, kind, package_id)
            )
            """,
            # Ciphertext does not compress: do not try at every write.
            "ALTER TABLE site_documents ALTER COLUMN ciphertext SET STORAGE EXTERNAL",
            "CREATE INDEX site_documents_shipped ON site_documents (shipped_at)",
            "CREATE INDEX site_documents_created ON site_documents (created_at)",
            # One row: who runs the site's shift prefetch, since when, lease renewed while it runs.
            """
            CREATE TABLE site_prefetch (
                id integer PRIMARY KEY CHECK (id = 1),
                station_id text NOT NULL,
                bench text NOT NULL,
                started_at timestamptz NOT NULL,
                lease_until timestamptz NOT NULL,
                finished_at timestamptz,
                summary text
            )
            """,
        ),
    ),
    Migration(
        3,
        "each station's own identity, beside its station id, on stations and claims",
        (
            # Two data folders may carry one station id (it defaults to the host name): the
            # identity each folder keeps tells them apart (station.site.identity).
            "ALTER TABLE stations ADD COLUMN identity text",
            "ALTER TABLE claims ADD COLUMN holder text",
        ),
    ),
)

LATEST_SITE_VERSION = SITE_MIGRATIONS[-1].version


def migrate_site(conn: Any, target: int | None = None) -> int:
    """Bring the site schema to ``target`` (default: latest) under the advisory lock.

    ``conn`` is an autocommit psycopg connection. Returns the resulting version.
    """
    target = LATEST_SITE_VERSION if target is None else target
    conn.execute("SELECT pg_advisory_lock(%s, %s)", _LOCK_KEYS)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS site_schema (version integer NOT NULL)")
        row = conn.execute("SELECT max(version) FROM site_schema").fetchone()
        current = int(row[0]) if row and row[0] is not None else 0
        if current > LATEST_SITE_VERSION:
            raise SiteError(
                f"The site database was set up by a newer station (schema {current}, this "
                f"program knows up to {LATEST_SITE_VERSION})",
                hint="Install the same station version on every bench of the site.",
            )
        for migration in SITE_MIGRATIONS:
            if not current < migration.version <= target:
                continue
            with conn.transaction():
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO site_schema (version) VALUES (%s)", (migration.version,))
            log.info("site schema migrated to %d (%s)", migration.version, migration.description)
            current = migration.version
        return current
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s, %s)", _LOCK_KEYS)
