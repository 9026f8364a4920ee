"""The main window's dialogs. Each keeps its layout in forms/*.ui and talks to the store only."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #a40000;"
WARNING_TEXT_STYLE = "color: #8a5a00;"


def show_error(label: QLabel, text: str | None) -> None:
    """A dialog's own error line: shown in red when there is something to say, hidden otherwise."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text or "")
    label.setVisible(bool(text))


def check_date(edit, error: QLabel, validator, text: str) -> None:
    """A dialog's date field as it is typed (`validator`: a date CellValidator): red with the reason while the text
    cannot be a date (an unfinished one is left alone), amber with a warning for a date outside the fiscal year,
    which is taken all the same; the dialog's error line says which."""
    from egov_desktop.core.i18n import _
    from egov_desktop.gui.delegates import mark

    _state, reason = validator.verdict(text)
    warning = "" if reason else validator.warning(text)
    mark(edit, reason, warning)
    show_error(error, f"{_('Date:')} {reason or warning}" if reason or warning else None)
    if warning:
        error.setStyleSheet(WARNING_TEXT_STYLE)


def text_lines(text: str) -> list[str]:
    """The non-blank lines of a multi-line field (recipients, copies), trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of a multi-line field (a memo's body), split at blank lines, each on one line."""
    return [" ".join(p.split()) for p in text.replace("\r", "").split("\n\n") if p.strip()]
