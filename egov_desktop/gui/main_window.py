"""The main window: choose a plan, keep it, enter progress, sign off and send the report.

Layout and actions come from forms/main_window.ui; this module wires them to the
store and to the grid widgets. Every edit goes through the store (committed at
once) and onto one undo stack, so there is nothing to save: the status bar only
says so. The session (gui/session.py) owns the store and the stack and tells every
view of every change; the window follows it too (titles, report state, deadlines).
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QThreadPool, QTime, QTimer, QUrl
from PySide6.QtGui import QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QFrame, QLabel, QMainWindow, QMessageBox, QProgressBar, \
    QScrollArea, QStackedWidget, QToolButton

from egov_desktop.core import address, exchange, rules
from egov_desktop.core.address import Address
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.model import PERIODS, PlanDocument
from egov_desktop.core.periods import FiscalYear, period_name
from egov_desktop.gui import bijoy_fix, deadlines, history, tasks
from egov_desktop.gui.cancel import CancelToken, write_staged
from egov_desktop.gui.dialogs import show_box
from egov_desktop.gui.dialogs.shortcuts import NAME_PROPERTY
from egov_desktop.gui.forms.ui_main_window import Ui_MainWindow
from egov_desktop.gui.i18n_qt import SETTING_LANGUAGE, SETTING_LATIN_DIGITS, state as language_state
from egov_desktop.gui.labels import (EXCEL_FILTER, EXCHANGE_FILTER, TABLE_FILTER, documents_folder, kind_label,
                                    kind_order, plan_label)
from egov_desktop.gui.officer import OfficerBar
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.problems import ProblemsPanel
from egov_desktop.gui.progress_editor import ProgressEditor
from egov_desktop.gui.score_view import ScoreSummary
from egov_desktop.gui.session import Session, Summary
from egov_desktop.store.errors import StoreError


# QSettings keys: per-machine UI state only; everything about plans is in the database.
S_GEOMETRY, S_STATE, S_PLAN, S_PERIOD = "window/geometry", "window/state", "last/plan", "last/period"
S_SPLITTER = "window/progress_splitter"


# Actions that need the database (the plan-specific ones also need an open plan).
STORE_ACTIONS = ("actionNewPlan", "actionImport", "actionImportTable", "actionDeadlines", "actionBackup",
                 "actionRestore")


class MainWindow(QMainWindow):
    def __init__(self, store, settings: QSettings, parent=None):
        """`store` may be None: the window then says the database is being opened until `set_store`."""
        super().__init__(parent)
        self.store = None
        self.settings = settings
        self.language = language_state()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.session = Session(None, parent=self)
        self.undo_stack = self.session.undo_stack
        self.plan_key: int | None = None
        self._plans: dict = {}
        self.plan_editor: PlanEditor | None = None
        # The reports' grids, each built when first needed (progress_editor).
        self.progress_editors: dict[str, ProgressEditor] = {}
        # The plan as read for its plan grid, kept for the first progress grid while nothing has changed since.
        self._read: PlanDocument | None = None
        self._tasks: dict[tasks.Task, tuple[CancelToken, str]] = {}  # running: its token and busy text
        self._last_saved: QTime | None = None
        self.consolidation = None  # the consolidation window while it is open (one at a time)

        self.progress_stack = QStackedWidget(self)
        self.score_summary = ScoreSummary(self)
        # Scrolled, so a plan with many indicators does not force a tall window.
        score_area = QScrollArea(self)
        score_area.setWidget(self.score_summary)
        score_area.setWidgetResizable(True)
        score_area.setFrameShape(QFrame.Shape.NoFrame)
        self.ui.progressSplitter.addWidget(self.progress_stack)
        self.ui.progressSplitter.addWidget(score_area)
        # The grid gets the room; the bars read well in a narrow column.
        self.ui.progressSplitter.setStretchFactor(0, 1)
        self.ui.progressSplitter.setStretchFactor(1, 0)
        self.ui.progressSplitter.setSizes([1000, 240])
        self.problems = ProblemsPanel(self)
        self.ui.problemsLayout.addWidget(self.problems)
        self.problems.activated.connect(self.select_where)
        bijoy_fix.attach_problems(self.problems, self.current_editor)

        self.officer_bar = OfficerBar(self)
        self.ui.centralLayout.insertWidget(0, self.officer_bar)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_window()
        self.retranslate()
        if store is not None:
            self.set_store(store)
        else:
            self.open_plan(None)

    def set_store(self, store) -> None:
        """Show the database's plans (the last one shown, else the newest)."""
        self.store = store
        self.session.set_store(store)
        self._enable_store_actions()
        self.officer_bar.set_store(store)
        self.ui.emptyNewPlan.setVisible(True)
        self.refresh_plans(select=self.settings.value(S_PLAN))
        self._on_saved()
        self._focus_grid()

    # ------------------------------------------------------------------ building

    def _build_status_bar(self) -> None:
        bar = self.ui.statusbar
        self.busy_label = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # no percentage to show: "working", until the result comes back
        self.busy.setMaximumWidth(120)
        self.cancel_button = QToolButton(self)
        self.cancel_button.clicked.connect(self.cancel_tasks)
        self.saved_label = QLabel(self)
        self.deadline_label = QLabel(self)
        # On a server whose connection is lost: others' changes are not shown until it is back.
        self.server_label = QLabel(self)
        self.server_label.setStyleSheet("color: #b00020;")
        self._server_lost = False
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.server_label)
        bar.addPermanentWidget(self.deadline_label)
        bar.addPermanentWidget(self.saved_label)
        self._set_busy()

    def _build_menus(self) -> None:
        ui = self.ui
        self.language_group = QActionGroup(self)
        for action in (ui.actionBangla, ui.actionEnglish):
            self.language_group.addAction(action)
        ui.menuView.insertAction(ui.actionShowPlan, self.ui.problemsDock.toggleViewAction())
        # Two tabs: Ctrl+Tab and Ctrl+PgDown go to the other one either way, as in browsers and Excel.
        ui.actionNextTab.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        ui.actionPreviousTab.setShortcuts([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")])
        self._undo_actions: tuple = ()

    def _rebuild_undo_actions(self) -> None:
        """Undo/redo items named after the step they take; rebuilt so the prefix follows the language."""
        for action in self._undo_actions:
            self.ui.menuEdit.removeAction(action)
            action.deleteLater()
        undo = self.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action, name in ((undo, _("&Undo")), (redo, _("&Redo"))):
            action.setProperty(NAME_PROPERTY, name)  # its text names the step it takes
            self.ui.menuEdit.addAction(action)
        self._undo_actions = (undo, redo)
        # Steps already on the stack were named in the language of their time.
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            change = getattr(command, "change", None)
            if change is not None:
                command.setText(change.description.render())

    def _connect(self) -> None:
        ui = self.ui
        ui.fiscalYear.currentIndexChanged.connect(self._fill_kinds)
        ui.kind.currentIndexChanged.connect(self._on_kind_chosen)
        ui.period.currentIndexChanged.connect(self._on_period_chosen)
        ui.tabs.currentChanged.connect(self._show_current_findings)
        ui.emptyNewPlan.clicked.connect(self.new_plan)
        ui.actionNewPlan.triggered.connect(self.new_plan)
        ui.actionImport.triggered.connect(self.import_file)
        ui.actionImportTable.triggered.connect(self.import_table)
        ui.actionExportExcel.triggered.connect(self.export_excel)
        ui.actionExportExchange.triggered.connect(self.export_exchange)
        ui.actionOffice.triggered.connect(self.edit_office)
        ui.actionCollect.triggered.connect(self.collect_reports)
        ui.actionConsolidate.triggered.connect(self.show_consolidation)
        ui.actionDeadlines.triggered.connect(self.edit_deadlines)
        ui.actionScoring.triggered.connect(self.edit_scoring)
        ui.actionApaOverview.triggered.connect(self.show_apa_overview)
        ui.actionBackup.triggered.connect(self.back_up)
        ui.actionRestore.triggered.connect(self.restore)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionShowPlan.triggered.connect(lambda: (ui.tabs.setCurrentWidget(ui.planTab), self._focus_grid()))
        ui.actionShowProgress.triggered.connect(lambda: (ui.tabs.setCurrentWidget(ui.progressTab), self._focus_grid()))
        ui.actionNextTab.triggered.connect(lambda: self._switch_tab(+1))
        ui.actionPreviousTab.triggered.connect(lambda: self._switch_tab(-1))
        ui.actionShortcuts.triggered.connect(self.show_shortcuts)
        ui.actionLatinDigits.toggled.connect(self.set_latin_digits)
        ui.actionBangla.triggered.connect(lambda: self.set_language("bn"))
        ui.actionEnglish.triggered.connect(lambda: self.set_language("en"))
        ui.actionMemo.triggered.connect(self.edit_memo)
        ui.memoButton.clicked.connect(self.edit_memo)
        ui.actionExportWord.triggered.connect(self.export_word)
        ui.exportButton.clicked.connect(self.export_word)
        ui.actionEmail.triggered.connect(lambda: self.email_draft())
        ui.actionEmailPackage.triggered.connect(lambda: self.email_draft(with_package=True))
        ui.actionPackage.triggered.connect(self.make_package)
        ui.actionSignOff.triggered.connect(self.sign_off)
        ui.signOffButton.clicked.connect(self.sign_off)
        ui.actionMarkSubmitted.triggered.connect(self.mark_submitted)
        ui.actionReopen.triggered.connect(self.reopen)
        ui.reopenButton.clicked.connect(self.reopen)
        ui.actionAbout.triggered.connect(self.about)
        self.undo_stack.indexChanged.connect(self._on_saved)
        self.session.changed.connect(self._on_changed)
        self.session.following.connect(self._on_following)

    def _restore_window(self) -> None:
        geometry = self.settings.value(S_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            # First start: most of the screen, since the plan table is wide; the problems list short.
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.96), int(screen.height() * 0.92))
            self.move(screen.center() - self.rect().center())
            self.resizeDocks([self.ui.problemsDock], [130], Qt.Orientation.Vertical)
        state = self.settings.value(S_STATE)
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value(S_SPLITTER)
        if splitter is not None:
            self.ui.progressSplitter.restoreState(splitter)

    # ------------------------------------------------------------------ language

    def set_language(self, lang: str) -> None:
        self.settings.setValue(SETTING_LANGUAGE, lang)
        self.language.set_language(lang)

    def set_latin_digits(self, on: bool) -> None:
        self.settings.setValue(SETTING_LATIN_DIGITS, on)
        if on != self.language.latin_digits:
            self.language.set_language(current_language(), latin_digits=on)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every visible text again, in the language now chosen."""
        ui = self.ui
        ui.retranslateUi(self)
        # The dock's title has no Alt letter; its menu item needs one.
        ui.problemsDock.toggleViewAction().setText(_("Pro&blems"))
        lang = current_language()
        (ui.actionBangla if lang == "bn" else ui.actionEnglish).setChecked(True)
        ui.actionLatinDigits.setChecked(self.language.latin_digits)
        for combo, label in ((ui.fiscalYear, self._fy_label), (ui.kind, self._kind_label),
                             (ui.period, self._period_label)):
            for i in range(combo.count()):
                combo.setItemText(i, label(combo.itemData(i)))
        self._rebuild_undo_actions()
        for editor in self._editors():
            editor.retranslate()
        self.problems.retranslate()
        self.officer_bar.retranslate()
        self.score_summary.update()
        self._update_titles()
        self._update_report_state()
        self._update_deadline()
        self._on_saved()
        self._set_busy()
        self._show_following()
        if self.plan_key is None:
            self._show_empty_page()

    def _fy_label(self, fy: str) -> str:
        return self.language.digits(FiscalYear.parse(fy).label(current_language()))

    def _kind_label(self, key: int) -> str:
        summary = self._summary(key)
        return kind_label(summary.kind) if summary else ""

    def _period_label(self, period: str) -> str:
        return self.language.digits(period_name(period, current_language()))

    # ------------------------------------------------------------------ plans

    def refresh_plans(self, select: str | None = None) -> None:
        """Fill the plan picker from the store; `select` is "fiscal year/kind" of the plan to show."""
        self._plans = {p.key: p for p in self.store.list_plans()}
        self._fill_years(select)

    def _fill_years(self, select: str | None) -> None:
        """The plan picker from the plans read (`_plans`); the plan shown stays open when it is the one selected."""
        years = sorted({p.fiscal_year for p in self._plans.values()}, reverse=True)
        fy_wanted, _sep, kind_wanted = (select or "").partition("/")
        combo = self.ui.fiscalYear
        combo.blockSignals(True)
        combo.clear()
        for fy in years:
            combo.addItem(self._fy_label(fy), fy)
        combo.setCurrentIndex(max(0, combo.findData(fy_wanted)))
        combo.blockSignals(False)
        self._fill_kinds(kind_wanted=kind_wanted)

    def _fill_kinds(self, *_args, kind_wanted: str | None = None) -> None:
        fy = self.ui.fiscalYear.currentData()
        combo = self.ui.kind
        combo.blockSignals(True)
        combo.clear()
        plans = [p for p in self._plans.values() if p.fiscal_year == fy]
        for p in sorted(plans, key=lambda p: kind_order(p.kind)):
            combo.addItem(self._kind_label(p.key), p.key)
        wanted = next((i for i in range(combo.count()) if self._plans[combo.itemData(i)].kind == kind_wanted), 0)
        combo.setCurrentIndex(wanted)
        combo.blockSignals(False)
        self._on_kind_chosen()

    def _on_kind_chosen(self, *_args) -> None:
        self.open_plan(self.ui.kind.currentData())

    def _summary(self, key):
        return self._plans.get(key) if key is not None else None

    def open_plan(self, key: int | None) -> None:
        if key == self.plan_key and self.plan_editor is not None:
            return
        self._close_plan()
        self.plan_key = key
        summary = self._summary(key)
        self.ui.pages.setCurrentWidget(self.ui.tabs if summary else self.ui.emptyPage)
        has_plan = summary is not None
        for action in (self.ui.actionExportExchange, self.ui.actionOffice, self.ui.actionCollect,
                       self.ui.actionConsolidate, self.ui.actionExportWord, self.ui.actionExportExcel,
                       self.ui.actionEmail, self.ui.actionMemo):
            action.setEnabled(has_plan)
        if summary is None:
            self._show_empty_page()
            self._update_titles()
            self._update_report_state()
            self._update_deadline()
            return
        self.settings.setValue(S_PLAN, f"{summary.fiscal_year}/{summary.kind}")
        # Read once for both grids (the plan's and the report's); each keeps its own copy, since each applies its
        # edits to it in place. A copy costs under half a reading.
        self._read = self.store.get_document(key)
        self.plan_editor = PlanEditor(self.session, key, self, document=self._read.copy())
        self.ui.planTabLayout.addWidget(self.plan_editor)
        self._wire_editor(self.plan_editor)
        self._fill_periods(summary)
        self._update_titles()
        self._update_deadline()

    def _show_empty_page(self) -> None:
        """No plan to show: the database is still being opened, or it has none yet."""
        loading = self.store is None
        self.ui.emptyText.setText(_("Opening the database…") if loading else _("There is no plan in this database yet."))
        self.ui.emptyNewPlan.setVisible(not loading)
        self._enable_store_actions()

    def _enable_store_actions(self) -> None:
        for action in STORE_ACTIONS:
            getattr(self.ui, action).setEnabled(self.store is not None)
        # A restore replaces the file: not while another copy writes to it or its folder is read-only.
        self.ui.actionRestore.setEnabled(self.store is not None and not self.store.readonly)

    def _close_plan(self) -> None:
        # Undo of a plan no longer shown would change data out of sight.
        self.undo_stack.clear()
        for editor in self._editors():
            editor.setParent(None)
            editor.deleteLater()
        self.plan_editor = None
        self.progress_editors = {}
        self._read = None
        self.problems.set_findings([])

    def _editors(self) -> list:
        return ([self.plan_editor] if self.plan_editor else []) + list(self.progress_editors.values())

    def _wire_editor(self, editor) -> None:
        editor.status.connect(lambda text: self.ui.statusbar.showMessage(text, 10000))
        editor.findings_changed.connect(lambda _findings, e=editor: self._on_findings(e))
        bijoy_fix.attach_grid(editor)
        history.attach_grid(editor)

    def _fill_periods(self, summary) -> None:
        combo = self.ui.period
        combo.blockSignals(True)
        combo.clear()
        for period in PERIODS:
            combo.addItem(self._period_label(period), period)
        # The report last worked on, else the latest one the plan has, else the first quarter.
        wanted = self.settings.value(S_PERIOD)
        if wanted not in summary.reports:
            wanted = next((p for p in reversed(PERIODS) if p in summary.reports), PERIODS[0])
        combo.setCurrentIndex(combo.findData(wanted))
        combo.blockSignals(False)
        self._on_period_chosen()

    @property
    def period(self) -> str:
        return self.ui.period.currentData() or PERIODS[0]

    def _on_period_chosen(self, *_args) -> None:
        if self.plan_key is None:
            return
        self.settings.setValue(S_PERIOD, self.period)
        if self.period in self.progress_editors or self.ui.tabs.currentWidget() is self.ui.progressTab:
            self._show_report(self.progress_editor())
        self._show_current_findings()
        self._update_report_state()

    def _show_report(self, editor) -> None:
        """The chosen report's grid and its score, on the Progress tab."""
        self.progress_stack.setCurrentWidget(editor)
        self._show_score(editor)

    def _new_progress_editor(self) -> ProgressEditor:
        document, self._read = self._read, None  # None after a change: the grid reads the plan itself
        editor = ProgressEditor(self.session, self.plan_key, self.period, self, document=document)
        self.progress_editors[self.period] = editor
        self.progress_stack.addWidget(editor)
        self._wire_editor(editor)
        editor.changed.connect(self._show_current_findings)
        editor.score_changed.connect(lambda s, e=editor: self._show_score(e))
        self._show_report(editor)
        return editor

    def _show_score(self, editor) -> None:
        if editor is self.progress_editors.get(self.period):
            self.score_summary.set_score(editor.model.document.plan, editor.score)

    def _on_changed(self, summary: Summary) -> None:
        """What the window itself shows of a change (the grids follow it on their own)."""
        self._read = None  # read before the change
        if summary.replaced:
            self.ui.statusbar.showMessage(_("Another officer wrote over the whole database on the server (a copy or "
                                            "a restore): everything shown was read again, and there is nothing to "
                                            "undo."), 30000)
        if summary.office or summary.progress or summary.plan:
            # The plans' office names and report statuses (the picker, the title, the next deadline).
            listed, self._plans = self._plans, {p.key: p for p in self.store.list_plans()}
            if self.plan_key is not None and self.plan_key not in self._plans:
                # The plan shown is gone (its import undone, or another officer deleted it): its grids must not
                # read it again, and another is shown once this change has been told (opening a plan clears the
                # undo stack, mid-undo here). What was typed into it is taken now, before the grids close.
                gone = listed.get(self.plan_key)
                typed = self._typed_not_saved() if summary.remote else []
                for editor in self._editors():
                    editor.model.detach()
                QTimer.singleShot(0, lambda: self._show_instead_of(gone, summary.remote, typed))
                return
            if summary.plan_list:
                shown = self._summary(self.plan_key)
                self._fill_years(f"{shown.fiscal_year}/{shown.kind}" if shown else None)
            self._update_titles()
        if summary.office:
            # An office with no name blocks sign-off: the problems list follows it.
            self._show_current_findings()
        self._update_report_state()
        self._update_deadline()

    def _show_instead_of(self, gone, remote: bool, typed: list[str]) -> None:
        """The plan shown (`gone`, as it was listed) is no longer in the database: show the same year and kind if it
        was imported again, else another plan; when another officer did it, say so, with what was typed into it."""
        self.refresh_plans(select=f"{gone.fiscal_year}/{gone.kind}" if gone else None)
        if not remote or gone is None:
            return
        name = plan_label(gone.kind, gone.fiscal_year)
        now = self._summary(self.plan_key)
        if now is not None and (now.fiscal_year, now.kind) == (gone.fiscal_year, gone.kind):
            said = Msg(N_("Another officer replaced the plan {plan} on the server (imported it anew). The plan as it "
                          "is now is shown."), {"plan": name})
        elif now is not None:
            said = Msg(N_("Another officer deleted the plan {plan} from the database on the server. {other} is shown "
                          "instead."), {"plan": name, "other": plan_label(now.kind, now.fiscal_year)})
        else:
            said = Msg(N_("Another officer deleted the plan {plan} from the database on the server. There is no other "
                          "plan in it."), {"plan": name})
        lines = [self.language.digits(said.render())]
        if typed:
            lines += ["", self.language.digits(Msg(N_(
                "What you had typed into it could not be saved ({count} cell(s)). Here it is, to copy:"),
                {"count": len(typed)}).render()), *typed]
        show_box(self, QMessageBox.Icon.Warning, _("The plan is no longer on the server"), "\n".join(lines),
                 selectable=True)  # the text can be copied

    def _typed_not_saved(self) -> list[str]:
        """The text the officer typed into the grids that the store does not hold: refused texts, and the cell being
        typed into (its editor still open)."""
        texts = [index.data() for _editor, index in self._not_saved(self._editors())]
        for editor in self._editors():
            view = editor.view
            index = view.currentIndex()
            cell = view.indexWidget(index) if view.state() == QAbstractItemView.State.EditingState else None
            typed = cell.text() if cell is not None and hasattr(cell, "text") else ""
            if typed and typed != index.data(Qt.ItemDataRole.EditRole):
                texts.append(typed)
        return texts

    def _on_following(self, following: bool) -> None:
        """On the office's server: the connection that brings others' changes was lost, or is back."""
        if following and self._server_lost:
            self.ui.statusbar.showMessage(_("The database server can be reached again."), 15000)
        self._server_lost = not following
        self._show_following()

    def _show_following(self) -> None:
        from egov_desktop.store.dialect import LOST_FOLLOW

        self.server_label.setText(_("No connection to the server") if self._server_lost else "")
        self.server_label.setToolTip(_(LOST_FOLLOW) if self._server_lost else "")
        self.server_label.setVisible(self._server_lost)

    def progress_editor(self) -> ProgressEditor | None:
        """The grid of the report chosen on the Progress tab (None without a plan), built the first time something
        needs it: the tab is shown, an action on the report, a finding in it.
        The start shows the Plan tab: nothing of the report is on screen, and the first frame does not wait for its
        grid (a copy of the plan, its rules, its score, the view). The Report menu's actions need only the report's
        status, which the plans' list has (_update_report_state)."""
        if self._summary(self.plan_key) is None:
            return None
        editor = self.progress_editors.get(self.period)
        return editor if editor is not None else self._new_progress_editor()

    def current_editor(self):
        if self.ui.tabs.currentWidget() is self.ui.progressTab:
            return self.progress_editor()
        return self.plan_editor

    def _on_findings(self, editor) -> None:
        # The plan's errors are shown on the Progress tab too.
        if editor is self.current_editor() or editor is self.plan_editor:
            self._show_current_findings()

    def _focus_grid(self) -> None:
        """Keyboard first: the grid takes the keys, at start and after Ctrl+1 / Ctrl+2."""
        editor = self.current_editor()
        if editor is not None:
            editor.view.setFocus()
            if not editor.view.currentIndex().isValid():
                editor.view.setCurrentIndex(editor.model.index(0, 0))

    def _switch_tab(self, step: int) -> None:
        tabs = self.ui.tabs
        if self.plan_key is not None:
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
            self._focus_grid()

    def _show_current_findings(self, *_args) -> None:
        editor = self.current_editor()
        if editor is not None and editor is not self.plan_editor:  # the Progress tab's
            self.problems.set_findings(self._report_findings(editor))
        else:
            self.problems.set_findings(editor.findings() if editor else [])
        self._update_report_state()

    def _report_findings(self, editor) -> list:
        """The report's own findings and the errors elsewhere that block its sign-off as the store checks them
        (the office's letterhead, the plan it is scored against, its memo): all in one list, or the Progress
        tab says "0 errors" while sign-off is refused."""
        return self._blockers(editor, own=[]) + editor.findings()

    def _blockers(self, editor, own: list | None = None) -> list:
        """rules.sign_off_blockers, on the grids' findings (with the text they refused): the store's check."""
        model = editor.model
        model.fresh()  # the report shown on the Progress tab, while the Plan tab is in front
        plan = self.plan_editor.findings() if self.plan_editor else None
        return rules.sign_off_blockers(model.document, model.report, plan=plan,
                                       own=editor.findings() if own is None else own)

    def _sign_off_errors(self) -> list:
        editor = self.progress_editor()
        return self._blockers(editor) if editor else []

    def select_where(self, a: Address) -> bool:
        """Go to the cell a finding points at, in whichever grid has it; the office's and the memo's fields
        open their dialogs."""
        if a.scope == address.OFFICE:
            self.edit_office()
            return True
        if a.scope == address.MEMO:
            self.edit_memo()
            return True
        # A plan finding ("1.1.1/targets[0]") would also match the progress grid's read-only target cells: it is
        # fixed on the Plan tab.
        editor, tab = (self.progress_editor(), self.ui.progressTab) if a.scope == address.ENTRY else \
            (self.plan_editor, self.ui.planTab)
        if editor is None or not editor.model.index_for_where(a).isValid():
            return False
        self.ui.tabs.setCurrentWidget(tab)
        return editor.select_where(a)

    # ------------------------------------------------------------------ status

    def _on_saved(self, *_args) -> None:
        if self.store is None:
            self.saved_label.clear()
            return
        if self.store.readonly:
            self.saved_label.setText(_("Read-only: changes cannot be saved"))
            self.saved_label.setToolTip(_("Another copy of the program is writing to this database, or its "
                                          "folder cannot be written."))
            return
        if _args:
            self._last_saved = QTime.currentTime()
        text = _("Saved")
        if self._last_saved is not None:
            text = Msg(N_("Saved at {time}"), {"time": self._last_saved.toString("HH:mm")}).render()
        self.saved_label.setText("✓ " + self.language.digits(text))
        self.saved_label.setToolTip(_("Every change is saved as soon as it is made; there is no Save button."))

    def _update_deadline(self) -> None:
        if self.store is None:
            self.deadline_label.clear()
            return
        summary = self._summary(self.plan_key)
        done = {(summary.fiscal_year, p) for p, s in summary.reports.items() if s != "draft"} if summary else set()
        due = deadlines.next_due(self.store, dt.date.today(), done)
        self.deadline_label.setText(self.language.digits(deadlines.describe(due, current_language())))
        # The last week before a deadline stands out.
        urgent = due is not None and due.days_left <= deadlines.URGENT_DAYS
        self.deadline_label.setStyleSheet("color: #a40000; font-weight: bold;" if urgent else "")

    def _update_titles(self) -> None:
        summary = self._summary(self.plan_key)
        title = _("e-Governance and Innovation Action Plan")
        if summary is not None:
            title = f"{kind_label(summary.kind)} {self._fy_label(summary.fiscal_year)}"
            self.ui.officeName.setText(summary.office_name)
        else:
            self.ui.officeName.clear()
        office = summary.office_name if summary is not None else ""
        read_only = _("read-only") if self.store is not None and self.store.readonly else ""
        self.setWindowTitle(" — ".join(t for t in (title, office, read_only) if t))

    def _update_report_state(self, *_args) -> None:
        editor = self.progress_editors.get(self.period)
        if editor is not None:
            status = editor.model.report.status
        else:  # its grid not built: the plans' list has each report's status (a report not begun is a draft, as
            # the grid makes it); a change does not build the grid, nor does the Plan tab's typing wait for it
            summary = self._summary(self.plan_key)
            status = summary.reports.get(self.period, "draft") if summary is not None else None
        # Errors or not, a draft can be asked to sign off: the dialog then lists what to fix.
        can_sign = status == "draft"
        for widget in (self.ui.actionSignOff, self.ui.signOffButton):
            widget.setEnabled(can_sign)
        self.ui.actionMarkSubmitted.setEnabled(status == "signed_off")
        for widget in (self.ui.actionReopen, self.ui.reopenButton):
            widget.setEnabled(status is not None and status != "draft")
        if editor is None and status is not None:
            return  # the state line and the sign-off hint are on the Progress tab, written when it builds the grid
        errors = self._blockers(editor) if editor is not None else []
        if status is None:
            text = ""
        elif status != "draft":
            report = editor.model.report
            sealed = N_("Submitted (revision {revision}, signed off by {name})") if status == "submitted" else \
                N_("Signed off (revision {revision}) by {name}")
            text = Msg(sealed, {
                "revision": report.revision or 1, "name": report.signoff.name if report.signoff else "",
            }).render()
        elif errors:
            text = Msg(N_("Draft: {count} error(s) to fix before sign-off"), {"count": len(errors)}).render()
        else:
            text = _("Draft")
        self.ui.reportState.setText(self.language.digits(text))
        self.ui.signOffButton.setToolTip(_("Fix the errors in the problems panel first") if errors else "")

    def _set_busy(self) -> None:
        """The busy bar, with its Cancel button, while a task not cancelled runs."""
        running = [text for token, text in self._tasks.values() if not token.cancelled]
        text = running[-1] if running else ""
        self.busy_label.setText(text)
        self.cancel_button.setText(_("Cancel"))
        for widget in (self.busy_label, self.busy, self.cancel_button):
            widget.setVisible(bool(text))

    def _run_task(self, busy_text: str, work, on_done, path: Path | None = None) -> None:
        """`work(token)` in the thread pool; `on_done(result)` back here unless cancelled meanwhile. Only pure
        work goes there; it makes its result take effect through `token.commit`, so a cancelled task leaves
        nothing behind (gui/cancel.py). `path`, the file the task writes, is named if it fails (the error
        itself names the temporary file it was staged in)."""
        token = CancelToken()
        task = tasks.Task(work, token)

        def finished() -> bool:
            self._tasks.pop(task, None)
            self._set_busy()
            return not token.cancelled

        task.signals.done.connect(lambda result: finished() and on_done(result))
        task.signals.failed.connect(lambda exc: finished() and self._show_error(exc, path=path))
        self._tasks[task] = (token, busy_text)
        self._set_busy()
        QThreadPool.globalInstance().start(task)

    def cancel_tasks(self) -> None:
        """Cancel what runs: its result will not take effect (the work itself ends in the background)."""
        cancelled = [token.cancel() for token, _text in self._tasks.values()]
        self._set_busy()
        if any(cancelled):
            self.ui.statusbar.showMessage(_("Cancelled: nothing was changed."), 10000)

    def _show_error(self, exc: Exception, title: str | None = None, path: Path | None = None) -> None:
        """Say why something failed; window-modal but not blocking, as it may arrive from a finished task."""
        self._warn(title or _("It did not work"), tasks.failure_text(exc, path))

    def _warn(self, title: str, text: str) -> None:
        show_box(self, QMessageBox.Icon.Warning, title, text)

    # ------------------------------------------------------------------ file actions

    def new_plan(self) -> None:
        from egov_desktop.gui.dialogs.new_plan import NewPlanDialog

        office_key = self.store.office_of(self.plan_key) if self.plan_key is not None else None
        dialog = NewPlanDialog(self.store, list(self._plans.values()), office_key, self, session=self.session)
        if not dialog.exec():
            return
        if dialog.source == "file":
            self._import(dialog.file_path)
            return
        try:
            change = dialog.create()
        except StoreError as exc:
            self._show_error(exc)
            return
        self._show_new_plan(change.key)
        if dialog.source == "blank" and self.plan_editor is not None:
            self.ui.tabs.setCurrentWidget(self.ui.planTab)
            self.plan_editor.edit_first_title()

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import exchange file"), documents_folder(),
                                                     _(EXCHANGE_FILTER))
        if path:
            self._import(Path(path))

    def _import(self, path: Path) -> None:
        def loaded(doc) -> None:
            try:
                change = self.store.import_document(doc)
            except StoreError as exc:
                self._show_error(exc)
                return
            self._show_new_plan(change.key)
            if doc.warnings:  # e.g. a report whose seal does not hold: imported as a draft, and said so
                self._warn(_("Imported, with warnings"), "\n".join(
                    f"{rules.describe_where(w.where, doc.plan)}: {w.msg.render()}" for w in doc.warnings))
            bijoy_fix.offer_after_import(self, self.session, change.key)

        def read(token):
            doc = exchange.load(path)
            return doc if token.commit() else None

        self._run_task(_("Reading the file…"), read, on_done=loaded)

    def import_table(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import from Word or Excel"), documents_folder(),
                                                     _(TABLE_FILTER))
        if path:
            self._import_table(Path(path))

    def _import_table(self, path: Path) -> None:
        """A plan table from Word or Excel: a file of ours is read exactly (it carries its plan); any other
        goes through the preview, where the officer checks and corrects the columns. One undo step."""
        from egov_desktop.gui.dialogs.import_table import ImportTableDialog
        from egov_desktop.tables import read_plan_table

        def read(token):
            result = read_plan_table(path)
            return result if token.commit() else None

        def loaded(result) -> None:
            if result is None:
                return
            doc = result.document
            if not result.carried:
                office = self.store.current_office()
                name = self.store.get_office(office).name if office is not None else ""
                dialog = ImportTableDialog(path.name, result.tables, name, self)
                if not dialog.exec():
                    return
                doc = dialog.document
            try:
                change = self.store.import_document(doc)
            except StoreError as exc:
                self._show_error(exc)
                return
            self._show_new_plan(change.key)  # (showing another plan starts a new undo history)
            self.session.push(change)

        self._run_task(_("Reading the file…"), read, on_done=loaded)

    def _show_new_plan(self, key: int) -> None:
        summary = next(p for p in self.store.list_plans() if p.key == key)
        self.refresh_plans(select=f"{summary.fiscal_year}/{summary.kind}")
        self.ui.statusbar.showMessage(self.language.digits(Msg(N_("Plan {title} {year} is ready"), {
            "title": summary.title, "year": summary.fiscal_year}).render()), 10000)

    def export_exchange(self) -> None:
        summary = self._summary(self.plan_key)
        if summary is None:
            return
        from egov_desktop.export.docx_report import default_file_name

        doc = self.store.document_to_export(self.plan_key)
        name = default_file_name(doc, suffix=".plan.json")
        path, _filter = QFileDialog.getSaveFileName(self, _("Export exchange file"),
                                                     str(Path(documents_folder()) / name), _(EXCHANGE_FILTER))
        if not path:
            return
        self._run_task(_("Writing the file…"),
                       lambda token: write_staged(token, Path(path), lambda staged: exchange.dump(doc, staged)),
                       on_done=lambda _r: self.ui.statusbar.showMessage(
                           _("Exported to {path}").format(path=path), 10000), path=Path(path))

    def edit_office(self) -> None:
        from egov_desktop.gui.dialogs.office import OfficeDialog

        if self.plan_key is None:
            return
        dialog = OfficeDialog(self.store, self.store.office_of(self.plan_key), self)
        if dialog.exec() and dialog.change is not None:
            self.session.push(dialog.change)

    def collect_reports(self) -> None:
        """The reports of subordinate offices for the current plan's kind and year (issue 11.4)."""
        from egov_desktop.gui.dialogs.collect import CollectDialog

        summary = self._summary(self.plan_key)
        if summary is None:
            return
        dialog = CollectDialog(self.store, self.store.office_of(self.plan_key), summary.kind, summary.fiscal_year,
                               self.session.push, self)
        dialog.exec()

    def show_consolidation(self) -> None:
        """The subordinate offices' reports side by side (issue 11.5), at first of the plan shown's kind and year and
        the period chosen; it stays open beside the window and follows what is collected meanwhile."""
        from egov_desktop.gui.consolidation import ConsolidationWindow

        summary = self._summary(self.plan_key)
        if summary is None:
            return
        if self.consolidation is None:
            self.consolidation = ConsolidationWindow(self.session, summary.kind, summary.fiscal_year, self.period, self)
            self.consolidation.destroyed.connect(self._consolidation_closed)
        self.consolidation.show()
        self.consolidation.raise_()
        self.consolidation.activateWindow()

    def _consolidation_closed(self, *_args) -> None:
        self.consolidation = None

    def edit_deadlines(self) -> None:
        from egov_desktop.gui.dialogs.deadlines import DeadlinesDialog

        summary = self._summary(self.plan_key)
        fy = FiscalYear.parse(summary.fiscal_year) if summary else FiscalYear.of(dt.date.today())
        dialog = DeadlinesDialog(self.store, fy, self)
        if dialog.exec() and dialog.change is not None:
            self.session.push(dialog.change)

    def edit_scoring(self) -> None:
        from egov_desktop.gui.dialogs.scoring import ScoringDialog

        if self.plan_key is None:
            return
        dialog = ScoringDialog(self.store, self.plan_key, self)
        if dialog.exec() and dialog.change is not None:
            self.session.push(dialog.change)

    def show_apa_overview(self) -> None:
        """The five governance plans of the chosen fiscal year side by side, for the chosen period."""
        from egov_desktop.gui.dialogs.apa_overview import ApaOverviewDialog

        summary = self._summary(self.plan_key) if self.plan_key is not None else None
        fiscal_year = summary.fiscal_year if summary else FiscalYear.of(dt.date.today()).code
        ApaOverviewDialog(self.store, fiscal_year, self.period, self, session=self.session).exec()

    def back_up(self) -> None:
        """A copy of the database into a folder the user picks (a pen drive, another disk)."""
        from egov_desktop.store.backup import backup_now

        folder = QFileDialog.getExistingDirectory(self, _("Back up to a folder"), documents_folder())
        if not folder:
            return
        db_path = self.store.path

        def copy(token):
            # The copy reads the file through its own connection (SQLite's online backup), not the store's.
            # It is a new file of its own name: a cancelled one is simply removed.
            dest = backup_now(db_path, "manual", to=Path(folder))
            if token.commit():
                return dest
            dest.unlink(missing_ok=True)
            return None

        self._run_task(_("Backing up…"), copy, on_done=lambda path: self.ui.statusbar.showMessage(
            _("Backup saved: {path}").format(path=path), 15000))

    def restore(self) -> None:
        """Replace the database by a backup: the store is closed, the file swapped (the current one is
        backed up first by backup.restore) and the database opened again."""
        from egov_desktop.gui.dialogs.restore import RestoreDialog
        from egov_desktop.store import backup
        from egov_desktop.store.service import Store

        dialog = RestoreDialog(backup.list_backups(self.store.path), self)
        if not dialog.exec():
            return
        path = self.store.path
        self._close_plan()
        if self.consolidation is not None:  # it reads the database being replaced
            self.consolidation.close()
        self.plan_key = None
        self.store.close()
        self.store = None
        failed = None
        try:
            result = backup.restore(dialog.chosen, path)
        except StoreError as exc:
            failed = exc  # nothing was replaced: the database is opened again as it was
        try:
            store = Store.open(path)
        except StoreError as exc:
            QMessageBox.critical(self, _("The database cannot be opened"), exc.render())
            self.open_plan(None)
            self.ui.emptyText.setText(_("The database cannot be opened"))
            return
        self.set_store(store)
        if failed is not None:
            self._show_error(failed)
        else:
            kept = result.safety_copy or result.moved_aside
            self.ui.statusbar.showMessage(_("The backup is restored; the database as it was is kept as {path}")
                                          .format(path=kept) if kept else _("The backup is restored."), 30000)

    # ------------------------------------------------------------------ report actions

    def edit_memo(self) -> None:
        self._edit_memo(False, self)

    def edit_all_plans_memo(self, parent=None) -> None:
        """The office's memo of all the plans of the year (from the Word export dialog, `parent`)."""
        self._edit_memo(True, parent or self)

    def _edit_memo(self, all_plans: bool, parent) -> None:
        from egov_desktop.gui.dialogs.memo import MemoDialog

        if self.plan_key is None:
            return
        dialog = MemoDialog(self.store, self.plan_key, self.period, parent, all_plans=all_plans)
        if dialog.exec() and dialog.change is not None:
            self.session.push(dialog.change)

    def export_word(self) -> None:
        from egov_desktop.gui.dialogs.export import ExportDialog
        from egov_desktop.export.docx_report import export_all_plans, export_docx, saved_settings

        if self.plan_key is None or self._stopped_by_not_saved():
            return
        doc = self.store.document_as_signed(self.plan_key, self.period)
        saved = saved_settings(self.store, self.plan_key)
        dialog = ExportDialog(doc, self.period, saved, self,
                              edit_all_plans_memo=lambda: self.edit_all_plans_memo(dialog))
        if not dialog.exec():
            return
        open_after = dialog.open_after
        if dialog.settings != saved:
            self._save_export_settings(dialog.settings)

        def written(path) -> None:
            self.ui.statusbar.showMessage(_("Word file written: {path}").format(path=path), 10000)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        period, parts, font, settings = self.period, dialog.parts, dialog.font, dialog.settings
        if dialog.all_plans:
            import datetime as dt

            fiscal_year = doc.plan.fiscal_year
            docs = [self.store.document_as_signed(p.key, period) for p in self.store.list_plans()
                    if p.fiscal_year == fiscal_year]
            # The memo the export dialog edits: of this plan's office.
            memo = self.store.all_plans_memo_or_new(self.store.office_of(self.plan_key), fiscal_year, period,
                                                    dt.date.today())

            def write(staged):
                return export_all_plans(docs, period, staged, parts=parts, font=font, settings=settings, memo=memo)
        else:
            def write(staged):
                return export_docx(doc, period, staged, parts=parts, font=font, settings=settings)
        self._run_task(_("Writing the Word file…"), lambda token: write_staged(token, dialog.path, write),
                       on_done=written, path=dialog.path)

    def export_excel(self) -> None:
        from egov_desktop.export.docx_report import default_file_name, saved_settings
        from egov_desktop.export.xlsx_report import export_xlsx

        if self.plan_key is None or self._stopped_by_not_saved():
            return
        doc = self.store.document_as_signed(self.plan_key, self.period)
        name = default_file_name(doc, self.period, suffix=".xlsx")
        path, _filter = QFileDialog.getSaveFileName(self, _("Excel report"), str(Path(documents_folder()) / name),
                                                     _(EXCEL_FILTER))
        if not path:
            return
        period, settings = self.period, saved_settings(self.store, self.plan_key)
        self._run_task(_("Writing the Excel file…"), lambda token: write_staged(
            token, Path(path), lambda staged: export_xlsx(doc, period, staged, settings=settings)),
            on_done=lambda written: self.ui.statusbar.showMessage(
                _("Excel file written: {path}").format(path=written), 10000), path=Path(path))

    def _save_export_settings(self, settings) -> None:
        """Where saved_settings found them: the plan's own settings if it has them, else those for all plans
        (so a choice made once holds for next year's plan too). A read-only database keeps them for this export."""
        from egov_desktop.export.docx_report import SETTINGS_KEY

        if self.store.readonly:
            return
        own = self.store.get_setting(SETTINGS_KEY, plan_key=self.plan_key) is not None
        try:
            self.store.set_setting(SETTINGS_KEY, settings.to_dict(), plan_key=self.plan_key if own else None)
        except StoreError as exc:
            self._show_error(exc)

    def email_draft(self, with_package: bool = False) -> None:
        """Write the report and an .eml draft beside it (with the submission package too, when asked), then open
        the draft in the mail program."""
        from egov_desktop.core.files import write_atomic
        from egov_desktop.export import package
        from egov_desktop.export.docx_report import default_file_name, export_docx, saved_settings
        from egov_desktop.export.email_draft import draft_addresses, write_eml
        from egov_desktop.export.fonts import NIKOSH

        if self.plan_key is None or self._stopped_by_not_saved():
            return
        sources = self._package_sources() if with_package else None
        if with_package and sources is None:
            return
        doc = self.store.document_as_signed(self.plan_key, self.period)
        profile = self.store.office_profile(self.store.office_of(self.plan_key))
        to, cc = draft_addresses(doc, self.period, profile)
        folder = Path(tempfile.mkdtemp(prefix="egov-email-"))
        docx_path = folder / default_file_name(doc, self.period)
        period, lang = self.period, current_language()
        settings = saved_settings(self.store, self.plan_key)

        def work(token):
            eml = None
            try:
                export_docx(doc, period, docx_path, settings=settings)
                package_path = None
                if sources is not None and not token.cancelled:
                    package_path = write_atomic(docx_path.with_suffix(".zip"), package.make(sources, NIKOSH, lang)[0])
                if not token.cancelled:  # cancelled already: the next step is not needed
                    draft = write_eml(doc, period, docx_path, docx_path.with_suffix(".eml"), to=to, cc=cc,
                                      settings=settings, package_path=package_path)
                    eml = draft if token.commit() else None
                return eml
            finally:
                if eml is None:  # cancelled or failed: the draft's folder goes
                    shutil.rmtree(folder, ignore_errors=True)

        self._run_task(_("Preparing the e-mail…"), work, on_done=self._draft_written)

    def _package_sources(self):
        """What the submission package of the current report is made of (export.package.gather), read here on the
        GUI thread; None after saying why there is none."""
        from egov_desktop.export import package
        from egov_desktop.export.docx_report import ExportError, saved_settings

        try:
            return package.gather(self.store, [self.plan_key], self.period,
                                  lambda key, _doc: saved_settings(self.store, key), current_language())
        except (ExportError, StoreError) as exc:
            self._show_error(exc)
            return None

    def make_package(self) -> None:
        """The submission package (export/package.py) of the current report, to a file chosen in a dialog."""
        from egov_desktop.export import package
        from egov_desktop.export.docx_report import default_file_name
        from egov_desktop.export.fonts import NIKOSH

        if self.plan_key is None or self._stopped_by_not_saved():
            return
        sources = self._package_sources()
        if sources is None:
            return
        name = default_file_name(sources.docs[0], self.period, suffix=".zip")
        path, _filter = QFileDialog.getSaveFileName(self, _("Submission package"), str(Path(documents_folder()) / name),
                                                     _("Zip package (*.zip)"))
        if not path:
            return
        lang = current_language()

        def work(token):
            data, summary = package.make(sources, NIKOSH, lang)
            written = write_staged(token, Path(path), lambda staged: staged.write_bytes(data))
            return written, len(data), summary

        self._run_task(_("Making the submission package…"), work, on_done=self._package_written, path=Path(path))

    def _package_written(self, result) -> None:
        from egov_desktop.export.package import size_warning

        path, size, summary = result
        self.ui.statusbar.showMessage(_("Package written: {path}").format(path=path) + " " + summary.render(), 10000)
        warning = size_warning(size)
        if warning is not None:
            self._warn(_("Submission package"), warning.render())

    def _draft_written(self, eml: Path) -> None:
        """Hand the draft to the mail program and always say where it is: a computer with no mail program set
        up opens nothing (openUrl says False), and the file in a temporary folder would be lost to the user."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml)))
        # str.format, not Msg: the digits of a path are not translated.
        self.ui.statusbar.showMessage(_("E-mail draft written: {path}").format(path=eml))
        text = _("The e-mail draft was handed to your mail program. It is saved at:\n{path}") if opened else \
            _("No mail program opened the e-mail draft. It is saved at:\n{path}\nOpen it with your mail program, "
              "or attach the Word file in the same folder to a new e-mail.")
        show_box(self, QMessageBox.Icon.Information if opened else QMessageBox.Icon.Warning, _("E-mail draft"),
                 text.format(path=eml), folder=eml.parent, selectable=True)  # the path can be copied

    def sign_off(self) -> None:
        from egov_desktop.gui.dialogs.sign_off import SignOffDialog

        editor = self.progress_editor()
        if editor is None:
            return
        errors = self._sign_off_errors()
        profile = self.store.office_profile(self.store.office_of(self.plan_key))
        dialog = SignOffDialog(self.store, self.plan_key, self.period, profile["signatories"], errors, self)
        if dialog.exec():
            self._after_seal_change()

    def mark_submitted(self) -> None:
        """Record that the signed report went to the upper office. Not an undoable step: Reopen undoes it."""
        if self.progress_editor() is None:
            return
        question = Msg(N_("Mark the {period} report as submitted to the upper office? It stays sealed; "
                          "to change it again, reopen it."), {"period": period_name(self.period, current_language())})
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        if QMessageBox.question(self, _("Mark as submitted"), question.render(), buttons) != \
                QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.mark_submitted(self.plan_key, self.period)
        except StoreError as exc:
            self._show_error(exc)
        self._after_seal_change()

    def reopen(self) -> None:
        from egov_desktop.gui.dialogs.reopen import ReopenDialog

        if self.progress_editor() is None:
            return
        if ReopenDialog(self.store, self.plan_key, self.period, self).exec():
            self._after_seal_change()

    def _after_seal_change(self) -> None:
        # Signing and reopening are not undoable steps, and earlier steps may now be refused.
        self.session.announce(Summary(progress=True), clear_undo=True)

    def show_shortcuts(self) -> None:
        from egov_desktop.gui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def about(self) -> None:
        from egov_desktop import __version__

        QMessageBox.about(self, _("About"), "\n\n".join((
            f"egov-desktop {self.language.digits(__version__)}",
            _("Keeps the e-Governance and Innovation Action Plan of an office, its quarterly progress and "
              "scores, and writes the Word report with its forwarding memo. Works without the internet."),
            _("Bangla is shown with the Noto Sans Bengali and Noto Sans fonts (SIL Open Font License 1.1)."),
        )))

    # ------------------------------------------------------------------ text not saved

    def _not_saved(self, editors) -> list:
        """(editor, index) of every cell among `editors` showing text that was refused (not saved)."""
        return [(editor, index) for editor in editors for index in editor.model.not_saved()]

    def _go_to_not_saved(self, editor, index) -> None:
        if editor is self.plan_editor:
            self.ui.tabs.setCurrentWidget(self.ui.planTab)
        else:
            self.ui.tabs.setCurrentWidget(self.ui.progressTab)
            self.ui.period.setCurrentIndex(self.ui.period.findData(editor.period))
        editor.view.setFocus()
        editor.view.go_to(index, open_editor=False)

    def _stopped_by_not_saved(self) -> bool:
        """Before the Word report or the e-mail goes out: text typed into the plan or this report that was refused
        would be missing from it without a word (issue 15.2). Says so and goes to the first such cell."""
        found = self._not_saved([e for e in (self.plan_editor, self.progress_editor()) if e is not None])
        if not found:
            return False
        QMessageBox.warning(self, _("Text not saved"), self.language.digits(Msg(N_(
            "{count} cell(s) hold text that was not saved, so the report would go out without it. Correct it, or "
            "press Esc on the cell to keep the saved value; then export again."), {"count": len(found)}).render()))
        self._go_to_not_saved(*found[0])
        return True

    def _close_with_not_saved(self) -> bool:
        """Closing while cells show text that was not saved: Save is impossible (the text was refused), so the
        choice is to go back to the cell or to discard the text. True: close."""
        found = self._not_saved(self._editors())
        if not found:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, _("Text not saved"), self.language.digits(Msg(N_(
            "{count} cell(s) hold text that was not saved: it was refused as it cannot be right. Go back to the "
            "cell to correct it, or discard the text (the saved value stays)."), {"count": len(found)}).render()),
            QMessageBox.StandardButton.NoButton, self)
        back = box.addButton(_("Go back to the cell"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("backToCell")
        discard = box.addButton(_("Discard the text and close"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard")
        box.setDefaultButton(back)
        box.exec()
        if box.clickedButton() is not discard:
            self._go_to_not_saved(*found[0])
            return False
        for editor in self._editors():
            editor.model.discard_not_saved()
        return True

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self._close_with_not_saved():
            event.ignore()
            return
        # A file being written is finished, not cut off (not cancelled); its result has no window left to go to.
        for task in list(self._tasks):
            for signal in (task.signals.done, task.signals.failed):
                signal.disconnect()
        QThreadPool.globalInstance().waitForDone()
        self._tasks.clear()
        self.settings.setValue(S_GEOMETRY, self.saveGeometry())
        self.settings.setValue(S_STATE, self.saveState())
        self.settings.setValue(S_SPLITTER, self.ui.progressSplitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
