"""A new plan: from a bundled template, blank, copied forward from an existing plan, or from an exchange file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from egov_desktop.core.i18n import _, current_language
from egov_desktop.core.model import PLAN_KINDS
from egov_desktop.core.periods import FiscalYear
from egov_desktop.core.values import ParseError
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_new_plan_dialog import Ui_NewPlanDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.labels import EXCHANGE_FILTER, documents_folder, kind_label, kind_order, plan_label, \
    template_label
from egov_desktop.store.service import Store



SOURCES = ("template", "blank", "plan", "file")


class NewPlanDialog(QDialog):
    """Asks how to make the plan; `create()` then makes it (the file case is the caller's, off-thread)."""

    def __init__(self, store, plans: list, office_key: int | None = None, parent=None, session=None):
        """`office_key`: the office a template plan is made for (the open plan's); None takes the template's. Given the
        session, the plans to copy follow those other officers make or delete meanwhile on the office's server."""
        super().__init__(parent)
        self.store = store
        self.ui = ui = Ui_NewPlanDialog()
        ui.setupUi(self)
        for name in Store.list_templates():
            ui.template.addItem(template_label(name), name)
        for kind in sorted(PLAN_KINDS, key=kind_order):
            ui.kind.addItem(kind_label(kind), kind)
        ui.fiscalYear.setText(show_digits(FiscalYear.of(dt.date.today()).label(current_language())))
        self._fill_plans(plans)
        self._office_key = office_key
        if session is not None:
            session.changed.connect(self._on_changed)
        ui.browse.clicked.connect(self._browse)
        ui.file.textEdited.connect(lambda _t: ui.fromFile.setChecked(True))
        ui.template.activated.connect(lambda _i: ui.fromTemplate.setChecked(True))
        ui.kind.activated.connect(lambda _i: ui.fromBlank.setChecked(True))
        ui.plan.activated.connect(lambda _i: ui.fromPlan.setChecked(True))
        for radio in (ui.fromTemplate, ui.fromBlank, ui.fromPlan, ui.fromFile):
            radio.toggled.connect(self._update)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)
        self._update()

    def _fill_plans(self, plans: list) -> None:
        """The plans to copy forward, newest first; the one chosen stays chosen while it is there."""
        ui = self.ui
        chosen = ui.plan.currentData()
        ui.plan.clear()
        for p in sorted(plans, key=lambda p: (p.fiscal_year, p.kind), reverse=True):
            ui.plan.addItem(plan_label(p.kind, p.fiscal_year), p.key)
        ui.plan.setCurrentIndex(max(0, ui.plan.findData(chosen)))
        ui.fromPlan.setEnabled(bool(plans))
        if not plans and ui.fromPlan.isChecked():
            ui.fromTemplate.setChecked(True)

    def _on_changed(self, summary) -> None:
        if summary.plan_list:
            self._fill_plans(self.store.list_plans())

    @property
    def source(self) -> str:
        ui = self.ui
        radios = (ui.fromTemplate, ui.fromBlank, ui.fromPlan, ui.fromFile)
        return next(source for source, radio in zip(SOURCES, radios) if radio.isChecked())

    @property
    def file_path(self) -> Path:
        return Path(self.ui.file.text().strip())

    def _update(self, *_args) -> None:
        ui = self.ui
        ui.template.setEnabled(self.source == "template")
        ui.kind.setEnabled(self.source == "blank")
        ui.fiscalYear.setEnabled(self.source in ("template", "blank"))
        ui.plan.setEnabled(self.source == "plan")

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import exchange file"), documents_folder(),
                                                     _(EXCHANGE_FILTER))
        if path:
            self.ui.file.setText(path)
            self.ui.fromFile.setChecked(True)

    def accept(self) -> None:
        ui = self.ui
        if self.source in ("template", "blank"):
            try:
                FiscalYear.parse(ui.fiscalYear.text())
            except ParseError as exc:
                show_error(ui.error, exc.render())
                return
        elif self.source == "file" and not self.file_path.is_file():
            show_error(ui.error, _("Choose an exchange file (.json)."))
            return
        super().accept()

    def create(self):
        """Make the plan from a template, blank or from an existing plan; the store's Change (its `key` is the plan)."""
        ui = self.ui
        if self.source in ("template", "blank"):
            fy = FiscalYear.parse(ui.fiscalYear.text()).code
            if self.source == "blank":
                return self.store.create_blank(ui.kind.currentData(), fy, self._office_key)
            return self.store.create_from_template(ui.template.currentData(), self._office_key, fy)
        return self.store.copy_to_next_year(ui.plan.currentData())
