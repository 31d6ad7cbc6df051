"""The station speaks English or Brazilian Portuguese, chosen by the settings or the computer.

Translations are Qt ``.ts``/``.qm`` files in ``station/resources/translations/``; the ``.ts`` is the
source (edit it with ``pyside6-linguist`` or by hand), the compiled ``.qm`` is committed next to it
because the frozen app ships no build tools. After changing any user-visible string in
``station/ui``, extract, merge and recompile from the repository root::

    .venv/bin/python tools/update_translations.py           # then translate the "todo:" lines
    .venv/bin/python tools/update_translations.py --check   # what CI runs: exit 1 on any gap

The tool reads the code's AST rather than running lupdate, because lupdate cannot follow the
packing screen's ``_tr(text)`` helpers (``QCoreApplication.translate("MainWindow", text)``) and
files ``tr = QCoreApplication.translate`` aliases under the wrong context: a message under the
wrong context is never found at run time. It keeps existing translations, adds new strings as
unfinished, checks that translations keep every ``{placeholder}`` and ``CMD:`` command, and
compiles the ``.qm`` with the ``lrelease`` inside the PySide6 package (``.venv/bin/pyside6-lupdate``
crashes here). Strings are marked with ``self.tr(...)`` in widgets (context: the class),
``QCoreApplication.translate(context, ...)`` or a one-line module helper around it elsewhere, and
``QT_TRANSLATE_NOOP(context, ...)`` for texts chosen at run time (the settings model's titles in
``station/ui/settings/field_texts.py``). Never an f-string: ``"PO {po}"`` and ``.format()``.
``tests/ui/test_i18n_coverage.py`` fails when a marked string has no translation.

Qt's own strings (OK, Cancel, the wizard's Next/Back) come from Qt's ``qtbase_pt_BR.qm`` when the
installation has it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("station.ui.i18n")

SUPPORTED = ("en", "pt_BR")
CATALOGUE = "station"

_installed: list[QTranslator] = []


def resolve_language(language: str | None, system_locale: str | None = None) -> str:
    """The language to use: the setting when it names a supported one, else the computer's.

    Any Portuguese locale (pt_BR, pt_PT, pt) gets Brazilian Portuguese; anything else English.
    """
    if language in SUPPORTED:
        return str(language)
    name = system_locale if system_locale is not None else QLocale.system().name()
    return "pt_BR" if name.lower().startswith("pt") else "en"


def translations_dir() -> Path:
    from station.resources import resource_path

    return resource_path("translations")


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translator(app: QCoreApplication, language: str | None) -> str:
    """Install the translation for ``language`` ("en", "pt_BR" or "system"); returns the one used.

    English needs no catalogue. A missing or unreadable catalogue falls back to English with a
    warning in the log instead of failing the start.
    """
    chosen = resolve_language(language)
    remove_translators(app)
    if chosen == "en":
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(system if english else QLocale(QLocale.Language.English))
        return "en"
    translator = QTranslator(app)
    try:
        folder = translations_dir()
    except FileNotFoundError:
        log.warning("no translations folder; staying in English")
        return "en"
    if not translator.load(f"{CATALOGUE}_{chosen}", str(folder)):
        log.warning("translation %s missing in %s; staying in English", chosen, folder)
        return "en"
    app.installTranslator(translator)
    _installed.append(translator)
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{chosen}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    QLocale.setDefault(QLocale(chosen))
    return chosen
