"""Every string the GUI marks for translation has a Portuguese one, and the screen shows it.

The extractor (``tools/update_translations.py``) reads the same contexts the code passes to Qt, so
a new ``_tr("…")`` without a translation fails here instead of showing English on a packer's
screen in Brazil.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from station.ui.background import wait_for_background
from station.ui.i18n import install_translator
from station.ui.widgets.step_indicator import Stage
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture
def portuguese(qapp: Any) -> Iterator[None]:
    assert install_translator(qapp, "pt_BR") == "pt_BR"
    try:
        yield
    finally:
        assert install_translator(qapp, "en") == "en"
        assert wait_for_background(10_000)


# -- the catalogue covers the code ---------------------------------------------------------------


def test_every_marked_string_has_a_portuguese_translation() -> None:
    extraction = tool.extract()
    assert not extraction.problems, "\n".join(extraction.problems)
    catalogue = tool.read_catalogue()
    gaps = list(tool.translation_problems(catalogue, extraction.messages))
    assert not gaps, (
        "run .venv/bin/python tools/update_translations.py and translate:\n" + "\n".join(gaps)
    )


def test_the_catalogue_is_what_the_tool_writes(capsys: pytest.CaptureFixture[str]) -> None:
    """--check passes: the committed .ts is up to date with the code (no stale or lost entries)."""
    assert tool.main(["--check"]) == 0, capsys.readouterr().err


def test_the_main_screen_is_covered() -> None:
    """The helpers of the packing screen are followed into their own contexts."""
    contexts = {key.context for key in tool.extract().messages}
    expected = {"MainWindow", "BoxesPanel", "OrderPanel", "HealthBar", "StepIndicator", "Preview"}
    assert expected | {"StationApp", "Commands", "KeyboardLayout", "Worker"} <= contexts


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    """The shipped .qm is what lrelease makes of the .ts (someone edited the .ts by hand)."""
    try:
        tool.find_lrelease()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    fresh = tool.compile_catalogue(tool.TS_FILE, tmp_path / "fresh.qm")
    assert fresh.read_bytes() == tool.TS_FILE.with_suffix(".qm").read_bytes(), (
        "recompile: .venv/bin/python tools/update_translations.py"
    )


# -- the extractor sees what Qt will look up ------------------------------------------------------


def _extract_from(tmp_path: Path, source: str) -> Any:
    (tmp_path / "module.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return tool.extract(tmp_path)


def test_extractor_follows_helpers_aliases_and_classes(tmp_path: Path) -> None:
    extraction = _extract_from(
        tmp_path,
        '''
        from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

        def _tr(text: str) -> str:
            """Why: a short helper."""
            return QCoreApplication.translate("Screen", text)

        NAMES = (QT_TRANSLATE_NOOP("Names", "label"),)

        class Window(QObject):
            def title(self) -> str:
                tr = QCoreApplication.translate
                return self.tr("Title") + _tr("Scan " "the PO") + tr("Other", "Alias")

            def dynamic(self, value: str) -> str:
                return _tr(value) + QCoreApplication.translate("X", "text", "disambiguation")
        ''',
    )
    keys = {(k.context, k.source, k.comment) for k in extraction.messages}
    assert keys == {
        ("Screen", "Scan the PO", ""),
        ("Names", "label", ""),
        ("Window", "Title", ""),
        ("Other", "Alias", ""),
        ("X", "text", "disambiguation"),
    }
    assert not extraction.problems


def test_extractor_refuses_f_strings(tmp_path: Path) -> None:
    extraction = _extract_from(
        tmp_path,
        """
        from PySide6.QtCore import QCoreApplication

        def show(po: str) -> str:
            return QCoreApplication.translate("Screen", f"PO {po}")
        """,
    )
    assert not extraction.messages
    assert "f-string" in extraction.problems[0]


def test_lost_placeholders_are_reported() -> None:
    key = tool.Key("Screen", "PO {po} is shipped — scan CMD:CONFIRM")
    good = tool.Entry(key, "PO {po} enviado — escaneie CMD:CONFIRM", None)
    bad = tool.Entry(key, "PO enviado — escaneie CMD:CONFIRMAR", None)
    assert not list(tool.translation_problems({key: good}, [key]))
    (problem,) = tool.translation_problems({key: bad}, [key])
    assert "placeholders differ" in problem


def test_merge_keeps_translations_and_vanishes_only_translated_leftovers() -> None:
    kept, new = tool.Key("A", "kept"), tool.Key("A", "new")
    gone, gone_empty = tool.Key("A", "gone"), tool.Key("A", "gone empty")
    old = {
        kept: tool.Entry(kept, "mantido", None),
        gone: tool.Entry(gone, "sumiu", None),
        gone_empty: tool.Entry(gone_empty, "", "unfinished"),
    }
    found = {kept: tool.Found(kept), new: tool.Found(new)}
    merged = tool.merge(found, old)
    assert merged[kept].translation == "mantido" and merged[kept].finished
    assert merged[new].kind == "unfinished"
    assert merged[gone].kind == "vanished" and merged[gone].translation == "sumiu"
    assert gone_empty not in merged


# -- the packing screen speaks Portuguese ---------------------------------------------------------


@pytest.mark.gui
@QT_LOG_IGNORE
def test_main_window_in_portuguese(portuguese: None, harness_factory: Any) -> None:
    station: GuiHarness = harness_factory()
    window = station.window
    steps = [window.steps.labels[stage].text() for stage in Stage]
    assert steps == [
        "○  Escaneado",
        "○  Etiqueta impressa",
        "○  Nota impressa",
        "○  Caixas",
        "○  Confirmado",
    ]
    assert window.boxes.confirm_button.text() == "✔ Confirmar envio  [F12]"
    assert window.boxes.next_button.text() == "+ Outra caixa [F8]"
    assert window.banner.headline.text() == "Escaneie o código do PO"
    assert window.order_panel.po.text() == "Nenhum pedido — escaneie um PO"
    network = ("○ Rede: a verificar", "✔ Rede: conectada", "✖ Rede: SEM CONEXÃO")
    assert window.health.network.text() in network
    assert window.health.outbox.text() == "✔ Fila: tudo enviado"
    assert window.health.outbox.toolTip() == "Confirmações: 0 aguardando, 0 enviando, 0 com falha"
    assert "Impr. de etiquetas" in window.health.label_printer.text()

    window.handle_scan("CMD:SHIPIT")
    assert window.state == "error"
    assert window.banner.headline.text() == "PARE — código de comando desconhecido"
    assert "Código de comando desconhecido 'CMD:SHIPIT'" in window.banner.detail.text()
