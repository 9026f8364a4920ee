"""Word export: which parts, which Bangla font, where to save."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from egov_desktop.core.i18n import N_, _, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.export.docx_report import default_file_name
from egov_desktop.export.fonts import FONT_CHOICES
from egov_desktop.gui.forms.ui_export_dialog import Ui_ExportDialog
from egov_desktop.gui.labels import documents_folder

WORD_FILTER = N_("Word documents (*.docx)")
# Linux and macOS allow 255 bytes per name, and Bangla takes three a letter; leave room for ".part".
MAX_NAME_BYTES = 240


def safe_file_name(doc, period: str) -> str:
    """The export's default file name, shortened (keeping its extension) to what every file system takes."""
    name = default_file_name(doc, period)
    stem, dot, ext = name.rpartition(".")
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1].rstrip(" -")
        name = f"{stem}{dot}{ext}"
    return name


FONT_NOTES = {"Nikosh": N_("Nikosh (the government's usual font; must be installed on the reader's PC)")}


class ExportDialog(QDialog):
    def __init__(self, doc, period: str, parent=None):
        super().__init__(parent)
        self.ui = ui = Ui_ExportDialog()
        ui.setupUi(self)
        self.setWindowTitle(" — ".join((_("Word report"), period_name(period, current_language()))))
        for font in FONT_CHOICES:
            ui.font.addItem(_(FONT_NOTES[font]) if font in FONT_NOTES else font, font)
        ui.file.setText(str(Path(documents_folder()) / safe_file_name(doc, period)))
        ui.browse.clicked.connect(self._browse)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Word report"), self.ui.file.text(), _(WORD_FILTER))
        if path:
            self.ui.file.setText(path if path.lower().endswith(".docx") else path + ".docx")

    @property
    def parts(self) -> tuple[str, ...]:
        ui = self.ui
        return ("report",) if ui.reportOnly.isChecked() else ("memo",) if ui.memoOnly.isChecked() else ("memo", "report")

    @property
    def font(self) -> str:
        return self.ui.font.currentData()

    @property
    def path(self) -> Path:
        return Path(self.ui.file.text().strip())

    @property
    def open_after(self) -> bool:
        return self.ui.openAfter.isChecked()
