"""Choose a backup to bring back: the database's own copies (newest first), or a file from elsewhere."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QTableWidgetItem

from egov_desktop.core.i18n import N_, _
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_restore_dialog import Ui_RestoreDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.labels import documents_folder
from egov_desktop.store.backup import reason_text

HEADERS = (N_("Made on"), N_("Why it was made"))
BACKUP_FILTER = N_("Database backups (*.sqlite)")


def when_text(created: dt.datetime) -> str:
    return show_digits(created.strftime("%d/%m/%Y %H:%M"))


class RestoreDialog(QDialog):
    """`backups`: backup.list_backups(db). On OK, `chosen` is the file to restore (nothing is done here)."""

    def __init__(self, backups: list, parent=None):
        super().__init__(parent)
        self.ui = ui = Ui_RestoreDialog()
        ui.setupUi(self)
        ui.backups.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        for info in backups:
            self._add_row(when_text(info.created), show_digits(reason_text(info.reason, info.label)), info.path)
        ui.backups.resizeColumnsToContents()
        if backups:
            ui.backups.selectRow(0)
        ui.backups.doubleClicked.connect(lambda _index: self.accept())
        ui.browse.clicked.connect(self._browse)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None if backups else _("There is no backup of this database yet."))

    def _add_row(self, when: str, why: str, path: Path, row: int | None = None) -> None:
        table = self.ui.backups
        row = table.rowCount() if row is None else row
        table.insertRow(row)
        for col, text in enumerate((when, why)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            table.setItem(row, col, item)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Restore from a backup"), documents_folder(),
                                                     _(BACKUP_FILTER))
        if not path:
            return
        created = dt.datetime.fromtimestamp(Path(path).stat().st_mtime)
        self._add_row(when_text(created), Path(path).name, Path(path), row=0)
        self.ui.backups.selectRow(0)
        show_error(self.ui.error, None)

    @property
    def chosen(self) -> Path | None:
        item = self.ui.backups.item(self.ui.backups.currentRow(), 0)
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def accept(self) -> None:
        if self.chosen is None:
            show_error(self.ui.error, _("Choose a backup in the list.") if self.ui.backups.rowCount()
                       else _("There is no backup of this database yet."))
            return
        super().accept()
