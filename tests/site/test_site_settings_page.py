"""Settings → Site against a real PostgreSQL: joining marks each refusal on its field and saves
nothing; a join keeps the password and the site data key in the keyring only; the site's state
is shown; leaving is refused while this bench holds confirmations the site has not taken over,
and done (claims freed, secrets removed, the file back to its own journal) once they are."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings, load_settings, save_settings
from station.journal.outbox import OutboxState
from station.secrets import MemorySecretStore
from station.site.admin import init_site
from station.site.db import DATA_KEY_NAME, PASSWORD_KEY_NAME
from station.ui.qt_compat import immortalize_singletons
from station.ui.settings.dialog import SettingsDialog
from station.workflow.containers import parse_box_spec
from tests.helpers.postgres import PgCluster
from tests.site.conftest import PASSWORD, SiteDbFactory
from tests.ui.station_fixtures import QT_LOG_IGNORE
from tests.workflow.conftest import Station, accepted_confirmations, random_pos, wait_until

immortalize_singletons()

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

WAIT_MS = 30_000
BenchFactory = Callable[..., Station]


@pytest.fixture
def site_key(site_db: SiteDbFactory) -> str:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    init_site(site_db("lead-pc", "0"), key)
    return key


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    save_settings(Settings.model_validate({"station_id": "pack-b"}), path)
    return path


@pytest.fixture
def dialog_for(qtbot: Any) -> Iterator[Callable[..., SettingsDialog]]:
    made: list[SettingsDialog] = []

    def make(path: Path, store: MemorySecretStore, outbox: Any = None) -> SettingsDialog:
        dialog = SettingsDialog(None, load_settings(path), path, secret_store=store, outbox=outbox)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    yield make


def _join(qtbot: Any, dialog: SettingsDialog, **fields: str) -> None:
    page = dialog.site
    for name, value in fields.items():
        page.inputs[name].setText(value)
    page.join_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def _marked(dialog: SettingsDialog) -> dict[str, str]:
    page = dialog.site
    return {
        name: page.errors[name].text()
        for name in page.FIELDS
        if page.inputs[name].property("invalid") and not page.errors[name].isHidden()
    }


def test_each_refusal_is_marked_on_its_field_and_nothing_is_saved(
    qtbot: Any,
    dialog_for: Callable[..., SettingsDialog],
    config_file: Path,
    site_url: str,
    site_key: str,
    pg_cluster: PgCluster,
) -> None:
    store = MemorySecretStore()
    dialog = dialog_for(config_file, store)
    before = config_file.read_text(encoding="utf-8")

    _join(qtbot, dialog, url="mysql://db/x", bench="2", password=PASSWORD, data_key=site_key)
    assert list(_marked(dialog)) == ["url"]

    with_password = site_url.replace("packing@", f"packing:{PASSWORD}@")
    _join(qtbot, dialog, url=with_password)
    assert list(_marked(dialog)) == ["url"]

    _join(qtbot, dialog, url=site_url, bench="bench #2!")
    assert list(_marked(dialog)) == ["bench"]

    _join(qtbot, dialog, bench="2", password="wrong-password")
    assert list(_marked(dialog)) == ["password"]
    assert "refused the password" in _marked(dialog)["password"]

    _join(qtbot, dialog, password=PASSWORD, data_key=base64.urlsafe_b64encode(b"k" * 32).decode())
    assert list(_marked(dialog)) == ["data_key"]
    assert "not this site's data key" in _marked(dialog)["data_key"]

    _join(qtbot, dialog, data_key="not a key")
    assert list(_marked(dialog)) == ["data_key"]

    pg_cluster.stop()
    try:
        _join(qtbot, dialog, data_key=site_key)
        assert list(_marked(dialog)) == ["url"]
        assert "cannot be reached" in _marked(dialog)["url"]
    finally:
        pg_cluster.start()

    assert config_file.read_text(encoding="utf-8") == before
    assert store.get(PASSWORD_KEY_NAME) is None and store.get(DATA_KEY_NAME) is None


def test_join_keeps_the_secrets_in_the_keyring_and_shows_the_site(
    qtbot: Any,
    dialog_for: Callable[..., SettingsDialog],
    config_file: Path,
    site_url: str,
    site_key: str,
) -> None:
    store = MemorySecretStore()
    dialog = dialog_for(config_file, store)
    _join(qtbot, dialog, url=site_url, bench="2", password=PASSWORD, data_key=site_key)
    assert _marked(dialog) == {}
    assert "Joined the site" in dialog.site.message.text()
    saved = load_settings(config_file)
    assert (saved.journal_url, saved.bench) == (site_url, "2")
    text = config_file.read_text(encoding="utf-8")
    assert PASSWORD not in text and site_key not in text
    assert store.get(PASSWORD_KEY_NAME) == PASSWORD and store.get(DATA_KEY_NAME) == site_key
    assert dialog.site.password.text() == "" and dialog.site.data_key.text() == ""
    # The General tab shows it too, and Save keeps it.
    assert dialog.form.editor("journal_url").value() == site_url
    assert dialog.form.editor("bench").value() == "2"

    dialog.site.refresh_button.click()
    qtbot.waitUntil(lambda: not dialog.site.busy, timeout=WAIT_MS)
    status = dialog.site.message.text()
    assert "Bench 2 (pack-b)" in status and "Bench 0 (lead-pc)" in status
    assert "Site outbox: empty" in status

    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved_settings is not None, timeout=WAIT_MS)
    assert load_settings(config_file).journal_url == site_url


def test_leave_is_refused_while_confirmations_wait_here_then_done(
    qtbot: Any,
    dialog_for: Callable[..., SettingsDialog],
    make_bench: BenchFactory,
    simulator: Any,
    site_url: str,
    pg_cluster: PgCluster,
    tmp_path: Path,
) -> None:
    bench = make_bench("pack-a", "1")
    site = bench.runtime.site
    assert site is not None
    po, aside = random_pos(simulator, 2)
    bench.acknowledge(po, aside)
    session = bench.engine.scan_po(po)  # claimed by this bench
    bench.engine.scan_po(aside)  # claimed too, never packed: freed when the bench leaves
    path = bench.runtime.paths.config_file  # the running bench's own settings, as in the window
    save_settings(bench.runtime.settings, path)
    store = MemorySecretStore({PASSWORD_KEY_NAME: PASSWORD, DATA_KEY_NAME: "key"})
    dialog = dialog_for(path, store, bench.runtime.outbox)
    page = dialog.site
    assert page.leave_button.isEnabled()

    pg_cluster.stop()
    try:
        worker = bench.start_worker()
        bench.engine.set_boxes(session, [parse_box_spec("12x8x4in:1.5lb")])
        item = bench.engine.confirm(session)  # held in this bench's journal
        page.leave_button.click()
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert "Not left" in page.message.text()
        assert "not handed over to the site yet" in page.message.text()
        assert load_settings(path).journal_url == site_url  # nothing changed
        assert store.get(PASSWORD_KEY_NAME) == PASSWORD
    finally:
        pg_cluster.start()

    page.leave_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert "left the site" in page.message.text(), page.message.text()
    assert load_settings(path).journal_url == ""
    assert store.get(PASSWORD_KEY_NAME) is None and store.get(DATA_KEY_NAME) is None
    assert dialog.form.editor("journal_url").value() == ""
    done = bench.runtime.outbox.get(item.id)
    assert done is not None and done.state is OutboxState.SUCCEEDED
    assert len(accepted_confirmations(simulator, po)) == 1
    assert not bench.runtime.outbox.list(
        states=(OutboxState.PENDING, OutboxState.SENDING, OutboxState.UNKNOWN, OutboxState.SENT)
    )
    claim = site.claims.get(po)
    assert claim is not None and claim.state == "shipped"  # a shipped PO's claim is kept
    freed = site.claims.get(aside)
    assert freed is not None and freed.state == "released"
    worker.stop()
    wait_until(lambda: not worker.running, 10, "worker stopped")
