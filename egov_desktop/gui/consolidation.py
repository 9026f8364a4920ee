"""File ▸ Consolidated report of subordinate offices (issue 11.5): for a plan kind, fiscal year and period, every
subordinate office's report side by side (core.consolidate.from_store): an office per row, missing ones too, with
its status by the deadline table, its marks, and each indicator's achievement, percent and marks; sorted by a click
on a header, filtered by name and status; an office's report opened read-only from its row; the Word and Excel
consolidated reports written from what is shown.

The window follows the session: a report collected (or a deadline or subordinate office changed) while it is open
shows at once. Nothing here writes a subordinate's report: what the window writes is the office's own feedback
memos to them (issue 11.6, egov_desktop/feedback.py as for `egov-desktop feedback`: recorded as one undo step, the
Word files in the thread pool), shown in the row of each office that got one, and NIS 1.7 filled from them.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSortFilterProxyModel, Qt, QThreadPool
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout)

from egov_desktop.core.collecting import office_key
from egov_desktop.core.consolidate import (LATE, MISSING, ON_TIME, STATUS_NAMES, STATUSES, Consolidation, OfficeRow,
                                           from_store)
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.evidence import TYPE_NAMES
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES
from egov_desktop.core.periods import FiscalYear, period_name
from egov_desktop.core.values import format_date, format_number, format_percent
from egov_desktop.export.consolidated_docx import cell_value, day_text
from egov_desktop.gui import tasks
from egov_desktop.gui.cancel import CancelToken, write_staged
from egov_desktop.gui.dialogs import show_box
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.labels import EXCEL_FILTER, KIND_LABELS, documents_folder, kind_label, kind_order, plan_label
from egov_desktop.store.errors import StoreError

# What a cell sorts by (a header click): numbers as numbers, the status in its order, names as written.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

OFFICE, STATUS, SENT, RECEIVED, MARKS, FEEDBACK = range(6)
LEAD = (N_("Office"), N_("Status"), N_("Sent"), N_("Received"), N_("Marks obtained"), N_("Feedback sent"))
STATUS_ORDER = {ON_TIME: 0, LATE: 1, MISSING: 2}
# Nothing to sort by (no report, not applicable) goes below every number when sorted from the highest.
NONE_KEY = -1.0
MISSING_TEXT, MISSING_BACK = QColor("#7a808a"), QColor("#f1f2f4")
LATE_TEXT = QColor("#a35a00")
WORD_FILTER = N_("Word documents (*.docx)")
# The feedback memos to all the offices, in ConsolidationModel.sent (no office's name is empty).
ALL_OFFICES = ""
# An indicator's header shows its code and the start of its title; the tooltip has the whole.
HEADER_TITLE_CHARS = 18
# The rows measured for the columns' widths.
FIT_ROWS = 40


class ConsolidationModel(QAbstractTableModel):
    """The consolidation as a table: the lead columns, then one column per indicator.

    One cell per indicator shows "achievement · percent · marks" (৮ · ৮০% · ৪) rather than three columns each: an
    officer compares offices down an indicator's column, and three columns of each of 15 to 30 indicators would
    put the one he looks at far off screen, its three numbers apart. The marks are what the consolidation adds
    up, so the column sorts by them; the tooltip spells the three out with the indicator's weight."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cons: Consolidation | None = None
        # office_key(name) -> the feedback memos it got on this report (store.feedback.Feedback, oldest first; a
        # memo to all counts for every subordinate office).
        self.sent: dict[str, list] = {}

    def set_consolidation(self, cons: Consolidation, sent: dict[str, list] | None = None) -> None:
        self.beginResetModel()
        self.cons = cons
        self.sent = sent or {}
        self.endResetModel()

    def retranslate(self) -> None:
        """Every text again, in the language now chosen (the rows, their order and sort keys stay)."""
        last = self.columnCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))

    def row_of(self, row: int) -> OfficeRow:
        return self.cons.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() or self.cons is None else len(self.cons.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() or self.cons is None else len(LEAD) + len(self.cons.columns)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Read only: a subordinate office's figures are its own report's, never typed over here.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.cons is None:
            return None
        if section < len(LEAD):
            return _(LEAD[section]) if role == Qt.ItemDataRole.DisplayRole else None
        col = self.cons.columns[section - len(LEAD)]
        if role == Qt.ItemDataRole.DisplayRole:
            title = col.title if len(col.title) <= HEADER_TITLE_CHARS else col.title[:HEADER_TITLE_CHARS] + "…"
            return f"[{show_digits(col.code)}]\n{title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return Msg(N_("[{code}] {title} (weight {weight})"), {
                "code": show_digits(col.code), "title": col.title,
                "weight": show_digits(format_number(col.weight, current_language()))}).render()
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.cons is None:
            return None
        row, c = self.cons.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, c)
        if role == SORT_ROLE:
            return self._sort_key(row, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, c)
        if role == Qt.ItemDataRole.TextAlignmentRole and c != OFFICE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == MISSING:
                return QBrush(MISSING_TEXT)
            if row.status == LATE and c in (STATUS, SENT):
                return QBrush(LATE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.status == MISSING:
            return QBrush(MISSING_BACK)
        return None

    def _text(self, row: OfficeRow, c: int) -> str:
        lang = current_language()
        if c == OFFICE:
            return row.office
        if c == STATUS:
            return _(STATUS_NAMES[row.status])
        if c == SENT:
            return show_digits(day_text(row.sent, lang))
        if c == RECEIVED:
            return show_digits(day_text(row.received, lang))
        if c == MARKS:
            if row.total is None:
                return "—"
            return show_digits(f"{format_number(row.total, lang)} / {format_number(row.out_of or 0, lang)}")
        if c == FEEDBACK:
            # The last memo's date (NIS 1.7 counts by dates); its number and any earlier ones are in the tooltip.
            sent = self.sent.get(office_key(row.office))
            if not sent:
                return ""
            text = format_date(sent[-1].memo_date, lang)
            return show_digits(text if len(sent) == 1 else Msg(N_("{date} ({n} memos)"), {
                "date": text, "n": len(sent)}).render())
        col = self.cons.columns[c - len(LEAD)]
        cell = row.cells.get(c - len(LEAD))
        if cell is None:
            return ""
        value = cell_value(col, cell, lang)
        if cell.not_applicable or not cell.scorable or (cell.value is None and not cell.dates):
            return show_digits(value)  # nothing achieved, nothing to score: "—" says it
        return show_digits(f"{value} · {format_percent(cell.percent, lang)} · {format_number(cell.score, lang)}")

    def _sort_key(self, row: OfficeRow, c: int):
        if c == OFFICE:
            return office_key(row.office)
        if c == STATUS:
            return STATUS_ORDER[row.status]
        if c == SENT:
            return _when(row.sent)
        if c == RECEIVED:
            return _when(row.received)
        if c == MARKS:
            return NONE_KEY if row.total is None else float(row.total)
        if c == FEEDBACK:
            sent = self.sent.get(office_key(row.office))
            return float(sent[-1].memo_date.toordinal()) if sent else NONE_KEY
        cell = row.cells.get(c - len(LEAD))
        if cell is None or cell.not_applicable or not cell.scorable:
            return NONE_KEY
        return float(cell.score)

    def _tooltip(self, row: OfficeRow, c: int) -> str | None:
        lang = current_language()
        if c == FEEDBACK:
            return "\n".join(memo_line(r, lang) for r in self.sent.get(office_key(row.office), [])) or None
        if row.status == MISSING:
            return _("No report of this period has been collected from this office.")
        if c == SENT:
            return _("When the office sent its report, as the report says: its forwarding memo's date, else when it "
                     "was signed off, else when it was received. On time or late goes by this day.")
        if c == MARKS and row.total is not None:
            return show_digits(Msg(N_("Marks obtained {total} / {out_of} ({percent})"), {
                "total": format_number(row.total, lang), "out_of": format_number(row.out_of or 0, lang),
                "percent": format_percent(row.percent or 0, lang)}).render())
        if c < len(LEAD):
            return None
        col, cell = self.cons.columns[c - len(LEAD)], row.cells.get(c - len(LEAD))
        if cell is None:
            return _("This office's plan does not have this indicator.")
        lines = [f"[{show_digits(col.code)}] {col.title}", show_digits(Msg(N_("Achievement: {value}"), {
            "value": cell_value(col, cell, lang)}).render())]
        if cell.scorable and not cell.not_applicable:
            lines.append(show_digits(Msg(N_("Percent: {percent}; marks obtained {score} of {weight}"), {
                "percent": format_percent(cell.percent, lang), "score": format_number(cell.score, lang),
                "weight": format_number(cell.weight, lang)}).render()))
        if cell.evidence_missing:
            lines.append(_("Evidence missing"))
        return "\n".join(lines)


def memo_line(record, lang: str) -> str:
    """A feedback memo recorded, in a line: "স্মারক নং …, তারিখ …" (to all: said)."""
    text = Msg(N_("Memo no. {number}, dated {date}"), {"number": record.number or "—",
                                                       "date": format_date(record.memo_date, lang)}).render()
    if record.subordinate_key is None:
        text += " " + _("(one memo to all)")
    return show_digits(text)


def _when(when) -> float:
    if when is None:
        return NONE_KEY
    if isinstance(when, dt.datetime):
        return when.timestamp()
    return dt.datetime.combine(when, dt.time()).timestamp()


def _search_key(name: str) -> str:
    """A name as the filter compares it: as offices are matched when collecting (NFC, spaces and case aside), and
    Bangla and Latin digits alike ("উপজেলা ১২" is found by "12" and "১২")."""
    return to_latin_digits(office_key(name))


class OfficeFilter(QSortFilterProxyModel):
    """The rows whose office name holds the text typed (_search_key) and whose status is the one chosen (None: any)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = _search_key(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 (Qt override)
        row = self.sourceModel().row_of(source_row)
        if self._status is not None and row.status != self._status:
            return False
        return self._text in _search_key(row.office)


class ConsolidationWindow(QDialog):
    """Not modal: the user collects more reports from the main window while it stays open."""

    def __init__(self, session, kind: str, fiscal_year: str, period: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.cons: Consolidation | None = None
        self._tasks: dict[tasks.Task, CancelToken] = {}  # the files being written
        self._sending: dict[tasks.Task, _Sending] = {}  # feedback memos being written
        self.message: QMessageBox | None = None  # the last thing said in a box (what was written, or why not)
        self.sent: dict[str, list] = {}  # the feedback memos on these reports (ConsolidationModel.sent)
        self._feedback_folder = documents_folder()

        self.kind_label, self.year_label, self.period_label = QLabel(self), QLabel(self), QLabel(self)
        self.kind, self.fiscal_year, self.period = QComboBox(self), QComboBox(self), QComboBox(self)
        for label, combo in ((self.kind_label, self.kind), (self.year_label, self.fiscal_year),
                             (self.period_label, self.period)):
            label.setBuddy(combo)
        for k in sorted(KIND_LABELS, key=kind_order):
            if k != "other":
                self.kind.addItem("", k)
        self._fill_years(fiscal_year)
        for p in PERIODS:
            self.period.addItem("", p)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.period.setCurrentIndex(max(0, self.period.findData(period)))

        self.find_label, self.show_label = QLabel(self), QLabel(self)
        self.find = QLineEdit(self)
        self.find.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("", None)
        for s in STATUSES:
            self.status_filter.addItem("", s)
        self.find_label.setBuddy(self.find)
        self.show_label.setBuddy(self.status_filter)

        self.model = ConsolidationModel(self)
        self.proxy = OfficeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        # The offices in their own order (the office profile's) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several offices may be chosen (Ctrl, Shift) to write feedback to; the current one is opened.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(60)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)

        # The row of actions on the consolidation: open a report, the Word and Excel files, feedback memos to the
        # offices and NIS 1.7 filled from them (issue 11.6).
        self.open_button, self.word_button, self.excel_button, self.feedback_button, self.nis_button = (
            QPushButton(self) for _i in range(5))
        self.actions = QHBoxLayout()
        for button in (self.open_button, self.word_button, self.excel_button, self.feedback_button, self.nis_button):
            self.actions.addWidget(button)
        self.actions.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.actions.addWidget(self.buttons)
        # Enter in the table opens the office's report; as a dialog's default button it would open it again, or close.
        for button in (self.open_button, self.word_button, self.excel_button, self.feedback_button, self.nis_button,
                       self.buttons.button(QDialogButtonBox.StandardButton.Close)):
            button.setAutoDefault(False)

        pickers = QHBoxLayout()
        for label, combo in ((self.kind_label, self.kind), (self.year_label, self.fiscal_year),
                             (self.period_label, self.period)):
            pickers.addWidget(label)
            pickers.addWidget(combo)
        pickers.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.find_label)
        filters.addWidget(self.find, 1)
        filters.addWidget(self.show_label)
        filters.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addLayout(self.actions)

        for combo in (self.kind, self.fiscal_year, self.period):
            combo.currentIndexChanged.connect(self.refresh)
        self.find.textChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.table.activated.connect(self.open_report)  # Enter, or a double click
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(lambda: self.open_report(self.table.currentIndex()))
        self.word_button.clicked.connect(lambda: self.choose_export("docx"))
        self.excel_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.feedback_button.clicked.connect(self.choose_feedback)
        self.nis_button.clicked.connect(self.fill_nis)
        self.buttons.rejected.connect(self.close)
        session.changed.connect(self._on_changed)

        self.retranslate()
        screen = self.screen().availableGeometry()
        self.resize(int(screen.width() * 0.9), int(screen.height() * 0.8))
        self.refresh()

    # ------------------------------------------------------------ what is shown

    @property
    def store(self):
        return self.session.store

    def _fill_years(self, wanted: str | None = None) -> bool:
        """The fiscal years of the office's plans, of the reports collected and this one, newest first, `wanted`
        among them and chosen (else the year chosen, while it is still there; else the newest). Whether the year
        chosen changed (not said by the combo's signal: the caller reads the consolidation again)."""
        chosen = self.fiscal_year.currentData()
        years = ({p.fiscal_year for p in self.store.list_plans()} | set(self.store.collected_years())
                 | {FiscalYear.of(dt.date.today()).code})
        if wanted is not None:
            years.add(wanted)
        self.fiscal_year.blockSignals(True)
        self.fiscal_year.clear()
        for fy in sorted(years, reverse=True):
            self.fiscal_year.addItem("", fy)
        self._name_years()
        self.fiscal_year.setCurrentIndex(max(0, self.fiscal_year.findData(wanted or chosen)))
        self.fiscal_year.blockSignals(False)
        return self.fiscal_year.currentData() != chosen

    def selection(self) -> tuple[str, str, str]:
        return self.kind.currentData(), self.fiscal_year.currentData(), self.period.currentData()

    def refresh(self, *_args) -> None:
        """Read the consolidation again, keeping the sort, the filters and the office chosen."""
        current = self.current_row()
        try:
            self.cons = from_store(self.store, *self.selection())
            self.sent = self._feedback_sent_before()
        except StoreError as exc:  # the office's server cannot be reached: what was shown stays, and why is said
            self.counts.setText(exc.msg.render())
            return
        self.model.set_consolidation(self.cons, self.sent)
        self._fit_columns()
        if current is not None:
            self.select_office(current.office)
        self._show_counts()
        self._update_buttons()

    def _feedback_sent_before(self) -> dict[str, list]:
        """The feedback memos recorded on these reports (kind, year, period), by office_key of the office's name
        now (a renamed office keeps its memos); a memo to all under ALL_OFFICES and every subordinate office."""
        office = self.store.current_office()
        if office is None:
            return {}
        kind, fiscal_year, period = self.selection()
        names = {s.key: s.name for s in self.store.subordinates(office)}
        sent: dict[str, list] = {}
        for record in self.store.list_feedback(office, fiscal_year, kind):
            if record.period != period:
                continue
            if record.subordinate_key is None:
                for key in (ALL_OFFICES, *(office_key(n) for n in names.values())):
                    sent.setdefault(key, []).append(record)
            else:
                name = names.get(record.subordinate_key, record.recipient or "")
                sent.setdefault(office_key(name), []).append(record)
        return sent

    def _fit_columns(self) -> None:
        """Each column as wide as its header and the first rows need (measuring 300 rows × 30 indicators at every
        change would be slow), the office's wide enough for a district office's name; the user may widen any."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_ROWS)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(OFFICE, max(self.table.columnWidth(OFFICE),
                                              self.fontMetrics().horizontalAdvance("ম" * 24)))

    def _name_years(self) -> None:
        lang = current_language()
        for i in range(self.fiscal_year.count()):
            self.fiscal_year.setItemText(i, show_digits(FiscalYear.parse(self.fiscal_year.itemData(i)).label(lang)))

    def _on_changed(self, summary) -> None:
        # Plans made or deleted, reports collected or removed, here or by another officer on the server: the years
        # offered follow them.
        moved = (summary.plan_list or summary.collected) and self._fill_years()
        # A report collected or replaced, a subordinate office added or renamed (the office profile), the deadlines.
        if moved or summary.collected or summary.settings or summary.office:
            self.refresh()

    def _filter(self, *_args) -> None:
        self.proxy.set_text(self.find.text())
        self.proxy.set_status(self.status_filter.currentData())
        self._show_counts()
        self._update_buttons()

    def _show_counts(self) -> None:
        cons, lang = self.cons, current_language()
        if cons is None:
            return
        if not cons.rows:
            self.counts.setText(_("There are no subordinate offices and no reports collected for this plan and "
                                  "period: add the offices in File → Office profile, or collect their reports."))
            return
        deadline = format_date(cons.deadline, lang) if cons.deadline else "—"
        text = Msg(N_("Deadline {deadline}: {on_time} on time, {late} late, {missing} not received."), {
            "deadline": deadline, "on_time": cons.count(ON_TIME), "late": cons.count(LATE),
            "missing": cons.count(MISSING)}).render()
        shown = self.proxy.rowCount()
        if shown != len(cons.rows):
            text += " " + Msg(N_("Showing {shown} of {count} offices."), {"shown": shown, "count": len(cons.rows)}
                              ).render()
        to_all = self.sent.get(ALL_OFFICES)
        if to_all:
            text += " " + Msg(N_("Feedback to all: {memos}."), {
                "memos": "; ".join(memo_line(r, lang) for r in to_all)}).render()
        self.counts.setText(show_digits(text))

    def current_row(self) -> OfficeRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_office(self, name: str) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, OFFICE)
            if office_key(index.data(ROW_ROLE).office) == office_key(name):
                self.table.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self, *_args) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None and row.status != MISSING and row.submission is not None)
        has_rows = bool(self.cons and self.cons.rows)
        self.word_button.setEnabled(has_rows)
        self.excel_button.setEnabled(has_rows)
        # Feedback is on reports received (send_feedback refuses without one); one round at a time.
        self.feedback_button.setEnabled(has_rows and any(r.total is not None for r in self.cons.rows)
                                        and not self._sending)
        self.nis_button.setVisible(self.selection()[0] == "nis")

    def selected_rows(self) -> list[OfficeRow]:
        """The offices selected, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(OFFICE), key=lambda i: i.row())
        return [i.data(ROW_ROLE) for i in rows]

    # ------------------------------------------------------------ an office's report

    def open_report(self, index: QModelIndex | None = None):
        """The report of the office in the row of `index` (else the current row), read only; None when there is
        no report to show."""
        index = index if index is not None and index.isValid() else self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None or row.status == MISSING or row.submission is None:
            return None
        view = CollectedReportView(self.store, self.store.get_collected(row.submission.key), self.cons.period, self)
        view.show()
        return view

    # ------------------------------------------------------------ Word and Excel

    def choose_export(self, fmt: str) -> None:
        from egov_desktop.export.consolidated_docx import title

        kind, fiscal_year, period = self.selection()
        name = title(self.heading(), period, current_language()).replace(":", " -").replace("/", "-")
        suffix, filter_ = (".docx", WORD_FILTER) if fmt == "docx" else (".xlsx", EXCEL_FILTER)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Word file of the consolidation") if fmt == "docx" else _("Excel file of the consolidation"),
            str(Path(documents_folder()) / (name + suffix)), _(filter_))
        if path:
            self.export_to(Path(path), fmt)

    def heading(self):
        from egov_desktop.export.consolidated_docx import heading_of

        kind, fiscal_year, _period = self.selection()
        return heading_of(self.store.get_office(self.store.current_office()), kind, fiscal_year)

    def export_to(self, path: Path, fmt: str) -> tasks.Task:
        """Write the consolidation shown (all its offices, whatever the filter) as Word or Excel, in the thread pool
        (a file of 300 offices takes seconds); the status line says when it is written or why not."""
        from egov_desktop.export.consolidated_docx import export_docx
        from egov_desktop.export.consolidated_xlsx import export_xlsx

        cons, heading, lang = self.cons, self.heading(), current_language()
        write = export_docx if fmt == "docx" else export_xlsx
        token = CancelToken()
        task = tasks.Task(lambda: write_staged(token, path, lambda staged: write(cons, heading, staged, lang=lang)))
        task.setAutoDelete(False)  # kept until it reports back, so a test can wait on it
        task.signals.done.connect(lambda written: self._exported(task, written))
        task.signals.failed.connect(lambda exc: self._export_failed(task, exc, path))
        self._tasks[task] = token
        self.counts.setText(_("Writing the file…"))
        QThreadPool.globalInstance().start(task)
        return task

    def _exported(self, task, written) -> None:
        self._tasks.pop(task, None)
        self._show_counts()
        self.counts.setText(self.counts.text() + " " + _("File written: {path}").format(path=written))

    def _export_failed(self, task, exc: Exception, path: Path) -> None:
        self._tasks.pop(task, None)
        self._show_counts()
        QMessageBox.warning(self, _("It did not work"), tasks.failure_text(exc, path))

    # ------------------------------------------------------------ feedback memos (issue 11.6)

    def choose_feedback(self) -> None:
        """Ask to whom, the date and the folder (gui/feedback.FeedbackDialog), then send."""
        from egov_desktop.gui.feedback import ALL, EACH, SELECTED, FeedbackDialog

        kind, fiscal_year, period = self.selection()
        chosen = [r for r in self.selected_rows() if r.listed]
        listed = [r for r in self.cons.rows if r.listed]
        heading = show_digits(f"{plan_label(kind, fiscal_year)} — {period_name(period, current_language())}")
        dialog = FeedbackDialog(heading, [r.office for r in chosen], len(listed), fiscal_year, self._feedback_folder,
                                self, answered={SELECTED: chosen, EACH: listed, ALL: self.cons.rows})
        if dialog.exec():
            self.send_feedback(dialog.request())

    def send_feedback(self, request) -> tasks.Task | None:
        """Record the memos `request` asks for (gui/feedback.Request), as `egov-desktop feedback` does
        (egov_desktop/feedback.py: prepare, record, write), and write them in the thread pool; the record becomes
        an undo step once every file is written, and is undone if one cannot be (or the window is closed first),
        with the files written removed. Returns the task (None when refused at once, said in a box)."""
        from egov_desktop.feedback import FeedbackError, prepare, record, write
        from egov_desktop.gui.feedback import ALL, SELECTED

        kind, fiscal_year, period = self.selection()
        offices = [r.office for r in self.selected_rows() if r.listed] if request.to == SELECTED else ()
        try:
            if request.to == SELECTED and not offices:
                raise FeedbackError(Msg(N_("Select the offices to write to in the table first.")))
            batch = prepare(self.store, kind, fiscal_year, period, request.folder, offices, request.to == ALL,
                            request.memo_date, current_language(), cons=self.cons)
            if not self._may_replace(batch.paths, request.folder):
                return None
            change, records = record(self.store, batch)
        except (FeedbackError, StoreError) as exc:
            self._say(QMessageBox.Icon.Warning, _("The feedback memos were not written"), exc.render())
            return None
        self._feedback_folder = str(request.folder)
        token = CancelToken()
        sending = _Sending(self, self.session, change, request.folder, token)
        task = tasks.Task(write, batch, records, token)
        task.setAutoDelete(False)  # kept until it reports back, so a test can wait on it
        task.signals.done.connect(lambda sent: sending.done(task, sent))
        task.signals.failed.connect(lambda exc: sending.failed(task, exc))
        self._sending[task] = sending
        self.counts.setText(_("Writing the feedback memos…"))
        self._update_buttons()
        QThreadPool.globalInstance().start(task)
        return task

    def _may_replace(self, paths: list[Path], folder: Path) -> bool:
        """Memos of an earlier round in the folder have the names of these (the batch's files, as prepare named
        them): replace them only if the user agrees."""
        there = [p for p in paths if p.exists()]
        if not there:
            return True
        answer = QMessageBox.question(self, _("Replace the memos?"), Msg(N_(
            "{n} memo files of the same names are already in {folder} (an earlier round?). Replace them?"),
            {"n": len(there), "folder": str(folder)}).render())
        return answer == QMessageBox.StandardButton.Yes

    def _feedback_sent(self, task, sent) -> None:
        self._sending.pop(task, None)
        self._update_buttons()
        self._show_counts()
        folder = sent[0].path.parent
        numbers = [s.record.number for s in sent if s.record.number]
        text = Msg(N_("{n} feedback memos written and recorded, in the folder {folder}."),
                   {"n": len(sent), "folder": str(folder)}).render()
        if len(numbers) > 1:
            text += " " + Msg(N_("Memo no. {first} to {last}."), {"first": numbers[0], "last": numbers[-1]}).render()
        elif numbers:
            text += " " + Msg(N_("Memo no. {number}."), {"number": numbers[0]}).render()
        if len(numbers) < len(sent):
            text += " " + _("The office profile has no memo-number series: the memos' number is left blank. Add a "
                            "series in the office profile, or write the number by hand.")
        # Not show_digits: the folder's name is shown as it is (Msg gives the numbers the language's digits).
        self._say(QMessageBox.Icon.Information, _("Feedback memos written"), text, folder=folder)

    def _feedback_failed(self, task, exc: Exception, folder: Path) -> None:
        self._sending.pop(task, None)
        self._update_buttons()
        self._show_counts()
        reason = tasks.failure_text(exc, getattr(exc, "filename", None) or folder)
        self._say(QMessageBox.Icon.Warning, _("The feedback memos were not written"),
                  reason + " " + _("Nothing was recorded."))

    def fill_nis(self) -> None:
        """NIS 1.7 of the office's own NIS plan of the year, in its report of the period chosen, from the feedback
        memos recorded (store.fill_nis_feedback, as `egov-desktop feedback --fill-nis`): one undo step."""
        from egov_desktop.core.feedback import filled

        _kind, fiscal_year, period = self.selection()
        lang = current_language()
        plan = self.store.find_plan(fiscal_year, "nis")
        try:
            if plan is None:
                raise StoreError(Msg(N_("There is no {kind} for fiscal year {year} in the database."), {
                    "kind": Msg(PLAN_KIND_NAMES["nis"]), "year": FiscalYear.parse(fiscal_year).label(lang)}))
            change = self.store.fill_nis_feedback(plan, period)
        except StoreError as exc:
            self._say(QMessageBox.Icon.Warning, _("NIS 1.7 was not filled"), show_digits(exc.render()))
            return
        self.session.push(change)
        self._say(QMessageBox.Icon.Information, _("NIS 1.7 filled"),
                  show_digits(filled(self.store.get_document(plan), period, lang)))

    def _say(self, icon, title: str, text: str, folder: Path | None = None) -> None:
        """A box over the window, not blocking (it may come from a finished task); kept as `message`."""
        self.message = show_box(self, icon, title, text, folder=folder)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # A file still being written is left unfinished: nothing half-written takes its name (gui/cancel.py), and
        # the window, deleted on close, is told nothing of it.
        for task, token in self._tasks.items():
            token.cancel()
            task.signals.done.disconnect()
            task.signals.failed.disconnect()
        self._tasks.clear()
        # Feedback memos being written: cancelled, their record is undone when the task ends (_Sending), unless
        # every memo was written by then; the window is not told.
        for sending in self._sending.values():
            sending.token.cancel()
            sending.window = None
        self._sending.clear()
        super().closeEvent(event)

    # ------------------------------------------------------------ language

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        from egov_desktop.gui.dialogs.shortcuts import plain_text

        lang = current_language()
        self.setWindowTitle(plain_text(_("Consolidated re&port of subordinate offices…")))
        self.kind_label.setText(_("P&lan:"))
        self.year_label.setText(_("Fiscal &year:"))
        self.period_label.setText(_("P&eriod:"))
        self.find_label.setText(_("&Find office:"))
        self.find.setPlaceholderText(_("part of the office's name"))
        self.show_label.setText(_("&Show:"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(self.kind.itemData(i)))
        self._name_years()
        for i in range(self.period.count()):
            self.period.setItemText(i, show_digits(period_name(self.period.itemData(i), lang)))
        self.status_filter.setItemText(0, _("All offices"))
        for i, s in enumerate(STATUSES, start=1):
            self.status_filter.setItemText(i, _(STATUS_NAMES[s]))
        self.open_button.setText(_("&Open report"))
        self.word_button.setText(_("&Word file…"))
        self.excel_button.setText(_("E&xcel file…"))
        self.feedback_button.setText(_("Send feed&back…"))
        self.feedback_button.setToolTip(_("Feedback memos to the offices selected, to every subordinate office, or "
                                          "one to all: their score, the indicators below target, the evidence "
                                          "missing"))
        self.nis_button.setText(_("Fill &NIS 1.7"))
        self.nis_button.setToolTip(_("Fill indicator 1.7 (feedback to subordinate offices) of the office's own "
                                     "NIS plan, in this period's report, from the feedback memos recorded"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        if self.model.columnCount():
            self.model.retranslate()
            self._fit_columns()  # the texts and numbers change width with the language and its digits
        self._show_counts()


class _Sending:
    """A round of feedback memos being written: what to do when the task ends, whether or not the window is still
    open (`window` None once closed). The record is the session's undo step only when every memo was written."""

    def __init__(self, window: ConsolidationWindow, session, change, folder: Path, token: CancelToken):
        self.window, self.session, self.change, self.folder, self.token = window, session, change, folder, token

    def done(self, task, sent) -> None:
        if sent is None:  # cancelled (the window closed): the files are gone, the record goes too
            self.change.undo()
            return
        self.session.push(self.change)
        if self.window is not None:
            self.window._feedback_sent(task, sent)

    def failed(self, task, exc: Exception) -> None:
        self.change.undo()
        if self.window is not None:
            self.window._feedback_failed(task, exc, self.folder)


class CollectedReportView(QDialog):
    """A collected report as the office sent it: its table as its own Excel report lays it out (export/report_table:
    the plan, the period's achievements, percent and marks), its score, and the evidence files that came with it (a
    package's), opened from the list; read only, with nothing that could write to it."""

    def __init__(self, store, collected, period: str, parent=None):
        from PySide6.QtWidgets import QFrame, QListWidget, QScrollArea, QSplitter, QWidget

        from egov_desktop.core.scoring import score_report
        from egov_desktop.gui.labels import plan_label
        from egov_desktop.gui.score_view import ScoreSummary

        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.collected = collected
        self.document = doc = collected.document()
        report = doc.report(period)
        lang = current_language()
        self.setWindowTitle(collected.office)
        heading = QLabel(f"<b>{_html(collected.office)}</b><br>{_html(plan_label(collected.kind, collected.fiscal_year))}"
                         f" — {_html(show_digits(period_name(period, lang)))}", self)
        seal = (_("signed, verified") if collected.verified else _("signed, NOT verified")) if collected.signed \
            else _("draft")
        received = show_digits(collected.received_at.astimezone().strftime("%d/%m/%Y %H:%M"))
        self.about = QLabel(Msg(N_("Received {received} from the file {file}; {seal}. Read only: the office's own "
                                   "report, as it was sent."), {
            "received": received, "file": collected.source_name, "seal": seal}).render(), self)
        self.about.setWordWrap(True)
        self.model = ReportTableModel(doc, report, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.resizeColumnsToContents()
        for c in range(self.model.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        self.table.resizeRowsToContents()
        self.score = ScoreSummary(self)
        self.score.set_score(doc.plan, score_report(doc.plan, report, doc.reports))
        area = QScrollArea(self)
        area.setWidget(self.score)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        self.store = store
        self.stored = [(code, f) for code, files in store.collected_evidence(collected.key).items() for f in files]
        self.files = QLabel(_("Evidence files that came with the report (Enter or a double click opens one):")
                            if self.stored else _("No evidence files came with this report."), self)
        self.files.setWordWrap(True)
        self.evidence = QListWidget(self)
        for code, f in self.stored:  # the file's name as it came (its digits too)
            size = Msg(N_("{size} KB"), {"size": max(1, -(-f["size"] // 1024))}).render()
            self.evidence.addItem(f"[{show_digits(code)}] {f['name']} ({TYPE_NAMES.get(f['type'], f['type'])}, {size})")
        self.evidence.setVisible(bool(self.stored))
        self.evidence.itemActivated.connect(lambda item: self.open_evidence(self.evidence.row(item)))
        side = QWidget(self)
        beside = QVBoxLayout(side)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(area, 1)
        beside.addWidget(self.files)
        beside.addWidget(self.evidence)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1000, 260])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(int(screen.width() * 0.85), int(screen.height() * 0.8))

    def open_evidence(self, row: int) -> list[Path]:
        """The evidence file in the list's `row`, opened with the program the system has for it (a copy in a
        temporary folder: the database's is not touched)."""
        from egov_desktop.gui.progress_editor import open_stored

        return open_stored(self.store, [self.stored[row][1]]) if 0 <= row < len(self.stored) else []


def _html(text: str) -> str:
    from html import escape

    return escape(text)


class ReportTableModel(QAbstractTableModel):
    """A report's table, read only: the columns and rows of its Excel sheet (report_table.layout), a header each
    (a group's name above its own), each cell's text as the Word report prints it."""

    def __init__(self, doc, report, parent=None):
        from egov_desktop.export import report_table as rt

        super().__init__(parent)
        _ctx, self.columns, self.rows = rt.layout(doc.plan, report, current_language(), True, doc.reports, sheet=True)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        col = self.columns[section]
        return show_digits("\n".join(t for t in (col.group, col.header, col.header_note) if t))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col, row = self.columns[index.column()], self.rows[index.row()]
        text = col.cell(row).text  # as the Word cell shows it: an achievement with its narrative under it
        return show_digits(text if isinstance(text, str) else "\n".join(t for t in text if t))
