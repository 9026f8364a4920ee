"""The plan's scoring settings: the rules DOMAIN.md and PLANS.md only assume (core.scoring.ScoringOptions)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from egov_desktop.core.i18n import N_, _
from egov_desktop.core.scoring import ScoringOptions
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_scoring_dialog import Ui_ScoringDialog
from egov_desktop.store.errors import StoreError

_INTERPOLATIONS = (
    ("linear", N_("in proportion between them (e.g. 72 between 70 and 75 earns 84%)")),
    ("step", N_("the lower level's percent")),
)
_NOT_APPLICABLE = (
    ("exclude", N_("left out of the total (score out of the remaining weight)")),
    ("include", N_("kept in the total (it scores 0)")),
)
_QUARTERLY_BASES = (
    ("annual", N_("the annual target, as if the year ended with the quarter")),
    ("due", N_("the quarter targets due so far (e.g. 1 of 1 at Q1 for 1/1/1/1)")),
)
_PERCENT_TOTALS = (
    ("mean", N_("the mean of the quarters' rates")),
    ("pooled", N_("the pooled rate (all carried out / all decided)")),
)


class ScoringDialog(QDialog):
    """On OK the changed settings are written as one undoable step (`change`)."""

    def __init__(self, store, plan_key: int, parent=None):
        super().__init__(parent)
        self.store, self.plan_key, self.change = store, plan_key, None
        self.ui = ui = Ui_ScoringDialog()
        ui.setupUi(self)
        self.current = ScoringOptions.of(store.get_document(plan_key).plan)
        for combo, choices, value in ((ui.interpolation, _INTERPOLATIONS, self.current.interpolation),
                                      (ui.notApplicable, _NOT_APPLICABLE, self.current.not_applicable_weight),
                                      (ui.quarterlyBasis, _QUARTERLY_BASES, self.current.quarterly_basis),
                                      (ui.percentTotal, _PERCENT_TOTALS, self.current.percent_total)):
            for key, label in choices:
                combo.addItem(_(label), key)
            combo.setCurrentIndex(combo.findData(value))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)

    def chosen(self) -> ScoringOptions:
        ui = self.ui
        return ScoringOptions(ui.interpolation.currentData(), ui.notApplicable.currentData(),
                              ui.quarterlyBasis.currentData(), ui.percentTotal.currentData())

    def accept(self) -> None:
        if self.chosen() != self.current:
            try:
                self.change = self.store.set_scoring_options(self.plan_key, self.chosen())
            except StoreError as exc:  # a signed-off report locks the plan
                show_error(self.ui.error, exc.render())
                return
        super().accept()
