"""The site's shared document cache: labels, slips and order snapshots in the site database,
sealed with the site data key, so that a document fetched by any bench (or by the site's shift
prefetch) prints at every bench without asking Amazon again.

Sealing is the local cache's (:func:`station.journal.documents.seal_document`: AES-256-GCM, a fresh
nonce per write, the PO, kind, package id and format bound in as associated data). The key is the
site data key the lead typed in at ``station site join`` (kept in this station's keyring, or
``STATION_SITE_DATA_KEY`` on a headless bench); the database holds only its check value
(``site_meta.data_key_check``) and each row's key id. A station whose key does not match the
site's check value is refused at its first use of the cache, with what to do; it never writes a
document the other benches could not open.

A row moved to another PO (or altered) does not open: the PO is part of the authenticated data.
An order snapshot naming another PO than its row is refused by
:func:`station.workflow.order_cache.load_prefetched` (the check the engine makes on Amazon's
answers).

When the site database is away, documents are read from and written to this bench's own
encrypted cache (``local``), so reprints and scans of what this bench fetched go on. Retention is
applied to the site's rows by every station's retention runner (it needs no key).
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Collection, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import Any

from station.errors import JournalError, SiteError, SiteUnavailableError
from station.journal.documents import (
    DataKey,
    Document,
    DocumentCache,
    DocumentFormat,
    DocumentInfo,
    DocumentKind,
    KeyStore,
    PurgeResult,
    RetentionPolicy,
    check_document_name,
    open_document,
    seal_document,
)
from station.site.admin import check_value
from station.site.db import DATA_KEY_NAME, SiteDatabase, SiteLink

log = logging.getLogger(__name__)

__all__ = [
    "ENV_SITE_DATA_KEY",
    "NO_SITE_KEY_WARNING",
    "WRONG_SITE_KEY",
    "SiteDocumentCache",
    "SiteKeyError",
    "purge_site_documents",
    "resolve_site_key",
]

ENV_SITE_DATA_KEY = "STATION_SITE_DATA_KEY"
WRONG_SITE_KEY = "This station's site key does not match the site's"
WRONG_SITE_KEY_HINT = (
    "Re-join with the lead's key: `station site join URL --bench N` and type the site data key "
    "`station site init` showed. Until then this bench neither reads nor writes the site's "
    "shared documents."
)
NO_SITE_KEY_WARNING = (
    "This station has no site data key: labels and slips are kept on this bench only, not in "
    "the site's shared cache. Re-join the site (`station site join`) with the lead's key."
)


class SiteKeyError(SiteError):
    """This station's site data key is not the site's (or the site has none)."""


_UPSERT = """
    INSERT INTO site_documents (po, kind, package_id, format, key_id, nonce, ciphertext, size,
                                created_at, shipped_at, stored_by)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, NULL, %s)
    ON CONFLICT (po, kind, package_id) DO UPDATE SET format = EXCLUDED.format,
        key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
        size = EXCLUDED.size, created_at = EXCLUDED.created_at, stored_by = EXCLUDED.stored_by
"""
_INFO = "po, kind, package_id, format, size, created_at, shipped_at"


def resolve_site_key(keystore: KeyStore | None, environ: Mapping[str, str]) -> DataKey | None:
    """The site data key: ``STATION_SITE_DATA_KEY``, else the keyring entry ``join`` wrote."""
    text = environ.get(ENV_SITE_DATA_KEY)
    source = ENV_SITE_DATA_KEY
    if not text and keystore is not None:
        try:
            text = keystore.get(DATA_KEY_NAME)
        except SiteError:
            raise
        except Exception as exc:  # an unusable keyring: no shared cache, said once
            log.warning("the site data key cannot be read from the keyring: %s", exc)
            text = None
        source = "the site data key in the system keyring"
    if not text:
        return None
    return DataKey.from_text(text, source=source)


def _info(row: Any) -> DocumentInfo:
    return DocumentInfo(
        str(row[0]),
        DocumentKind(row[1]),
        str(row[2]),
        DocumentFormat(row[3]),
        int(row[4]),
        row[5],
        row[6],
    )


def purge_site_documents(conn: Any, retention: RetentionPolicy, now: datetime) -> PurgeResult:
    """Delete the site's documents the retention policy no longer allows (no key needed)."""
    shipped = conn.execute(
        "DELETE FROM site_documents WHERE shipped_at IS NOT NULL AND shipped_at <= %s",
        (retention.shipped_cutoff(now),),
    ).rowcount
    unshipped = conn.execute(
        "DELETE FROM site_documents WHERE shipped_at IS NULL AND created_at <= %s",
        (retention.unshipped_cutoff(now),),
    ).rowcount
    return PurgeResult(shipped=max(0, shipped), unshipped=max(0, unshipped))


class SiteDocumentCache(DocumentCache):
    """The site's shared cache, with this bench's own cache beneath it while the site is away."""

    persistent = True

    def __init__(
        self,
        db: SiteDatabase,
        key: DataKey,
        local: DocumentCache,
        retention: RetentionPolicy | None = None,
    ) -> None:
        super().__init__(retention or local.retention, local._clock)
        self.db = db
        self.local = local
        self._key = key
        self._aead = key.aead()
        self._link = SiteLink(db)
        self._checked = False
        self._away_said = False
        self._batch = threading.local()

    # -- the key -------------------------------------------------------------------------------

    def _check_key(self, conn: Any) -> None:
        if self._checked:
            return
        row = conn.execute("SELECT value FROM site_meta WHERE name = 'data_key_check'").fetchone()
        if row is None:
            raise SiteKeyError(
                "This site has no data key yet, so nothing can be shared encrypted",
                hint="Run `station site init` on the lead's station, then `station site join` "
                "here with the key it shows.",
            )
        if not hmac.compare_digest(str(row[0]), check_value(self._key.to_text())):
            raise SiteKeyError(WRONG_SITE_KEY, hint=WRONG_SITE_KEY_HINT)
        self._checked = True

    def verify(self) -> None:
        """Raise a SiteError when the site cannot be used with this key (wrong key, away)."""
        self._link.run(self._check_key)

    def _run(self, work: Any) -> Any:
        def checked(conn: Any) -> Any:
            self._check_key(conn)
            return work(conn)

        result = self._link.run(checked)
        self._away_said = False
        return result

    def _away(self, exc: SiteError, what: str) -> None:
        """The site's cache cannot be used now (away, or this station's key is not the site's):
        this bench's own cache stands in, said once."""
        if not self._away_said:
            if isinstance(exc, SiteKeyError):
                log.warning("%s: %s on this bench only. %s", exc.message, what, exc.hint or "")
            else:
                log.warning("site database away: %s on this bench only (%s)", what, exc.message)
            self._away_said = True

    # -- DocumentCache -------------------------------------------------------------------------

    def _row(
        self, po: str, kind: DocumentKind, package_id: str, format: DocumentFormat, content: bytes
    ) -> tuple[Any, ...]:
        check_document_name(po, package_id)
        nonce, sealed = seal_document(self._aead, po, kind, package_id, format, content)
        return (
            po,
            str(kind),
            package_id,
            str(format),
            self._key.key_id,
            nonce,
            sealed,
            len(content),
            self._clock(),
            self.db.station_id,
        )

    def put(
        self,
        po: str,
        kind: DocumentKind,
        package_id: str,
        format: DocumentFormat,
        content: bytes,
    ) -> DocumentInfo:
        kind, format = DocumentKind(kind), DocumentFormat(format)
        row = self._row(po, kind, package_id, format, content)
        pending: list[tuple[Any, ...]] | None = getattr(self._batch, "rows", None)
        info = DocumentInfo(po, kind, package_id, format, len(content), row[8], None)
        if pending is not None:
            pending.append(row)
            return info
        try:
            self._run(lambda conn: conn.execute(_UPSERT, row))
        except (SiteUnavailableError, SiteKeyError) as exc:
            self._away(exc, "documents are kept")
            return self.local.put(po, kind, package_id, format, content)
        return info

    def batch(self) -> AbstractContextManager[None]:
        return self._batched()

    @contextmanager
    def _batched(self) -> Iterator[None]:
        if getattr(self._batch, "rows", None) is not None:  # nested: the outer batch writes
            yield
            return
        self._batch.rows = []
        try:
            yield
            rows, self._batch.rows = self._batch.rows, None
            if rows:
                # One transaction, the statements pipelined (psycopg's executemany).
                self._run(lambda conn: conn.cursor().executemany(_UPSERT, rows))
        finally:
            self._batch.rows = None

    def get(self, po: str, kind: DocumentKind, package_id: str = "") -> Document | None:
        kind = DocumentKind(kind)
        try:
            row = self._run(
                lambda conn: conn.execute(
                    "SELECT po, format, key_id, nonce, ciphertext, size, created_at, shipped_at "
                    "FROM site_documents WHERE po = %s AND kind = %s AND package_id = %s",
                    (po, str(kind), package_id),
                ).fetchone()
            )
        except (SiteUnavailableError, SiteKeyError) as exc:
            self._away(exc, "documents are read")
            return self.local.get(po, kind, package_id)
        if row is None:
            return self.local.get(po, kind, package_id)
        if row[0] != po:  # pragma: no cover - the WHERE clause says so; the check costs nothing
            raise JournalError(f"The site cache answered PO {row[0]} for PO {po}: refused")
        try:
            format = DocumentFormat(row[1])
        except ValueError:
            raise JournalError(f"The cached {kind} of PO {po} has an unknown format") from None
        content = open_document(
            self._key,
            self._aead,
            (po, kind, package_id, format, str(row[2]), bytes(row[3]), bytes(row[4])),
            other_key_hint=WRONG_SITE_KEY_HINT,
        )
        info = DocumentInfo(po, kind, package_id, format, int(row[5]), row[6], row[7])
        return Document(info, content)

    def list(self, po: str | None = None) -> list[DocumentInfo]:
        where, params = ("WHERE po = %s", (po,)) if po is not None else ("", ())
        try:
            rows = self._link.run(
                lambda conn: conn.execute(
                    f"SELECT {_INFO} FROM site_documents {where} "  # noqa: S608 - constants
                    "ORDER BY created_at, po, kind, package_id",
                    params,
                ).fetchall()
            )
        except (SiteUnavailableError, SiteKeyError) as exc:
            self._away(exc, "documents are listed")
            rows = []
        site = [_info(r) for r in rows]
        seen = {(i.po, i.kind, i.package_id) for i in site}
        local = [i for i in self.local.list(po) if (i.po, i.kind, i.package_id) not in seen]
        return sorted(site + local, key=lambda i: (i.created_at, i.po, i.kind, i.package_id))

    def mark_shipped(self, po: str, at: datetime | None = None) -> int:
        moment = at or self._clock()
        here = self.local.mark_shipped(po, moment)
        try:
            count: int = self._link.run(
                lambda conn: (
                    conn.execute(
                        "UPDATE site_documents SET shipped_at = %s WHERE po = %s", (moment, po)
                    ).rowcount
                )
            )
        except (SiteUnavailableError, SiteKeyError) as exc:
            self._away(exc, "the retention clock starts")
            return here
        return max(here, count)

    def delete(self, po: str) -> int:
        here = self.local.delete(po)
        count: int = self._link.run(
            lambda conn: conn.execute("DELETE FROM site_documents WHERE po = %s", (po,)).rowcount
        )
        return here + count

    def purge(self, now: datetime | None = None) -> PurgeResult:
        moment = now or self._clock()
        here = self.local.purge(moment)
        site = self.purge_site(moment)
        return PurgeResult(here.shipped + site.shipped, here.unshipped + site.unshipped)

    def purge_site(self, now: datetime | None = None) -> PurgeResult:
        """The site's expired documents, whatever key sealed them (a lead's station may run it
        with a stale key: addresses must still go)."""
        moment = now or self._clock()
        result: PurgeResult = self._link.run(
            lambda conn: purge_site_documents(conn, self.retention, moment)
        )
        if result.total:
            log.info("site cache: %d expired documents deleted", result.total)
        return result

    def known_orders(self, pos: Collection[str]) -> set[str] | None:
        wanted = list(set(pos))
        here = self.local.known_orders(wanted) or set()
        try:
            rows = self._run(
                lambda conn: conn.execute(
                    "SELECT po FROM site_documents WHERE kind = 'order' AND po = ANY(%s)",
                    (wanted,),
                ).fetchall()
            )
        except (SiteUnavailableError, SiteKeyError) as exc:
            self._away(exc, "documents are looked up")
            return None
        return here | {str(r[0]) for r in rows}

    def close(self) -> None:
        self._link.close()
