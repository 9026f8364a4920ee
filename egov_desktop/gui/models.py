"""Item models of the two grids: the plan table and the progress entry table.

Both are `QAbstractTableModel`s over a cached `PlanDocument` taken once from
`Store.get_document`. An accepted edit runs one store operation (one commit),
updates the cached document in place and repaints that row; nothing queries
the database per cell. Every other change (another grid's edit, a dialog's, a
structural edit, undo/redo) comes as the session's `changed` signal and reloads
the document once when it concerns the grid.

Besides display and edit text, every cell answers typed roles (`Role`): the
Python value, what kind of cell it is and its unit (the delegate picks its
editor and validator from them), and the severity and message of any finding
or refused input on it.
"""
from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cache
from typing import Any, Hashable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from egov_desktop.core import address, rules, scoring
from egov_desktop.core.address import Address
from egov_desktop.core.kinds import KIND_DEFAULTS
from egov_desktop.core.digits import localize_digits, nfc, to_latin_digits
from egov_desktop.core.i18n import Msg, N_, _
from egov_desktop.core.model import (
    AGGREGATIONS, SCORINGS, UNIT_NAMES, UNITS, Activity, Area, Entry, PlanDocument, Report, is_number,
)
from egov_desktop.core.periods import QUARTERS, FiscalYear, period_name
from egov_desktop.core.progress import ReportChain
from egov_desktop.core.values import format_number, format_percent, format_value
from egov_desktop.gui.i18n_qt import state as language_state
from egov_desktop.gui.validators import CHECK, CHOICE, COMPUTED, NUMBER, TEXT, VALUE, CellError, parse_cell
from egov_desktop.store.errors import InvalidValue, StaleEdit, StoreError


def digits_language() -> str:
    """Whose digits values are shown in: the UI language's, or Latin when the user asked for them."""
    return language_state().digits_language()


class Role(IntEnum):
    VALUE = Qt.ItemDataRole.UserRole + 1  # the Python value (date, number, str, bool, None)
    KIND = Qt.ItemDataRole.UserRole + 2  # validators.TEXT / VALUE / NUMBER / CHOICE / CHECK / COMPUTED
    UNIT = Qt.ItemDataRole.UserRole + 3  # parser unit of VALUE cells: date / count / percent
    REQUIRED = Qt.ItemDataRole.UserRole + 4  # blank is refused
    SEVERITY = Qt.ItemDataRole.UserRole + 5  # "error" / "warning" / None
    MESSAGE = Qt.ItemDataRole.UserRole + 6  # why, in the current language ("" when nothing)
    CHOICES = Qt.ItemDataRole.UserRole + 7  # [(key, label)] of CHOICE cells
    WHERE = Qt.ItemDataRole.UserRole + 8  # the findings address of the cell
    LONG = Qt.ItemDataRole.UserRole + 9  # a text that may run to sentences: edited in a wrapping box
    BASE = Qt.ItemDataRole.UserRole + 10  # (previous quarter's year-to-date, its period) where "+২" adds to it
    FISCAL_YEAR = Qt.ItemDataRole.UserRole + 11  # of a date cell: a date outside it is marked while typed


# Columns of texts people write sentences in (level names and the like stay one line).
LONG_TEXT_COLUMNS = frozenset({"title", "narrative", "evidence", "remarks", "responsible"})
_LEVELS_TITLE = N_("Percent of each target level")
# What a column means, where its header alone may leave doubt.
_COLUMN_TIPS = {
    "value": N_("The achievement from the start of the fiscal year to the end of this period"),
    "own": N_("This quarter's own figure: the achievement minus the previous quarter's, for indicators whose "
              "quarters add up (sum). Type a figure with + in the achievement (+২) to add it to the previous "
              "quarter's"),
    "numerator": N_("Of a percent: the quarter's count achieved (e.g. decisions carried out); with the denominator "
                    "it makes the quarter's rate and the year-to-date"),
    "denominator": N_("Of a percent: the quarter's count it is out of (e.g. decisions taken)"),
    "percent": N_("The percent of the indicator's weight earned, from the target levels"),
    "score": N_("The marks earned: weight × percent ÷ 100"),
    "not_applicable": N_("Tick when the indicator does not apply to this office; it is left out of the score"),
    "alternative": N_("Tick when the indicator's condition for its alternative held this period (GRS: no complaint "
                      "was received): the achievement is then the alternative indicator's, scored against its "
                      "targets with this indicator's weight"),
    "aggregation": N_("How the quarters add up to the year: sum, average, latest figure or date of completion"),
}
# The roles the headers answer (headerData); the others are None.
_HEADER_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole})
UNIT_LABELS = {**UNIT_NAMES, "percent": "%"}
SCORING_LABELS = {"levels": N_("by target levels"), "proportional": N_("proportional to the target")}
AGGREGATION_LABELS = {"sum": N_("sum"), "average": N_("average"), "cumulative": N_("cumulative"), "date": N_("date of completion")}

# Severity colours, soft enough that the Bangla on them stays readable.
REFUSED = "refused"
# The rule of the finding a refused text makes (issue 15.2: it was dropped without a word).
NOT_SAVED = "not_saved"
_BACKGROUND = {REFUSED: QColor("#f8c9c9"), rules.ERROR: QColor("#fbe0e0"), rules.WARNING: QColor("#fff3cd")}
_FOREGROUND = {REFUSED: QColor("#8b0000"), rules.ERROR: QColor("#8b0000")}
_READ_ONLY = QColor("#f3f4f6")
_AREA_ROW = QColor("#e3ecf7")
_ACTIVITY_ROW = QColor("#f0f5fb")


@cache
def _bold() -> QFont:
    # Made on first use: a QFont wants the application to exist.
    font = QFont()
    font.setBold(True)
    return font


@dataclass(slots=True)
class Cell:
    kind: str
    value: Any = None
    editable: bool = False
    unit: str | None = None
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    base: tuple[Any, str] | None = None  # Role.BASE


def _choices(labels: dict[str, str], keys: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((k, labels[k]) for k in keys)


# What a pasted not-applicable cell may say.
_TICKED = {nfc(w) for w in ("1", "x", "✓", "✔", "yes", "y", "true", "হ্যাঁ", "হ্যা", "প্রযোজ্য নয়")}
_UNTICKED = {nfc(w) for w in ("", "0", "no", "n", "false", "না")}


def _parse_tick(text) -> bool:
    if isinstance(text, bool):
        return text
    word = to_latin_digits(nfc(str(text))).strip().lower()
    if word in _TICKED:
        return True
    if word in _UNTICKED:
        return False
    raise CellError(Msg(N_("tick or untick: yes or no")))


class GridModel(QAbstractTableModel):
    """What both grids share: roles, colouring, findings, refused input, saving through the undo stack."""

    # A message for the status bar (the reason an input was refused, what was saved, ...).
    status = Signal(str)
    # The cached document changed (an edit, an undo, a reload): scores and findings are fresh.
    changed = Signal()
    findings_changed = Signal(list)

    def __init__(self, session, plan_key: int, parent=None, document: PlanDocument | None = None):
        """`document`: the plan as just read from the store, when the caller has it (the window reads it once for
        both grids); the model applies its edits to it in place, so it must be the model's own."""
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.plan_key = plan_key
        self.undo_stack = session.undo_stack
        self._doc: PlanDocument = document if document is not None else self.store.get_document(plan_key)
        self._columns: list[tuple[str, str]] = []  # (column key, header msgid or literal label)
        self._col_index: dict[str, int] = {}
        # Text typed but not saved (refused), by (row id, col key) so it outlasts a reload: (text, reason).
        self._refused: dict[tuple[Hashable, str], tuple[str, str]] = {}
        self._findings: list = []
        self._by_cell: dict[tuple[int, str], list] = {}
        # Out of sight (hold): a change is read when the grid comes back, not at every edit elsewhere (stale).
        self._held = self._stale = False
        self._build()
        self._recheck(emit=False)
        session.changed.connect(self._on_changed)
        session.failed.connect(self._on_replay_failed)

    # -------------------------------------------------------------- to override

    def _build(self) -> None:
        """Rebuild rows and columns from self._doc."""
        raise NotImplementedError

    def _row_count(self) -> int:
        raise NotImplementedError

    def _cell(self, row: int, col: str) -> Cell | None:
        raise NotImplementedError

    def _write(self, row: int, col: str, value):
        """Run the store operation; returns its Change."""
        raise NotImplementedError

    def _apply(self, row: int, col: str, value) -> None:
        """Put an accepted value into the cached document."""
        raise NotImplementedError

    def _check(self) -> list:
        raise NotImplementedError


    def _locate(self, where: Address) -> tuple[int, str] | None:
        """The cell a finding's `where` points at."""
        raise NotImplementedError

    def _row_style(self, row: int) -> tuple[QColor | None, bool]:
        return None, False

    def _row_code(self, row: int) -> str:
        raise NotImplementedError

    def _row_title(self, row: int) -> str | None:
        raise NotImplementedError

    def _row_id(self, row: int) -> Hashable:
        """What identifies a row across reloads (its codes may be renumbered, its position move)."""
        raise NotImplementedError

    # ------------------------------------------------------------ public API

    @property
    def document(self) -> PlanDocument:
        return self._doc

    def findings(self) -> list:
        """The rules' findings and, as errors, the text typed here that was not saved."""
        return list(self._findings) + self._not_saved()

    def not_saved(self) -> list[QModelIndex]:
        """The cells showing text that was not saved, top to bottom."""
        rows = {self._row_id(r): r for r in range(self._row_count())} if self._refused else {}
        return sorted((self.index(rows[ident], self._col_index[col]) for ident, col in self._refused
                       if ident in rows and col in self._col_index), key=lambda i: (i.row(), i.column()))

    def discard_not_saved(self) -> None:
        """Abandon every text that was not saved (the window closes): the saved values are shown again."""
        for index in self.not_saved():
            self.forget_refused(index)

    def _not_saved(self) -> list:
        findings = []
        for index in self.not_saved():
            text, reason = self._refused[self._spot(index)]
            msg = Msg(N_("Not saved: “{text}” ({reason}). Correct it, or press Esc on the cell to keep the saved "
                         "value."), {"text": text, "reason": reason})
            findings.append(rules.Finding(self._where(index.row(), self.column_key(index.column())),
                                          NOT_SAVED, rules.ERROR, msg))
        return findings

    def _spot(self, index: QModelIndex) -> tuple[Hashable, str]:
        return self._row_id(index.row()), self.column_key(index.column())

    def column_of(self, key: str) -> int:
        return self._col_index[key]

    def column_key(self, column: int) -> str:
        return self._columns[column][0]

    def index_for_where(self, where: Address) -> QModelIndex:
        spot = self._locate(where)
        if spot is None or spot[1] not in self._col_index:
            return QModelIndex()
        return self.index(spot[0], self._col_index[spot[1]])

    def is_tab_stop(self, index: QModelIndex) -> bool:
        """Cells the keyboard visits: those that can be typed into or ticked."""
        flags = self.flags(index)
        return bool(flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable))

    def refuse(self, index: QModelIndex, text: str, reason: str) -> None:
        """Show text that was not saved in the cell, marked, with the reason (nothing is written). Until it is
        corrected or abandoned it is an error finding: it blocks sign-off and export."""
        self._refused[self._spot(index)] = (text, reason)
        self.dataChanged.emit(index, index)
        self.status.emit(reason)
        self.findings_changed.emit(self.findings())

    def forget_refused(self, index: QModelIndex) -> bool:
        """Drop the refused text of a cell and show its saved value again (Esc)."""
        if self._refused.pop(self._spot(index), None) is None:
            return False
        self.dataChanged.emit(index, index)
        self.findings_changed.emit(self.findings())
        return True

    def parse(self, index: QModelIndex, text: str):
        """The value `text` would save in this cell; raises CellError."""
        cell = self._cell(index.row(), self.column_key(index.column()))
        if cell is None or not cell.editable or self.store.readonly:
            raise CellError(self._fixed_reason())
        if cell.kind == CHOICE:
            if text not in dict(cell.choices):
                raise CellError(Msg(N_("must be one of: {allowed}"), {"allowed": ", ".join(_(l) for _k, l in cell.choices)}))
            return text
        if cell.kind == CHECK:
            return _parse_tick(text)
        return parse_cell(cell.kind, cell.unit, text, cell.required, cell.base[0] if cell.base else None)

    def _fixed_reason(self) -> Msg:
        """Why a cell takes no value."""
        return Msg(N_("this cell cannot be changed"))

    def apply_many(self, edits: list[tuple[QModelIndex, Any]], description: Msg) -> bool:
        """Write several parsed values as one store transaction and one undo step (paste)."""
        if not edits:
            return False
        try:
            with self.store.group(description) as group:
                for index, value in edits:
                    self._write(index.row(), self.column_key(index.column()), value)
        except StoreError as exc:
            self.status.emit(exc.msg.render())
            with suppress(StoreError):  # the server went down: the cells keep what they showed, nothing was saved
                self._reload()
            return False
        for index, value in edits:
            self._refused.pop(self._spot(index), None)
            self._apply(index.row(), self.column_key(index.column()), value)
        self._after_edit(min(i.row() for i, _v in edits), max(i.row() for i, _v in edits))
        self.session.push(group.change, origin=self)
        return True

    def reload(self) -> None:
        self._reload()

    def retranslate(self) -> None:
        """The language changed: every text (headers, cells, messages) is shown anew."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self._emit_all()
        self.findings_changed.emit(self.findings())

    # ------------------------------------------------------- Qt model interface

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in _HEADER_ROLES:
            return None  # at once: the row header asks each row for every role, several times before the first frame
        if Qt.Orientation(orientation) == Qt.Orientation.Horizontal:  # Python callers may pass a plain int
            if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self._columns):
                tip = _COLUMN_TIPS.get(self._columns[section][0])
                return _(tip) if tip else None
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
                key, header = self._columns[section]
                if key.startswith("target:"):
                    return self._doc.plan.levels[int(key[7:])].label  # the plan's own word, kept up to date
                if key == "previous":
                    return Msg(N_("Up to {period}"), {"period": period_name(self._chain.previous.period)}).render()
                if key.startswith("actual:"):
                    year = FiscalYear.parse(self._doc.plan.fiscal_year)
                    before = year.previous() if key == "actual:1" else year.previous().previous()
                    return Msg(N_("Actual achievement {fiscal_year}"),
                               {"fiscal_year": before.label(digits_language())}).render()
                return _(header)
            return None
        # The row header is the row's code (ক্রম): it stays in view however far the grid scrolls sideways.
        if not 0 <= section < self._row_count():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return localize_digits(self._row_code(section), digits_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._row_title(section)
        if role == Qt.ItemDataRole.FontRole:
            _shade, bold = self._row_style(section)
            return _bold() if bold else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self._cell(index.row(), self._columns[index.column()][0])
        if cell is not None and cell.editable and not self.store.readonly:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if cell.kind == CHECK else Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), self._columns[index.column()][0]
        cell = self._cell(row, col)
        refused = self._refused.get((self._row_id(row), col)) if self._refused else None
        if role == Qt.ItemDataRole.DisplayRole:
            if refused is not None:
                return refused[0]
            return self._display(cell)
        if role == Qt.ItemDataRole.EditRole:
            if refused is not None:
                return refused[0]
            if cell is not None and cell.kind == CHOICE:
                return cell.value
            return self._display(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            severity = self._severity(row, col, refused)
            if severity is not None:
                return QBrush(_BACKGROUND[severity])
            shade = self._row_style(row)[0]
            if shade is not None:
                return QBrush(shade)
            if cell is None or not cell.editable or self.store.readonly:
                return QBrush(_READ_ONLY)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = _FOREGROUND.get(self._severity(row, col, refused))
            return QBrush(colour) if colour is not None else None
        if role == Role.MESSAGE:
            return self._message(row, col, refused)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The reason when there is one; else long text in full, as a narrow column cuts it short.
            text = self._message(row, col, refused)
            if not text and cell is not None and cell.kind == TEXT and cell.value and len(cell.value) > 20:
                return cell.value
            return text or None
        if role == Role.SEVERITY:
            return self._severity(row, col, refused)
        if role == Qt.ItemDataRole.CheckStateRole:
            if cell is not None and cell.kind == CHECK:
                return Qt.CheckState.Checked if cell.value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell is not None and cell.kind in (VALUE, NUMBER, COMPUTED):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            _shade, bold = self._row_style(row)
            return _bold() if bold else None
        if cell is None:
            return None
        if role == Role.VALUE:
            return cell.value
        if role == Role.KIND:
            return cell.kind
        if role == Role.UNIT:
            return cell.unit
        if role == Role.REQUIRED:
            return cell.required
        if role == Role.CHOICES:
            return [(k, _(label)) for k, label in cell.choices]
        if role == Role.WHERE:
            return self._where(row, col)
        if role == Role.LONG:
            return cell.kind == TEXT and col in LONG_TEXT_COLUMNS
        if role == Role.BASE:
            return cell.base
        if role == Role.FISCAL_YEAR:
            return self.document.plan.fiscal_year if cell.unit == "date" else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
            text = value
        elif role == Qt.ItemDataRole.EditRole:
            text = "" if value is None else value
        else:
            return False
        try:
            parsed = self.parse(index, text)
        except CellError as exc:
            self.refuse(index, str(text), exc.render())
            return False
        return self.save(index, parsed, str(text) if role == Qt.ItemDataRole.EditRole else None)

    def save(self, index: QModelIndex, value, text: str | None = None) -> bool:
        """Write one parsed value: one store operation, one undo step. When the store cannot write it (the
        server is down, the disk full) the cell keeps `text`, as typed, marked as not saved: the officer
        tries again later (Enter on it) or abandons it (Esc)."""
        row, col = index.row(), self.column_key(index.column())
        cell = self._cell(row, col)
        if self._refused.pop((self._row_id(row), col), None) is not None:
            self.findings_changed.emit(self.findings())
        if cell is not None and cell.value == value and type(cell.value) is type(value):
            self.dataChanged.emit(index, index)  # nothing to save; only clear a refused mark
            return True
        try:
            change = self._write(row, col, value)
        except StaleEdit as exc:
            self.refuse(index, self._display(cell), exc.msg.render())
            return False
        except StoreError as exc:
            self.refuse(index, self._display(cell) if text is None else text, exc.msg.render())
            return False
        self._apply(row, col, value)
        self._after_edit(row, row)
        self.session.push(change, origin=self)
        self.status.emit(change.description.render())
        return True

    # --------------------------------------------------------------- helpers

    def _display(self, cell: Cell | None) -> str | None:
        if cell is None or cell.value is None or cell.kind == CHECK:
            return None
        lang = digits_language()
        try:
            if cell.kind == VALUE:
                return format_value(cell.value, cell.unit, lang)
            if cell.kind == NUMBER:
                return format_number(cell.value, lang)
            if cell.kind == COMPUTED:
                return format_percent(cell.value, lang) if cell.unit == "percent" else format_number(cell.value, lang)
        except (TypeError, ValueError, AttributeError):
            # A value that does not fit its unit (the rules report it) is shown as it is, not hidden.
            return localize_digits(str(cell.value), lang)
        if cell.kind == CHOICE:
            return _(dict(cell.choices).get(cell.value, cell.value))
        return str(cell.value)

    def _severity(self, row: int, col: str, refused) -> str | None:
        if refused is not None:
            return REFUSED
        found = self._by_cell.get((row, col))
        if not found:
            return None
        return rules.ERROR if any(f.is_error for f in found) else rules.WARNING

    def _message(self, row: int, col: str, refused) -> str:
        lines = [refused[1]] if refused is not None else []
        lines += [f.message() for f in self._by_cell.get((row, col), ())]
        return "\n".join(lines)

    def _where(self, row: int, col: str) -> Address | None:
        return None

    def _emit_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _after_edit(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self._recheck(rows=range(first, last + 1))
        self.changed.emit()

    def _check_rows(self, rows: range) -> list | None:
        """The findings after an edit of `rows` only, or None: check everything again."""
        return None

    def _recheck(self, emit: bool = True, rows: range | None = None) -> None:
        """Run the cross-field rules on the cached document (after an edit of `rows`, only what it can
        change) and recolour the cells whose findings changed."""
        old_findings, old_cells = self._findings, self._by_cell
        findings = None if rows is None else self._check_rows(rows)
        self._findings = self._check() if findings is None else findings
        self._by_cell = {}
        for finding in self._findings:
            spot = self._locate(finding.where)
            if spot is not None:
                self._by_cell.setdefault(spot, []).append(finding)
        if not emit:
            return
        for spot in old_cells.keys() | self._by_cell.keys():
            row, col = spot
            if old_cells.get(spot) != self._by_cell.get(spot) and col in self._col_index and row < self.rowCount():
                index = self.index(row, self._col_index[col])
                self.dataChanged.emit(index, index)
        if self._findings != old_findings or self._refused:  # a refused text's row may have moved
            self.findings_changed.emit(self.findings())

    def _structure(self) -> list:
        return self._structure_of(self._doc)

    def _reload(self) -> None:
        """Take the document from the store again (after undo/redo or a structural edit)."""
        before = self._structure()
        columns_before = list(self._columns)
        doc = self.store.get_document(self.plan_key)
        if self._structure_of(doc) == before:
            self._doc = doc
            self._build()
            if self._columns == columns_before:
                self._emit_all()
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
            else:
                self.beginResetModel()
                self.endResetModel()
        else:
            self.beginResetModel()
            self._doc = doc
            self._build()
            self.endResetModel()
        self._recheck()
        self.changed.emit()

    def _structure_of(self, doc: PlanDocument) -> list:
        """What identifies the rows and columns; when it changes, views are reset rather than repainted."""
        raise NotImplementedError

    def _on_replay_failed(self, exc) -> None:
        self.status.emit(exc.msg.render())

    def detach(self) -> None:
        """Stop following the session: the plan is gone (its import undone) and the grid is about to close."""
        self.session.changed.disconnect(self._on_changed)
        self.session.failed.disconnect(self._on_replay_failed)

    def _on_changed(self, summary) -> None:
        # The grid that made a change has shown it already (in place, without reading the document again). Both
        # grids follow the plan and every report of it: a seal locks the plan grid, and the earlier reports give
        # the progress grid its "previous" column and the base of "+২".
        if summary.origin is not self and summary.concerns(self.plan_key):
            if self._held:
                self._stale = True
            else:
                self._reload()

    def hold(self, held: bool) -> None:
        """A grid out of sight (another report is shown) reads the plan again when it comes back into view, not at
        every edit: each open report's grid cost a reading of the whole plan per Enter."""
        self._held = held
        if not held:
            self.fresh()

    def fresh(self) -> None:
        """Read what changed while out of sight now (its findings are wanted before it is shown)."""
        if self._stale:
            self._stale = False
            self._reload()


# ---------------------------------------------------------------- the plan


PLAN, LEVELS, AREA, ACTIVITY, INDICATOR = "plan", "levels", "area", "activity", "indicator"
_PLAN_ROW = QColor("#d5e3f3")


# An NIS-shaped plan's annual target split by quarter (PLANS.md §2.1, columns ৮–১১).
_QUARTER_COLUMNS = (("quarter:0", N_("Q1 target")), ("quarter:1", N_("Q2 target")),
                    ("quarter:2", N_("Q3 target")), ("quarter:3", N_("Q4 target")))


def has_quarter_targets(plan) -> bool:
    """Whether the plan's grids show quarter targets: its kind splits targets by quarter (NIS), or one of
    its indicators has them (the kind sets a default, not the structure)."""
    return KIND_DEFAULTS[plan.kind].quarter_targets or any(i.quarter_targets for i in plan.indicators())


# RTI's প্রকৃত অর্জন of the two fiscal years before the plan's (PLANS.md §5.1); headed with those years.
_ACTUAL_COLUMNS = (("actual:0", ""), ("actual:1", ""))


def has_previous_actuals(plan) -> bool:
    """Whether the plan grid shows the previous years' actuals: an RTI plan, or one that has them."""
    return plan.kind == "rti" or any(i.previous_actuals for i in plan.indicators())


def has_target_dates(plan) -> bool:
    """Whether the grids show several dates per indicator (NIS 1.5–1.7): the kind splits targets by quarter
    (NIS), or an indicator has them."""
    return KIND_DEFAULTS[plan.kind].quarter_targets or any(i.target_dates for i in plan.indicators())


def has_quarter_figures(doc: PlanDocument) -> bool:
    """Whether a quarter's progress grid takes the quarter's own figures and a percent's counts (PLANS.md §2.4):
    the plan splits its targets by quarter (NIS), or a report of it has such figures already."""
    return has_quarter_targets(doc.plan) or any(
        is_number(e.period_value) or is_number(e.numerator) or is_number(e.denominator)
        for r in doc.reports for e in r.entries)


# Progress cells that hold a quarter's own figures, and the entry field each writes.
_FIGURE_FIELDS = {"own": "period_value", "numerator": "numerator", "denominator": "denominator"}


def _plan_rows(doc: PlanDocument) -> list[tuple]:
    # First the plan itself (title, total weight, level names), then the percent of each level.
    rows = [(PLAN, None, None, None), (LEVELS, None, None, None)]
    for area in doc.plan.areas:
        rows.append((AREA, area, None, None))
        for activity in area.activities:
            rows.append((ACTIVITY, area, activity, None))
            for indicator in activity.indicators:
                rows.append((INDICATOR, area, activity, indicator))
    return rows


class PlanModel(GridModel):
    """The plan as one outline table: the plan and its levels, then a row per area, per activity and
    per indicator, in order."""

    def _structure_of(self, doc: PlanDocument) -> list:
        return [(kind, (item or act or area).key, (item or act or area).code)
                for kind, area, act, item in _plan_rows(doc)[2:]] + [len(doc.plan.levels),
                                                                    has_quarter_targets(doc.plan),
                                                                    has_target_dates(doc.plan),
                                                                    has_previous_actuals(doc.plan)]

    def _build(self) -> None:
        self._rows = _plan_rows(self._doc)
        levels = [(f"target:{i}", "") for i in range(len(self._doc.plan.levels))]
        self._columns = [
            ("title", N_("Area / activity / indicator")),
            ("weight", N_("Weight")),
            ("unit", N_("Unit")),
            *levels,
            *(_QUARTER_COLUMNS if has_quarter_targets(self._doc.plan) else ()),
            *([("target_dates", N_("Target dates"))] if has_target_dates(self._doc.plan) else []),
            *(_ACTUAL_COLUMNS if has_previous_actuals(self._doc.plan) else ()),
            ("scoring", N_("Scoring")),
            ("aggregation", N_("Roll-up")),
            ("evidence", N_("Evidence")),
            ("responsible", N_("Responsible")),
        ]
        self._col_index = {key: i for i, (key, _h) in enumerate(self._columns)}
        # By code and, of an indicator, its occurrence (Plan.places): each of two with one code is its own row.
        self._row_of, self._row_of_key = {}, {}
        places = iter(self._doc.plan.places())
        self._place_of: dict[int, tuple[str, int | None]] = {}
        for row, (kind, area, act, ind) in enumerate(self._rows[2:], start=2):
            item = ind or act or area
            occurrence = None
            if kind == INDICATOR:
                self._place_of[row] = place = next(places)
                occurrence = place[1]
            self._row_of[(kind, item.code, occurrence)] = row
            self._row_of_key[(kind, item.key)] = row

    def _row_count(self) -> int:
        return len(self._rows)

    def _row_id(self, row: int) -> Hashable:
        kind, area, act, ind = self._rows[row]
        return (kind,) if kind in (PLAN, LEVELS) else (kind, (ind or act or area).key)

    def _row_code(self, row: int) -> str:
        kind, area, act, ind = self._rows[row]
        if kind == LEVELS:
            return "%"
        return "" if kind == PLAN else (ind or act or area).code

    def _row_title(self, row: int) -> str | None:
        kind, area, act, ind = self._rows[row]
        if kind == PLAN:
            return self._doc.plan.title
        if kind == LEVELS:
            return _(_LEVELS_TITLE)
        return (ind or act or area).title

    def row_item(self, row: int):
        """(kind, area, activity, indicator) of a row."""
        return self._rows[row]

    def row_of(self, kind: str, code: str, occurrence: int | None = None) -> int | None:
        """The row of an area, activity or indicator by its code; of two indicators with one code, the first, or
        the `occurrence`-th (from 2, Plan.places)."""
        return self._row_of.get((kind, code, occurrence))

    def row_of_key(self, kind: str, key: int | None) -> int | None:
        return self._row_of_key.get((kind, key))

    def _row_style(self, row: int):
        kind = self._rows[row][0]
        if kind in (PLAN, LEVELS):
            return _PLAN_ROW, kind == PLAN
        if kind == AREA:
            return _AREA_ROW, True
        if kind == ACTIVITY:
            return _ACTIVITY_ROW, False
        return None, False

    def _cell(self, row: int, col: str) -> Cell | None:
        kind, area, act, ind = self._rows[row]
        if kind == PLAN:
            plan = self._doc.plan
            if col == "title":
                return Cell(TEXT, plan.title, True, required=True)
            if col == "weight":
                return Cell(NUMBER, plan.total_weight, True, required=True)
            if col.startswith("target:"):
                return Cell(TEXT, plan.levels[int(col[7:])].label, True, required=True)
            return None
        if kind == LEVELS:
            if col == "title":
                return Cell(TEXT, _(_LEVELS_TITLE))
            if col.startswith("target:"):
                return Cell(VALUE, self._doc.plan.levels[int(col[7:])].percent, True, unit="percent", required=True)
            return None
        if kind == AREA:
            if col == "title":
                return Cell(TEXT, area.title, True)
            if col == "weight":
                return Cell(NUMBER, area.weight, True)
            return None
        if kind == ACTIVITY:
            return Cell(TEXT, act.title, True, required=True) if col == "title" else None
        if col == "title":
            return Cell(TEXT, ind.title, True, required=True)
        if col == "weight":
            return Cell(NUMBER, ind.weight, True, required=True)
        if col == "unit":
            return Cell(CHOICE, ind.unit, True, choices=_choices(UNIT_LABELS, UNITS))
        if col.startswith("target:"):
            level = int(col[7:])
            value = ind.targets[level] if level < len(ind.targets) else None
            return Cell(VALUE, value, True, unit=ind.value_unit)
        if col.startswith("quarter:"):
            quarter = int(col[8:])
            return Cell(VALUE, (ind.quarter_targets or [None] * 4)[quarter], True, unit=ind.value_unit)
        if col.startswith("actual:"):
            return Cell(VALUE, (ind.previous_actuals or [None, None])[int(col[7:])], True, unit=ind.value_unit)
        if col == "target_dates":
            dated = ind.unit in ("date", "count_and_date")
            return Cell(VALUE, ind.target_dates, dated, unit="dates") if dated else None
        if col == "scoring":
            return Cell(CHOICE, ind.effective_scoring, True, choices=_choices(SCORING_LABELS, SCORINGS))
        if col == "aggregation":
            return Cell(CHOICE, ind.effective_aggregation, True, choices=_choices(AGGREGATION_LABELS, AGGREGATIONS))
        if col in ("evidence", "responsible"):
            return Cell(TEXT, getattr(ind, col), True)
        return None

    def _write(self, row: int, col: str, value):
        kind, area, act, ind = self._rows[row]
        if kind == PLAN:
            if col.startswith("target:"):
                return self.store.set_level(self.plan_key, int(col[7:]), "label", value)
            return self.store.set_plan_field(self.plan_key, "total_weight" if col == "weight" else col, value)
        if kind == LEVELS:
            return self.store.set_level(self.plan_key, int(col[7:]), "percent", value)
        if kind == AREA:
            return self.store.set_area_field(area.key, col, value)
        if kind == ACTIVITY:
            return self.store.set_activity_field(act.key, col, value)
        if col.startswith("target:"):
            return self.store.set_target(ind.key, int(col[7:]), value)
        if col.startswith("quarter:"):
            return self.store.set_quarter_target(ind.key, int(col[8:]), value)
        if col == "target_dates":
            return self.store.set_target_dates(ind.key, value)
        if col.startswith("actual:"):
            return self.store.set_previous_actual(ind.key, int(col[7:]), value)
        return self.store.set_indicator_field(ind.key, col, value)

    def _apply(self, row: int, col: str, value) -> None:
        kind, area, act, ind = self._rows[row]
        if kind in (PLAN, LEVELS):
            plan = self._doc.plan
            if col.startswith("target:"):
                setattr(plan.levels[int(col[7:])], "label" if kind == PLAN else "percent", value)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, self._col_index[col], self._col_index[col])
            else:
                setattr(plan, "total_weight" if col == "weight" else col, value)
            return
        if col.startswith("target:"):
            level = int(col[7:])
            ind.targets.extend([None] * (level + 1 - len(ind.targets)))
            ind.targets[level] = value
            return
        if col == "target_dates":
            ind.target_dates = list(value) if value else None
            return
        if col.startswith("actual:"):
            actuals = list(ind.previous_actuals or [None, None])
            actuals[int(col[7:])] = value
            ind.previous_actuals = actuals if any(a is not None for a in actuals) else None
            return
        if col.startswith("quarter:"):
            quarters = list(ind.quarter_targets or [None] * 4)
            quarters[int(col[8:])] = value
            ind.quarter_targets = quarters if any(q is not None for q in quarters) else None
            return
        if col == "unit" and value != ind.unit:
            # Targets typed for another unit mean nothing now; the store clears them too.
            self._reload()
            return
        setattr(ind or act or area, col, value)

    def _check(self) -> list:
        return rules.check_plan(self._doc.plan)

    def _locate(self, a: Address) -> tuple[int, str] | None:
        if a.scope == address.PLAN:
            if a.field == "levels" and a.index is not None:  # a level's name on the plan row, its percent below
                return (0 if a.part == "label" else 1), f"target:{a.index}"
            return 0, "weight" if a.field == "total_weight" else "title"
        if a.scope in (AREA, ACTIVITY):
            row = self._row_of.get((a.scope, a.code, None))
            if row is None:
                return None
            return row, (a.field or "weight") if a.scope == AREA else "title"  # "area:1" is about the weights
        if a.scope != address.INDICATOR:
            return None
        row = self._row_of.get((INDICATOR, a.code, a.occurrence))
        if row is None:
            return None
        if a.field == "targets" and a.index is not None:
            return row, f"target:{a.index}"
        if a.field == "previous_actuals" and f"actual:{a.index}" in self._col_index:
            return row, f"actual:{a.index}"
        if a.field == "target_dates" and "target_dates" in self._col_index:
            return row, "target_dates"
        if a.field == "quarter_targets" and f"quarter:{a.index}" in self._col_index:
            return row, f"quarter:{a.index}"
        return row, a.field if a.field in self._col_index else "title"

    def _where(self, row: int, col: str) -> Address | None:
        kind, area, act, ind = self._rows[row]
        if kind in (PLAN, LEVELS) and col.startswith("target:"):
            return Address(address.PLAN, field="levels", index=int(col[7:]), part="label" if kind == PLAN else "percent")
        if kind == PLAN:
            return Address(address.PLAN, field="total_weight" if col == "weight" else col)
        if kind == LEVELS:
            return None
        if kind == AREA:
            return Address(AREA, area.code, "title" if col == "title" else None)
        if kind == ACTIVITY:
            return Address(ACTIVITY, act.code)
        occurrence = self._place_of[row][1]
        for prefix, field in (("target:", "targets"), ("quarter:", "quarter_targets"), ("actual:", "previous_actuals")):
            if col.startswith(prefix):
                return Address(address.INDICATOR, ind.code, field, int(col[len(prefix):]), occurrence=occurrence)
        return Address(address.INDICATOR, ind.code, None if col == "title" else col, occurrence=occurrence)


# ------------------------------------------------------------- the progress




class ProgressModel(GridModel):
    """A report being entered: one row per indicator, targets shown for reference, score computed live."""

    scored = Signal()  # `score` is new (an edit, an undo, or a value being typed)

    def __init__(self, session, plan_key: int, period: str, parent=None, document: PlanDocument | None = None):
        self.period = period
        self._score: scoring.ReportScore | None = None
        self._trial: Entry | None = None  # the achievement being typed (preview), not saved yet
        self._trial_column: str | None = None  # the column it is typed in (its own cell shows the editor)
        super().__init__(session, plan_key, parent, document)

    @property
    def report(self) -> Report:
        return self._report

    @property
    def score(self) -> scoring.ReportScore:
        return self._score

    @property
    def locked(self) -> bool:
        """A signed-off report is read-only until reopened."""
        return self._report.status != "draft"

    def _fixed_reason(self) -> Msg:
        # A seal (another officer's, on the server, may come while a cell is being typed into) is said as the store
        # says it, so the officer knows to ask for a reopen; the typed text stays in the cell.
        if self.locked and not self.store.readonly:
            return Msg(N_("The {period} report is signed off. Reopen it before changing it."),
                       {"period": period_name(self.period)})
        return super()._fixed_reason()

    def _structure_of(self, doc: PlanDocument) -> list:
        return [(i.key, i.code, i.unit) for i in doc.plan.indicators()] + [len(doc.plan.levels),
                                                                          has_quarter_targets(doc.plan),
                                                                          has_target_dates(doc.plan),
                                                                          has_quarter_figures(doc)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and not value \
                and self._columns[index.column()][0] == "alternative":
            alt = self._rows[index.row()].alternative
            if alt is not None:  # which indicator, and when it applies
                text = f"{localize_digits(alt.code, digits_language())} {alt.title}"
                return f"{text}: {alt.condition}" if alt.condition else text
        # The evidence column says how many files are attached under what was typed (opened from the menu).
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and self._columns[index.column()][0] == "evidence":
            count = len(self.evidence_files(index.row()))
            if count:
                files = Msg(N_("{count} files attached"), {"count": count}).render()
                return f"{value}\n{files}" if value else files
        return value

    def evidence_files(self, row: int) -> list[dict]:
        """The evidence files attached to the row's entry (core.evidence.attached)."""
        from egov_desktop.core.evidence import attached

        return attached(self._entries.get(self._rows[row].key))

    def _build(self) -> None:
        doc = self._doc
        report = doc.report(self.period)
        if report is None:
            # Nothing entered yet: an empty draft, created in the store by the first edit.
            report = Report(self.period)
            doc.reports.append(report)
        self._report = report
        self._rows = doc.plan.indicators()
        # Each row's place (code and occurrence, Plan.places): of two indicators with one code, the findings and
        # entries of each name it.
        self._places = doc.plan.places()
        self._row_of = {place: row for row, place in enumerate(self._places)}
        self._area_of = {i.key: area.code for area in doc.plan.areas for act in area.activities for i in act.indicators}
        # By the indicator's key, not its code: two indicators may share one (real plans have such twins).
        self._entries = {ind.key: e for ind, e in zip(self._rows, report.entries_of(doc.plan)) if e is not None}
        self._entered = {e.place for e in report.entries}
        self._chain = chain = ReportChain(doc, self.period)
        # A quarter's own figures are typed where the plan is in quarters (NIS); elsewhere the part a sum's
        # quarter adds is worked out from the year-to-date.
        self._figures = self.period in QUARTERS and has_quarter_figures(doc)
        own = self._figures or chain.before is not None and any(chain.base(ind) for ind in self._rows)
        counts = self._figures and any(ind.unit == "percent" for ind in self._rows)
        levels = [(f"target:{i}", "") for i in range(len(doc.plan.levels))]
        self._columns = [
            ("title", N_("Performance indicator")),
            ("unit", N_("Unit")),
            *levels,
            *([("quarter_target", N_("This quarter's target"))]
              if self.period in QUARTERS and has_quarter_targets(doc.plan) else []),
            *([("previous", "")] if chain.previous is not None else []),
            ("value", N_("Achievement")),
            *([("dates", N_("Dates met"))] if has_target_dates(doc.plan) else []),
            *([("own", N_("This period's part"))] if own else []),
            *([("numerator", N_("Numerator")), ("denominator", N_("Denominator"))] if counts else []),
            ("narrative", N_("Progress")),
            ("evidence", N_("Evidence")),
            ("remarks", N_("Remarks")),
            ("not_applicable", N_("Not applicable")),
            *([("alternative", N_("Alternative indicator"))] if any(i.alternative for i in self._rows) else []),
            ("percent", N_("Percent achieved")),
            ("score", N_("Score")),
        ]
        self._col_index = {key: i for i, (key, _h) in enumerate(self._columns)}
        self._rescore()

    def _rescore(self) -> None:
        # The other reports too: a percent's year to date may come from the quarters' own figures.
        self._saved_score = scoring.score_report(self._doc.plan, self._report, self._doc.reports)
        self._show_score(self._saved_score)

    def _show_score(self, score: scoring.ReportScore) -> None:
        self._score = score
        self._scores = score.indicators  # one an indicator, in plan order: a row's is at its row
        self.scored.emit()

    def preview(self, index: QModelIndex, text: str) -> None:
        """Score the achievement being typed before it is saved, so percent, score, the year-to-date and the
        quarter's own part follow every keystroke."""
        col = self.column_key(index.column())
        if col != "value" and col not in _FIGURE_FIELDS:
            return
        row = index.row()
        ind = self._rows[row]
        entry = self._entries.get(ind.key) or Entry(ind.code, indicator_key=ind.key)
        cell = self._cell(row, col)
        field = _FIGURE_FIELDS.get(col, "value")
        try:
            value = parse_cell(VALUE, cell.unit, text, base=cell.base[0] if cell.base else None)
        except CellError:
            value = getattr(entry, field)
        self._trial = self._figure_entry(ind, entry, field, value)
        self._trial_column = col
        self._show_score(self._score_with(row, self._trial))
        self._emit_row(row)

    def _figure_entry(self, ind, entry: Entry, field: str, value) -> Entry:
        """The entry with `field` set to `value`, and what a quarter's own figure or count makes besides."""
        trial = replace(entry, **{field: value})
        if field in _FIGURE_FIELDS.values():
            trial = replace(trial, **self._chain.own_fields(ind, trial))
        return trial

    def _score_with(self, row: int, trial: Entry) -> scoring.ReportScore:
        """The saved score with one indicator (the row's) scored on a trial entry. Only that indicator is
        scored again (the core scores a one-indicator plan); the sums move by its difference, so a keystroke
        costs the same in a plan of 10 or 500 indicators."""
        ind = self._rows[row]
        area_code = self._area_of[ind.key]
        alone = replace(self._doc.plan, areas=[Area(area_code, None, None, [Activity(ind.code, "", [ind])])])
        # The other reports too: a percent's year to date may come from the quarters' own figures.
        new = scoring.score_report(alone, Report(self.period, entries=[trial]), self._doc.reports).indicators[0]
        saved = self._saved_score
        delta = new.score - saved.indicators[row].score
        area = saved.areas[area_code]
        areas = dict(saved.areas)
        areas[area_code] = scoring.AreaScore(area_code, round(area.total + delta, 9), area.out_of)
        indicators = list(saved.indicators)
        indicators[row] = new
        return scoring.ReportScore(saved.period, indicators, areas, round(saved.total + delta, 9), saved.out_of)

    def end_preview(self, index: QModelIndex) -> None:
        """The editor closed: show the saved value's score again."""
        self._trial = self._trial_column = None
        self._rescore()
        if index.row() < self.rowCount():
            self._emit_row(index.row())

    def _emit_row(self, row: int) -> None:
        # Not the cell being typed in: a view sets an open editor's text again from a changed cell.
        typed = self._col_index.get(self._trial_column, -1) if self._trial is not None else -1
        for first, last in ((0, typed - 1), (typed + 1, self.columnCount() - 1)):
            if first <= last:
                self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def _row_count(self) -> int:
        return len(self._rows)

    def _row_code(self, row: int) -> str:
        return self._rows[row].code

    def _row_title(self, row: int) -> str | None:
        return self._rows[row].title

    def _row_id(self, row: int) -> Hashable:
        return self._rows[row].key

    def indicator(self, row: int):
        return self._rows[row]

    def _cell(self, row: int, col: str) -> Cell | None:
        ind = self._rows[row]
        editable = not self.locked
        if col == "title":
            return Cell(TEXT, ind.title)
        if col == "unit":
            return Cell(CHOICE, ind.unit, choices=_choices(UNIT_LABELS, UNITS))
        if col.startswith("target:"):
            level = int(col[7:])
            return Cell(VALUE, ind.targets[level] if level < len(ind.targets) else None, unit=ind.unit)
        if col == "quarter_target":
            return Cell(VALUE, (ind.quarter_targets or [None] * 4)[QUARTERS.index(self.period)], unit=ind.value_unit)
        if col == "previous":
            return Cell(VALUE, self._chain.previous_value(ind), unit=ind.unit)
        entry = self._entries.get(ind.key)
        if self._trial is not None and self._trial.indicator_key == ind.key and self._trial_column != col:
            entry = self._trial  # what is being typed in another cell of the row, previewed
        if col == "value":
            return Cell(VALUE, entry.value if entry else None, editable, unit=ind.reported(entry).unit,
                        base=self._chain.base(ind))
        if col == "dates":
            if not ind.target_dates:
                return None
            return Cell(VALUE, entry.dates if entry else None, editable, unit="dates")
        if col == "own":
            worked_out = self._chain.own(ind, entry)
            if self._figures and ind.unit != "date":
                own = entry.period_value if entry is not None and entry.period_value is not None else worked_out
                return Cell(VALUE, own, editable, unit=ind.value_unit)
            return Cell(COMPUTED, worked_out, unit="percent" if ind.unit == "percent" else None)
        if col in ("numerator", "denominator"):
            return Cell(VALUE, getattr(entry, col) if entry else None, editable, unit="count") \
                if ind.unit == "percent" else None
        if col in ("narrative", "evidence", "remarks"):
            return Cell(TEXT, getattr(entry, col) if entry else None, editable)
        if col == "not_applicable":
            return Cell(CHECK, bool(entry and entry.not_applicable), editable)
        if col == "alternative":
            return Cell(CHECK, bool(entry and entry.alternative), editable) if ind.alternative else None
        found = self._scores[row]
        if found.not_applicable:
            return Cell(COMPUTED, None)
        if col == "percent":
            return Cell(COMPUTED, found.percent, unit="percent")
        if col == "score":
            return Cell(COMPUTED, found.score)
        return None

    def earlier_fill(self) -> list[tuple[QModelIndex, Any]]:
        """The edits that start this report from the earlier ones (core.progress.ReportChain.fill)."""
        if self.locked:
            return []
        return [(self.index(self._row_of[place], self._col_index[col]), value)
                for place, col, value in self._chain.fill(self._rows, self._report)]

    def _write(self, row: int, col: str, value):
        ind = self._rows[row]
        if col == "dates":
            return self._write_dates(ind, value or [])
        if col in _FIGURE_FIELDS:
            return self.store.set_entry_fields(self.plan_key, self.period, ind.key, self._figure_edit(row, col, value))
        return self.store.set_entry_field(self.plan_key, self.period, ind.key, col, value)

    def _figure_edit(self, row: int, col: str, value) -> dict:
        """The entry fields a quarter's own figure or a percent's count writes: itself, and the rate and
        year-to-date it makes where they change (core.progress.ReportChain.own_fields)."""
        ind = self._rows[row]
        entry = self._entries.get(ind.key) or Entry(ind.code, indicator_key=ind.key)
        field = _FIGURE_FIELDS[col]
        made = self._figure_entry(ind, entry, field, value)
        return {field: value} | {name: getattr(made, name) for name in ("period_value", "value")
                                 if name != field and getattr(made, name) != getattr(entry, name)}

    def _write_dates(self, ind, dates: list):
        """The dates each target date was met: one store operation per date, one undo step."""
        count = len(ind.target_dates or ())
        if len(dates) > count:
            raise InvalidValue(Msg(N_("This indicator has {count} target dates."), {"count": count}))
        entry = self._entries.get(ind.key)
        old = list(entry.dates or [None] * count) if entry else [None] * count
        new = list(dates) + [None] * (count - len(dates))
        with self.store.group(Msg(N_("Change the achievement of {code}"), {"code": ind.code})) as group:
            for i, (before, after) in enumerate(zip(old, new)):
                if before != after:
                    self.store.set_entry_date(self.plan_key, self.period, ind.key, i, after)
        return group.change

    def _apply(self, row: int, col: str, value) -> None:
        ind = self._rows[row]
        entry = self._entries.get(ind.key)
        if entry is None:
            code, occurrence = place = self._places[row]
            entry = Entry(code, occurrence=occurrence, indicator_key=ind.key)
            self._report.entries.append(entry)
            self._entries[ind.key] = entry
            self._entered.add(place)
        if col == "dates":
            count = len(self._rows[row].target_dates or ())
            value = list(value or []) + [None] * (count - len(value or []))
        if col in _FIGURE_FIELDS:
            for name, figure in self._figure_edit(row, col, value).items():
                setattr(entry, name, figure)
            return
        setattr(entry, col, value)

    def _after_edit(self, first: int, last: int) -> None:
        self._rescore()
        super()._after_edit(first, last)

    def _check(self) -> list:
        findings = rules.check_report(self._doc.plan, self._report)
        # Kept by entry (its place: of two indicators with one code, each its own), so that an edit re-checks only
        # its own entries (_check_rows).
        self._entry_findings: dict[tuple[str, int | None], list] = {}
        self._other_findings = []
        for finding in findings:
            place = self._entry_place(finding.where)
            (self._entry_findings.setdefault(place, []) if place else self._other_findings).append(finding)
        return findings

    def _entry_place(self, a: Address) -> tuple[str, int | None] | None:
        return a.place if a.period == self.period and a.place in self._entered else None

    def _check_rows(self, rows: range) -> list | None:
        # The report's rules look at one entry at a time (and at the memo, which the grid does not edit),
        # so only the edited entries are checked again; the list keeps the order a full check gives.
        # (test_models_recheck compares with the full check.)
        for row in rows:
            entry = self._entries.get(self._rows[row].key)
            self._entry_findings[self._places[row]] = [] if entry is None else rules.check_report(
                self._doc.plan, Report(self.period, entries=[entry]))
        return [f for e in self._report.entries for f in self._entry_findings.get(e.place, ())] + self._other_findings

    def _locate(self, a: Address) -> tuple[int, str] | None:
        if a.scope not in (address.ENTRY, address.INDICATOR) or (a.period or self.period) != self.period:
            return None
        row = self._row_of.get(a.place)
        if row is None:
            return None
        if a.scope == address.ENTRY:
            field = {f: c for c, f in _FIGURE_FIELDS.items()}.get(a.field, a.field)
            return row, field if field in self._col_index else "value"
        if a.field == "targets" and a.index is not None:
            return row, f"target:{a.index}"
        return row, "title"

    def _where(self, row: int, col: str) -> Address:
        code, occurrence = self._places[row]
        if col in ("value", "narrative", "evidence", "remarks", "not_applicable", "alternative"):
            return Address(address.ENTRY, code, col, period=self.period, occurrence=occurrence)
        if col in _FIGURE_FIELDS:
            return Address(address.ENTRY, code, _FIGURE_FIELDS[col], period=self.period, occurrence=occurrence)
        return Address(address.INDICATOR, code, occurrence=occurrence)


# --------------------------------------------------------------- findings


class FindingsModel(QAbstractTableModel):
    """Findings as a list: severity icon and message. `where` in Role.WHERE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: list = []
        self._icons: dict[str, Any] = {}

    def set_icons(self, icons: dict[str, Any]) -> None:
        self._icons = icons

    def set_findings(self, findings: list) -> None:
        # Errors first: they are the ones that block sign-off.
        self.beginResetModel()
        self._findings = sorted(findings, key=lambda f: (not f.is_error,))
        self.endResetModel()

    def finding(self, row: int):
        return self._findings[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = rules.row_label(finding.where)
            return f"{localize_digits(label, digits_language())}: {finding.message()}" if label else finding.message()
        if role in (Qt.ItemDataRole.ToolTipRole, Role.MESSAGE):
            return finding.message()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(finding.severity)
        if role == Role.SEVERITY:
            return finding.severity
        if role == Role.WHERE:
            return finding.where
        return None

    def retranslate(self) -> None:
        if self._findings:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._findings) - 1, 0))
