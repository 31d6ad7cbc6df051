"""The journal's identity, kept beside the settings: a journal emptied, replaced or deleted is
noticed instead of silently replaced by a new, empty one.

SQLite creates a new, empty journal wherever the old one went missing, and an empty journal
says "nothing is waiting" about confirmations that were never sent. So each journal carries a
random identity (:attr:`Journal.identity`), and the settings folder keeps a small record of the
identity this station's journal has. On every start the two must agree; when they do not, the
station refuses to carry on and says what happened and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path

from station.errors import JournalError
from station.journal.store import Journal

__all__ = ["RECORD_NAME", "check_identity", "record_path", "require_present"]

RECORD_NAME = "journal.identity"


def record_path(config_file: Path) -> Path:
    return config_file.with_name(RECORD_NAME)


def _recorded(record: Path) -> dict[str, object] | None:
    try:
        text = record.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise JournalError(f"Cannot read {record}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("identity"), int):
        raise JournalError(
            f"{record} is damaged: the station cannot tell whether its journal is the right one",
            hint=_HINT.format(record=record),
        )
    return data


_HINT = (
    "Stop and restore the journal file from a backup (confirmations recorded in it may not "
    "have been sent). If starting with an empty journal is intended, delete {record} and start "
    "the station again."
)


def require_present(journal_file: Path, config_file: Path) -> None:
    """Before opening: a journal this station had must still exist."""
    record = record_path(config_file)
    data = _recorded(record)
    if data is not None and not journal_file.exists():
        raise JournalError(
            f"The journal {journal_file} is gone: this station's journal was deleted or moved",
            hint=_HINT.format(record=record),
        )


def check_identity(journal: Journal, config_file: Path) -> None:
    """After opening: the journal is the one this station has been writing (or a first one)."""
    record = record_path(config_file)
    data = _recorded(record)
    identity = journal.identity
    if data is None:
        try:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(
                json.dumps({"identity": identity, "journal": str(journal.path)}) + "\n",
                encoding="utf-8",
            )
        except OSError as exc:
            raise JournalError(f"Cannot write {record}: {exc.strerror or exc}") from None
        return
    if data["identity"] != identity:
        raise JournalError(
            f"The journal {journal.path} is not the one this station was writing (it was "
            "emptied, replaced or deleted): the station stops rather than forget what it recorded",
            hint=_HINT.format(record=record),
        )
