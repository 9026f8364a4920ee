"""Who is at this database: the officer's name, asked once, so the history says "রহিমা খাতুন", not "root".

A bar above the plan, not a dialog in the way: the program works without the name (the computer's login
stands in until it is given), and the office profile edits it later.
"""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton

from egov_desktop.core.i18n import _
from egov_desktop.store.errors import StoreError


class OfficerBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.store = None
        self.setStyleSheet("OfficerBar { background: #e8f1fb; border: 1px solid #9fbbdc; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(220)
        self.keep = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.keep)
        self.keep.clicked.connect(self.save)
        self.name.returnPressed.connect(self.save)
        self.retranslate()
        self.hide()

    def set_store(self, store) -> None:
        """Shown while this database has no officer's name and can be written. Not on the office's server: there
        each officer connects as their own role, and the history names it (one name kept in the database would
        name the whole office)."""
        from egov_desktop.store.reading import OFFICER_NAME  # not before the store is open: it reads the model

        self.store = store
        self.setVisible(store is not None and not store.readonly and not store.on_server
                        and not store.get_setting(OFFICER_NAME))

    def save(self) -> None:
        name = " ".join(self.name.text().split())
        if not name or self.store is None:
            self.name.setFocus()
            return
        from egov_desktop.store.reading import OFFICER_NAME

        try:
            self.store.set_setting(OFFICER_NAME, name)
        except StoreError as exc:
            self.label.setText(exc.render())
            return
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(_("Your name, please: the history of every change will say it was you (you can change "
                             "it later in the office profile)."))
        self.name.setPlaceholderText(_("e.g. Rahima Khatun"))
        self.keep.setText(_("Keep"))
