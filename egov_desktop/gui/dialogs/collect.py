"""Collecting the reports of subordinate offices (issue 11.4): choose files, see what became of each (office, plan,
period, status, findings), agree or not before an office is added, a report changed after signing is kept, or a
collected report is replaced; and the reports collected for the plan's kind and fiscal year. The work is
egov_desktop/collector.py's, as for `egov-desktop collect`; each file is one undo step."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox, QTableWidgetItem

from egov_desktop.collector import STATUS_LABELS, collect_file
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.core.periods import period_name
from egov_desktop.gui.forms.ui_collect_dialog import Ui_CollectDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.labels import documents_folder, plan_label

RESULT_HEADERS = (N_("File"), N_("Office"), N_("Plan"), N_("Period"), N_("Status"), N_("Findings"))
COLLECTED_HEADERS = (N_("Office"), N_("Period"), N_("File"), N_("Received"), N_("Seal"), N_("Revision"))
FILES_FILTER = N_("Reports (*.docx *.xlsx *.json *.zip)")
SEAL_LABELS = {(True, True): N_("signed, verified"), (True, False): N_("signed, NOT verified"),
               (False, False): N_("draft")}


class CollectDialog(QDialog):
    """`on_change(change)` gets each file's Change (the main window puts it on the undo stack)."""

    def __init__(self, store, office_key: int, kind: str, fiscal_year: str, on_change=None, parent=None):
        super().__init__(parent)
        self.store, self.office_key, self.kind, self.fiscal_year = store, office_key, kind, fiscal_year
        self.on_change = on_change
        self.ui = Ui_CollectDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.results.setHorizontalHeaderLabels([_(h) for h in RESULT_HEADERS])
        ui.collected.setHorizontalHeaderLabels([_(h) for h in COLLECTED_HEADERS])
        for table in (ui.results, ui.collected):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        ui.collectedLabel.setText(_("Reports collected for {plan}:").format(plan=plan_label(kind, fiscal_year)))
        ui.chooseFiles.clicked.connect(self.choose_files)
        ui.buttons.rejected.connect(self.reject)
        self.refresh_collected()

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Choose the reports to collect"), documents_folder(),
                                                      _(FILES_FILTER))
        if paths:
            self.collect_files(paths)

    def collect_files(self, paths) -> None:
        """Read and file each file, asking where the user must agree; each file's result is listed."""
        for path in paths:
            outcomes, change = collect_file(self.store, self.office_key, path, ask=self.ask)
            for outcome in outcomes:
                self._add_result(outcome)
            if change is not None and self.on_change is not None:
                self.on_change(change)
        self.ui.results.resizeRowsToContents()
        self.refresh_collected()

    def ask(self, question: Msg) -> bool:
        answer = QMessageBox.question(self, _("Collect reports of subordinate offices"), question.render(),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _add_result(self, outcome) -> None:
        from pathlib import Path

        table = self.ui.results
        row = table.rowCount()
        table.insertRow(row)
        plan = plan_label(outcome.kind, outcome.fiscal_year) if outcome.received else ""
        period = period_name(outcome.period) if outcome.received else ""
        findings = "\n".join(f.message() for f in outcome.findings)
        for col, text in enumerate((Path(outcome.file).name, outcome.office or "", plan, period,
                                    _(STATUS_LABELS[outcome.status]), findings)):
            table.setItem(row, col, QTableWidgetItem(text))

    def refresh_collected(self) -> None:
        table = self.ui.collected
        table.setRowCount(0)
        for c in self.store.list_collected(self.kind, self.fiscal_year):
            row = table.rowCount()
            table.insertRow(row)
            received = show_digits(c.received_at.astimezone().strftime("%d/%m/%Y %H:%M"))
            seal = _(SEAL_LABELS.get((c.signed, c.verified), SEAL_LABELS[(False, False)]))
            revision = show_digits(str(c.revision)) if c.revision is not None else ""
            for col, text in enumerate((c.office, period_name(c.period), c.source_name, received, seal, revision)):
                table.setItem(row, col, QTableWidgetItem(text))
