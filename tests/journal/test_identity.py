"""A journal emptied, replaced or deleted is noticed, never silently replaced by a new one."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from station.errors import JournalError
from station.journal import Journal, Outbox, OutboxKind
from station.journal.identity import check_identity, record_path, require_present


def _open(folder: Path) -> Journal:
    journal_file, config_file = folder / "data" / "journal.sqlite3", folder / "config" / "x.toml"
    require_present(journal_file, config_file)
    journal = Journal.open(journal_file, station_id="s1")
    try:
        check_identity(journal, config_file)
    except BaseException:
        journal.close()
        raise
    return journal


def test_the_same_journal_opens_again(tmp_path: Path) -> None:
    with _open(tmp_path) as journal:
        identity = journal.identity
        assert identity != 0
        Outbox(journal).enqueue(OutboxKind.CONFIRMATION, "PO1", {"a": 1})
    assert record_path(tmp_path / "config" / "x.toml").exists()
    with _open(tmp_path) as again:
        assert again.identity == identity and len(Outbox(again).open_items()) == 1


def test_a_deleted_journal_is_refused_not_replaced(tmp_path: Path) -> None:
    _open(tmp_path).close()
    shutil.rmtree(tmp_path / "data")
    with pytest.raises(JournalError, match="is gone"):
        _open(tmp_path)
    assert not (tmp_path / "data" / "journal.sqlite3").exists()  # no empty journal made


def test_an_emptied_or_replaced_journal_is_refused(tmp_path: Path) -> None:
    _open(tmp_path).close()
    (tmp_path / "data" / "journal.sqlite3").unlink()
    (tmp_path / "data" / "journal.sqlite3-wal").unlink(missing_ok=True)
    Journal.open(tmp_path / "data" / "journal.sqlite3", station_id="s1").close()  # a new one
    with pytest.raises(JournalError, match="not the one this station was writing"):
        _open(tmp_path)


def test_a_journal_deleted_while_running_fails_the_next_write(tmp_path: Path) -> None:
    with _open(tmp_path) as journal:
        if sys.platform == "win32":
            # Windows refuses to delete a file that is open without FILE_SHARE_DELETE, as SQLite
            # opens the journal: it cannot go while the station runs, and nothing is lost.
            with pytest.raises(PermissionError):
                (tmp_path / "data" / "journal.sqlite3").unlink()
            Outbox(journal).enqueue(OutboxKind.CONFIRMATION, "PO1", {"a": 1})
            assert len(Outbox(journal).open_items()) == 1
            return
        (tmp_path / "data" / "journal.sqlite3").unlink()
        with pytest.raises(JournalError, match="deleted or replaced while the station was running"):
            Outbox(journal).enqueue(OutboxKind.CONFIRMATION, "PO1", {"a": 1})
