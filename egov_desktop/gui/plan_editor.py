"""The plan editor: areas, activities and indicators as the official table shows them, with row operations.

Adding, removing and moving rows are store operations like any edit (codes
renumber there), so each is one undo step named in Bangla.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar

from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.gui.grid import GridEditor
from egov_desktop.gui.models import ACTIVITY, AREA, INDICATOR, PlanModel
from egov_desktop.store.errors import StoreError

_WIDTHS = {"title": 48, "weight": 6, "unit": 8, "scoring": 14, "aggregation": 12,
           "evidence": 22, "responsible": 16}

# (name, label msgid, shortcut): the actions of the toolbar, in order.
_ACTIONS = (
    ("add_area", N_("Add area"), "Ctrl+Shift+A"),
    ("add_activity", N_("Add activity"), "Ctrl+Shift+K"),
    ("add_indicator", N_("Add indicator"), "Ctrl+Shift+I"),
    ("remove_row", N_("Remove row"), "Ctrl+Shift+Delete"),
    ("move_up", N_("Move up"), "Alt+Up"),
    ("move_down", N_("Move down"), "Alt+Down"),
    ("add_level", N_("Add target level"), "Ctrl+Shift+L"),
    ("remove_level", N_("Remove target level"), ""),
)
MAX_LEVELS = 5
# The store's own words when it refuses a plan edit, and what to do about it.
_LOCKED = N_("The {period} report of this plan is signed off; the plan cannot change until it is reopened.")
_LOCKED_HINT = N_("To change the plan, choose that report on the Progress tab and reopen it (Report ▸ Reopen).")


class PlanEditor(GridEditor):
    WIDTHS = _WIDTHS

    def __init__(self, session, plan_key: int, parent=None, document=None):
        super().__init__(PlanModel(session, plan_key, document=document), parent)
        self.model.setParent(self)
        self.store = session.store
        self.plan_key = plan_key
        self.toolbar = QToolBar(self)
        self.actions_: dict[str, QAction] = {}
        for name, label, shortcut in _ACTIONS:
            action = QAction(_(label), self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            # Shortcuts work while the grid (or its cell editor) has focus, not elsewhere in the window.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, name))
            self.addAction(action)
            self.toolbar.addAction(action)
            self.actions_[name] = action
        self.layout_.insertWidget(0, self.toolbar)
        # Said up front, as on the Progress tab: otherwise each edit is refused one by one.
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff3cd; padding: 4px; }")
        self.layout_.insertWidget(1, self.banner)
        self.model.changed.connect(self._update_banner)  # a reload after a sign-off or reopen too
        self._update_banner()
        # The row operations in the grid's right-click menu too, after copy, paste and delete.
        separator = QAction(self.view)
        separator.setSeparator(True)
        self.view.addAction(separator)
        self.view.addActions(list(self.actions_.values()))
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    # ------------------------------------------------------------- row operations

    def _current(self):
        """(kind, area, activity, indicator) of the current row; None off the grid or on the plan's own rows."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        item = self.model.row_item(index.row())
        return None if item[1] is None else item

    def add_area(self) -> None:
        plan = self.model.document.plan
        cur = self._current()
        if cur is not None:
            at = plan.areas.index(cur[1]) + 1
        else:
            # On the plan's own rows the new area goes first, right below them; with no cell chosen, last.
            at = 0 if self.view.currentIndex().isValid() else len(plan.areas)
        self._run(lambda: self.store.add_area(self.plan_key, at), AREA, column="title")

    def add_activity(self) -> None:
        cur = self._current()
        if cur is None:
            return
        kind, area, act, _ind = cur
        at = area.activities.index(act) + 1 if act is not None else len(area.activities)
        self._run(lambda: self.store.add_activity(area.key, at, _("New activity")), ACTIVITY, column="title")

    def add_indicator(self) -> None:
        cur = self._current()
        if cur is None:
            return
        kind, area, act, ind = cur
        if act is None:
            if not area.activities:
                return
            act = area.activities[0]
        at = act.indicators.index(ind) + 1 if ind is not None else len(act.indicators)
        self._run(lambda: self.store.add_indicator(act.key, at, _("New indicator")), INDICATOR, column="title")

    def remove_row(self) -> None:
        cur = self._current()
        if cur is None:
            return
        kind, area, act, ind = cur
        below = {AREA: [i for a in area.activities for i in a.indicators], ACTIVITY: act.indicators if act else [],
                 INDICATOR: [ind]}[kind]
        if not self._confirm_removal({i.code for i in below}):
            return
        remove = {AREA: lambda: self.store.remove_area(area.key),
                  ACTIVITY: lambda: self.store.remove_activity(act.key),
                  INDICATOR: lambda: self.store.remove_indicator(ind.key)}[kind]
        row = self.view.currentIndex().row()
        self._run(remove, None, fallback_row=row)

    def _confirm_removal(self, codes: set[str]) -> bool:
        """Removing indicators removes the progress entered for them: asked first, naming the reports."""
        periods = [r.period for r in self.model.document.reports
                   if any(e.indicator in codes and (e.value is not None or e.not_applicable
                                                    or any((e.narrative, e.evidence, e.remarks))) for e in r.entries)]
        if not periods:
            return True
        lang = current_language()
        question = Msg(N_("Progress is entered for this row in {count} report(s): {periods}. Removing the row "
                          "removes that progress too (Undo brings it back). Remove it?"),
                       {"count": len(periods), "periods": ", ".join(period_name(p, lang) for p in periods)})
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(self, _("Remove row"), question.render(lang), buttons,
                                    QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        cur = self._current()
        if cur is None:
            return
        kind, area, act, ind = cur
        plan = self.model.document.plan
        siblings, item, move = {
            AREA: (plan.areas, area, self.store.move_area),
            ACTIVITY: (area.activities, act, self.store.move_activity),
            INDICATOR: (act.indicators if act else [], ind, self.store.move_indicator),
        }[kind]
        at = siblings.index(item) + step
        if not 0 <= at < len(siblings):
            return
        self._run(lambda: move(item.key, at), kind, key=item.key)

    def _level_column(self) -> int | None:
        """The target level whose column the cursor is in."""
        key = self.model.column_key(self.view.currentIndex().column()) if self.view.currentIndex().isValid() else ""
        return int(key[7:]) if key.startswith("target:") else None

    def add_level(self) -> None:
        """A new level right of the current one (or last), its percent halfway to the next level down."""
        levels = self.model.document.plan.levels
        if len(levels) >= MAX_LEVELS:
            return
        current = self._level_column()
        at = len(levels) if current is None else current + 1
        above = levels[at - 1].percent if at > 0 else 100
        below = levels[at].percent if at < len(levels) else max(above - 20, 0)
        taken = {lvl.id for lvl in levels}
        ident = next(f"level_{n}" for n in range(1, 99) if f"level_{n}" not in taken)
        self._run(lambda: self.store.add_level(self.plan_key, at, ident, _("New level"), (above + below) / 2), None,
                  fallback_row=max(self.view.currentIndex().row(), 0), column=f"target:{at}")

    def remove_level(self) -> None:
        current = self._level_column()
        if current is None or len(self.model.document.plan.levels) <= 1:
            return
        self._run(lambda: self.store.remove_level(self.plan_key, current), None,
                  fallback_row=self.view.currentIndex().row(), column=f"target:{max(current - 1, 0)}")

    def _run(self, operation, kind: str | None, key: int | None = None, fallback_row: int = 0,
             column: str | None = None) -> None:
        """Run a structural operation, push it on the undo stack (every grid reloads), and keep the cursor on the row.
        A new row's title (`column="title"`) opens for typing, its placeholder text selected so typing replaces it."""
        at_column = max(self.view.currentIndex().column(), self.model.column_of("title"))
        try:
            change = operation()
        except StoreError as exc:
            self.status.emit(exc.msg.render())
            return
        self.model.session.push(change)
        self.status.emit(change.description.render())
        row = self.model.row_of_key(kind, change.key or key) if kind else None
        if row is None:
            row = min(fallback_row, self.model.rowCount() - 1)
        if column is not None:
            at_column = self.model.column_of(column)
        if row >= 0:
            self.view.go_to(self.model.index(row, at_column), open_editor=column == "title")

    def edit_first_title(self) -> None:
        """The first title below the plan's own rows, open for typing (a blank plan starts there)."""
        row = next((r for r in range(self.model.rowCount()) if self.model.row_item(r)[1] is not None), None)
        if row is not None:
            self.view.setFocus()
            self.view.go_to(self.model.index(row, self.model.column_of("title")))

    def _update_actions(self, *_args) -> None:
        cur = self._current()
        has_activity = cur is not None and (cur[2] is not None or bool(cur[1].activities))
        self.actions_["add_activity"].setEnabled(cur is not None)
        self.actions_["add_indicator"].setEnabled(has_activity)
        for name in ("remove_row", "move_up", "move_down"):
            self.actions_[name].setEnabled(cur is not None)
        on_level = self._level_column() is not None
        n_levels = len(self.model.document.plan.levels)
        self.actions_["add_level"].setEnabled(n_levels < MAX_LEVELS)
        self.actions_["remove_level"].setEnabled(on_level and n_levels > 1)
        self.actions_["add_area"].setEnabled(True)
        if self.locked_by() is not None:  # the store would refuse each one (the banner says why)
            for action in self.actions_.values():
                action.setEnabled(False)

    def _size_columns(self) -> None:
        super()._size_columns()
        # Area and activity rows hold one short line (none at all in flat plans): keep them low.
        line = self.view.fontMetrics().height()
        header = self.view.verticalHeader()
        for row in range(self.model.rowCount()):
            header.resizeSection(row, line * (2 if self.model.row_item(row)[0] == INDICATOR else 1) + 8)

    def locked_by(self) -> str | None:
        """The period of the first report that is signed off or submitted: the store locks the plan then."""
        return next((r.period for r in self.model.document.reports if r.status != "draft"), None)

    def _update_banner(self) -> None:
        period = self.locked_by()
        self.banner.setVisible(period is not None)
        self._update_actions()
        if period is not None:
            lang = current_language()
            self.banner.setText(Msg(_LOCKED, {"period": period_name(period, lang)}).render(lang) + " "
                                + Msg(_LOCKED_HINT).render(lang))

    def retranslate(self) -> None:
        super().retranslate()
        self._update_banner()
        for name, label, _shortcut in _ACTIONS:
            self.actions_[name].setText(_(label))
