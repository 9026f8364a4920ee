"""The history of one indicator: every change the audit log holds, newest first.

When, who (the Windows user at the PC), what (the field, in words), the old and
the new value as people read them (Bangla digits, dates as ১৬/০৩/২০২৪, units and
methods by name). Opened from either grid for the current row (context menu or
Ctrl+H); it follows new edits, undo and redo while it stays open.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.rules import describe_where
from egov_desktop.core.values import format_date, format_number
from egov_desktop.gui.labels import plan_label, template_label
from egov_desktop.gui.models import AGGREGATION_LABELS, SCORING_LABELS, UNIT_LABELS, PlanModel, ProgressModel

SHORTCUT = "Ctrl+H"
SHOW_HISTORY = N_("History of this indicator")

COLUMNS = (N_("When"), N_("Who"), N_("What"), N_("Old value"), N_("New value"))
WHEN, WHO, WHAT, OLD, NEW = range(len(COLUMNS))

# Operations that are not a change of one field, by what they did.
_EVENTS = {
    "add_indicator": N_("indicator added"),
    "remove_indicator": N_("indicator removed (with its achievements)"),
    "move_indicator": N_("indicator moved"),
}
# How the plan was made (store.audit.PLAN_MADE): the first line of every indicator's history.
_MADE = {
    "import": N_("Imported (the whole plan)"),
    "from_template": N_("Imported from the template {template}"),
    "blank": N_("Made as a blank plan"),
    "copy_to_next_year": N_("Copied from the previous year's plan"),
}
# An undone or redone step is logged as "undo <operation>" / "redo <operation>".
_REPLAYS = {"undo": N_("Undone: {what}"), "redo": N_("Redone: {what}")}
# Fields no rule points at, so describe_where has no words for them.
_MORE_FIELDS = {"unit": N_("unit"), "not_applicable": N_("not applicable")}
_CHOICE_LABELS = {"unit": UNIT_LABELS, "scoring": SCORING_LABELS, "aggregation": AGGREGATION_LABELS}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EMPTY = "—"


def format_value(value: Any, field: str | None, lang: str) -> str:
    """A logged value (JSON: dates as ISO text) as people read it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return format_date(dt.date.fromisoformat(value), lang)
            except ValueError:  # a typed text that only looks like a date ("2024-13-45")
                return value
        labels = _CHOICE_LABELS.get(field or "")
        if labels and value in labels:
            return _(labels[value])
        return value
    if isinstance(value, list):
        return "; ".join(format_value(v, field, lang) for v in value)
    if isinstance(value, dict):
        # Structural steps log a small record ({"code": "1.1.2"}, {"title": ..., "unit": ...}).
        parts = [localize_digits(v, lang) if k == "code" else format_value(v, k, lang)
                 for k, v in value.items() if v is not None]
        return ", ".join(parts) or EMPTY
    return str(value)


def describe_change(entry, plan=None, lang: str | None = None) -> str:
    """What an audit row changed, in words: "১ম ত্রৈমাসিক: সূচক ১.১.১, অর্জন"."""
    lang = lang or current_language()
    replay, _sep, operation = entry.operation.partition(" ")
    if replay not in _REPLAYS:
        replay, operation = "", entry.operation
    if entry.entity == "plan" and operation in _MADE:
        source = (entry.new or {}).get("source")
        what = Msg(_MADE[operation], {"template": template_label(source) if source else ""}).render(lang)
    elif operation in _EVENTS:
        what = _(_EVENTS[operation])
    else:
        code = entry.indicator_code or "?"
        field = entry.field if entry.field not in _MORE_FIELDS else None
        where = f"{code}/{field}" if field else code
        what = describe_where(f"{entry.period}/{where}" if entry.period else where, plan, lang)
        if entry.field in _MORE_FIELDS:
            what = f"{what}, {_(_MORE_FIELDS[entry.field])}"
    if replay:
        what = Msg(_REPLAYS[replay], {"what": what}).render(lang)
    return what


class HistoryModel(QAbstractTableModel):
    """The audit rows of one indicator, newest first, one column per COLUMNS."""

    def __init__(self, store, plan_key: int, indicator_key: int, plan=None, parent=None):
        super().__init__(parent)
        self.store = store
        self.plan_key = plan_key
        self.indicator_key = indicator_key
        self.plan = plan
        self._entries: list = []
        self._cells: list[tuple[str, ...]] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the log again (after an edit, an undo, a language change)."""
        self.beginResetModel()
        self._entries = list(reversed(self.store.audit(self.plan_key, self.indicator_key)))
        self._cells = [self._texts(e) for e in self._entries]
        self.endResetModel()

    def entry(self, row: int):
        return self._entries[row]

    def _texts(self, entry) -> tuple[str, ...]:
        lang = current_language()
        at = entry.at.astimezone() if entry.at.tzinfo else entry.at
        when = f"{format_date(at.date(), lang)} {localize_digits(at.strftime('%H:%M'), lang)}"
        # Targets are logged as "targets[i]" but hold values of the indicator's unit, like the others.
        field = None if entry.field is None else entry.field.partition("[")[0]
        new = format_value(entry.new, field, lang)
        if entry.entity == "plan" and entry.operation in _MADE:  # the plan made, as people name it
            new = plan_label(entry.new.get("kind", ""), entry.new.get("fiscal_year", ""))
        return (when, entry.user, describe_change(entry, self.plan, lang), format_value(entry.old, field, lang), new)

    # ------------------------------------------------------- Qt model interface

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return localize_digits(str(section + 1), current_language())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class HistoryDialog(QDialog):
    """Non-modal: it can stay open beside the grid and follows the edits made there."""

    def __init__(self, session, plan_key: int, indicator, plan=None, parent=None):
        super().__init__(parent)
        self.indicator = indicator
        self.model = HistoryModel(session.store, plan_key, indicator.key, plan, self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Rows as tall as their wrapped text at the widths the columns really get.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        for column in (WHEN, WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (WHAT, OLD, NEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._after_refresh)
        session.changed.connect(self._on_changed)
        self.resize(960, 440)
        self.retranslate()

    def refresh(self, *_args) -> None:
        self.model.refresh()

    def _on_changed(self, summary) -> None:
        # The indicator's rows are the plan's and the reports' (a sign-off or reopen is logged too).
        if summary.concerns(self.model.plan_key):
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        import html  # here, in the dialog: its table of entities is ≈ 1.5 ms of the start otherwise

        lang = current_language()
        self.setWindowTitle(Msg(N_("History of indicator {code}"), {"code": self.indicator.code}).render(lang))
        self.heading.setText(f"<b>{localize_digits(self.indicator.code, lang)}</b> {html.escape(self.indicator.title)}")
        self.close_button.setText(_("Close"))
        self.refresh()

    def _after_refresh(self) -> None:
        self.empty.setText(_("No changes have been recorded for this indicator yet."))
        self.empty.setVisible(self.model.rowCount() == 0)


def _indicator_at(model, row: int):
    if isinstance(model, PlanModel):
        return model.row_item(row)[3]
    if isinstance(model, ProgressModel):
        return model.indicator(row)
    return None


def attach_grid(editor) -> QAction:
    """"History of this indicator" (Ctrl+H) on a grid's context menu, for the row of the current cell."""
    view = editor.view
    action = QAction(_(SHOW_HISTORY), view)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def current():
        index = view.currentIndex()
        return _indicator_at(editor.model, index.row()) if index.isValid() else None

    def show() -> HistoryDialog | None:
        indicator = current()
        if indicator is None:
            return None
        # One history window per grid: the next indicator's replaces it.
        old = getattr(editor, "history_dialog", None)
        if old is not None:
            old.close()
            old.deleteLater()
        model = editor.model
        dialog = HistoryDialog(model.session, model.plan_key, indicator, model.document.plan, editor)
        editor.history_dialog = dialog
        dialog.show()
        return dialog

    def update(*_args) -> None:
        action.setText(_(SHOW_HISTORY))
        action.setEnabled(current() is not None)

    action.triggered.connect(show)
    view.selectionModel().currentChanged.connect(update)
    editor.model.modelReset.connect(update)
    editor.findings_changed.connect(update)  # also fired by a language change
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    editor.history_action = action
    update()
    return action
