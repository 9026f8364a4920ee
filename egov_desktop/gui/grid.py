"""The table view both editors use, keyboard first, and the editor widget they share.

Tab, Shift+Tab and Enter visit only the cells that can be typed into or ticked,
in reading order, and open the editor on arrival, so a whole report can be
entered without the mouse. Ctrl+C / Ctrl+V copy and paste tab-separated blocks
(Excel, Word); Delete empties the selection.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from egov_desktop.core.address import Address
from egov_desktop.core.i18n import Msg, N_, _
from egov_desktop.gui.delegates import GridDelegate
from egov_desktop.gui.paste import PasteResult, paste_block
from egov_desktop.gui.undo import retranslate_stack
from egov_desktop.gui.validators import CellError


class GridView(QTableView):
    pasted = Signal(object)  # PasteResult

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setMinimumSectionSize(48)
        # The right-click menu: the same copy, paste and clear the keys give (Qt's own words, translated).
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._menu_actions = []
        for label, keys, slot in ((N_("&Copy"), QKeySequence.StandardKey.Copy, self.copy),
                                  (N_("&Paste"), QKeySequence.StandardKey.Paste, self.paste),
                                  (N_("Delete"), QKeySequence.StandardKey.Delete, self._clear_selection)):
            action = QAction(_(label), self)
            action.setShortcut(keys)
            # Only while the grid itself has focus: an open cell editor keeps its own copy and paste.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self._menu_actions.append((action, label))

    def retranslate(self) -> None:
        for action, label in self._menu_actions:
            action.setText(_(label))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.selected_text())

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def next_stop(self, index: QModelIndex, forward: bool = True) -> QModelIndex:
        """The next (or previous) cell the keyboard visits after `index`, in reading order."""
        model = self.model()
        rows, cols = model.rowCount(), model.columnCount()
        if not rows or not cols:
            return QModelIndex()
        start = index.row() * cols + index.column() if index.isValid() else (-1 if forward else rows * cols)
        step = 1 if forward else -1
        pos = start + step
        while 0 <= pos < rows * cols:
            row, col = divmod(pos, cols)
            if not self.isRowHidden(row) and not self.isColumnHidden(col):
                candidate = model.index(row, col)
                if model.is_tab_stop(candidate):
                    return candidate
            pos += step
        return QModelIndex()

    def moveCursor(self, action, modifiers):
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            target = self.next_stop(self.currentIndex(), action == QAbstractItemView.CursorAction.MoveNext)
            # At the last stop the cursor stays put rather than wrapping to the top.
            return target if target.isValid() else self.currentIndex()
        return super().moveCursor(action, modifiers)

    def go_down(self, index: QModelIndex) -> None:
        """To the nearest cell below `index` in its column that the keyboard visits (editor closed)."""
        model = self.model()
        for row in range(index.row() + 1, model.rowCount()):
            below = model.index(row, index.column())
            if not self.isRowHidden(row) and model.is_tab_stop(below):
                self.go_to(below, open_editor=False)
                return

    def go_to(self, index: QModelIndex, open_editor: bool = True) -> None:
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if open_editor and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            target = self.next_stop(self.currentIndex(), forward)
            if target.isValid():
                self.go_to(target)
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and self.model().flags(current) & Qt.ItemFlag.ItemIsEditable:
                self.edit(current)
            else:
                self.go_to(self.next_stop(current))
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.model().forget_refused(self.currentIndex()):
            event.accept()  # Esc on a cell showing refused text brings the saved value back
            return
        super().keyPressEvent(event)

    def selected_text(self) -> str:
        """The selected block as Excel and Word take it: tab-separated rows of the cells as shown."""
        selected = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not selected:
            selected = [self.currentIndex()] if self.currentIndex().isValid() else []
        if not selected:
            return ""
        rows = sorted({i.row() for i in selected})
        cols = sorted({i.column() for i in selected})
        model = self.model()

        def cell(r: int, c: int) -> str:
            text = model.index(r, c).data() or ""
            # A cell holding a tab, a line break or a quote is quoted, as Excel does.
            return '"' + text.replace('"', '""') + '"' if any(ch in text for ch in '\t\n"') else text

        return "\n".join("\t".join(cell(r, c) for c in cols) for r in rows) + "\n"

    def paste_text(self, text: str) -> PasteResult:
        top_left = self.currentIndex()
        selected = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if selected:
            top_left = min(selected, key=lambda i: (i.row(), i.column()))
        result = paste_block(self.model(), top_left, text)
        self.pasted.emit(result)
        return result

    def _clear_selection(self) -> None:
        """Empty the selected cells, as one undo step."""
        model = self.model()
        edits = []
        for index in self.selectionModel().selectedIndexes():
            if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            try:
                edits.append((index, model.parse(index, "")))
            except CellError as exc:
                model.refuse(index, "", exc.render())
        model.apply_many(edits, Msg(N_("Clear {count} cells"), {"count": len(edits)}))


class GridEditor(QWidget):
    """A model, its view and its delegate, wired to the undo stack, the status bar and the problems panel."""

    # Column widths in average characters, by column key: wide for what people read and write.
    WIDTHS: dict[str, int] = {}

    status = Signal(str)
    findings_changed = Signal(list)
    changed = Signal()

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.view = GridView(self)
        self.view.setModel(model)
        self.delegate = GridDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        model.status.connect(self.status)
        model.findings_changed.connect(self.findings_changed)
        model.changed.connect(self.changed)
        self.delegate.message.connect(self.status)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.view)
        # Rows grow with their wrapped text (the delegate caps the height). Only the rows in view are
        # fitted, once per turn of the event loop: asking every cell of a 200-row plan for its size
        # hint costs about 0.3 s. A row is fitted again when its data changes or it comes into view.
        self._fitted: set[int] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_rows)
        model.dataChanged.connect(lambda first, last, *_roles: self._refit(range(first.row(), last.row() + 1)))
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                       self.view.horizontalHeader().sectionResized):
            signal.connect(lambda *_args: self._refit(None))
        self.view.verticalScrollBar().valueChanged.connect(lambda *_args: self._fit_timer.start(0))
        self._size_columns()
        model.modelReset.connect(self._size_columns)

    @property
    def undo_stack(self):
        return self.model.undo_stack

    def findings(self) -> list:
        return self.model.findings()

    def select_where(self, where: Address) -> bool:
        """Select and scroll to the cell a finding points at; False when it is not in this grid."""
        index = self.model.index_for_where(where)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus()
        return True

    def attach_problems(self, panel) -> None:
        """Keep a ProblemsPanel filled with this grid's findings; its clicks select cells here."""
        panel.set_findings(self.findings())
        self.findings_changed.connect(panel.set_findings)
        panel.activated.connect(self.select_where)

    def retranslate(self) -> None:
        self.model.retranslate()
        self.view.retranslate()
        retranslate_stack(self.undo_stack)
        self._size_columns()  # the headings' lengths changed with the language

    def _refit(self, rows) -> None:
        """Fit `rows` (None: every row) to their contents when they are in view."""
        if rows is None:
            self._fitted.clear()
        else:
            self._fitted.difference_update(rows)
        self._fit_timer.start(0)

    def _fit_rows(self) -> None:
        view, height = self.view, self.view.viewport().height()
        row = max(view.rowAt(0), 0)
        # Fitting a row moves the ones below it: their positions are read after each fit.
        while row < self.model.rowCount() and view.rowViewportPosition(row) < height:
            if row not in self._fitted and not view.isRowHidden(row):
                view.resizeRowToContents(row)
                self._fitted.add(row)
            row += 1

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_timer.start(0)  # more rows may be in view

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        char = self.view.fontMetrics().averageCharWidth()
        for column in range(self.model.columnCount()):
            # Never narrower than the heading itself, which is longer in English ("This period's part").
            header.resizeSection(column, max(char * self.WIDTHS.get(self.model.column_key(column), 10) + 12,
                                             header.sectionSizeHint(column)))
        # Two lines per row at least: long Bangla titles wrap instead of widening the table.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() * 2 + 8)
