"""Progress entry for one period: achievements typed to their unit, with the score updating live."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QToolBar

from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.gui.dialogs import show_box
from egov_desktop.gui.grid import GridEditor
from egov_desktop.gui.models import ProgressModel

# Column widths in average characters: wide for the texts people read and write, narrow for numbers.
_WIDTHS = {"title": 30, "unit": 7, "value": 12, "own": 10, "narrative": 34, "evidence": 18,
           "remarks": 14, "previous": 16, "numerator": 8, "denominator": 8, "not_applicable": 9, "percent": 9, "score": 7}


_SIGNED_OFF = N_("signed off: reopen the report to change it")
_SUBMITTED = N_("submitted: reopen the report to change it")
_FILL = N_("Fill from the previous report")
_OPEN_EVIDENCE = N_("Open the evidence files")
_ATTACH_EVIDENCE = N_("Attach evidence files…")
_REMOVE_EVIDENCE = N_("Remove an evidence file…")
_EVIDENCE_TITLE = N_("Evidence files")
_FILL_TIP = N_("Fill the empty achievements with the latest earlier report's year-to-date figures (and its "
               "progress and evidence where those are empty). Nothing already typed is changed.")


def open_stored(store, files: list[dict]) -> list[Path]:
    """Write stored evidence files ({"name", "file_id"}: the office's own or a collected report's) to a temporary
    folder of their own and open each with the program the system has for it; returns the files written."""
    folder = Path(tempfile.mkdtemp(prefix="egov-evidence-"))
    written = []
    for f in files:  # the names were checked when attached or collected: plain names, no folders
        path = folder / f["name"]
        path.write_bytes(store.evidence_content(f["file_id"]))
        written.append(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return written


class ProgressEditor(GridEditor):
    WIDTHS = _WIDTHS
    score_changed = Signal(object)  # core.scoring.ReportScore

    def __init__(self, session, plan_key: int, period: str, parent=None, document=None):
        super().__init__(ProgressModel(session, plan_key, period, document=document), parent)
        self.model.setParent(self)
        self.period = period
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff3cd; padding: 4px; }")
        self.layout_.insertWidget(0, self.banner)
        # The annual and half-yearly reports start from what the quarters already hold.
        self.fill_action = QAction(_(_FILL), self)
        self.fill_action.triggered.connect(self.fill_from_earlier)
        self.toolbar = QToolBar(self)
        self.toolbar.addAction(self.fill_action)
        self.layout_.insertWidget(0, self.toolbar)
        separator = QAction(self.view)
        separator.setSeparator(True)
        self.open_evidence_action = QAction(_(_OPEN_EVIDENCE), self)
        self.open_evidence_action.triggered.connect(self.open_evidence)
        # Attaching and removing: in the grid's menu and as buttons, each one undo step.
        self.attach_evidence_action = QAction(_(_ATTACH_EVIDENCE), self)
        self.attach_evidence_action.triggered.connect(lambda: self.attach_evidence())
        self.remove_evidence_action = QAction(_(_REMOVE_EVIDENCE), self)
        self.remove_evidence_action.triggered.connect(lambda: self.remove_evidence())
        self.toolbar.addActions([self.attach_evidence_action, self.remove_evidence_action])
        self.view.addActions([separator, self.fill_action, self.open_evidence_action, self.attach_evidence_action,
                              self.remove_evidence_action])
        # The indicator of the current row, in words: its title scrolls out of view on the way to the
        # achievement and narrative columns of a wide grid.
        self.row_line = QLabel(self)
        self.row_line.setWordWrap(True)
        self.layout_.addWidget(self.row_line)
        self.view.selectionModel().currentChanged.connect(self._update_row_line)
        self.model.modelReset.connect(self._update_row_line)
        self.model.changed.connect(self._update_banner)
        self.model.scored.connect(lambda: self.score_changed.emit(self.model.score))
        self._update_banner()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.model.hold(False)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Another report (or the Plan tab) is shown: this grid follows the changes when it is back in view.
        self.model.hold(True)
        super().hideEvent(event)

    @property
    def score(self):
        return self.model.score

    def attach_score(self, summary) -> None:
        """Keep a ScoreSummary showing this report's score."""
        summary.set_score(self.model.document.plan, self.model.score)
        self.score_changed.connect(lambda score: summary.set_score(self.model.document.plan, score))

    def fill_from_earlier(self) -> None:
        """One undo step; says what it did, or why there was nothing to do."""
        edits = self.model.earlier_fill()
        if not edits:
            self.status.emit(_("Nothing to fill: every achievement an earlier report has is already entered here."))
            return
        rows = len({index.row() for index, _value in edits})
        description = Msg(N_("Fill {count} achievements from earlier reports"), {"count": rows})
        if self.model.apply_many(edits, description):
            self.status.emit(description.render())

    def open_evidence(self) -> list[Path]:
        """Write the current row's evidence files to a temporary folder of their own and open each with the
        program the system has for it; returns the files written."""
        row = self.view.currentIndex().row()
        files = self.model.evidence_files(row) if 0 <= row < self.model.rowCount() else []
        if not files:
            self.status.emit(_("This indicator has no evidence files in this report."))
            return []
        stored = self.model.store.evidence_files(self.model.plan_key, self.period).get(self.model.indicator(row).key, [])
        return open_stored(self.model.store, stored)

    def attach_evidence(self, paths: list[str] | None = None) -> bool:
        """Attach files (chosen in a file dialog when `paths` is None) to the current row's entry: checked by
        their content, all in one undo step or none, refused with a message while the report is sealed."""
        from egov_desktop.core import evidence
        from egov_desktop.core.guarded import Unreadable
        from egov_desktop.gui.labels import documents_folder

        row = self._evidence_row()
        if row is None:
            return False
        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(
                self, _("Attach evidence files"), documents_folder(),
                _("Evidence (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx);;All files (*)"))
        if not paths:
            return False
        files = []
        for path in paths:
            try:
                files.append(evidence.read(path))
            except Unreadable as exc:
                self._evidence_refused(f"{Path(path).name}: {exc.render()}")
                return False
        return self._evidence_step(lambda store, key: store.attach_evidence(
            self.model.plan_key, self.period, key, files))

    def remove_evidence(self, name: str | None = None) -> bool:
        """Remove one of the current row's evidence files (asked which when it has several): one undo step,
        refused with a message while the report is sealed."""
        row = self._evidence_row()
        if row is None:
            return False
        names = [f["name"] for f in self.model.evidence_files(row)]
        if not names:
            self.status.emit(_("This indicator has no evidence files in this report."))
            return False
        if name is None:
            if len(names) == 1:
                name = names[0]
            else:
                name, ok = QInputDialog.getItem(self, _(_EVIDENCE_TITLE), _("Which file is to be removed?"), names, 0,
                                                False)
                if not ok:
                    return False
        return self._evidence_step(lambda store, key: store.remove_evidence(self.model.plan_key, self.period, key, name))

    def _evidence_row(self) -> int | None:
        """The current row, when its files may change; else None after saying why (a sealed report: a box)."""
        row = self.view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.status.emit(_("Choose an indicator's row first."))
            return None
        if self.model.locked or self.model.store.readonly:
            self._evidence_refused(_("The report is signed off: reopen it to attach or remove evidence files.")
                                   if self.model.locked else _("The database is open read-only."))
            return None
        return row

    def _evidence_step(self, operation) -> bool:
        from egov_desktop.store.service import StoreError

        row = self.view.currentIndex().row()
        try:
            change = operation(self.model.store, self.model.indicator(row).key)
        except StoreError as exc:
            self._evidence_refused(exc.render())
            return False
        # Pushed as no grid's own edit: this grid reads its row again, as every other view does.
        self.model.session.push(change)
        self.status.emit(change.description.render())
        return True

    def _evidence_refused(self, text: str) -> None:
        show_box(self, QMessageBox.Icon.Warning, _(_EVIDENCE_TITLE), text)

    def retranslate(self) -> None:
        super().retranslate()
        self.fill_action.setText(_(_FILL))
        self.open_evidence_action.setText(_(_OPEN_EVIDENCE))
        self.attach_evidence_action.setText(_(_ATTACH_EVIDENCE))
        self.remove_evidence_action.setText(_(_REMOVE_EVIDENCE))
        self._update_banner()
        self._update_row_line()

    def _update_row_line(self, *_args) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.row_line.clear()
            return
        code = self.model.headerData(row, Qt.Orientation.Vertical)  # in the grid's digits
        self.row_line.setText(f"{code}: {self.model.indicator(row).title}")

    def _update_banner(self) -> None:
        self.fill_action.setToolTip(_(_FILL_TIP))
        # Nothing earlier to start from in the first quarter; nothing can change in a sealed report.
        self.fill_action.setEnabled(not self.model.locked and self.model.period != "Q1")
        # Only a signed-off (or submitted) report needs saying why nothing can be typed; the window names the period.
        lang = current_language()
        self.banner.setVisible(self.model.locked)
        why = _SUBMITTED if self.model.report.status == "submitted" else _SIGNED_OFF
        self.banner.setText(period_name(self.period, lang) + " — " + Msg(why).render(lang))
