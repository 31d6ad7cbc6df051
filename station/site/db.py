"""Connections to the site database (psycopg 3), with failures turned into station errors.

Each part of warehouse mode (claims, the site outbox, the quota) holds one :class:`SiteLink`: a
connection opened on first use and opened again after it broke. A broken or unreachable database
is a :class:`~station.errors.SiteUnavailableError` — the bench goes on with what it already
claimed — and never a psycopg exception leaking into the workflow.

The password comes from the OS keyring (``site.db_password``) or, for headless use, from
``STATION_SITE_PASSWORD``; it is passed to libpq as a parameter and never written to a file or a
log. TLS is libpq's: ``sslmode=verify-full`` and ``sslrootcert`` in the ``journal_url``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from station.errors import ConfigError, CredentialsError, SiteError, SiteUnavailableError
from station.secrets import SecretStore
from station.site.url import SiteUrl, check_site_url

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

__all__ = [
    "DATA_KEY_NAME",
    "ENV_SITE_PASSWORD",
    "PASSWORD_KEY_NAME",
    "SiteDatabase",
    "SiteLink",
]

PASSWORD_KEY_NAME = "site.db_password"  # noqa: S105 - the name of a key, not a secret
DATA_KEY_NAME = "site.data_key"
ENV_SITE_PASSWORD = "STATION_SITE_PASSWORD"  # noqa: S105 - a variable name

CONNECT_TIMEOUT_S = 3
STATEMENT_TIMEOUT_MS = 5000

T = TypeVar("T")


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ConfigError(
            "Warehouse mode needs the PostgreSQL driver, which is not installed",
            hint="pip install 'packing-station[site]' (psycopg 3), or clear journal_url.",
        ) from None
    return psycopg


@dataclass
class SiteDatabase:
    """Where the site database is and who this station is in it."""

    url: SiteUrl
    station_id: str
    bench: str
    password: Callable[[], str | None]
    #: This data folder's own identity (``station.site.identity``); "" when unknown (a lead's
    #: look at the site), then claims are told apart by the station id alone.
    identity: str = ""
    #: What the connection is for, so a failure says what fits: ``"bench"`` (a running bench),
    #: ``"init"`` / ``"join"`` (setting up; nothing is saved on failure), ``"lead"`` (a look at
    #: the site: status, watch, release, history).
    purpose: str = "bench"

    @classmethod
    def from_settings(
        cls,
        journal_url: str,
        *,
        station_id: str,
        bench: str,
        store: SecretStore | None,
        environ: Mapping[str, str],
        identity: str = "",
        purpose: str = "bench",
    ) -> SiteDatabase:
        url = check_site_url(journal_url)

        def password() -> str | None:
            if environ.get(ENV_SITE_PASSWORD):
                return environ[ENV_SITE_PASSWORD]
            if store is None:
                raise CredentialsError(
                    "The site database password is kept in the system keyring, and there is none",
                    hint=f"Set {ENV_SITE_PASSWORD} for headless use, or run where a keyring is.",
                )
            return store.get(PASSWORD_KEY_NAME)

        return cls(url, station_id, bench or station_id, password, identity, purpose)

    def connect(self) -> psycopg.Connection[Any]:
        """A new autocommit connection; SiteUnavailableError when the database cannot be had."""
        driver = _driver()
        try:
            conn: psycopg.Connection[Any] = driver.connect(
                self.url.url,
                password=self.password() or None,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name=f"station {self.station_id}"[:63],
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=5,
                keepalives_count=3,
                options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
            )
        except driver.OperationalError as exc:
            raise _unavailable(self, exc) from None
        return conn


_SETTING_UP_UNREACHABLE = (
    "Nothing was saved. Check the address, that the database server runs and this computer "
    "reaches it, and with sslmode=verify-full that the server's certificate names the host of "
    "the address and that sslrootcert is its CA."
)


def _password_hint(db: SiteDatabase) -> str:
    if db.purpose in ("init", "join"):
        return (
            f"Nothing was saved. Run `station site {db.purpose}` again with the password of the "
            f"database role {db.url.user} (asked on the terminal, or {ENV_SITE_PASSWORD})."
        )
    return (
        f"The password kept for this station is not the one of the database role {db.url.user}: "
        "run `station site join` again with the right one (or Settings → Site, Join the site); "
        "it replaces the one in the keyring."
    )


def _unreachable_hint(db: SiteDatabase) -> str:
    if db.purpose in ("init", "join"):
        return _SETTING_UP_UNREACHABLE
    if db.purpose == "lead":
        return (
            "Check that the database server runs and that this computer reaches it, then run "
            "the command again. The benches go on with the POs they already claimed meanwhile."
        )
    return (
        "This bench goes on with the POs it already claimed; its confirmations wait here and "
        "are handed over when the database is back."
    )


def _unavailable(db: SiteDatabase, exc: Exception) -> SiteError:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "password authentication failed" in text or "no password supplied" in text:
        return SiteError(
            f"The site database at {db.url.where} refused the password of {db.url.user}",
            hint=_password_hint(db),
        )
    return SiteUnavailableError(
        f"The site database at {db.url.where} cannot be reached ({text[:200]})",
        hint=_unreachable_hint(db),
    )


class SiteLink:
    """One connection for one part of warehouse mode, reopened after a failure (thread-safe)."""

    def __init__(self, db: SiteDatabase) -> None:
        self.db = db
        self._conn: psycopg.Connection[Any] | None = None
        self._lock = threading.RLock()

    def run(self, work: Callable[[psycopg.Connection[Any]], T], *, single: bool = False) -> T:
        """Run ``work`` in one transaction; SiteUnavailableError when the database is away.

        ``single``: ``work`` is one statement, its own transaction (autocommit): one round trip
        instead of three (no BEGIN and COMMIT around it).
        """
        psycopg = _driver()
        with self._lock:
            try:
                if self._conn is None or self._conn.closed:
                    self._conn = self.db.connect()
                if single:
                    return work(self._conn)
                with self._conn.transaction():
                    return work(self._conn)
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                self._drop()
                raise _unavailable(self.db, exc) from None
            except psycopg.errors.QueryCanceled as exc:
                raise SiteUnavailableError(
                    f"The site database at {self.db.url.where} did not answer in time ({exc})",
                    hint=_unreachable_hint(self.db),
                ) from None

    def connection(self) -> psycopg.Connection[Any]:
        """The raw connection (LISTEN needs one); opened when needed."""
        with self._lock:
            if self._conn is None or self._conn.closed:
                self._conn = self.db.connect()
            return self._conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # the connection is broken already
                log.debug("closing a broken site connection failed", exc_info=True)

    def close(self) -> None:
        with self._lock:
            self._drop()
