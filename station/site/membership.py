"""Joining a site and leaving it: what ``station site init/join`` and Settings → Site share.

Joining checks the database password and the site data key against the database before
anything is saved; then both go to the OS keyring (never to the settings file, never to the
database) and ``journal_url`` and ``bench`` to the settings file. Each refusal names the field
it is about (:class:`FieldRefusal`), so a form can mark it.

Leaving stops using the site. What this bench still holds must not be stranded: a confirmation
not handed over yet would wait for a site the station no longer talks to, and one handed over
but not yet decided by Amazon is followed through the site. So leaving first asks for the hand-
over (and waits a little), and refuses, saying why, while any is left; nothing is changed then.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from station.config import Settings, load_settings, save_settings
from station.errors import ConfigError, SiteError, SiteUnavailableError, StationError
from station.journal.outbox import Outbox, OutboxState
from station.secrets import SecretStore
from station.site.admin import StationConflictError, init_site, join_site, new_data_key
from station.site.claims import SiteClaims
from station.site.db import DATA_KEY_NAME, PASSWORD_KEY_NAME, SiteDatabase, SiteLink
from station.site.events import record_site_event
from station.site.identity import site_identity
from station.site.url import check_site_url

log = logging.getLogger(__name__)

__all__ = ["FieldRefusal", "Joined", "join", "leave", "not_handed_over", "prepare"]

#: How long leaving waits for this bench's confirmations to be handed over and decided.
LEAVE_WAIT_S = 15.0

NOT_HANDED_OVER = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.UNKNOWN)
UNDECIDED = (OutboxState.SENT, OutboxState.ASK_AMAZON)


class FieldRefusal(StationError):
    """A refusal about one field of the join form: ``url``, ``bench``, ``password``,
    ``data_key`` (``""``: none in particular, e.g. no keyring)."""

    def __init__(self, field: str, error: StationError) -> None:
        super().__init__(error.message, hint=error.hint)
        self.field = field
        self.cause = error


@dataclass(frozen=True)
class Joined:
    where: str
    schema_version: int
    bench: str
    data_key: str  # shown once after ``init``; the lead writes it down


def prepare(config_file: Path, url: str, bench: str) -> Settings:
    """The station's settings with this bench, once the URL and the bench name are valid."""
    try:
        check_site_url(url)
    except StationError as exc:
        raise FieldRefusal("url", exc) from None
    if not bench.strip():
        raise FieldRefusal("bench", ConfigError("Give this bench a name or number"))
    settings = load_settings(config_file)
    try:
        return Settings.model_validate({**settings.model_dump(), "bench": bench.strip()})
    except ValidationError:
        raise FieldRefusal(
            "bench",
            ConfigError(
                f"The bench name {bench.strip()!r} is not valid: use letters, digits, space and "
                "_ . - (at most 32, beginning with a letter or digit)",
                hint="Give the bench a name like 2 or pack-02. Nothing was saved.",
            ),
        ) from None


def join(
    config_file: Path,
    url: str,
    bench: str,
    password: str,
    data_key: str | None,
    *,
    store: SecretStore | None,
) -> Joined:
    """Join (``data_key`` given) or set up (``data_key`` None: a new key is made) the site.

    ``store`` None: a bench without a keyring, whose secrets stay in its environment
    (``STATION_SITE_PASSWORD``, ``STATION_SITE_DATA_KEY``); they are checked all the same.
    """
    settings = prepare(config_file, url, bench)
    try:
        if store is not None:
            store.get(PASSWORD_KEY_NAME)  # a missing keyring is said before the database is asked
    except StationError as exc:
        raise FieldRefusal(
            "",
            ConfigError(
                f"{exc.message}: the site database password and the site data key are kept there",
                hint="Join where the system keyring works, or on a bench without one set "
                "journal_url and bench in the settings file and the password in "
                "STATION_SITE_PASSWORD.",
            ),
        ) from None
    if not password:
        raise FieldRefusal("password", ConfigError("The site database password is needed"))
    db = SiteDatabase(
        check_site_url(url),
        settings.station_id,
        settings.bench,
        lambda: password,
        site_identity(config_file),
        "init" if data_key is None else "join",
    )
    key = new_data_key() if data_key is None else data_key.strip()
    try:
        version = init_site(db, key) if data_key is None else join_site(db, key)
    except SiteUnavailableError as exc:  # its hint says that nothing was saved (purpose)
        raise FieldRefusal("url", exc) from None
    except ConfigError as exc:  # the key is not a key
        raise FieldRefusal("data_key", exc) from None
    except StationConflictError as exc:
        raise FieldRefusal(exc.field, exc) from None
    except SiteError as exc:
        text = exc.message.lower()
        field = "password" if "password" in text else "data_key" if "data key" in text else "url"
        raise FieldRefusal(field, exc) from None
    if store is not None:
        store.set(PASSWORD_KEY_NAME, password)
        store.set(DATA_KEY_NAME, key)
    save_settings(settings.model_copy(update={"journal_url": url}), config_file)
    return Joined(db.url.where, version, db.bench, key)


def not_handed_over(outbox: Outbox) -> tuple[int, int]:
    """(confirmations not handed over to the site yet, handed over but not decided yet)."""
    items = outbox.list(states=(*NOT_HANDED_OVER, *UNDECIDED))
    waiting = sum(1 for i in items if i.state in NOT_HANDED_OVER)
    return waiting, len(items) - waiting


def leave(
    config_file: Path,
    *,
    outbox: Outbox,
    store: SecretStore,
    db: SiteDatabase | None = None,
    wait_s: float = LEAVE_WAIT_S,
    sleep: Callable[[float], Any] = time.sleep,
) -> Settings:
    """Stop using the site: refused (SiteError, nothing changed) while this bench holds
    confirmations the site has not taken over and seen through; returns the saved settings."""
    settings = load_settings(config_file)
    if not settings.journal_url:
        raise ConfigError("This station is not part of a site", hint="Nothing to leave.")
    outbox.make_due()  # the running outbox worker hands them over now
    deadline = time.monotonic() + wait_s
    waiting, undecided = not_handed_over(outbox)
    while (waiting or undecided) and time.monotonic() < deadline:
        sleep(0.5)
        waiting, undecided = not_handed_over(outbox)
    if waiting:
        raise SiteError(
            f"{waiting} confirmation(s) of this bench are not handed over to the site yet "
            "(is the site database away?): leaving now would strand them",
            hint="Leave again once the status bar says the site database is back and they are "
            "handed over; nothing was changed.",
        )
    if undecided:
        raise SiteError(
            f"{undecided} confirmation(s) of this bench are with the site outbox and Amazon has "
            "not decided them yet",
            hint="Leave again once they are confirmed (`station outbox list`); nothing was "
            "changed.",
        )
    if db is not None:
        _release_in_database(db)
    left = settings.model_copy(update={"journal_url": ""})
    save_settings(left, config_file)
    for name in (PASSWORD_KEY_NAME, DATA_KEY_NAME):
        try:
            store.delete(name)
        except StationError as exc:  # the settings no longer point at the site: say, go on
            log.warning("could not remove %s from the keyring: %s", name, exc.message)
    return left


def _release_in_database(db: SiteDatabase) -> None:
    """Free this bench's claims and mark it gone, when the database can be reached (its claims
    lapse with their lease otherwise)."""
    claims = SiteClaims(db)

    def work(conn: Any) -> None:
        released = claims.release_mine_in(conn, "left the site")
        conn.execute("UPDATE stations SET state = 'left' WHERE station_id = %s", (db.station_id,))
        record_site_event(
            conn,
            station_id=db.station_id,
            bench=db.bench,
            kind="station_left",
            detail={"released": released},
        )

    link = SiteLink(db)
    try:
        link.run(work)
    except SiteError as exc:
        log.warning("leaving the site without telling it (%s): claims lapse with their lease", exc)
    finally:
        link.close()
