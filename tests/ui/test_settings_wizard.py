"""The first-run wizard: demo mode in one click, or settings saved through the model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from station.config import load_settings
from station.secrets import REFRESH_TOKEN_KEY, MemorySecretStore
from station.ui.background import wait_for_background
from station.ui.settings.credentials import consent_url
from station.ui.settings.wizard import FirstRunWizard

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot propagate a shown window's size hints; harmless here.
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(10_000)


@pytest.fixture
def no_printers(monkeypatch):
    import station.ui.settings.printers as printers

    monkeypatch.setattr(printers, "discover_printers", lambda: [])


def _wizard(qtbot, tmp_path: Path, store=None) -> FirstRunWizard:
    wizard = FirstRunWizard(
        None, path=tmp_path / "settings.json", secret_store=store or MemorySecretStore()
    )
    qtbot.addWidget(wizard)
    return wizard


def test_demo_button_skips_everything(qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path)
    wizard.show()
    with qtbot.waitSignal(wizard.accepted, timeout=5_000):
        wizard.welcome.demo_button.click()
    assert wizard.result_value is not None and wizard.result_value.demo
    assert not (tmp_path / "settings.json").exists()


def test_full_setup_saves_valid_settings(qtbot, tmp_path, no_printers):
    store = MemorySecretStore()
    wizard = _wizard(qtbot, tmp_path, store)
    wizard.show()
    wizard.next()  # welcome -> marketplace
    wizard.marketplace.editor.editor("region").set_value("na")
    wizard.next()
    assert wizard.currentPage() is wizard.vendor
    wizard.vendor.vendor.editor("vendor_code").set_value("VEND1")
    wh = wizard.vendor.warehouse
    wh.editor("code").set_value("RNOZ")
    wh.editor("vendor_own_carrier").set_value(True)
    # VOC in North America without a SCAC code: the page refuses and names the field.
    wizard.next()
    assert wizard.currentPage() is wizard.vendor
    assert "scac_code" in wizard.vendor.errors.text()
    assert not wh.rows["scac_code"].error.isHidden()
    wh.editor("scac_code").set_value("ABCD")
    wizard.next()
    assert wizard.currentPage() is wizard.credentials
    page = wizard.credentials.credentials
    qtbot.waitUntil(lambda: page.keyring_available is True, timeout=5_000)
    page.client_id.setText("amzn1.application-oa2-client.x")
    page.client_secret.setText("secret-value")
    page.refresh_token.setText("Atzr|token")
    wizard.next()  # refused: typed but not saved
    assert wizard.currentPage() is wizard.credentials
    with qtbot.waitSignal(page.saved, timeout=5_000):
        page.save_button.click()
    assert store.get(REFRESH_TOKEN_KEY) == "Atzr|token"
    wizard.next()
    assert wizard.currentPage() is wizard.printers
    qtbot.waitUntil(
        lambda: "No printers found" in wizard.printers.finder.status.text(), timeout=5_000
    )
    label_uri = (tmp_path / "labels").as_uri()
    wizard.printers.editor.editor("label", "uri").set_value(label_uri)
    wizard.printers.test_label.click()
    qtbot.waitUntil(lambda: "Test page sent" in wizard.printers.test_status.text(), timeout=10_000)
    assert [p.suffix for p in (tmp_path / "labels").iterdir()] == [".zpl"]
    wizard.next()  # no slip printer: the station would refuse to start, so the wizard does
    assert wizard.currentPage() is wizard.printers
    assert wizard.printers.errors.isVisible() and "slip" in wizard.printers.errors.text()
    wizard.printers.editor.editor("slip", "uri").set_value("tcp://")  # not an address
    wizard.next()
    assert wizard.currentPage() is wizard.printers
    slip_uri = (tmp_path / "slips").as_uri()
    wizard.printers.editor.editor("slip", "uri").set_value(slip_uri)
    wizard.next()
    assert wizard.currentPage() is wizard.presets
    assert wizard.presets.editor.table.rowCount() == 3
    wizard.next()
    assert wizard.currentPage() is wizard.finish
    assert "VEND1" in wizard.finish.summary.text()
    with qtbot.waitSignal(wizard.accepted, timeout=5_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    result = wizard.result_value
    assert result is not None and not result.demo
    saved = load_settings(tmp_path / "settings.json")
    assert saved == result.settings
    assert saved.vendor_code == "VEND1"
    assert saved.warehouses[0].scac_code == "ABCD"
    assert saved.printers.label.uri == label_uri
    assert saved.printers.slip.uri == slip_uri
    assert [p.id for p in saved.box_presets] == ["S", "M", "L"]
    assert "Atzr" not in (tmp_path / "settings.json").read_text()


def test_public_app_exchanges_the_code_off_the_gui_thread(qtbot, tmp_path):
    calls = []

    def fake_exchange(client_id, secret, code, redirect):
        calls.append((client_id, secret, code, redirect))
        return "Atzr|from-oauth"

    from station.ui.settings.credentials import CredentialsPage

    page = CredentialsPage(store=MemorySecretStore(), exchange=fake_exchange)
    qtbot.addWidget(page)
    page.public_app.setChecked(True)
    assert not page.oauth.isHidden()
    page.app_id.setText("amzn1.sp.solution.abc")
    assert "application_id=amzn1.sp.solution.abc" in page.consent.text()
    page.client_id.setText("cid")
    page.client_secret.setText("csecret")
    page.redirect_uri.setText("https://example.com/cb")
    page.auth_code.setText("ANdNAVhyhqirUelHGEHA")
    page.exchange_button.click()
    qtbot.waitUntil(lambda: page.refresh_token.text() == "Atzr|from-oauth", timeout=5_000)
    assert calls == [("cid", "csecret", "ANdNAVhyhqirUelHGEHA", "https://example.com/cb")]
    assert page.auth_code.text() == ""


def test_public_app_exchange_failure_is_shown(qtbot):
    from station.errors import AuthError
    from station.ui.settings.credentials import CredentialsPage

    def refuse(*_args):
        raise AuthError("Login with Amazon refused the code")

    page = CredentialsPage(store=MemorySecretStore(), exchange=refuse)
    qtbot.addWidget(page)
    page.public_app.setChecked(True)
    for edit, text in (
        (page.client_id, "cid"),
        (page.client_secret, "s"),
        (page.redirect_uri, "https://example.com/cb"),
        (page.auth_code, "code"),
    ):
        edit.setText(text)
    page.exchange_button.click()
    qtbot.waitUntil(lambda: "refused the code" in page.status.text(), timeout=5_000)
    assert page.exchange_button.isEnabled()


def test_consent_url_per_region():
    assert consent_url("eu", "APP", "s").startswith("https://vendorcentral.amazon.co.uk/apps/")
    assert "application_id=APP&state=s" in consent_url("na", "APP", "s")


def test_a_slow_keyring_check_never_overwrites_the_exchange_outcome(qtbot):
    """The keyring check and the OAuth exchange run side by side: the older answer loses."""
    import threading

    from station.errors import AuthError
    from station.ui.settings.credentials import CredentialsPage

    release = threading.Event()

    class SlowStore(MemorySecretStore):
        def get(self, key):
            release.wait(10)
            return super().get(key)

    def refuse(*_args):
        raise AuthError("Login with Amazon refused the code")

    page = CredentialsPage(store=SlowStore(), exchange=refuse)
    qtbot.addWidget(page)
    page.public_app.setChecked(True)
    for edit, text in (
        (page.client_id, "cid"),
        (page.client_secret, "s"),
        (page.redirect_uri, "https://example.com/cb"),
        (page.auth_code, "code"),
    ):
        edit.setText(text)
    page.exchange_button.click()
    qtbot.waitUntil(lambda: "refused the code" in page.status.text(), timeout=5_000)
    release.set()
    assert wait_for_background(10_000)
    qtbot.wait(50)  # let the keyring check's queued answer arrive
    assert "refused the code" in page.status.text()
    assert page.client_id.text() == "cid"


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "North America (na)"), ("pt_BR", "América do Norte (na)")],
)
def test_region_is_offered_by_name_not_by_code(qtbot, qapp, tmp_path, language, shown):
    from station.ui.i18n import install_translator

    try:
        assert install_translator(qapp, language) == language
        wizard = _wizard(qtbot, tmp_path)
        wizard.show()
        wizard.next()  # welcome -> marketplace
        combo = wizard.marketplace.editor.editor("region").combo
        texts = [combo.itemText(i) for i in range(combo.count())]
        assert shown in texts
        assert "na" not in texts
        wizard.marketplace.editor.editor("region").set_value("eu")
        assert wizard.marketplace.editor.editor("region").value() == "eu"
    finally:
        install_translator(qapp, "en")
