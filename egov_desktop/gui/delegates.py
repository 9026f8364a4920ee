"""Cell editors: a line edit checked on every keystroke by the core parsers, or a combo box for choices.

An invalid value is marked in the editor at once (red, the reason in the
tooltip and in `message` for the status bar) and cannot be committed with Tab
or Enter; a valid one is committed, which saves it through the model.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QComboBox, QLineEdit, QStyledItemDelegate, QToolTip

from egov_desktop.gui.models import Role
from egov_desktop.gui.validators import CHOICE, NUMBER, VALUE, CellValidator

INVALID_STYLE = "QLineEdit { background: #fde2e2; border: 2px solid #c62828; }"
_INITIAL = "egov_initial_text"


class GridDelegate(QStyledItemDelegate):
    # The reason the text being typed is invalid, in the current language; "" once it is fine again.
    message = Signal(str)

    def createEditor(self, parent, option, index: QModelIndex):
        kind = index.data(Role.KIND)
        if kind == CHOICE:
            combo = QComboBox(parent)
            for key, label in index.data(Role.CHOICES) or []:
                combo.addItem(label, key)
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        # Qt drops text it cannot commit when the focus leaves; we keep it marked in the cell instead.
        editor.egov_index = QPersistentModelIndex(index)
        if kind in (VALUE, NUMBER):
            validator = CellValidator(kind, index.data(Role.UNIT), bool(index.data(Role.REQUIRED)), editor)
            validator.checked.connect(lambda reason, e=editor: self._mark(e, reason))
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
        super().destroyEditor(editor, index)

    def setEditorData(self, editor, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(at, 0))
            return
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        editor.setProperty(_INITIAL, text)
        editor.setText(text)
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
        editor.setGeometry(option.rect)

    def eventFilter(self, editor, event) -> bool:
        # Enter commits and moves on like Tab, so a report can be typed top to bottom.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(editor, QLineEdit) and not editor.hasAcceptableInput():
                validator = editor.validator()
                if validator is not None:
                    self._mark(editor, validator.reason(editor.text()))
                return True
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
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

    def _mark(self, editor: QLineEdit, reason: str) -> None:
        editor.setStyleSheet(INVALID_STYLE if reason else "")
        editor.setToolTip(reason)
        editor.setProperty("invalid", bool(reason))
        if reason and editor.isVisible():
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), reason, editor)
        elif not reason:
            QToolTip.hideText()
        self.message.emit(reason)
