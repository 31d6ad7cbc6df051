"""The site database: the journal_url setting, the keyring password, and a schema that every
bench may create at the same moment."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest

from station.config import Settings, load_settings
from station.errors import ConfigError, SiteError, SiteUnavailableError
from station.secrets import MemorySecretStore
from station.site.db import PASSWORD_KEY_NAME, SiteDatabase
from station.site.schema import LATEST_SITE_VERSION, SITE_MIGRATIONS, migrate_site
from station.site.url import check_site_url
from tests.site.conftest import PASSWORD, SiteDbFactory


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://packing:secret@db/station", "password"),
        ("postgresql://packing@db/station?password=x", "password"),
        ("mysql://packing@db/station", "postgresql://"),
        ("postgresql://db/station", "user"),
        ("postgresql://packing@db/", "database"),
        ("postgresql://packing@db/station?sslmode=require&evil=1", "'evil'"),
        ("postgresql://packing@db:99999/station", "not a valid address"),
    ],
)
def test_a_bad_journal_url_is_refused_naming_what_is_wrong(url: str, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check_site_url(url)
    assert words in caught.value.message


def test_journal_url_is_a_setting_and_empty_by_default(tmp_path: Path) -> None:
    assert Settings().journal_url == ""  # a one-bench shop keeps its SQLite journal
    good = "postgresql://packing@db.example/station?sslmode=verify-full"
    assert Settings(journal_url=good).journal_url == good
    config = tmp_path / "settings.json"
    config.write_text('{"journal_url": "postgresql://packing:hunter2@db/station"}')
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    assert "journal_url" in str(caught.value) and "password" in str(caught.value)


def test_the_password_comes_from_the_keyring(site_url: str) -> None:
    good = SiteDatabase.from_settings(
        site_url,
        station_id="bench-a",
        bench="1",
        store=MemorySecretStore({PASSWORD_KEY_NAME: PASSWORD}),
        environ={},
    )
    with good.connect() as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("packing",)
    wrong = SiteDatabase.from_settings(
        site_url,
        station_id="bench-a",
        bench="1",
        store=MemorySecretStore({PASSWORD_KEY_NAME: "not-it"}),
        environ={},
    )
    with pytest.raises(SiteError) as caught:
        wrong.connect()
    assert "refused the password" in caught.value.message
    assert "not-it" not in str(caught.value)


def test_an_unreachable_site_is_said_plainly(tmp_path: Path) -> None:
    db = SiteDatabase(
        check_site_url(f"postgresql://packing@/station?host={tmp_path}"), "a", "1", lambda: "x"
    )
    with pytest.raises(SiteUnavailableError) as caught:
        db.connect()
    assert "cannot be reached" in caught.value.message
    assert "already claimed" in (caught.value.hint or "")


def test_concurrent_first_start_creates_the_schema_once(site_db: SiteDbFactory) -> None:
    """Eight benches switched on together against an empty database: one migrates under the
    advisory lock, the others wait and find it done; none fails."""
    results: list[int] = []
    errors: list[BaseException] = []
    gate = threading.Barrier(8)

    def start(n: int) -> None:
        try:
            with site_db(f"bench-{n}", str(n)).connect() as conn:
                gate.wait(10)
                results.append(migrate_site(conn))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert results == [LATEST_SITE_VERSION] * 8
    with site_db().connect() as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM site_schema").fetchall()]
    assert versions == [m.version for m in SITE_MIGRATIONS]


def test_a_newer_site_schema_is_refused(site_db: SiteDbFactory) -> None:
    with site_db().connect() as conn:
        migrate_site(conn)
        conn.execute("INSERT INTO site_schema (version) VALUES (%s)", (LATEST_SITE_VERSION + 1,))
        with pytest.raises(SiteError) as caught:
            migrate_site(conn)
    assert "newer station" in caught.value.message


def test_the_database_holds_no_secret(site_db: SiteDbFactory) -> None:
    with site_db().connect() as conn:
        migrate_site(conn)
        dump = conn.execute(
            "SELECT string_agg(column_name, ' ') FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        ).fetchone()
    assert dump is not None
    assert "password" not in dump[0] and "data_key" not in dump[0]
    assert isinstance(psycopg.__version__, str)
