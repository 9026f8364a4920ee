"""File → Import from Word or Excel: the plan table as recognised, for the officer to check and correct.

Each column's meaning can be changed (which is the weight, which columns are the levels, which period an
achievement column is); the rows below show the plan as it will be imported, with the findings of each
row beside it, recomputed at every change. Nothing is saved before OK: the caller imports `document`.
"""
from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHeaderView

from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, _, current_language
from egov_desktop.core.model import PERIODS, PLAN_KINDS, PlanDocument
from egov_desktop.core.periods import FiscalYear, period_name
from egov_desktop.core.values import ParseError, format_value
from egov_desktop.gui.dialogs import show_error
from egov_desktop.gui.forms.ui_import_table_dialog import Ui_ImportTableDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.labels import kind_label
from egov_desktop.export.report_table import unit_label
from egov_desktop.tables import Grid, Overrides, Recognised
from egov_desktop.tables.recognise import LEVEL_LABELS, recognise

ERROR_BRUSH, WARNING_BRUSH = QBrush(QColor("#f8d7da")), QBrush(QColor("#fff3cd"))

# The meanings a column can be given, in the order the chooser lists them.
ROLE_LABELS: list[tuple[str, str]] = [
    ("ignore", N_("(not imported)")),
    ("serial", N_("Serial number")),
    ("area", N_("Performance area")),
    ("area_weight", N_("Area weight")),
    ("activity", N_("Activity")),
    ("indicator", N_("Performance indicator")),
    ("unit", N_("Unit")),
    ("weight", N_("Indicator weight")),
    *((f"level:{lid}", N_("Target level")) for lid in LEVEL_LABELS),
    ("target", N_("Annual target")),
    *((f"achievement:{p}", N_("Achievement")) for p in PERIODS),
    ("responsible", N_("Responsible")),
    ("evidence", N_("Evidence")),
    ("remarks", N_("Remarks")),
    ("score", N_("Score or percent (computed, not imported)")),
    ("total", N_("Total achievement (computed, not imported)")),
]


def role_label(role: str) -> str:
    label = dict(ROLE_LABELS).get(role, N_("(not imported)"))
    kind, _sep, arg = role.partition(":")
    if kind == "level":
        return f"{_(label)}: {LEVEL_LABELS.get(arg, arg)}"
    if kind == "achievement":
        return f"{_(label)}: {period_name(arg)}" if arg in PERIODS else _(label)
    return _(label)


class ImportTableDialog(QDialog):
    """`found`: the plan tables of the file (grid, header row); `office`: the name used when the file names
    none (this database's office). After OK, `document` is the plan to import."""

    def __init__(self, file_name: str, found: list[tuple[Grid, int]], office: str = "", parent=None):
        super().__init__(parent)
        self.ui = ui = Ui_ImportTableDialog()
        ui.setupUi(self)
        self._found = found
        self._default_office = office
        self.overrides = Overrides()
        self.result: Recognised | None = None
        self.document: PlanDocument | None = None
        ui.source.setText(file_name)
        for grid, _h in found:
            ui.table.addItem(grid.name)
        ui.table.setVisible(len(found) > 1)
        ui.tableLabel.setVisible(len(found) > 1)
        for kind in PLAN_KINDS:
            ui.kind.addItem(kind_label(kind), kind)
        self.columns_model = QStandardItemModel(self)
        self.rows_model = QStandardItemModel(self)
        self.findings_model = QStringListModel(self)
        ui.columns.setModel(self.columns_model)
        ui.rows.setModel(self.rows_model)
        ui.findings.setModel(self.findings_model)
        for view in (ui.columns, ui.rows):
            view.setEditTriggers(view.EditTrigger.NoEditTriggers)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.table.currentIndexChanged.connect(self._table_chosen)
        ui.kind.activated.connect(self._fields_changed)
        ui.fiscalYear.editingFinished.connect(self._fields_changed)
        ui.office.editingFinished.connect(self._fields_changed)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self._table_chosen(0)

    # ------------------------------------------------------------ recognising

    def _table_chosen(self, index: int) -> None:
        self.overrides = Overrides()
        self._recognise(fill_fields=True)
        self._fill_columns()

    def _fields_changed(self, *_args) -> None:
        ui = self.ui
        self.overrides.kind = ui.kind.currentData()
        text = to_latin_digits(ui.fiscalYear.text().strip())
        try:
            self.overrides.fiscal_year = FiscalYear.parse(text).code if text else None
        except ParseError:
            self.overrides.fiscal_year = None
        self.overrides.office = ui.office.text().strip() or None
        self._recognise()

    def set_role(self, column: int, role: str) -> None:
        """Give column `column` (0-based) the meaning `role` and read the table again."""
        self.overrides.roles[column] = role
        self._recognise()

    def _recognise(self, fill_fields: bool = False) -> None:
        grid, header = self._found[max(self.ui.table.currentIndex(), 0)]
        self.result = result = recognise(grid, header, self.overrides)
        doc = result.document
        if not doc.office.name and self._default_office:
            doc.office.name = self._default_office
        if fill_fields:
            ui = self.ui
            ui.kind.setCurrentIndex(max(ui.kind.findData(doc.plan.kind), 0))
            ui.fiscalYear.setText(show_digits(FiscalYear.parse(doc.plan.fiscal_year).label(current_language()))
                                  if doc.plan.fiscal_year else "")
            ui.office.setText(doc.office.name)
        self._fill_rows()
        # A cell's address as the file's program writes it (GRS!G10), and the cell's text quoted as it stands
        # (the message itself gives numbers in the language's digits).
        self.findings_model.setStringList([f"{f.where}: {f.message()}" for f in result.findings])
        ok = bool(doc.plan.fiscal_year) and bool(doc.plan.indicators())
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        show_error(self.ui.error, None if doc.plan.fiscal_year else _("Give the fiscal year (e.g. 2021-22)."))

    # ------------------------------------------------------------ the two lists

    def _fill_columns(self) -> None:
        model = self.columns_model
        model.clear()
        model.setHorizontalHeaderLabels([_("Column"), _("Read as")])
        for col in self.result.columns:
            model.appendRow([QStandardItem(show_digits(f"{col.index + 1}. {col.label}")), QStandardItem()])
        for row, col in enumerate(self.result.columns):
            chooser = QComboBox()
            for role, _label in ROLE_LABELS:
                chooser.addItem(role_label(role), role)
            if chooser.findData(col.role) < 0:
                chooser.addItem(role_label(col.role), col.role)
            chooser.setCurrentIndex(chooser.findData(col.role))
            chooser.activated.connect(lambda _i, c=col.index, box=chooser: self.set_role(c, box.currentData()))
            self.ui.columns.setIndexWidget(model.index(row, 1), chooser)
        self.ui.columns.resizeColumnsToContents()
        self.ui.columns.horizontalHeader().setStretchLastSection(True)

    def _fill_rows(self) -> None:
        result, model = self.result, self.rows_model
        doc = result.document
        model.clear()
        levels = [lv.label for lv in doc.plan.levels]
        periods = [r.period for r in doc.reports]
        model.setHorizontalHeaderLabels([_("Row"), _("Code"), _("Performance indicator"), _("Unit"),
                                         _("Indicator weight"), *levels,
                                         *(period_name(p) for p in periods), _("Found")])
        by_row: dict[int, list] = {}
        for f in result.findings:
            for code, r in result.rows.items():
                if f.where in {c.where for c in result.grid.rows[r]}:
                    by_row.setdefault(r, []).append(f)
        for ind in doc.plan.indicators():
            r = result.rows.get(ind.code)
            found = by_row.get(r, [])
            cells = [str(r + 1) if r is not None else "", ind.code, ind.title,
                     unit_label(ind.unit, current_language()),
                     format_value(ind.weight, "count") if isinstance(ind.weight, int) else f"{ind.weight:g}",
                     *(format_value(t, ind.unit) if t is not None else "-" for t in ind.targets)]
            for report in doc.reports:
                e = report.entry(ind.code)
                cells.append("" if e is None else _("Not applicable") if e.not_applicable
                             else format_value(e.value, ind.unit) if e.value is not None else (e.narrative or ""))
            cells.append("; ".join(f.message() for f in found))
            items = [QStandardItem(show_digits(c)) for c in cells]
            brush = ERROR_BRUSH if any(f.is_error for f in found) else WARNING_BRUSH if found else None
            for item in items:
                item.setToolTip(items[-1].text() or "")
                if brush is not None:
                    item.setBackground(brush)
            model.appendRow(items)
        self.ui.rows.resizeColumnsToContents()

    def accept(self) -> None:
        self._fields_changed()
        if not self.result.document.plan.fiscal_year:
            return
        self.document = self.result.document
        super().accept()
