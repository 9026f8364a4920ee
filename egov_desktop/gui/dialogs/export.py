"""Word export: which parts, which Bangla font, the layout settings, where to save."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from egov_desktop.core.i18n import N_, _, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.export.docx_report import ExportSettings, all_plans_file_name, default_file_name
from egov_desktop.export.fonts import FONT_CHOICES
from egov_desktop.gui.forms.ui_export_dialog import Ui_ExportDialog
from egov_desktop.gui.labels import documents_folder

WORD_FILTER = N_("Word documents (*.docx)")


FONT_NOTES = {"Nikosh": N_("Nikosh (the government's usual font; must be installed on the reader's PC)")}


class ExportDialog(QDialog):
    """`settings`: the saved export settings (docx_report.saved_settings), shown as check boxes. With
    `edit_all_plans_memo` (a callable that opens the all-plans memo), the file may hold all the plans of the
    year (export-docx --all-plans), the memo of all plans edited from here."""

    def __init__(self, doc, period: str, settings: ExportSettings | None = None, parent=None,
                 edit_all_plans_memo=None):
        super().__init__(parent)
        self._names = (default_file_name(doc, period), all_plans_file_name(doc, period))
        self._settings = settings or ExportSettings()
        self.ui = ui = Ui_ExportDialog()
        ui.setupUi(self)
        ui.oneLineDate.setChecked(self._settings.date_style == "gregorian")
        ui.numberParagraphs.setChecked(self._settings.number_paragraphs)
        ui.notBySeniority.setChecked(self._settings.not_by_seniority)
        ui.shortAttention.setChecked(self._settings.attention_style == "short")
        ui.includeScore.setChecked(self._settings.include_score)
        self.setWindowTitle(" — ".join((_("Word report"), period_name(period, current_language()))))
        for font in FONT_CHOICES:
            ui.font.addItem(_(FONT_NOTES[font]) if font in FONT_NOTES else font, font)
        ui.file.setText(str(Path(documents_folder()) / self._names[0]))
        for widget in (ui.plansLabel, ui.allPlans, ui.allPlansMemo):
            widget.setVisible(edit_all_plans_memo is not None)
        ui.allPlans.toggled.connect(self._all_plans_toggled)
        if edit_all_plans_memo is not None:
            ui.allPlansMemo.clicked.connect(edit_all_plans_memo)
        ui.browse.clicked.connect(self._browse)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _all_plans_toggled(self, on: bool) -> None:
        self.ui.allPlansMemo.setEnabled(on)
        path = Path(self.ui.file.text())
        if path.name == self._names[not on]:  # the suggested name follows; one the user chose stays
            self.ui.file.setText(str(path.with_name(self._names[on])))

    @property
    def all_plans(self) -> bool:
        return self.ui.allPlans.isChecked()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Word report"), self.ui.file.text(), _(WORD_FILTER))
        if path:
            self.ui.file.setText(path if path.lower().endswith(".docx") else path + ".docx")

    @property
    def parts(self) -> tuple[str, ...]:
        ui = self.ui
        return ("report",) if ui.reportOnly.isChecked() else ("memo",) if ui.memoOnly.isChecked() else ("memo", "report")

    @property
    def settings(self) -> ExportSettings:
        """The settings given, with the choices of the check boxes (the rest, e.g. font sizes, kept)."""
        ui = self.ui
        return dataclasses.replace(
            self._settings, date_style="gregorian" if ui.oneLineDate.isChecked() else "both",
            number_paragraphs=ui.numberParagraphs.isChecked(), not_by_seniority=ui.notBySeniority.isChecked(),
            include_score=ui.includeScore.isChecked(),
            attention_style="short" if ui.shortAttention.isChecked() else "label")

    @property
    def font(self) -> str:
        return self.ui.font.currentData()

    @property
    def path(self) -> Path:
        return Path(self.ui.file.text().strip())

    @property
    def open_after(self) -> bool:
        return self.ui.openAfter.isChecked()
