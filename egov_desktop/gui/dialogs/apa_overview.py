"""View ▸ APA overview: the office's five governance plans of a fiscal year for one period (core.apa):
each plan's score, the total of the five and what is still missing. Read only; it follows the period
chosen in it and, given the session, the changes other officers make meanwhile on the office's server (a plan made
or deleted, a figure entered)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from egov_desktop.core.apa import apa_overview
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES, STATUS_NAMES
from egov_desktop.core.periods import FiscalYear, period_name
from egov_desktop.core.values import format_number, format_percent
from egov_desktop.gui.dialogs.shortcuts import plain_text

COLUMNS = (N_("Annex"), N_("Plan"), N_("Report"), N_("Marks obtained"), N_("Still missing"))


class ApaOverviewDialog(QDialog):
    def __init__(self, store, fiscal_year: str, period: str, parent=None, session=None):
        super().__init__(parent)
        self.store, self.fiscal_year = store, fiscal_year
        self._keys: frozenset[int] = frozenset()  # the plans shown
        self.setWindowTitle(plain_text(_("&APA overview of the five plans…")))
        self.period = QComboBox(self)
        for p in PERIODS:
            self.period.addItem(period_name(p), p)
        self.period.setCurrentIndex(self.period.findData(period))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(FiscalYear.parse(fiscal_year).label(current_language()), self))
        top.addWidget(self.period)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self.refresh)
        if session is not None:
            session.changed.connect(self._on_changed)
        self.resize(900, 320)
        self.refresh()

    def refresh(self, *_args) -> None:
        lang = current_language()
        keys = [p.key for p in self.store.list_plans() if p.fiscal_year == self.fiscal_year]
        docs = [self.store.get_document(key) for key in keys]
        self._keys = frozenset(keys)
        self.overview = overview = apa_overview(docs, self.fiscal_year, self.period.currentData())
        self.table.setRowCount(len(overview.plans))
        for row, p in enumerate(overview.plans):
            if not p.present:
                status, marks, missing = "—", "—", _("The plan is not made yet")
            else:
                status = _(STATUS_NAMES[p.report_status]) if p.report_status else _("Not started")
                marks = f"{format_number(p.total, lang)} / {format_number(p.out_of, lang)}"
                missing = (Msg(N_("{count} indicators with nothing entered: {codes}"),
                               {"count": len(p.missing), "codes": ", ".join(p.missing)}).render()
                           if p.missing else _("Nothing"))
            texts = (localize_digits(str(p.annex), lang), _(PLAN_KIND_NAMES[p.kind]), status, marks,
                     localize_digits(missing, lang))
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        percent = overview.total / overview.out_of * 100 if overview.out_of else 0
        self.total.setText(Msg(N_("Total of the five plans: {total} / {out_of} ({percent})"), {
            "total": format_number(overview.total, lang), "out_of": format_number(overview.out_of, lang),
            "percent": format_percent(percent, lang)}).render())

    def _on_changed(self, summary) -> None:
        # A plan of the year made or deleted, or one shown changed (its figures, its report's status).
        if summary.plan_list or any(summary.concerns(key) for key in self._keys):
            self.refresh()
