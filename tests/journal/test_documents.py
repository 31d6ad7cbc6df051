"""The document cache: never in clear on disk, wrong keys fail clearly, purge is exact."""

from __future__ import annotations

import base64
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from station.errors import ConfigError, CredentialsError, JournalError
from station.journal.documents import (
    DATA_KEY_ENV,
    DATA_KEY_SECRET_NAME,
    DataKey,
    DocumentFormat,
    DocumentKind,
    EncryptedDocumentCache,
    MemoryDocumentCache,
    PurgeResult,
    RetentionPolicy,
    open_document_cache,
    purge_stored_documents,
    resolve_data_key,
)
from station.journal.store import Journal
from tests.journal.conftest import FakeClock

ADDRESS = "Jane Q. Customer, 742 Evergreen Terrace, Springfield"
LABEL = f"^XA^FO50,50^A0N,30,30^FD{ADDRESS}^FS^XZ".encode()
LABEL = LABEL * 50  # several pages' worth, so it is not only in one place of the file


class DictKeyStore:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value


class BrokenKeyStore:
    def get(self, name: str) -> str | None:
        raise CredentialsError("no keyring backend")

    def set(self, name: str, value: str) -> None:
        raise CredentialsError("no keyring backend")


class ForgetfulKeyStore(DictKeyStore):
    def set(self, name: str, value: str) -> None:
        pass


@pytest.fixture
def key() -> DataKey:
    return DataKey.generate()


@pytest.fixture
def cache(journal: Journal, key: DataKey) -> EncryptedDocumentCache:
    return EncryptedDocumentCache(journal, key, RetentionPolicy(shipped_days=30, unshipped_days=90))


def _files(journal_path: Path) -> list[Path]:
    return [p for p in journal_path.parent.iterdir() if p.name.startswith(journal_path.name)]


def test_round_trip(cache: EncryptedDocumentCache, clock: FakeClock) -> None:
    info = cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, LABEL)
    assert info.size == len(LABEL)
    assert info.created_at == clock()
    doc = cache.get("PO1", DocumentKind.LABEL, "1")
    assert doc is not None
    assert doc.content == LABEL
    assert doc.info == info
    assert ADDRESS not in repr(doc)
    assert cache.get("PO1", DocumentKind.SLIP, "1") is None
    assert cache.persistent


def test_nothing_on_disk_holds_the_plaintext(
    cache: EncryptedDocumentCache, journal: Journal, journal_path: Path
) -> None:
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, LABEL)
    cache.put("PO1", DocumentKind.SLIP, "", DocumentFormat.PDF, LABEL)
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, LABEL + b"v2")  # replace
    files = _files(journal_path)
    assert any(p.name.endswith("-wal") for p in files), "expected the WAL to hold the writes"
    needles = [b"Evergreen", "Evergreen".encode("utf-16-le"), base64.b64encode(LABEL[:30])]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{path.name} holds the address in clear"
    # Still readable through the cache, of course.
    doc = cache.get("PO1", DocumentKind.LABEL, "1")
    assert doc is not None
    assert doc.content.endswith(b"v2")


def test_a_wrong_key_is_a_clear_journal_error(
    cache: EncryptedDocumentCache, journal: Journal
) -> None:
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG...")
    other = EncryptedDocumentCache(journal, DataKey.generate())
    with pytest.raises(JournalError, match="another data key") as info:
        other.get("PO1", DocumentKind.LABEL, "1")
    assert "STATION_DATA_KEY" in info.value.hint


def test_tampered_ciphertext_is_detected(cache: EncryptedDocumentCache, journal: Journal) -> None:
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.PNG, b"\x89PNG...")
    with journal.write() as conn:
        conn.execute("UPDATE documents SET package_id = '2'")  # move it to another package
    with pytest.raises(JournalError, match="damaged or was altered"):
        cache.get("PO1", DocumentKind.LABEL, "2")


def test_purge_removes_exactly_what_it_should(
    cache: EncryptedDocumentCache, clock: FakeClock
) -> None:
    start = clock()
    cache.put("OLD-UNSHIPPED", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"a")
    cache.put("SHIPPED-EARLY", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"b")
    cache.put("SHIPPED-EARLY", DocumentKind.SLIP, "", DocumentFormat.PDF, b"c")
    cache.put("SHIPPED-LATE", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"d")
    cache.put("FRESH", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"e")
    assert cache.mark_shipped("SHIPPED-EARLY", at=start) == 2
    assert cache.mark_shipped("SHIPPED-LATE", at=start + timedelta(days=10)) == 1
    assert cache.mark_shipped("NOTHING") == 0

    # 30 days after the early shipment, to the microsecond: gone; the later one stays.
    assert cache.purge(start + timedelta(days=30)) == PurgeResult(shipped=2, unshipped=0)
    assert cache.purge(start + timedelta(days=30)) == PurgeResult(0, 0)
    remaining = {(i.po, i.kind) for i in cache.list()}
    assert remaining == {
        ("OLD-UNSHIPPED", DocumentKind.LABEL),
        ("SHIPPED-LATE", DocumentKind.LABEL),
        ("FRESH", DocumentKind.LABEL),
    }
    clock.set(start + timedelta(days=60))
    cache.put("FRESH", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"e2")  # re-fetched later
    result = cache.purge(start + timedelta(days=90))
    assert result == PurgeResult(shipped=1, unshipped=1)
    assert result.total == 2
    assert [i.po for i in cache.list()] == ["FRESH"]


def test_shipped_time_survives_a_replacement(
    cache: EncryptedDocumentCache, clock: FakeClock
) -> None:
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"a")
    cache.mark_shipped("PO1")
    info = cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"reprint")
    assert info.shipped_at == clock()
    assert cache.delete("PO1") == 1
    assert cache.list() == []


def test_bad_keys_and_ids(cache: EncryptedDocumentCache) -> None:
    with pytest.raises(JournalError, match="PO number"):
        cache.put("", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"x")
    with pytest.raises(ValueError):
        cache.put("PO1", "poster", "1", DocumentFormat.ZPL, b"x")  # type: ignore[arg-type]


def test_data_key_text_round_trip_and_repr_hides_it(key: DataKey) -> None:
    text = key.to_text()
    assert DataKey.from_text(text).key_id == key.key_id
    assert DataKey.from_text(text.rstrip("=")).key_id == key.key_id
    assert text not in repr(key)


@pytest.mark.parametrize("bad", ["short", "!!!!", base64.urlsafe_b64encode(b"x" * 31).decode()])
def test_malformed_environment_key_is_a_config_error(bad: str) -> None:
    with pytest.raises(ConfigError, match=DATA_KEY_ENV) as info:
        resolve_data_key(None, {DATA_KEY_ENV: bad})
    assert "urlsafe_b64encode(os.urandom(32))" in info.value.hint


def test_the_environment_key_wins_over_the_keystore(key: DataKey) -> None:
    store = DictKeyStore()
    resolved = resolve_data_key(store, {DATA_KEY_ENV: key.to_text()})
    assert resolved is not None
    assert resolved.key_id == key.key_id
    assert store.values == {}


def test_the_keystore_key_is_created_once_and_reused() -> None:
    store = DictKeyStore()
    first = resolve_data_key(store, {})
    second = resolve_data_key(store, {})
    assert first is not None
    assert second is not None
    assert first.key_id == second.key_id
    assert list(store.values) == [DATA_KEY_SECRET_NAME]


@pytest.mark.parametrize("store", [None, BrokenKeyStore(), ForgetfulKeyStore()])
def test_without_a_key_documents_stay_in_memory_with_a_warning(
    journal: Journal,
    journal_path: Path,
    store: DictKeyStore | BrokenKeyStore | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    warnings: list[str] = []
    cache = open_document_cache(journal, keystore=store, environ={}, warn=warnings.append)
    assert isinstance(cache, MemoryDocumentCache)
    assert not cache.persistent
    assert len(warnings) == 1
    assert "in memory for this run only" in warnings[0]
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, LABEL)
    assert cache.get("PO1", DocumentKind.LABEL, "1").content == LABEL  # type: ignore[union-attr]
    for path in _files(journal_path):
        assert b"Evergreen" not in path.read_bytes()


def test_memory_warning_goes_to_the_log_by_default(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        open_document_cache(journal, keystore=None, environ={})
    assert "STATION_DATA_KEY" in caplog.text


def test_open_with_a_keystore_gives_the_encrypted_cache(journal: Journal) -> None:
    cache = open_document_cache(journal, keystore=DictKeyStore(), environ={})
    assert isinstance(cache, EncryptedDocumentCache)


def test_memory_cache_purges_like_the_encrypted_one(clock: FakeClock) -> None:
    cache = MemoryDocumentCache(RetentionPolicy(shipped_days=1, unshipped_days=2), clock)
    start = clock()
    cache.put("A", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"a")
    cache.put("B", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"b")
    cache.put("B", DocumentKind.SLIP, "", DocumentFormat.PDF, b"b")
    assert cache.mark_shipped("B") == 2
    assert cache.purge(start + timedelta(days=1)) == PurgeResult(shipped=2, unshipped=0)
    assert cache.purge(start + timedelta(days=2)) == PurgeResult(shipped=0, unshipped=1)
    assert cache.list() == []
    cache.put("C", DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"c")
    assert cache.delete("C") == 1


def test_purge_needs_no_key(
    cache: EncryptedDocumentCache, journal: Journal, clock: FakeClock
) -> None:
    cache.put("PO1", DocumentKind.LABEL, "1", DocumentFormat.ZPL, LABEL)
    cache.mark_shipped("PO1")
    policy = RetentionPolicy(shipped_days=30)
    assert purge_stored_documents(journal, policy, clock() + timedelta(days=29)).total == 0
    assert purge_stored_documents(journal, policy, clock() + timedelta(days=31)).shipped == 1
    assert cache.list() == []
