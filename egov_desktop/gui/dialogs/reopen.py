"""Reopen a signed-off report: a reason is required; it goes to the audit log and the revision rises."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_reopen_dialog import Ui_ReopenDialog
from egov_desktop.store.errors import StoreError


class ReopenDialog(QDialog):
    def __init__(self, store, plan_key: int, period: str, parent=None):
        super().__init__(parent)
        self.store, self.plan_key, self.period = store, plan_key, period
        self.ui = ui = Ui_ReopenDialog()
        ui.setupUi(self)
        report = store.get_document(plan_key).report(period)
        text = N_("The {period} report is signed off. Reopening it allows changes; the signed "
                  "revision stays on record and the next sign-off is a new revision.")
        if report is not None and report.status == "submitted":
            text = N_("The {period} report is signed off and marked as submitted. Reopening it allows changes; "
                      "the signed revision stays on record and the next sign-off is a new revision.")
        ui.summary.setText(Msg(text, {"period": period_name(period, current_language())}).render())
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)

    def accept(self) -> None:
        try:
            self.store.reopen(self.plan_key, self.period, self.ui.reason.toPlainText().strip())
        except StoreError as exc:
            show_error(self.ui.error, exc.render())
            return
        super().accept()
