"""The main window's dialogs. Each keeps its layout in forms/*.ui and talks to the store only."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox

ERROR_STYLE = "color: #a40000;"
WARNING_TEXT_STYLE = "color: #8a5a00;"


def show_error(label: QLabel, text: str | None) -> None:
    """A dialog's own error line: shown in red when there is something to say, hidden otherwise."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text or "")
    label.setVisible(bool(text))


def show_box(parent, icon: QMessageBox.Icon, title: str, text: str, folder=None,
             selectable: bool = False) -> QMessageBox:
    """A message over `parent`, window-modal but not blocking (it may come from a finished task, or with a change
    another officer made), deleted once closed. `folder`: a button opens it; `selectable`: its text can be copied."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if selectable:
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if folder is not None:
        from egov_desktop.core.i18n import _

        opener = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


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
