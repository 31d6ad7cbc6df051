"""The document cache: labels, slips and invoices, encrypted at rest, purged after shipment.

These documents print the customer's name and address, so they never touch the disk in clear:
each one is sealed with AES-256-GCM under a data key (a fresh 96-bit nonce per write; the PO, kind,
package id and format are bound in as associated data, so a ciphertext cannot be moved to another
row). The data key comes from, in order:

1. the ``STATION_DATA_KEY`` environment variable (headless boxes; urlsafe base64 of 32 random
   bytes). Generate one with::

       python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"

2. the OS keyring, through an injected :class:`KeyStore` (created there on first use);
3. neither: documents are kept in memory for this run only, and the station says so.

Each row also stores a short key id (an HMAC of a constant under the key), so reading with another
key fails with a clear message instead of a cryptographic error.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station.errors import ConfigError, JournalError, StationError
from station.journal.clock import Clock, from_iso, to_iso, utc_now
from station.journal.store import Journal

log = logging.getLogger(__name__)

__all__ = [
    "DATA_KEY_ENV",
    "DATA_KEY_SECRET_NAME",
    "DataKey",
    "Document",
    "DocumentCache",
    "DocumentFormat",
    "DocumentInfo",
    "DocumentKind",
    "EncryptedDocumentCache",
    "KeyStore",
    "MemoryDocumentCache",
    "PurgeResult",
    "RetentionPolicy",
    "check_document_name",
    "open_document",
    "open_document_cache",
    "purge_stored_documents",
    "resolve_data_key",
    "seal_document",
]

DATA_KEY_ENV = "STATION_DATA_KEY"
DATA_KEY_SECRET_NAME = "journal-data-key"  # noqa: S105 (a name, not a secret)
_GENERATE_HINT = (
    "Set STATION_DATA_KEY to 32 random bytes in urlsafe base64, e.g. the output of: "
    'python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'
)
MEMORY_ONLY_WARNING = (
    "No system keyring and no STATION_DATA_KEY: labels and slips are kept in memory for this run "
    "only (nothing is written to disk in clear). " + _GENERATE_HINT + " to keep them."
)


class KeyStore(Protocol):
    """Where the data key lives (the OS keyring in the app). Raise a StationError if unusable."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


class DocumentKind(StrEnum):
    LABEL = "label"
    SLIP = "slip"
    INVOICE = "invoice"
    ORDER = "order"  # the order snapshot and label metadata (station.workflow.order_cache)


class DocumentFormat(StrEnum):
    PNG = "PNG"
    ZPL = "ZPL"
    PDF = "PDF"
    JSON = "JSON"


@dataclass(frozen=True)
class DocumentInfo:
    po: str
    kind: DocumentKind
    package_id: str
    format: DocumentFormat
    size: int
    created_at: datetime
    shipped_at: datetime | None


@dataclass(frozen=True)
class Document:
    info: DocumentInfo
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class PurgeResult:
    shipped: int  # deleted because shipped more than the retention period ago
    unshipped: int  # deleted because never shipped and older than the longer bound

    @property
    def total(self) -> int:
        return self.shipped + self.unshipped


@dataclass(frozen=True)
class RetentionPolicy:
    shipped_days: int = 30
    unshipped_days: int = 90

    def shipped_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.shipped_days)

    def unshipped_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.unshipped_days)


class DataKey:
    """A 256-bit document key. Its repr never shows the key."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != 32:
            raise ValueError("a data key is exactly 32 bytes")
        self._raw = raw

    @classmethod
    def generate(cls) -> DataKey:
        return cls(os.urandom(32))

    @classmethod
    def from_text(cls, text: str, *, source: str = DATA_KEY_ENV) -> DataKey:
        """Parse urlsafe base64 (padding optional); a malformed key is a :class:`ConfigError`."""
        cleaned = text.strip()
        try:
            raw = base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ConfigError(
                f"{source} is not a valid data key (it must be 32 bytes in urlsafe base64)",
                hint=_GENERATE_HINT + ".",
            )
        return cls(raw)

    def to_text(self) -> str:
        return base64.urlsafe_b64encode(self._raw).decode("ascii")

    @property
    def key_id(self) -> str:
        """Names the key without revealing it (stored beside each document)."""
        return hmac.new(self._raw, b"station document key id", hashlib.sha256).hexdigest()[:16]

    def aead(self) -> AESGCM:
        return AESGCM(self._raw)

    def __repr__(self) -> str:
        return f"DataKey(id={self.key_id})"


def resolve_data_key(
    keystore: KeyStore | None, environ: Mapping[str, str] | None = None
) -> DataKey | None:
    """The data key from the environment, else the key store (creating it there); else ``None``."""
    env = os.environ if environ is None else environ
    text = env.get(DATA_KEY_ENV)
    if text:
        return DataKey.from_text(text)
    if keystore is None:
        return None
    try:
        stored = keystore.get(DATA_KEY_SECRET_NAME)
        if stored:
            return DataKey.from_text(stored, source="the data key in the system keyring")
        key = DataKey.generate()
        keystore.set(DATA_KEY_SECRET_NAME, key.to_text())
        # Read it back: a key that the keyring did not really keep would make today's documents
        # unreadable tomorrow.
        if keystore.get(DATA_KEY_SECRET_NAME) != key.to_text():
            return None
        return key
    except ConfigError:
        raise
    except StationError as exc:
        log.warning("the system keyring is not usable for the data key: %s", exc.message)
        return None


class DocumentCache(ABC):
    """Where documents wait between prefetch and printing, and for reprints after shipment."""

    persistent: bool

    def __init__(self, retention: RetentionPolicy, clock: Clock) -> None:
        self.retention = retention
        self._clock = clock

    @abstractmethod
    def put(
        self,
        po: str,
        kind: DocumentKind,
        package_id: str,
        format: DocumentFormat,
        content: bytes,
    ) -> DocumentInfo:
        """Store (or replace) one document."""

    @abstractmethod
    def get(self, po: str, kind: DocumentKind, package_id: str = "") -> Document | None:
        """The document, or ``None`` when not cached (fetch it again)."""

    @abstractmethod
    def list(self, po: str | None = None) -> list[DocumentInfo]:
        """Descriptions of the cached documents (no content), optionally for one PO."""

    @abstractmethod
    def mark_shipped(self, po: str, at: datetime | None = None) -> int:
        """Start the retention clock of a PO's documents; returns how many there are."""

    @abstractmethod
    def delete(self, po: str) -> int:
        """Forget a PO's documents now; returns how many were deleted."""

    @abstractmethod
    def purge(self, now: datetime | None = None) -> PurgeResult:
        """Delete what the retention policy no longer allows to keep."""

    def batch(self) -> AbstractContextManager[None]:
        """Many puts as one write where the store allows it (shift preparation stores 100 POs
        at a time); a failure inside leaves none of them stored."""
        return nullcontext()

    def known_orders(self, pos: Collection[str]) -> set[str] | None:
        """Which of ``pos`` have an order snapshot here, in one look-up (``None``: this cache
        cannot tell at once; look each PO up)."""
        return None


def check_document_name(po: str, package_id: str) -> None:
    """Refuse a document without a PO, or with a PO or package id no store should keep."""
    if not po:
        raise JournalError("A document needs a PO number")
    if len(po) > 64 or len(package_id) > 64:
        raise JournalError("A PO number or package id longer than 64 characters is not valid")


def _aad(po: str, kind: DocumentKind, package_id: str, format: DocumentFormat) -> bytes:
    return "\x1f".join((po, str(kind), package_id, str(format))).encode("utf-8")


def seal_document(
    aead: AESGCM,
    po: str,
    kind: DocumentKind,
    package_id: str,
    format: DocumentFormat,
    content: bytes,
) -> tuple[bytes, bytes]:
    """``(nonce, ciphertext)`` of one document, its PO, kind, package and format bound in (so a
    row moved to another PO no longer opens). Shared by the local and the site cache."""
    nonce = os.urandom(12)
    return nonce, aead.encrypt(nonce, bytes(content), _aad(po, kind, package_id, format))


def open_document(
    key: DataKey,
    aead: AESGCM,
    row: tuple[str, DocumentKind, str, DocumentFormat, str, bytes, bytes],
    *,
    other_key_hint: str,
) -> bytes:
    """The clear content of a sealed row ``(po, kind, package_id, format, key_id, nonce,
    ciphertext)``; a JournalError naming the PO when it was sealed under another key or does not
    open (damaged, altered, or moved from another PO's row)."""
    po, kind, package_id, format, key_id, nonce, sealed = row
    if key_id != key.key_id:
        raise JournalError(
            f"The cached {kind} of PO {po} was encrypted with another data key",
            hint=other_key_hint,
        )
    try:
        return aead.decrypt(nonce, sealed, _aad(po, kind, package_id, format))
    except InvalidTag:
        raise JournalError(
            f"The cached {kind} of PO {po} cannot be decrypted: it is damaged or was altered "
            "(or sealed for another PO)",
            hint="Download the document again (it is replaced in the cache).",
        ) from None


class EncryptedDocumentCache(DocumentCache):
    """Documents in the journal's ``documents`` table, sealed with AES-GCM."""

    persistent = True

    def __init__(
        self,
        journal: Journal,
        key: DataKey,
        retention: RetentionPolicy | None = None,
    ) -> None:
        super().__init__(retention or RetentionPolicy(), journal.now)
        self._journal = journal
        self._key = key
        self._aead = key.aead()

    def put(
        self,
        po: str,
        kind: DocumentKind,
        package_id: str,
        format: DocumentFormat,
        content: bytes,
    ) -> DocumentInfo:
        check_document_name(po, package_id)
        kind, format = DocumentKind(kind), DocumentFormat(format)
        nonce, sealed = seal_document(self._aead, po, kind, package_id, format, content)
        now = self._clock()
        with self._journal.write() as conn:
            conn.execute(
                "INSERT INTO documents (po, kind, package_id, format, key_id, nonce, ciphertext, "
                "size, created_at, shipped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
                "ON CONFLICT (po, kind, package_id) DO UPDATE SET format = excluded.format, "
                "key_id = excluded.key_id, nonce = excluded.nonce, "
                "ciphertext = excluded.ciphertext, size = excluded.size, "
                "created_at = excluded.created_at",
                (
                    po,
                    str(kind),
                    package_id,
                    str(format),
                    self._key.key_id,
                    nonce,
                    sealed,
                    len(content),
                    to_iso(now),
                ),
            )
            row = conn.execute(
                "SELECT shipped_at FROM documents WHERE po = ? AND kind = ? AND package_id = ?",
                (po, str(kind), package_id),
            ).fetchone()
        shipped = from_iso(row[0]) if row and row[0] else None
        return DocumentInfo(po, kind, package_id, format, len(content), now, shipped)

    def get(self, po: str, kind: DocumentKind, package_id: str = "") -> Document | None:
        kind = DocumentKind(kind)
        with self._journal.read() as conn:
            row = conn.execute(
                "SELECT format, key_id, nonce, ciphertext, size, created_at, shipped_at "
                "FROM documents WHERE po = ? AND kind = ? AND package_id = ?",
                (po, str(kind), package_id),
            ).fetchone()
        if row is None:
            return None
        try:
            format = DocumentFormat(row[0])
        except ValueError:
            raise JournalError(f"The cached {kind} of PO {po} has an unknown format") from None
        content = open_document(
            self._key,
            self._aead,
            (po, kind, package_id, format, str(row[1]), bytes(row[2]), bytes(row[3])),
            other_key_hint=(
                "The data key changed (STATION_DATA_KEY or the keyring entry). Restore the "
                "previous key, or run `station purge` and download the documents again."
            ),
        )
        info = DocumentInfo(
            po,
            kind,
            package_id,
            format,
            int(row[4]),
            from_iso(row[5]),
            from_iso(row[6]) if row[6] else None,
        )
        return Document(info, content)

    def list(self, po: str | None = None) -> list[DocumentInfo]:
        where, params = ("WHERE po = ?", (po,)) if po is not None else ("", ())
        with self._journal.read() as conn:
            rows = conn.execute(
                "SELECT po, kind, package_id, format, size, created_at, shipped_at "  # noqa: S608
                f"FROM documents {where} ORDER BY created_at, po, kind, package_id",
                params,
            ).fetchall()
        return [
            DocumentInfo(
                str(r[0]),
                DocumentKind(r[1]),
                str(r[2]),
                DocumentFormat(r[3]),
                int(r[4]),
                from_iso(r[5]),
                from_iso(r[6]) if r[6] else None,
            )
            for r in rows
        ]

    def mark_shipped(self, po: str, at: datetime | None = None) -> int:
        moment = to_iso(at or self._clock())
        with self._journal.write() as conn:
            return conn.execute(
                "UPDATE documents SET shipped_at = ? WHERE po = ?", (moment, po)
            ).rowcount

    def delete(self, po: str) -> int:
        with self._journal.write() as conn:
            return conn.execute("DELETE FROM documents WHERE po = ?", (po,)).rowcount

    def purge(self, now: datetime | None = None) -> PurgeResult:
        return purge_stored_documents(self._journal, self.retention, now or self._clock())

    def known_orders(self, pos: Collection[str]) -> set[str] | None:
        wanted = set(pos)
        with self._journal.read() as conn:
            rows = conn.execute("SELECT po FROM documents WHERE kind = 'order'").fetchall()
        return {str(r[0]) for r in rows} & wanted


def purge_stored_documents(
    journal: Journal,
    retention: RetentionPolicy,
    now: datetime | None = None,
    *,
    dry_run: bool = False,
) -> PurgeResult:
    """Apply the retention policy to the documents on disk; needs no data key. ``dry_run``: count
    what would go, delete nothing.

    ``station purge`` must call this even when this run has no key (memory-only mode): documents
    written by an earlier run, under a key that is gone, still hold addresses and must still go.
    """
    moment = now or journal.now()
    expired = (
        ("shipped_at IS NOT NULL AND shipped_at <= ?", retention.shipped_cutoff(moment)),
        ("shipped_at IS NULL AND created_at <= ?", retention.unshipped_cutoff(moment)),
    )
    counts: list[int] = []
    if dry_run:
        with journal.read() as conn:
            for where, cutoff in expired:
                sql = f"SELECT COUNT(*) FROM documents WHERE {where}"  # noqa: S608 - constant
                counts.append(int(conn.execute(sql, (to_iso(cutoff),)).fetchone()[0]))
    else:
        with journal.write() as conn:
            for where, cutoff in expired:
                sql = f"DELETE FROM documents WHERE {where}"  # noqa: S608 - constant
                counts.append(conn.execute(sql, (to_iso(cutoff),)).rowcount)
    return PurgeResult(shipped=counts[0], unshipped=counts[1])


class MemoryDocumentCache(DocumentCache):
    """This run only: what a station without a key store keeps (nothing reaches the disk)."""

    persistent = False

    def __init__(self, retention: RetentionPolicy | None = None, clock: Clock = utc_now) -> None:
        super().__init__(retention or RetentionPolicy(), clock)
        self._documents: dict[tuple[str, DocumentKind, str], Document] = {}
        self._lock = threading.Lock()

    def put(
        self,
        po: str,
        kind: DocumentKind,
        package_id: str,
        format: DocumentFormat,
        content: bytes,
    ) -> DocumentInfo:
        check_document_name(po, package_id)
        kind, format = DocumentKind(kind), DocumentFormat(format)
        with self._lock:
            old = self._documents.get((po, kind, package_id))
            info = DocumentInfo(
                po,
                kind,
                package_id,
                format,
                len(content),
                self._clock(),
                old.info.shipped_at if old else None,
            )
            self._documents[(po, kind, package_id)] = Document(info, bytes(content))
        return info

    def get(self, po: str, kind: DocumentKind, package_id: str = "") -> Document | None:
        with self._lock:
            return self._documents.get((po, DocumentKind(kind), package_id))

    def list(self, po: str | None = None) -> list[DocumentInfo]:
        with self._lock:
            infos = [d.info for d in self._documents.values() if po is None or d.info.po == po]
        return sorted(infos, key=lambda i: (i.created_at, i.po, i.kind, i.package_id))

    def mark_shipped(self, po: str, at: datetime | None = None) -> int:
        moment = at or self._clock()
        with self._lock:
            keys = [k for k in self._documents if k[0] == po]
            for k in keys:
                doc = self._documents[k]
                self._documents[k] = Document(replace(doc.info, shipped_at=moment), doc.content)
        return len(keys)

    def delete(self, po: str) -> int:
        with self._lock:
            keys = [k for k in self._documents if k[0] == po]
            for k in keys:
                del self._documents[k]
        return len(keys)

    def purge(self, now: datetime | None = None) -> PurgeResult:
        moment = now or self._clock()
        shipped_cutoff = self.retention.shipped_cutoff(moment)
        unshipped_cutoff = self.retention.unshipped_cutoff(moment)
        shipped = unshipped = 0
        with self._lock:
            for k, doc in list(self._documents.items()):
                if doc.info.shipped_at is not None and doc.info.shipped_at <= shipped_cutoff:
                    shipped += 1
                    del self._documents[k]
                elif doc.info.shipped_at is None and doc.info.created_at <= unshipped_cutoff:
                    unshipped += 1
                    del self._documents[k]
        return PurgeResult(shipped=shipped, unshipped=unshipped)


def open_document_cache(
    journal: Journal,
    *,
    keystore: KeyStore | None,
    environ: Mapping[str, str] | None = None,
    retention: RetentionPolicy | None = None,
    warn: Callable[[str], None] | None = None,
) -> DocumentCache:
    """The encrypted cache when a data key is available, else a memory-only one (with a warning).

    ``warn`` receives the plain-language warning for the packer (default: the log).
    """
    key = resolve_data_key(keystore, environ)
    if key is not None:
        return EncryptedDocumentCache(journal, key, retention)
    (warn or log.warning)(MEMORY_ONLY_WARNING)
    return MemoryDocumentCache(retention, journal.now)
