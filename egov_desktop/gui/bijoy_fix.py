"""Bijoy (SutonnyMJ) text in the GUI: warn in Bangla, convert to Unicode in one click.

Text typed with the Bijoy keyboard, pasted from an old Word file or arriving in
an exchange file is Latin gibberish to every other program ("Avgvi" for
"আমার"). The rules already report it (rule "bijoy_text"); this module turns
those findings into actions:

- above each grid, a bar counting the Bijoy texts with a "ইউনিকোডে রূপান্তর"
  button; the same action on the cell's context menu (Ctrl+Shift+U) and on the
  finding in the problems panel;
- while a cell is being typed in, a warning icon in the editor that converts
  the text before it is committed;
- after an import, a dialog listing the Bijoy-looking fields ("সব রূপান্তর করুন");
- in dialogs (office profile), the same icon on every line edit.

A conversion is ordinary store operations run as one `store.group`, so it is
saved at once, audited, and one undo step however many fields it touched.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desktop.core import address, rules
from egov_desktop.core.address import Address
from egov_desktop.core.bijoy import bijoy_to_unicode, looks_like_bijoy
from egov_desktop.core.i18n import Msg, N_, _
from egov_desktop.core.model import PlanDocument
from egov_desktop.gui.delegates import TextCellEditor
from egov_desktop.gui.models import Role
from egov_desktop.gui.validators import TEXT
from egov_desktop.store.errors import StoreError

RULE = "bijoy_text"
SHORTCUT = "Ctrl+Shift+U"

CONVERT = N_("Convert to Unicode")
CONVERT_ALL = N_("Convert all")
WARNING_TEXT = N_("This text looks like Bijoy (SutonnyMJ) encoding, not Unicode Bangla. "
                  "Click to convert it.")
_BAR = "QFrame#bijoyBar { background: #fff3cd; border: 1px solid #e0b84c; border-radius: 3px; }"

# The fields of each place that hold text (the office's and a memo's: any the rules name).
_TEXT_FIELDS = {address.PLAN: {"title"}, address.AREA: {"title"}, address.ACTIVITY: {"title"},
                address.INDICATOR: {"title", "evidence", "responsible"},
                address.ENTRY: {"narrative", "evidence", "remarks"}}


# ---------------------------------------------------------------- finding and converting


@dataclass(frozen=True)
class BijoyText:
    """One Bijoy-looking text and the store field that holds it."""

    where: Address  # the finding's place, e.g. Q1/1.1.1/narrative
    text: str
    # The stored field: several texts may share one (the lines of a memo's body).
    slot: tuple
    value: Any  # the field's whole value: the text, or the list of lines it is one of
    write: Callable[[Any], Any]  # stores a new whole value; returns the store's Change
    locked: bool  # in (or covered by) a signed-off report: the store would refuse it

    @property
    def unicode(self) -> str:
        return bijoy_to_unicode(self.text)


def _converted(value: Any) -> Any:
    if isinstance(value, list):
        return [bijoy_to_unicode(v) if looks_like_bijoy(v) else v for v in value]
    return bijoy_to_unicode(value)


def _find(items: Iterable, code: str):
    return next((item for item in items if item.code == code), None)


def _holder(store, doc: PlanDocument, a: Address):
    """(the object holding the field, a function storing a new value), or None when the place is gone."""
    plan, plan_key, field = doc.plan, doc.plan.key, a.field
    if a.scope == address.PLAN:
        return plan, lambda v: store.set_plan_field(plan_key, field, v)
    if a.scope == address.OFFICE:
        return doc.office, lambda v: store.set_office_field(store.office_of(plan_key), field, v)
    if a.scope == address.AREA:
        area = _find(plan.areas, a.code)
        return area and (area, lambda v: store.set_area_field(area.key, field, v))
    if a.scope == address.ACTIVITY:
        act = _find((x for area in plan.areas for x in area.activities), a.code)
        return act and (act, lambda v: store.set_activity_field(act.key, field, v))
    # Of two indicators with one code, the one the place names (its occurrence, Plan.places).
    ind = dict(zip(plan.places(), plan.indicators())).get(a.place) if a.scope in (address.INDICATOR, address.ENTRY) \
        else None
    if a.scope == address.INDICATOR:
        return ind and (ind, lambda v: store.set_indicator_field(ind.key, field, v))
    period = a.period
    report = doc.report(period) if period else None
    if report is None:
        return None
    if a.scope == address.ENTRY:
        entry = report.entry(*a.place)
        return ind and entry and (entry, lambda v: store.set_entry_field(plan_key, period, ind.key, field, v))
    memo = report.memo
    if memo is None:
        return None
    owner = memo.signatory if field.startswith("signatory.") else memo
    return owner, lambda v: store.set_memo_field(plan_key, period, field, v)


def _resolve(store, doc: PlanDocument, a: Address) -> BijoyText | None:
    if not a.field or a.scope == address.SIGNOFF or a.field not in _TEXT_FIELDS.get(a.scope, {a.field}):
        return None
    held = _holder(store, doc, a)
    if not held:
        return None
    owner, write = held
    value = getattr(owner, a.field.rpartition(".")[2], None)
    text = value[a.index] if a.index is not None and isinstance(value, list) and a.index < len(value) else value
    if not isinstance(text, str):
        return None
    sealed = {r.period for r in doc.reports if r.status != "draft"}
    # A signed-off report seals its own texts, and the plan's (the seal covers the plan).
    locked = a.period in sealed if a.period else (a.scope != address.OFFICE and bool(sealed))
    return BijoyText(a, text, (a.scope, a.code, a.occurrence, a.period, a.field), value, write, locked)


def bijoy_texts(store, doc: PlanDocument, findings: Iterable | None = None) -> list[BijoyText]:
    """The Bijoy-looking texts among `findings` (default: every finding of the whole document)."""
    if findings is None:
        findings = rules.check_document(doc)
    texts, seen = [], set()
    for finding in findings:
        if finding.rule != RULE or finding.where in seen:
            continue
        seen.add(finding.where)
        text = _resolve(store, doc, finding.where)
        if text is not None:
            texts.append(text)
    return texts


def convert(store, texts: Iterable[BijoyText]):
    """Rewrite the texts as Unicode Bangla: one transaction and one undoable Change (None if nothing to do).
    Texts in signed-off reports are left alone; the store would refuse them."""
    slots = {t.slot: t for t in texts if not t.locked}
    if not slots:
        return None
    count = sum(1 for t in texts if not t.locked)
    with store.group(Msg(N_("Convert {count} Bijoy texts to Unicode"), {"count": count})) as group:
        for text in slots.values():
            text.write(_converted(text.value))
    return group.change


# ---------------------------------------------------------------- grids


def _bijoy_findings(model, wheres: Iterable[Address] | None = None) -> list:
    wanted = None if wheres is None else set(wheres)
    return [f for f in model.findings() if f.rule == RULE and (wanted is None or f.where in wanted)]


def convert_in_grid(model, wheres: Iterable[Address] | None = None):
    """Convert the Bijoy texts a grid model's findings name (all, or those at `wheres`); one undo step."""
    texts = bijoy_texts(model.store, model.document, _bijoy_findings(model, wheres))
    try:
        change = convert(model.store, texts)
    except StoreError as exc:
        model.status.emit(exc.msg.render())
        return None
    if change is None:
        if texts:  # all of them in a signed-off report
            model.status.emit(_("The report is signed off: reopen it to convert its texts."))
        return None
    model.session.push(change)
    model.status.emit(change.description.render())
    return change


def _cell_wheres(model, index) -> list[Address]:
    """The Bijoy findings shown on one cell."""
    if not index.isValid():
        return []
    return [f.where for f in _bijoy_findings(model) if model.index_for_where(f.where) == index]


class BijoyBar(QFrame):
    """A yellow strip above a grid while some of its texts look like Bijoy, with the one-click fix."""

    def __init__(self, editor, parent=None):
        super().__init__(parent or editor)
        self.editor = editor
        self.setObjectName("bijoyBar")
        self.setStyleSheet(_BAR)
        self.icon = QLabel(self)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(lambda: convert_in_grid(editor.model))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.refresh()

    def refresh(self, *_args) -> None:
        count = len(_bijoy_findings(self.editor.model))
        self.label.setText(Msg(N_("{count} texts here look like Bijoy (SutonnyMJ) encoding, not Unicode Bangla."),
                               {"count": count}).render())
        self.button.setText(_(CONVERT))
        self.setVisible(count > 0)


class _TypingWatch(QObject):
    """Watches the cell editors a grid opens: Bijoy text gets a warning icon that converts it on a click."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        editor.view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        # ChildPolished: the delegate's editor is fully built by then (ChildAdded comes too early).
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), (QLineEdit, TextCellEditor)):
            line = event.child()
            # Only text cells: dates and numbers have their own check, which says what is wrong.
            index = getattr(line, "egov_index", None)
            is_text = index is None or index.data(Role.KIND) == TEXT
            if is_text and not line.property("egov_bijoy_watched"):
                watch_line_edit(line, self.editor.status.emit)
        return False


def attach_grid(editor) -> BijoyBar:
    """Give a PlanEditor or ProgressEditor the Bijoy bar, the typing watch and the cell action."""
    bar = BijoyBar(editor)
    layout = editor.layout_
    layout.insertWidget(layout.indexOf(editor.view), bar)
    editor.findings_changed.connect(bar.refresh)
    editor.bijoy_bar = bar
    _TypingWatch(editor)

    view = editor.view
    action = QAction(_(CONVERT), view)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def convert_cell() -> None:
        wheres = _cell_wheres(editor.model, view.currentIndex())
        if wheres:
            convert_in_grid(editor.model, wheres)

    def update(*_args) -> None:
        action.setText(_(CONVERT))
        action.setEnabled(bool(_cell_wheres(editor.model, view.currentIndex())))

    action.triggered.connect(convert_cell)
    view.selectionModel().currentChanged.connect(update)
    editor.findings_changed.connect(update)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    editor.bijoy_action = action
    update()
    return bar


# ---------------------------------------------------------------- problems panel


def attach_problems(panel, current_editor: Callable[[], Any]) -> tuple[QAction, QAction]:
    """Context actions on the problems panel: convert the chosen Bijoy finding, or all of them,
    in the grid whose findings the panel shows (`current_editor()`)."""
    view = panel.view
    one, every = QAction(_(CONVERT), view), QAction(_(CONVERT_ALL), view)

    def chosen() -> str | None:
        index = view.currentIndex()
        if not index.isValid():
            return None
        finding = panel.model.finding(index.row())
        return finding.where if finding.rule == RULE else None

    def run(wheres) -> None:
        editor = current_editor()
        if editor is not None:
            convert_in_grid(editor.model, wheres)

    def update(*_args) -> None:
        one.setText(_(CONVERT))
        every.setText(_(CONVERT_ALL))
        one.setEnabled(chosen() is not None)
        every.setEnabled(any(f.rule == RULE for f in panel.findings()))

    one.triggered.connect(lambda: chosen() and run([chosen()]))
    every.triggered.connect(lambda: run(None))
    panel.model.modelReset.connect(update)
    view.selectionModel().currentChanged.connect(update)
    for action in (one, every):
        view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    update()
    return one, every


# ---------------------------------------------------------------- line edits and dialogs


def watch_line_edit(line: QLineEdit, on_warning: Callable[[str], None] | None = None) -> QAction:
    """A warning icon inside the line edit while its text looks like Bijoy; a click converts the text."""
    action = line.addAction(line.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                            QLineEdit.ActionPosition.TrailingPosition)
    action.setObjectName("bijoyConvert")
    line.setProperty("egov_bijoy_watched", True)

    def check(text: str) -> None:
        bijoy = looks_like_bijoy(text)
        if bijoy != action.isVisible():
            action.setVisible(bijoy)
            action.setToolTip(_(WARNING_TEXT) if bijoy else "")
            if on_warning is not None:
                on_warning(_(WARNING_TEXT) if bijoy else "")

    action.triggered.connect(lambda: line.setText(bijoy_to_unicode(line.text())))
    action.setVisible(False)
    line.textChanged.connect(lambda *_args: check(line.text()))  # a long-text box's signal carries no text
    check(line.text())
    return action


class TextWatch(QObject):
    """For a dialog's line edits, text boxes and tables: a warning bar at the top while any looks like Bijoy,
    with one button converting them all (the dialog then saves them as usual)."""

    changed = Signal(bool)

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        # Not the line edits inside spin boxes and combo boxes: those hold numbers and choices.
        self.lines = [w for w in dialog.findChildren(QLineEdit)
                      if not w.isReadOnly() and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]
        self.boxes = [w for w in dialog.findChildren(QPlainTextEdit) if not w.isReadOnly()]
        self.tables = dialog.findChildren(QTableWidget)  # the office's signatories, memo-number files
        self.bar = QFrame(dialog)
        self.bar.setObjectName("bijoyBar")
        self.bar.setStyleSheet(_BAR)
        self.label = QLabel(self.bar)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.bar)
        self.button.clicked.connect(self.convert_all)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        layout = dialog.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.bar)
        for line in self.lines:
            watch_line_edit(line)
            line.textChanged.connect(self.refresh)
        for box in self.boxes:
            box.textChanged.connect(self.refresh)
        for table in self.tables:
            table.itemChanged.connect(self.refresh)
        self.refresh()

    def bijoy_widgets(self) -> list[QWidget]:
        return ([w for w in self.lines if looks_like_bijoy(w.text())]
                + [w for w in self.boxes if any(looks_like_bijoy(line) for line in w.toPlainText().splitlines())]
                + [t for t in self.tables if self._bijoy_items(t)])

    @staticmethod
    def _bijoy_items(table: QTableWidget) -> list[QTableWidgetItem]:
        items = (table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount()))
        return [item for item in items if item is not None and looks_like_bijoy(item.text())]

    def refresh(self, *_args) -> None:
        widgets = self.bijoy_widgets()
        self.label.setText(Msg(N_("{count} texts here look like Bijoy (SutonnyMJ) encoding, not Unicode Bangla."),
                               {"count": len(widgets)}).render())
        self.button.setText(_(CONVERT))
        self.bar.setVisible(bool(widgets))
        for widget in self.boxes + self.tables:
            widget.setToolTip(_(WARNING_TEXT) if widget in widgets else "")
        self.changed.emit(bool(widgets))

    def convert_all(self) -> None:
        for widget in self.bijoy_widgets():
            if isinstance(widget, QLineEdit):
                widget.setText(bijoy_to_unicode(widget.text()))
            elif isinstance(widget, QTableWidget):
                for item in self._bijoy_items(widget):
                    item.setText(bijoy_to_unicode(item.text()))
            else:
                widget.setPlainText("\n".join(_converted(widget.toPlainText().split("\n"))))


def watch_dialog(dialog: QWidget) -> TextWatch:
    return TextWatch(dialog)


# ---------------------------------------------------------------- after an import


class ImportBijoyDialog(QDialog):
    """Lists the Bijoy-looking texts of a plan just imported; "সব রূপান্তর করুন" converts them as one undo step."""

    def __init__(self, store, doc: PlanDocument, texts: list[BijoyText], parent=None):
        super().__init__(parent)
        self.store = store
        self.texts = texts
        self.change = None
        self.setWindowTitle(_("Bijoy text in the imported file"))
        intro = QLabel(_("These texts look like Bijoy (SutonnyMJ) encoding, not Unicode Bangla. Other programs "
                         "and the Word report will show them as gibberish. Convert them to Unicode now? "
                         "Undo (Ctrl+Z) brings them back in one step."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(texts), 3, self)
        self.table.setHorizontalHeaderLabels([_("Where"), _("Text as found"), _("In Unicode")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, text in enumerate(texts):
            place = rules.describe_where(text.where, doc.plan)
            after = text.unicode
            if text.locked:
                after = _("signed off: reopen the report to convert")
            for col, value in enumerate((place, text.text, after)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(self)
        self.convert_button = buttons.addButton(_(CONVERT_ALL), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.convert_button.setEnabled(any(not t.locked for t in texts))
        self.convert_button.setDefault(True)
        self.convert_button.clicked.connect(self.convert_all)
        self.later_button.clicked.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #8b0000")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def convert_all(self) -> None:
        try:
            self.change = convert(self.store, self.texts)
        except StoreError as exc:
            self.error.setText(exc.msg.render())
            self.error.show()
            return
        self.accept()


def offer_after_import(parent, session, plan_key: int) -> Any:
    """After an import: when the plan holds Bijoy-looking texts, list them and offer to convert them,
    as one undo step of the session."""
    store = session.store
    doc = store.get_document(plan_key)
    texts = bijoy_texts(store, doc)
    if not texts:
        return None
    dialog = ImportBijoyDialog(store, doc, texts, parent)
    if dialog.exec() and dialog.change is not None:
        session.push(dialog.change)
    return dialog.change
