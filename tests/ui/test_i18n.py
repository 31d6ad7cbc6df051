"""English and Brazilian Portuguese: the catalogue is shipped, chosen, and actually used."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import get_args

import pytest
from pydantic import BaseModel

from station.config import Settings
from station.resources import resource_path
from station.secrets import MemorySecretStore
from station.ui.background import wait_for_background
from station.ui.i18n import install_translator, resolve_language
from station.ui.settings.field_texts import FIELD_TEXTS

pytestmark = pytest.mark.gui


@pytest.fixture
def portuguese(qapp) -> Iterator[None]:
    assert install_translator(qapp, "pt_BR") == "pt_BR"
    try:
        yield
    finally:
        assert install_translator(qapp, "en") == "en"
        assert wait_for_background(10_000)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("en", "pt_BR", "en"),
        ("pt_BR", "en_US", "pt_BR"),
        ("system", "pt_BR", "pt_BR"),
        ("system", "pt_PT", "pt_BR"),
        ("system", "de_DE", "en"),
        ("system", "C", "en"),
        (None, "pt", "pt_BR"),
        ("klingon", "en_GB", "en"),
    ],
)
def test_language_choice(setting, system, expected):
    assert resolve_language(setting, system) == expected


def test_the_compiled_catalogue_is_shipped_next_to_its_source():
    ts = resource_path("translations", "station_pt_BR.ts")
    qm = resource_path("translations", "station_pt_BR.qm")
    assert qm.stat().st_size > 1000
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 5  # recompiled after the last edit
    root = ET.parse(ts).getroot()
    assert root.get("language") == "pt_BR"


def test_widgets_switch_to_portuguese(qtbot, portuguese, tmp_path):
    from station.ui.settings.dialog import SettingsDialog
    from station.ui.settings.wizard import FirstRunWizard

    wizard = FirstRunWizard(None, path=tmp_path / "s.json", secret_store=MemorySecretStore())
    qtbot.addWidget(wizard)
    assert wizard.welcome.demo_button.text() == "Experimentar o modo demonstração"
    dialog = SettingsDialog(None, Settings(), tmp_path / "s.json", secret_store=MemorySecretStore())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Configurações da estação"
    assert dialog.tabs.tabText(0) == "Geral"
    label = dialog.form.general.layout.labelForField(
        dialog.form.editor("vendor_code").widget.parentWidget()
    )
    assert label.text() == "Código de fornecedor"


def test_english_is_back_after_switching(qtbot, qapp, tmp_path):
    from station.ui.settings.wizard import FirstRunWizard

    install_translator(qapp, "pt_BR")
    install_translator(qapp, "en")
    wizard = FirstRunWizard(None, path=tmp_path / "s.json", secret_store=MemorySecretStore())
    qtbot.addWidget(wizard)
    assert wizard.welcome.demo_button.text() == "Try demo mode"
    assert wait_for_background(10_000)


def _model_texts(model: type[BaseModel], found: set[str]) -> set[str]:
    for info in model.model_fields.values():
        found.update(t for t in (info.title, info.description) if t)
        for candidate in (info.annotation, *get_args(info.annotation)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                _model_texts(candidate, found)
    return found


def test_every_settings_text_is_marked_for_translation():
    missing = _model_texts(Settings, set()) - set(FIELD_TEXTS)
    assert not missing, f"add to station/ui/settings/field_texts.py and run lupdate: {missing}"


def test_every_settings_text_is_translated():
    root = ET.parse(resource_path("translations", "station_pt_BR.ts")).getroot()
    translated = {
        m.findtext("source")
        for ctx in root.iter("context")
        if ctx.findtext("name") == "Settings"
        for m in ctx.iter("message")
        if (m.findtext("translation") or "").strip()
        and m.find("translation").get("type") not in ("unfinished", "obsolete", "vanished")
    }
    assert set(FIELD_TEXTS) <= translated
