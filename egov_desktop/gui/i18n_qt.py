"""The bridge between the gettext catalog and Qt: live language switch and Qt's own strings.

Switching language sets the catalog's language, then reinstalls a QTranslator:
Qt answers that with a LanguageChange event to every widget, and each widget
rebuilds its texts in `changeEvent` (the forms' `retranslateUi`). The translator
also serves the few strings Qt draws itself (dialog buttons, the edit context
menu), which Qt ships no Bangla for, from the same catalog.

The Latin-digits option only changes how digits are shown; values are stored
the same either way.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal

from egov_desktop.core import i18n
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_

# QSettings keys of the user's choices (per machine, not in the database).
SETTING_LANGUAGE, SETTING_LATIN_DIGITS = "language", "latin_digits"

# Qt's own source texts (QPlatformTheme buttons, QLineEdit/QWidgetTextControl menus, QMessageBox).
QT_STRINGS = frozenset({
    N_("OK"), N_("Cancel"), N_("Close"), N_("Apply"), N_("Reset"), N_("Help"), N_("Save"),
    N_("Discard"), N_("Don't Save"), N_("Open"), N_("&Yes"), N_("&No"), N_("Yes to &All"),
    N_("N&o to All"), N_("Abort"), N_("Retry"), N_("Ignore"), N_("Restore Defaults"),
    N_("&Undo"), N_("&Redo"), N_("Cu&t"), N_("&Copy"), N_("&Paste"), N_("Delete"), N_("Select All"),
    N_("Show Details..."), N_("Hide Details..."),
})


class _CatalogTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 (Qt override)
        if source_text in QT_STRINGS:
            return i18n._(source_text)
        # None (a null string) lets Qt keep its source text; "" would be taken as the translation
        # and blank the "Ctrl+" and "Shift+" of every shortcut shown in a menu.
        return None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


class LanguageState(QObject):
    """The one place that knows the UI language and the digit style; emits `changed` after a switch."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator = _CatalogTranslator(self)
        self.latin_digits = False

    def install(self) -> None:
        QCoreApplication.installTranslator(self._translator)

    @property
    def language(self) -> str:
        return i18n.current_language()

    def set_language(self, lang: str, latin_digits: bool | None = None) -> None:
        i18n.set_language(lang)
        if latin_digits is not None:
            self.latin_digits = latin_digits
        # Reinstalling makes Qt send LanguageChange to every widget; deliver those now,
        # so the window is fully retranslated when this returns.
        QCoreApplication.removeTranslator(self._translator)
        QCoreApplication.installTranslator(self._translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit()

    def digits_language(self) -> str:
        """The language whose digits to show: Latin when asked for, else the UI language's."""
        return "en" if self.latin_digits else i18n.current_language()

    def digits(self, text: str) -> str:
        return localize_digits(text, self.digits_language())


_state: LanguageState | None = None


def state() -> LanguageState:
    """The application's language state (created on first use, parented to the application)."""
    global _state
    if _state is None:
        _state = LanguageState(QCoreApplication.instance())
        _state.install()
    return _state


def show_digits(text: str) -> str:
    """Digits of `text` as the user wants to see them (Bangla by default in Bangla)."""
    return state().digits(text)
