"""The station's durable memory: the journal (SQLite, WAL), the outbox and the document cache.

The composition root opens one :class:`~station.journal.store.Journal` and hands it to the rest::

    journal = Journal.open(paths.journal_file, station_id=settings.station_id)
    outbox = Outbox(journal)
    worker = OutboxWorker(outbox, sender, checker, reconciler)   # start() / stop()
    documents = open_document_cache(journal, keystore=secret_store,
                                    retention=RetentionPolicy(settings.document_retention_days,
                                                              settings.unshipped_document_retention_days))

Nothing here imports Qt or touches the disk at import time.
"""

from __future__ import annotations

from station.journal.documents import (
    DATA_KEY_ENV,
    DataKey,
    Document,
    DocumentCache,
    DocumentFormat,
    DocumentInfo,
    DocumentKind,
    EncryptedDocumentCache,
    KeyStore,
    MemoryDocumentCache,
    PurgeResult,
    RetentionPolicy,
    open_document_cache,
    purge_stored_documents,
    resolve_data_key,
)
from station.journal.outbox import (
    OPEN_STATES,
    Outbox,
    OutboxConflictError,
    OutboxItem,
    OutboxKind,
    OutboxState,
)
from station.journal.outbox_worker import (
    OutboxWorker,
    Reconciler,
    Reconciliation,
    RetryPolicy,
    Sender,
    TransactionChecker,
    TransactionResult,
    TransactionStatus,
    Verdict,
)
from station.journal.records import (
    DaySummary,
    EventKind,
    JournalEvent,
    ShipmentRecord,
    ShipmentStatus,
)
from station.journal.store import Journal

__all__ = [
    "DATA_KEY_ENV",
    "OPEN_STATES",
    "DataKey",
    "DaySummary",
    "Document",
    "DocumentCache",
    "DocumentFormat",
    "DocumentInfo",
    "DocumentKind",
    "EncryptedDocumentCache",
    "EventKind",
    "Journal",
    "JournalEvent",
    "KeyStore",
    "MemoryDocumentCache",
    "Outbox",
    "OutboxConflictError",
    "OutboxItem",
    "OutboxKind",
    "OutboxState",
    "OutboxWorker",
    "PurgeResult",
    "Reconciler",
    "Reconciliation",
    "RetentionPolicy",
    "RetryPolicy",
    "Sender",
    "ShipmentRecord",
    "ShipmentStatus",
    "TransactionChecker",
    "TransactionResult",
    "TransactionStatus",
    "Verdict",
    "open_document_cache",
    "purge_stored_documents",
    "resolve_data_key",
]
