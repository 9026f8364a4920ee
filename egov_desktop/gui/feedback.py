"""The choices of a round of feedback memos (issue 11.6), asked from the consolidation window: to whom (the offices
selected, every subordinate office, or one memo to all), the memo's date and the folder the memos go to. It only
asks: the window records and writes them (egov_desktop/feedback.py, as `egov-desktop feedback` does).

Built in code like the window it belongs to (gui/consolidation.py): five fields do not need a form of their own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout)

from egov_desktop.core.feedback import memo_dated_before, received_after
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.values import ParseError, format_date, parse_date
from egov_desktop.gui.delegates import mark
from egov_desktop.gui.dialogs import check_date, show_error
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.validators import VALUE, CellValidator

SELECTED, EACH, ALL = "selected", "each", "all"


@dataclass(frozen=True)
class Request:
    """What the user chose: `to` (SELECTED, EACH or ALL), the memo date, the folder."""

    to: str
    memo_date: dt.date
    folder: Path


class FeedbackDialog(QDialog):
    """`selected`: the names of the offices selected in the window (the first choice is offered with them only);
    `offices`: how many subordinate offices there are; `answered`: for each choice (SELECTED, EACH, ALL), the
    consolidation's rows its memos are on, so that a date before one of their reports was received is refused as
    it is typed (the window refuses it too, as `egov-desktop feedback` does). `request()` after OK."""

    def __init__(self, heading: str, selected: list[str], offices: int, fiscal_year: str, folder: str,
                 parent=None, today: dt.date | None = None, answered: dict | None = None):
        super().__init__(parent)
        self.answered = answered or {}
        lang = current_language()
        self.setWindowTitle(_("Feedback memos to the subordinate offices"))
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.to_selected = QRadioButton(show_digits(Msg(N_("A memo to each office selected ({n})"),
                                                        {"n": len(selected)}).render(lang)), self)
        self.to_selected.setToolTip("\n".join(selected))
        self.to_each = QRadioButton(show_digits(Msg(N_("A memo to each subordinate office ({n})"),
                                                    {"n": offices}).render(lang)), self)
        self.to_all = QRadioButton(_("One memo to all the subordinate offices, with a table of them"), self)
        self.to = QButtonGroup(self)
        for button, key in ((self.to_selected, SELECTED), (self.to_each, EACH), (self.to_all, ALL)):
            self.to.addButton(button)
            button.setProperty("to", key)
        self.to_selected.setEnabled(bool(selected))
        (self.to_selected if selected else self.to_each).setChecked(True)

        self.date = QLineEdit(show_digits(format_date(today or dt.date.today(), lang)), self)
        # Checked as it is typed, like the forwarding memo's date and a grid's: Bangla or Latin digits; a date
        # outside the fiscal year is marked (feedback on the last quarter is given after the year), not refused.
        self._date_check = CellValidator(VALUE, "date", parent=self, fiscal_year=fiscal_year)
        self.folder = QLineEdit(folder, self)
        self.browse = QPushButton(_("Browse…"), self)
        self.browse.setAutoDefault(False)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Write the memos"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

        form = QFormLayout()
        form.addRow(_("Memo date:"), self.date)
        form.addRow(_("Folder:"), folder_row)
        about = QLabel(_("Each memo takes the next number of the office's memo series, and is recorded: NIS 1.7 "
                         "can be filled from the records."), self)
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for button in (self.to_selected, self.to_each, self.to_all):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(about)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.date.textChanged.connect(self._check_date)
        self.to.buttonToggled.connect(self._check_date)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        show_error(self.error, None)
        self._check_date()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def _check_date(self, *_changed) -> None:
        check_date(self.date, self.error, self._date_check, self.date.text())
        early = self._too_early()
        if early is not None:
            mark(self.date, early, "")
            show_error(self.error, early)

    def _too_early(self) -> str | None:
        """Why the date typed cannot be the memos' (before a report they are on was received), or None."""
        try:
            memo_date = parse_date(self.date.text())
        except ParseError:
            return None  # said by the date check
        row = received_after(self.answered.get(self.to.checkedButton().property("to"), ()), memo_date)
        return show_digits(memo_dated_before(row).render()) if row is not None else None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Folder for the feedback memos"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def request(self) -> Request:
        """The choices; ParseError when the date is not one."""
        return Request(self.to.checkedButton().property("to"), parse_date(self.date.text()),
                       Path(self.folder.text().strip()))

    def accept(self) -> None:
        try:
            self.request()
        except ParseError as exc:
            show_error(self.error, f"{_('Date:')} {exc.render()}")
            self.date.setFocus()
            return
        early = self._too_early()
        if early is not None:
            show_error(self.error, early)
            self.date.setFocus()
            return
        if not self.folder.text().strip():
            show_error(self.error, _("Choose the folder the memos are written to."))
            self.folder.setFocus()
            return
        super().accept()
