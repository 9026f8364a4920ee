"""The office profile: the header every memo and report carries, signatories, memo defaults."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QTableWidgetItem

from egov_desktop.core.i18n import Msg, N_, _
from egov_desktop.core.model import OFFICE_TEXT_FIELDS, SIGNATORY_FIELDS, TIERS
from egov_desktop.gui.bijoy_fix import watch_dialog
from egov_desktop.gui.dialogs import show_error, text_lines, text_paragraphs
from egov_desktop.gui.forms.ui_office_dialog import Ui_OfficeDialog
from egov_desktop.gui.labels import TIER_LABELS
from egov_desktop.store.audit import OFFICER_NAME
from egov_desktop.store.errors import StoreError

HEADER_FIELDS = ("name", *OFFICE_TEXT_FIELDS)
SIGNATORY_HEADERS = (N_("Name"), N_("Designation"), N_("Phone"), N_("E-mail"))
PREFIX_HEADERS = (N_("File"), N_("Memo-number prefix"))
SUBORDINATE_HEADERS = (N_("Name"), N_("Tier"), N_("E-mail"), N_("Short code"))
SUBORDINATE_FIELDS = ("name", "tier", "email", "code")
# The e-mail draft's To and Cc: typed as text, checked (and split into addresses) by the store.
EMAIL_FIELDS = {"recipient_emails": "recipientEmails", "copy_emails": "copyEmails"}


class OfficeDialog(QDialog):
    """Edits one office. On OK every changed field is written in one group: one undoable step (`change`)."""

    def __init__(self, store, office_key: int, parent=None):
        super().__init__(parent)
        self.store = store
        self.office_key = office_key
        self.change = None
        self.ui = Ui_OfficeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for tier in TIERS:
            ui.tier.addItem(_(TIER_LABELS[tier]), tier)
        ui.signatories.setHorizontalHeaderLabels([_(h) for h in SIGNATORY_HEADERS])
        # Name, designation and phone as wide as their text (a designation like "অতিরিক্ত জেলা প্রশাসক
        # (সার্বিক)" was cut to "অতিরিক্ত জেলা..."); the e-mail column takes the rest.
        for col in range(len(SIGNATORY_FIELDS) - 1):
            ui.signatories.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ui.prefixes.setHorizontalHeaderLabels([_(h) for h in PREFIX_HEADERS])
        ui.addSignatory.clicked.connect(lambda: self._add_row(ui.signatories))
        ui.removeSignatory.clicked.connect(lambda: self._remove_row(ui.signatories))
        ui.addPrefix.clicked.connect(lambda: self._add_row(ui.prefixes))
        ui.removePrefix.clicked.connect(lambda: self._remove_row(ui.prefixes))
        ui.subordinates.setHorizontalHeaderLabels([_(h) for h in SUBORDINATE_HEADERS])
        # The name takes the room left; the tier, e-mail and code columns are as wide as what they show, the
        # tier's box included (a fixed width cut "মাঠ পর্যায়ের অফিস" to "মাঠ পর্যায়ের অ…"; a cell's widget counts
        # in ResizeToContents).
        header = ui.subordinates.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(SUBORDINATE_FIELDS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ui.addSubordinate.clicked.connect(lambda: self._add_subordinate(None))
        ui.removeSubordinate.clicked.connect(lambda: self._remove_row(ui.subordinates))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)
        self._original = self._load()
        # Bijoy text typed or pasted into a field is flagged, with a one-click conversion.
        self.bijoy_watch = watch_dialog(self)

    # ---------------------------------------------------------------- reading

    def _load(self) -> dict:
        office = self.store.get_office(self.office_key)
        profile = self.store.office_profile(self.office_key)
        ui = self.ui
        for name in HEADER_FIELDS:
            getattr(ui, name).setText(getattr(office, name) or "")
        ui.tier.setCurrentIndex(max(0, ui.tier.findData(office.tier)))
        for s in profile["signatories"]:
            self._add_row(ui.signatories, [s.get(k) for k in SIGNATORY_FIELDS])
        ui.recipients.setPlainText("\n".join(profile["default_recipients"]))
        ui.copies.setPlainText("\n".join(profile["default_copies"]))
        ui.attention.setText(profile["default_attention"] or "")
        ui.standardParagraphs.setPlainText("\n\n".join(profile["standard_paragraphs"]))
        ui.copiesPurpose.setText(profile["default_copies_purpose"] or "")
        for field, widget in EMAIL_FIELDS.items():
            getattr(ui, widget).setPlainText("\n".join(profile[field]))
        for p in profile["memo_prefixes"]:
            self._add_row(ui.prefixes, [p["file"], p["prefix"]], serial=p.get("last_serial", 0))
        ui.officerName.setText(self.store.get_setting(OFFICER_NAME) or "")
        self._subordinates = {s.key: s for s in self.store.subordinates(self.office_key)}
        for sub in self._subordinates.values():
            self._add_subordinate(sub)
        return self.values()

    def values(self) -> dict:
        """The profile as the dialog shows it, in the store's field names."""
        ui = self.ui
        values = {name: getattr(ui, name).text().strip() or None for name in HEADER_FIELDS}
        values["tier"] = ui.tier.currentData()
        values["signatories"] = [dict(zip(SIGNATORY_FIELDS, row)) for row in self._rows(ui.signatories)
                                 if any(row)]
        values["default_recipients"] = text_lines(ui.recipients.toPlainText())
        values["default_copies"] = text_lines(ui.copies.toPlainText())
        values["default_attention"] = ui.attention.text().strip() or None
        values["standard_paragraphs"] = text_paragraphs(ui.standardParagraphs.toPlainText())
        values["default_copies_purpose"] = ui.copiesPurpose.text().strip() or None
        values.update({field: getattr(ui, widget).toPlainText().strip() for field, widget in EMAIL_FIELDS.items()})
        values["memo_prefixes"] = [
            {"file": file, "prefix": prefix, "last_serial": serial}
            for (file, prefix), serial in zip(self._rows(ui.prefixes), self._serials())
            if file or prefix
        ]
        values[OFFICER_NAME] = ui.officerName.text().strip() or None
        return values

    # ---------------------------------------------------------------- tables

    def _add_row(self, table, texts=None, serial: int = 0) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col in range(table.columnCount()):
            text = (texts or [None] * table.columnCount())[col]
            table.setItem(row, col, QTableWidgetItem(text or ""))
        if table is self.ui.prefixes:
            # The letter serial is not edited here, but must survive the edit of its prefix.
            table.item(row, 0).setData(Qt.ItemDataRole.UserRole, serial)
        if texts is None:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))

    def _add_subordinate(self, sub) -> None:
        """A row of the subordinate offices' table: the office's key kept on its name (None for a new one)."""
        table = self.ui.subordinates
        row = table.rowCount()
        table.insertRow(row)
        for col, f in enumerate(SUBORDINATE_FIELDS):
            if f == "tier":
                box = QComboBox()
                for tier in TIERS:
                    box.addItem(_(TIER_LABELS[tier]), tier)
                box.setCurrentIndex(max(0, box.findData(sub.tier if sub else "field")))
                table.setCellWidget(row, col, box)
            else:
                table.setItem(row, col, QTableWidgetItem((getattr(sub, f) if sub else None) or ""))
        table.item(row, 0).setData(Qt.ItemDataRole.UserRole, sub.key if sub else None)
        if sub is None:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))

    def subordinate_rows(self) -> list[tuple[int | None, dict]]:
        """The subordinate offices as the dialog shows them: (key or None for a new one, fields)."""
        table = self.ui.subordinates
        out = []
        for r in range(table.rowCount()):
            values = {f: (table.item(r, c).text().strip() or None) if f != "tier" else table.cellWidget(r, c).currentData()
                      for c, f in enumerate(SUBORDINATE_FIELDS)}
            key = table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            if key is not None or values["name"]:
                out.append((key, values))
        return out

    def _save_subordinates(self) -> None:
        """Inside the dialog's group: removed offices go, edited fields are set, new offices are added."""
        rows = self.subordinate_rows()
        kept = {key for key, _values in rows}
        for key in self._subordinates:
            if key not in kept:
                self.store.remove_subordinate(key)
        for key, values in rows:
            if key is None:
                self.store.add_subordinate(self.office_key, **values)
                continue
            old = self._subordinates[key]
            for f in SUBORDINATE_FIELDS:
                if values[f] != getattr(old, f):
                    self.store.set_subordinate_field(key, f, values[f])

    def _subordinates_changed(self) -> bool:
        rows = self.subordinate_rows()
        return [k for k, _v in rows] != list(self._subordinates) or any(
            k is None or any(v[f] != getattr(self._subordinates[k], f) for f in SUBORDINATE_FIELDS) for k, v in rows)

    @staticmethod
    def _remove_row(table) -> None:
        if table.currentRow() >= 0:
            table.removeRow(table.currentRow())

    @staticmethod
    def _rows(table) -> list[list[str | None]]:
        return [[(table.item(r, c).text().strip() or None) if table.item(r, c) else None
                 for c in range(table.columnCount())] for r in range(table.rowCount())]

    def _serials(self) -> list[int]:
        table = self.ui.prefixes
        return [table.item(r, 0).data(Qt.ItemDataRole.UserRole) or 0 for r in range(table.rowCount())]

    # ---------------------------------------------------------------- saving

    def accept(self) -> None:
        new = self.values()
        changed = {k: v for k, v in new.items() if v != self._original.get(k)}
        if changed or self._subordinates_changed():
            field = None
            try:
                with self.store.group(Msg(N_("Change the office profile"))) as group:
                    for field, value in changed.items():
                        if field == OFFICER_NAME:  # the person at this database, not the office's letterhead
                            self.store.set_setting(OFFICER_NAME, value)
                        else:
                            self.store.set_office_field(self.office_key, field, value)
                    field = "subordinates"
                    self._save_subordinates()
            except StoreError as exc:
                # Nothing was saved (the group rolled back) and every field keeps what was typed.
                show_error(self.ui.error, exc.render())
                if field == "subordinates":
                    self.ui.tabs.setCurrentWidget(self.ui.subordinatesTab)
                if field in EMAIL_FIELDS:
                    widget = getattr(self.ui, EMAIL_FIELDS[field])
                    self.ui.tabs.setCurrentWidget(self.ui.emailTab)
                    widget.setFocus()
                return
            self.change = group.change
        super().accept()
