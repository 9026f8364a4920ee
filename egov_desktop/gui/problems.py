"""The problems panel: every cross-field finding, errors first, a click away from its cell."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListView, QStyle, QVBoxLayout, QWidget

from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.rules import ERROR, WARNING
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.models import FindingsModel, Role


class ProblemsPanel(QWidget):
    """Warnings never block anything; errors block sign-off only (the main window asks `errors()`)."""

    activated = Signal(object)  # the finding's `where` (core.address.Address)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FindingsModel(self)
        style = self.style()
        self.model.set_icons({
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        })
        self.summary = QLabel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        # A click, or Enter on the keyboard, jumps to the cell.
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self._update_summary()

    def set_findings(self, findings: list) -> None:
        self.model.set_findings(findings)
        self._update_summary()

    def findings(self) -> list:
        return [self.model.finding(r) for r in range(self.model.rowCount())]

    def errors(self) -> list:
        return [f for f in self.findings() if f.is_error]

    def retranslate(self) -> None:
        self.model.retranslate()
        self._update_summary()

    def _update_summary(self) -> None:
        findings = self.findings()
        n_errors = sum(1 for f in findings if f.is_error)
        lang = current_language()
        if not findings:
            self.summary.setText(Msg(N_("No problems found")).render(lang))
        else:
            self.summary.setText(show_digits(Msg(N_("{errors} errors, {warnings} warnings"),
                                     {"errors": n_errors, "warnings": len(findings) - n_errors}).render(lang)))

    def _jump(self, index) -> None:
        where = index.data(Role.WHERE)
        if where:
            self.activated.emit(where)
