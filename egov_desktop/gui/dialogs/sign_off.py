"""স্বাক্ষর ও চূড়ান্তকরণ: seal a report that has no errors, in the name of a signatory from the profile."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from egov_desktop.core.rules import row_label
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.model import Signatory
from egov_desktop.core.periods import period_name
from egov_desktop.gui.forms.ui_sign_off_dialog import Ui_SignOffDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.store.errors import SignOffRefused, StoreError

MAX_LISTED = 8


def findings_text(findings: list) -> str:
    """The first few findings, one a line, for a dialog; each names its row ("4.1.1: …") as the problems list does,
    or the officer cannot tell which indicator to fix (show_digits localizes the code)."""
    lines = [f"• {label}: {f.message()}" if (label := row_label(f.where)) else f"• {f.message()}"
             for f in findings[:MAX_LISTED]]
    if len(findings) > MAX_LISTED:
        lines.append(Msg(N_("… and {count} more"), {"count": len(findings) - MAX_LISTED}).render())
    return "\n".join(lines)


class SignOffDialog(QDialog):
    """Refuses at once when the report has errors; the store checks again (memo included) on OK."""

    def __init__(self, store, plan_key: int, period: str, signatories: list[dict], errors: list, parent=None):
        super().__init__(parent)
        self.store, self.plan_key, self.period = store, plan_key, period
        self.revision = None
        self.ui = ui = Ui_SignOffDialog()
        ui.setupUi(self)
        for s in signatories:
            label = " — ".join(x for x in (s.get("name"), s.get("designation")) if x)
            ui.signatory.addItem(label, s)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        name = period_name(period, current_language())
        if errors:
            self._refuse(Msg(N_("The {period} report cannot be signed off: it has {count} error(s)."),
                             {"period": name, "count": len(errors)}).render(), errors)
        elif not signatories:
            self._refuse(_("There is no signatory yet: add one in the office profile (File menu)."), [])
        else:
            ui.summary.setText(Msg(N_("Sign off the {period} report? It is sealed with its signatory, the time "
                                      "and a digest of its content."), {"period": name}).render())

    def _refuse(self, text: str, findings: list) -> None:
        self.ui.summary.setText(show_digits("\n\n".join(t for t in (text, findings_text(findings)) if t)))
        self.ui.summary.setStyleSheet("color: #a40000;")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    @property
    def signatory(self) -> Signatory:
        s = self.ui.signatory.currentData() or {}
        return Signatory(name=s.get("name"), designation=s.get("designation"), phone=s.get("phone"),
                         email=s.get("email"))

    def accept(self) -> None:
        try:
            self.revision = self.store.sign_off(self.plan_key, self.period, self.signatory)
        except SignOffRefused as exc:
            self._refuse(exc.render(), exc.findings)
            return
        except StoreError as exc:
            self._refuse(exc.render(), [])
            return
        super().accept()
