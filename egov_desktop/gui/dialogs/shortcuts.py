"""Help ▸ Keyboard shortcuts: every key the window answers to, read from its actions when opened.

Built from the actions themselves (menus, the plan editor's row operations, the grids' copy and paste,
history), not from a list kept by hand, so a new shortcut is listed the day it is added and a changed one
is never shown wrong.
"""
from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, \
    QTableWidgetItem, QVBoxLayout

from egov_desktop.core.i18n import N_, _

# An action whose text changes with what it acts on (Undo "Change a target") names itself by this property.
NAME_PROPERTY = "shortcut_name"
COLUMNS = (N_("What it does"), N_("Keys"))
_BANGLA_MNEMONIC = re.compile(r"\s*\(&[^&]\)")


def plain_text(text: str) -> str:
    """A menu text as a sentence: "নতুন কর্মপরিকল্পনা (&N)…" -> "নতুন কর্মপরিকল্পনা", "&New plan…" -> "New plan"."""
    text = _BANGLA_MNEMONIC.sub("", text)
    return re.sub(r"&(.)", r"\1", text).replace("…", "").strip()


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(what, keys) of every action of `window` that has a shortcut: the menus' in menu order, then the rest
    (editors, grids); one row per distinct pair, as each grid has its own copy of Copy and Paste."""
    in_menus = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    rows: list[tuple[str, str]] = []
    for action in in_menus + [a for a in window.findChildren(QAction) if a not in in_menus]:
        if not action.shortcuts() or not action.isVisible():
            continue
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        row = (plain_text(action.property(NAME_PROPERTY) or action.text()), keys)
        if row not in rows:
            rows.append(row)
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(plain_text(_("&Keyboard shortcuts…")))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)
