"""Cell editors: a line edit checked on every keystroke by the core parsers, a wrapping text box for
long texts, or a combo box for choices.

An invalid value is marked in the editor at once (red, the reason in the
tooltip and in `message` for the status bar) and cannot be committed with Tab
or Enter; a valid one is committed, which saves it through the model.
Enter commits and moves on in every editor; in a long text Shift+Enter (or
Ctrl+Enter) starts a new line.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QToolButton,
    QToolTip,
)

from egov_desktop.gui.models import Role
from egov_desktop.gui.validators import CHOICE, NUMBER, TEXT, VALUE, CellValidator

INVALID_STYLE = "QLineEdit, QPlainTextEdit { background: #fde2e2; border: 2px solid #c62828; }"
WARNING_STYLE = "QLineEdit, QPlainTextEdit { background: #fff3cd; border: 2px solid #b7791f; }"
_INITIAL = "egov_initial_text"
# Row heights, in lines of text: short rows keep room for a wrapped title, long texts stop growing here
# (the tooltip and the editor show the rest).
MIN_LINES, MAX_LINES = 2, 8
# The text box of a long text opens at least this many lines high, over the rows below if need be.
EDITOR_LINES = 4


def mark(editor, reason: str, warning: str = "") -> None:
    """An editor red with the reason its text cannot be saved, else amber with a warning about it (saved all the
    same), else plain; the properties "invalid" and "warning" say which."""
    editor.setStyleSheet(INVALID_STYLE if reason else WARNING_STYLE if warning else "")
    editor.setToolTip(reason or warning)
    editor.setProperty("invalid", bool(reason))
    editor.setProperty("warning", bool(warning) and not reason)


class TextCellEditor(QPlainTextEdit):
    """The editor of long texts (narrative, evidence, remarks, titles): words wrap, lines may be broken.

    It answers the few QLineEdit calls that code hooking into cell editors uses (`text`, `setText`,
    `addAction(icon, position)` for a trailing icon button), so the Bijoy warning icon works here too."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # A frame: the box may reach over the rows below, and must be told apart from them.
        self.setFrameShape(QFrame.Shape.Box)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._buttons: list[QToolButton] = []

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit's name)
        self.setPlainText(text)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # Small, so a row fitted to its contents while the editor is open does not take the box's default height.
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() + 8)

    def addAction(self, *args):  # noqa: N802 (Qt override)
        """`addAction(icon, QLineEdit.ActionPosition)` puts a button for a new action at the top right,
        shown while the action is visible, as QLineEdit does; anything else is QWidget's."""
        if len(args) != 2 or not isinstance(args[0], QIcon) or not isinstance(args[1], QLineEdit.ActionPosition):
            return super().addAction(*args)
        action = QAction(args[0], "", self)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.ArrowCursor)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._buttons.append(button)
        action.changed.connect(self._place_buttons)
        self._place_buttons()
        return action

    def _place_buttons(self) -> None:
        side = self.fontMetrics().height() + 4
        shown = [b for b in self._buttons if b.defaultAction().isVisible()]
        for b in self._buttons:
            b.setVisible(b in shown)
        for i, b in enumerate(shown):
            b.setGeometry(self.width() - side * (i + 1), 0, side, side)
        # The text keeps clear of the buttons.
        self.setViewportMargins(0, 0, side * len(shown), 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place_buttons()


class ChoiceEditor(QComboBox):
    """A choice picked by typing its first letter: of the label shown ("স" for সংখ্যা, "%") or of its key, so a
    Latin keyboard picks Bangla labels too ("d" for তারিখ, date)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        typed = event.text().casefold()
        if typed.isprintable() and typed.strip() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            for i in range(self.count()):
                if self.itemText(i).casefold().startswith(typed) or str(self.itemData(i)).casefold().startswith(typed):
                    self.setCurrentIndex(i)
                    event.accept()
                    return
        super().keyPressEvent(event)


class GridDelegate(QStyledItemDelegate):
    # The reason the text being typed is invalid, in the current language; "" once it is fine again.
    message = Signal(str)

    def createEditor(self, parent, option, index: QModelIndex):
        kind = index.data(Role.KIND)
        if kind == CHOICE:
            combo = ChoiceEditor(parent)
            for key, label in index.data(Role.CHOICES) or []:
                combo.addItem(label, key)
            return combo
        if kind == TEXT and index.data(Role.LONG):
            editor = TextCellEditor(parent)
            editor.egov_index = QPersistentModelIndex(index)
            return editor
        editor = QLineEdit(parent)
        editor.setFrame(False)
        # Qt drops text it cannot commit when the focus leaves; we keep it marked in the cell instead.
        editor.egov_index = QPersistentModelIndex(index)
        if kind in (VALUE, NUMBER):
            validator = CellValidator(kind, index.data(Role.UNIT), bool(index.data(Role.REQUIRED)), editor,
                                      base=index.data(Role.BASE), fiscal_year=index.data(Role.FISCAL_YEAR))
            validator.checked.connect(lambda reason, e=editor: self._mark(e, reason))
            validator.warned.connect(lambda warning, e=editor: self._warn(e, warning))
            validator.explained.connect(lambda text, e=editor: self._explain(e, text))
            editor.setValidator(validator)
            if hasattr(index.model(), "preview"):
                editor.textEdited.connect(lambda text, e=editor: self._preview(e, text))
        return editor

    @staticmethod
    def _preview(editor, text: str) -> None:
        index = editor.egov_index
        if index.isValid():
            index.model().preview(QModelIndex(index), text)

    def destroyEditor(self, editor, index: QModelIndex) -> None:
        if index.isValid() and hasattr(index.model(), "end_preview") and getattr(editor, "egov_index", None) is not None:
            index.model().end_preview(index)
        # Typing abandoned (Esc) or saved: its reason goes from the status bar. Text kept as refused keeps it.
        if editor.property("said") and not (index.isValid() and index.data(Role.SEVERITY) == "refused"):
            self.message.emit("")
        super().destroyEditor(editor, index)

    def setEditorData(self, editor, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(at, 0))
            return
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setProperty(_INITIAL, text)
        editor.setText(text)
        if isinstance(editor, TextCellEditor):
            editor.selectAll()  # typing replaces the text, as in the line edits; an arrow key keeps it
        # Text refused earlier is shown again with its reason, so the user sees what to fix.
        reason = index.data(Role.MESSAGE) if index.data(Role.SEVERITY) == "refused" else ""
        if reason:
            self._mark(editor, reason)

    def setModelData(self, editor, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        text = editor.text()
        if text == editor.property(_INITIAL) and index.data(Role.SEVERITY) != "refused":
            return  # passed through without a change: nothing to save
        # The model parses again and refuses (marking the cell) what the validator would not accept.
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        if isinstance(editor, TextCellEditor):
            rect = QRect(rect)
            rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * EDITOR_LINES + 8))
        editor.setGeometry(rect)

    def sizeHint(self, option, index) -> QSize:
        # Rows fitted to their contents (GridEditor) grow with wrapped text, between MIN_LINES and MAX_LINES.
        hint = super().sizeHint(option, index)
        line = option.fontMetrics.lineSpacing()
        hint.setHeight(min(max(hint.height(), line * MIN_LINES + 8), line * MAX_LINES + 8))
        return hint

    def eventFilter(self, editor, event) -> bool:
        # Enter commits and moves on like Tab, so a report can be typed top to bottom.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(editor, TextCellEditor) and event.modifiers() & (
                    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
                editor.insertPlainText("\n")  # a new line within the text
                return True
            if isinstance(editor, QLineEdit) and not editor.hasAcceptableInput():
                validator = editor.validator()
                if validator is not None:
                    self._mark(editor, validator.reason(editor.text()))
                return True
            self.commitData.emit(editor)
            index = getattr(editor, "egov_index", None)
            if index is not None and index.isValid() and index.model().column_key(index.column()) == "title":
                # Titles are typed as a list, one under the other: Enter goes down, not across to the weight.
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.parent().go_down(QModelIndex(index))
            else:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, TextCellEditor)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            # Qt leaves Tab to a text box (it would type a tab); in the grid Tab moves on, as everywhere.
            back = event.key() == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditPreviousItem if back
                                  else QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        if event.type() == QEvent.Type.FocusOut and isinstance(editor, QLineEdit) and self._left(editor):
            index = getattr(editor, "egov_index", None)
            if not editor.hasAcceptableInput() and index is not None and index.isValid():
                index.model().refuse(QModelIndex(index), editor.text(), editor.validator().reason(editor.text()))
        return super().eventFilter(editor, event)

    @staticmethod
    def _left(editor) -> bool:
        """Whether the focus went outside the editor (not to a popup of its own)."""
        widget = QApplication.focusWidget()
        while widget is not None:
            if widget is editor:
                return False
            widget = widget.parentWidget()
        return True

    def _explain(self, editor: QLineEdit, text: str) -> None:
        """What a valid "+" figure will save: in the tooltip and the status bar, not marked as wrong."""
        if editor.property("invalid"):
            return  # the reason it cannot be saved stays in view
        editor.setToolTip(text)
        if text and editor.isVisible():
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), text, editor)
        self._say(editor, text)

    def _mark(self, editor: QLineEdit, reason: str) -> None:
        mark(editor, reason, editor.property("warning_text") or "")
        text = editor.toolTip()
        if text and editor.isVisible():
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), text, editor)
        elif not text:
            QToolTip.hideText()
        self._say(editor, text)

    def _warn(self, editor: QLineEdit, warning: str) -> None:
        editor.setProperty("warning_text", warning)
        if not editor.property("invalid"):  # the reason it cannot be saved comes first
            self._mark(editor, "")

    def _say(self, editor, text: str) -> None:
        """To the status bar. Only an editor that said something there clears it: a fresh editor checking its
        first text would wipe why the previous cell was refused (Enter moves on right after the refusal)."""
        if text or editor.property("said"):
            self.message.emit(text)
        editor.setProperty("said", bool(text))
