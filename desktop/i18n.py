"""Run-time language switching: Simplified Chinese is the source language, English a translation.

Compiled `.qm` files are built from the committed `.ts` sources by
`build_scripts/build_translations.py`; a missing `.qm` leaves the UI in Chinese.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sync.core.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def set_language(language: str) -> bool:
    """Install the translators for `language`; returns False if its .qm file is missing.

    Installing sends a LanguageChange event to every widget, which re-translates itself.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)  # Qt's own dialogs and buttons
        _installed.append(qt_base)
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS_DIR / f"workbench_{language}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("no compiled translation for %s in %s", language, TRANSLATIONS_DIR)
            ok = False
    QLocale.setDefault(QLocale(language))
    return ok
