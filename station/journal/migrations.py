"""The journal's schema, as numbered migrations applied in order from the first one.

``PRAGMA user_version`` holds the number of the last migration applied. A migration is never
edited once released: a change to the schema is a new migration appended to :data:`MIGRATIONS`.
Each one runs in its own transaction together with the version bump, so a crash leaves the
database at the previous version or the next one, never in between.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "events: every scan, print, confirmation, transaction and error",
        (
            """
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                station_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                po TEXT,
                outcome TEXT,
                ship_method TEXT,
                transaction_id TEXT,
                detail TEXT NOT NULL DEFAULT '{}'
            )
            """,
            "CREATE INDEX events_at ON events (at)",
            "CREATE INDEX events_po ON events (po, id)",
            "CREATE INDEX events_kind_at ON events (kind, at)",
        ),
    ),
    Migration(
        2,
        "outbox: confirmations and status updates, written before they are sent",
        (
            """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                po TEXT NOT NULL,
                payload TEXT NOT NULL,
                ship_method TEXT,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                checks INTEGER NOT NULL DEFAULT 0,
                transaction_id TEXT,
                errors TEXT NOT NULL DEFAULT '[]',
                last_error TEXT,
                next_attempt_at TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                station_id TEXT NOT NULL
            )
            """,
            "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
            "CREATE INDEX outbox_po ON outbox (po)",
        ),
    ),
    Migration(
        3,
        "documents: labels, slips and invoices, encrypted",
        (
            """
            CREATE TABLE documents (
                po TEXT NOT NULL,
                kind TEXT NOT NULL,
                package_id TEXT NOT NULL,
                format TEXT NOT NULL,
                key_id TEXT NOT NULL,
                nonce BLOB NOT NULL,
                ciphertext BLOB NOT NULL,
                size INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                shipped_at TEXT,
                PRIMARY KEY (po, kind, package_id)
            )
            """,
            "CREATE INDEX documents_shipped ON documents (shipped_at)",
            "CREATE INDEX documents_created ON documents (created_at)",
        ),
    ),
    Migration(
        4,
        "mcf_orders, mcf_packages: web-shop orders for Amazon's fulfilment network",
        (
            """
            CREATE TABLE mcf_orders (
                order_id TEXT PRIMARY KEY,
                shop_order TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                state TEXT NOT NULL,
                api_version TEXT NOT NULL DEFAULT '',
                speed TEXT,
                features TEXT NOT NULL DEFAULT '',
                hold INTEGER NOT NULL DEFAULT 0,
                amazon_status TEXT,
                send_attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                key_id TEXT NOT NULL,
                nonce BLOB NOT NULL,
                sealed BLOB NOT NULL,
                imported_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                sent_at TEXT,
                tracked_at TEXT,
                station_id TEXT NOT NULL
            )
            """,
            "CREATE INDEX mcf_orders_state ON mcf_orders (state, updated_at)",
            """
            CREATE TABLE mcf_packages (
                order_id TEXT NOT NULL REFERENCES mcf_orders (order_id),
                package_ref TEXT NOT NULL,
                carrier TEXT,
                tracking_number TEXT,
                status TEXT,
                eta TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (order_id, package_ref)
            )
            """,
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
