"""The report deadlines of one fiscal year, editable (the APA calendar moves its windows every year)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit

from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.model import PERIODS
from egov_desktop.core.periods import FiscalYear, default_deadlines, period_name
from egov_desktop.core.values import ParseError, format_date, parse_date
from egov_desktop.gui.deadlines import deadline_table, save_deadline_table
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_deadlines_dialog import Ui_DeadlinesDialog
from egov_desktop.gui.i18n_qt import show_digits


class DeadlinesDialog(QDialog):
    """On OK the table is stored for the year (one undoable step, `change`); unchanged means no step."""

    def __init__(self, store, fy: FiscalYear, parent=None):
        super().__init__(parent)
        self.store, self.fy = store, fy
        self.change = None
        self.ui = ui = Ui_DeadlinesDialog()
        ui.setupUi(self)
        lang = current_language()
        ui.summary.setText(show_digits(Msg(N_("Report deadlines for the fiscal year {year}"),
                                           {"year": fy.code}).render(lang)))
        self._original = deadline_table(store, fy)
        self.edits: dict[str, QLineEdit] = {}
        for period in PERIODS:
            edit = QLineEdit(self)
            self.edits[period] = edit
            ui.form.addRow(period_name(period, lang), edit)
        self._show(self._original)
        ui.restoreDefaults.clicked.connect(lambda: self._show(default_deadlines(fy)))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)

    def _show(self, table) -> None:
        for period, edit in self.edits.items():
            edit.setText(show_digits(format_date(table[period], current_language())) if period in table else "")

    def accept(self) -> None:
        table = {}
        for period, edit in self.edits.items():
            try:
                table[period] = parse_date(edit.text())
            except ParseError as exc:
                edit.setFocus()
                show_error(self.ui.error, f"{period_name(period, current_language())}: {exc.render()}")
                return
        if table != self._original:
            self.change = save_deadline_table(self.store, self.fy, table)
        super().accept()
