"""Bijoy text in the GUI: typed, pasted or imported, it is flagged in Bangla and converted in one click,
saved through the store and undone in one step."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from egov_desktop.core.digest import report_digest
from egov_desktop.core.exchange import load
from egov_desktop.core.model import Memo, Signoff
from egov_desktop.gui import bijoy_fix
from egov_desktop.gui.models import Role
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.problems import ProblemsPanel
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.conftest import PIB
from tests.gui.conftest import open_editor, show, type_text, with_undo_shortcuts

BIJOY = "Avgvi Kg©cwiKíbv"
UNICODE = "আমার কর্মপরিকল্পনা"


def _narrative(store, plan_key, code="1.1.1"):
    entry = store.get_document(plan_key).report("Q1").entry(code)
    return entry.narrative if entry else None


def _type_into(qtbot, editor, index, text):
    line = open_editor(editor, index)
    type_text(qtbot, line, text)
    return line


def _commit(qtbot, editor, line):
    """Enter commits (at once) and moves on to the next cell, as typing a report goes."""
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_bijoy_typed_into_a_narrative_is_flagged_converted_in_one_click_and_undone(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bar = bijoy_fix.attach_grid(editor)
    window = with_undo_shortcuts(editor, undo_stack)
    show(qtbot, window)
    model = editor.model
    index = model.index(0, model.column_of("narrative"))
    assert bar.isHidden()

    line = _type_into(qtbot, editor, index, BIJOY)
    # While typing: a warning icon in the cell editor, its tooltip in Bangla.
    icon = line.findChild(QToolButton)
    assert icon is not None and icon.isVisible()
    assert "বিজয়" in icon.defaultAction().toolTip()
    _commit(qtbot, editor, line)

    # Saved as typed (nothing is refused), but marked in the cell and counted in the bar, in Bangla.
    assert _narrative(store, pib_key) == BIJOY
    assert index.data() == BIJOY
    assert index.data(Role.SEVERITY) == "warning"
    assert "বিজয়" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert bar.isVisible()
    assert bar.label.text().startswith("১টি") and "বিজয়" in bar.label.text()
    assert bar.button.text() == "ইউনিকোডে রূপান্তর"

    steps = undo_stack.count()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert index.data() == UNICODE
    assert _narrative(store, pib_key) == UNICODE
    assert index.data(Role.SEVERITY) is None
    assert bar.isHidden()
    assert undo_stack.count() == steps + 1

    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert index.data() == BIJOY
    assert _narrative(store, pib_key) == BIJOY
    assert bar.isVisible()
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert index.data() == UNICODE and _narrative(store, pib_key) == UNICODE

    # The history keeps both steps of the conversion.
    ops = [(a.operation, a.old, a.new) for a in store.audit(pib_key) if a.field == "narrative"]
    assert ops[-3:] == [("set_entry_field", BIJOY, UNICODE), ("undo set_entry_field", UNICODE, BIJOY),
                        ("redo set_entry_field", BIJOY, UNICODE)]


def test_the_warning_icon_converts_the_text_before_it_is_saved(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    index = model.index(1, model.column_of("remarks"))
    line = _type_into(qtbot, editor, index, BIJOY)
    icon = line.findChild(QToolButton)
    qtbot.mouseClick(icon, Qt.MouseButton.LeftButton)
    assert line.text() == UNICODE and not icon.isVisible()
    _commit(qtbot, editor, line)
    code = model.indicator(1).code
    assert store.get_document(pib_key).report("Q1").entry(code).remarks == UNICODE
    assert not editor.bijoy_bar.isVisible()


def test_cell_action_converts_only_the_current_cell(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    first, second = model.index(0, model.column_of("narrative")), model.index(1, model.column_of("narrative"))
    # A paste brings Bijoy into two cells at once: one step, both flagged.
    editor.view.setCurrentIndex(first)
    editor.view.paste_text(f"{BIJOY}\nKg©cwiKíbv")
    assert editor.bijoy_bar.label.text().startswith("২টি")
    action = editor.bijoy_action
    assert action.isEnabled() and action.text() == "ইউনিকোডে রূপান্তর"
    assert action in editor.view.actions()  # on the cell's context menu

    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert first.data() == UNICODE
    assert second.data() == "Kg©cwiKíbv"
    assert editor.bijoy_bar.label.text().startswith("১টি")
    editor.view.setCurrentIndex(model.index(2, model.column_of("narrative")))
    assert not action.isEnabled()  # nothing to convert there


def test_problems_panel_offers_the_conversion_on_the_bijoy_finding(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    panel = ProblemsPanel()
    editor.attach_problems(panel)
    one, every = bijoy_fix.attach_problems(panel, lambda: editor)
    show(qtbot, editor)
    model = editor.model
    row = model.row_of("indicator", "1.1.1")
    evidence = model.index(row, model.column_of("evidence"))
    assert model.setData(evidence, BIJOY)
    assert every.isEnabled() and not one.isEnabled()

    at = next(r for r in range(panel.model.rowCount()) if panel.model.finding(r).rule == "bijoy_text")
    panel.view.setCurrentIndex(panel.model.index(at, 0))
    assert one.isEnabled() and one.text() == "ইউনিকোডে রূপান্তর" and every.text() == "সব রূপান্তর করুন"
    assert one in panel.view.actions()
    one.trigger()
    assert evidence.data() == UNICODE
    assert store.get_document(pib_key).plan.indicator("1.1.1").evidence == UNICODE
    assert not any(f.rule == "bijoy_text" for f in panel.findings())
    undo_stack.undo()
    assert store.get_document(pib_key).plan.indicator("1.1.1").evidence == BIJOY
    assert evidence.data() == BIJOY


def _bijoy_document():
    """The PIB plan as a colleague on Bijoy would send it: Bijoy in titles, a narrative and the memo."""
    doc = load(PIB)
    area = doc.plan.areas[0]
    area.title = BIJOY
    area.activities[0].title = "Kg©cwiKíbv"
    area.activities[0].indicators[0].responsible = "Avgvi"
    entry = doc.reports[0].entries[0]
    entry.narrative = BIJOY
    doc.reports[0].memo = doc.reports[0].memo or Memo()
    doc.reports[0].memo.body = ["Avgvi Kg©cwiKíbv", "e-Nothi", "Kg©cwiKíbv"]
    return doc


def test_after_import_a_dialog_lists_the_bijoy_fields_and_converts_them_all_as_one_step(qtbot, store):
    doc = _bijoy_document()
    key = store.import_document(doc).key
    imported = store.get_document(key)
    texts = bijoy_fix.bijoy_texts(store, imported)
    assert {str(t.where) for t in texts} == {"area:1/title", "activity:1.1/title", "1.1.1/responsible",
                                        "Q1/1.1.1/narrative", "Q1/memo.body[0]", "Q1/memo.body[2]"}
    dialog = bijoy_fix.ImportBijoyDialog(store, imported, texts)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert table.rowCount() == 6
    assert table.horizontalHeaderItem(0).text() == "কোথায়"
    places = [table.item(r, 0).text() for r in range(6)]
    assert "১ম ত্রৈমাসিক: সূচক ১.১.১, অর্জনের বিবরণ" in places
    assert UNICODE in [table.item(r, 2).text() for r in range(6)]
    assert dialog.convert_button.text() == "সব রূপান্তর করুন"

    qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    after = store.get_document(key)
    assert after.plan.areas[0].title == UNICODE
    assert after.plan.areas[0].activities[0].title == "কর্মপরিকল্পনা"
    assert after.plan.indicator("1.1.1").responsible == "আমার"
    assert after.report("Q1").entry("1.1.1").narrative == UNICODE
    assert after.report("Q1").memo.body == [UNICODE, "e-Nothi", "কর্মপরিকল্পনা"]
    assert bijoy_fix.bijoy_texts(store, after) == []

    # One undo step brings every one of them back.
    dialog.change.undo()
    again = store.get_document(key)
    assert again.plan.areas[0].title == BIJOY
    assert again.report("Q1").memo.body == ["Avgvi Kg©cwiKíbv", "e-Nothi", "Kg©cwiKíbv"]


def test_texts_of_a_signed_off_report_are_listed_but_left_alone(qtbot, store):
    doc = _bijoy_document()
    report = doc.reports[0]
    report.status, report.revision = "signed_off", 1
    report.signoff = Signoff("নাম", "পদবি", dt.datetime(2023, 10, 10, 10, 0, tzinfo=dt.timezone.utc),
                             report_digest(doc, "Q1"))
    key = store.import_document(doc).key
    imported = store.get_document(key)
    texts = bijoy_fix.bijoy_texts(store, imported)
    assert texts and all(t.locked for t in texts)  # the seal covers the plan too
    dialog = bijoy_fix.ImportBijoyDialog(store, imported, texts)
    qtbot.addWidget(dialog)
    assert not dialog.convert_button.isEnabled()
    assert dialog.table.item(0, 2).text() == "স্বাক্ষরিত: রূপান্তরের জন্য প্রতিবেদনটি আবার খুলুন"
    assert bijoy_fix.convert(store, texts) is None
    assert store.get_document(key).plan.areas[0].title == BIJOY


def test_office_dialog_fields_get_the_warning_bar_and_convert(qtbot, store, pib_key):
    from egov_desktop.gui.dialogs.office import OfficeDialog

    dialog = OfficeDialog(store, store.office_of(pib_key))
    watch = dialog.bijoy_watch
    qtbot.addWidget(dialog)
    dialog.show()
    assert watch.bar.isHidden()
    dialog.ui.address.setText("XvKv")  # ঢাকা
    dialog.ui.copies.setPlainText("Avgvi Kg©cwiKíbv\nসচিব")
    assert watch.bar.isVisible() and watch.label.text().startswith("২টি")
    signatories = dialog.ui.signatories
    dialog.ui.addSignatory.click()
    signatories.item(signatories.rowCount() - 1, 0).setText("Avgvi")  # a signatory typed in Bijoy
    assert watch.label.text().startswith("৩টি")
    icon = next(b for b in dialog.ui.address.findChildren(QToolButton) if b.isVisible())
    assert "বিজয়" in icon.toolTip() or "বিজয়" in icon.defaultAction().toolTip()
    qtbot.mouseClick(watch.button, Qt.MouseButton.LeftButton)
    assert dialog.ui.address.text() == "ঢাকা"
    assert dialog.ui.copies.toPlainText() == f"{UNICODE}\nসচিব"
    assert signatories.item(signatories.rowCount() - 1, 0).text() == "আমার"
    assert watch.bar.isHidden()
    assert dialog.values()["address"] == "ঢাকা"


def test_english_text_is_not_flagged(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    index = model.index(0, model.column_of("remarks"))
    line = _type_into(qtbot, editor, index, "Uploaded to the e-Nothi portal")
    assert not any(b.isVisible() for b in line.findChildren(QToolButton))
    _commit(qtbot, editor, line)
    assert not editor.bijoy_bar.isVisible()


def test_area_and_activity_titles_in_the_plan_editor_are_found_and_converted(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    area = model.index(model.row_of("area", "1"), model.column_of("title"))
    activity = model.index(model.row_of("activity", "1.1"), model.column_of("title"))
    assert model.setData(area, BIJOY) and model.setData(activity, "Kg©cwiKíbv")
    # Each warning sits on the title it is about.
    for index in (area, activity):
        assert index.data(Role.SEVERITY) == "warning" and "বিজয়" in index.data(Qt.ItemDataRole.ToolTipRole)
    editor.view.setCurrentIndex(activity)
    editor.bijoy_action.trigger()
    plan = store.get_document(pib_key).plan
    assert plan.areas[0].activities[0].title == "কর্মপরিকল্পনা" and plan.areas[0].title == BIJOY
    qtbot.mouseClick(editor.bijoy_bar.button, Qt.MouseButton.LeftButton)
    assert area.data() == UNICODE and store.get_document(pib_key).plan.areas[0].title == UNICODE


def test_main_window_import_offers_the_conversion_and_one_undo_brings_the_bijoy_back(
        qtbot, demo, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from egov_desktop.core.exchange import dump
    from tests.gui.shell import make_window, when_modal

    window = make_window(qtbot, demo, settings)
    doc = _bijoy_document()
    doc.plan.fiscal_year = "2030-31"
    path = tmp_path / "bijoy.plan.json"
    dump(doc, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown = []

    def convert_all(dialog):
        shown.append(dialog.table.rowCount())
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)

    when_modal(convert_all)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    key = demo.find_plan("2030-31", "egov_innovation")
    assert shown == [6]
    assert window.plan_key == key
    assert demo.get_document(key).plan.areas[0].title == UNICODE
    grid = window.plan_editor
    title = grid.model.index(grid.model.row_of("area", "1"), grid.model.column_of("title"))
    assert title.data() == UNICODE and not grid.bijoy_bar.isVisible()

    undo = window._undo_actions[0]
    assert undo.text().endswith("৬টি বিজয় লেখা ইউনিকোডে রূপান্তর")
    undo.trigger()
    assert demo.get_document(key).plan.areas[0].title == BIJOY
    assert demo.get_document(key).report("Q1").entry("1.1.1").narrative == BIJOY
    assert title.data() == BIJOY and grid.bijoy_bar.isVisible()
    # The problems panel of the window offers the fix too.
    one, every = window.problems.view.actions()[-2:]
    assert every.isEnabled()
    every.trigger()
    assert demo.get_document(key).plan.areas[0].title == UNICODE


def test_value_cells_keep_their_own_check_without_the_bijoy_icon(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    line = _type_into(qtbot, editor, model.index(1, model.column_of("value")), "Avgvi")
    assert line.property("invalid") is True  # the parser's reason, as before
    assert not any(b.isVisible() for b in line.findChildren(QToolButton))


def test_bijoy_texts_of_twins_are_each_converted_in_its_own_row(store):
    """Of two indicators with one code (the CC plan's [১.১.১]), the title and narrative of each, Bijoy, are each
    converted in place: the second's are not taken for the first's (issue 15.3)."""
    import json

    from egov_desktop.core import exchange
    from tests.conftest import FIXTURES

    raw = json.loads((FIXTURES / "cc-fid-2021-22.plan.json").read_text(encoding="utf-8"))
    raw["version"] = 2
    raw["plan"]["areas"][1]["activities"][0]["indicators"][0]["title"] = BIJOY  # the second [১.১.১]
    raw["reports"][0]["entries"].append({"indicator": "1.1.1", "occurrence": 2, "value": 2, "narrative": BIJOY})
    key = store.import_document(exchange.from_dict(raw)).key
    doc = store.get_document(key)
    texts = bijoy_fix.bijoy_texts(store, doc)
    assert sorted(str(t.where) for t in texts) == ["1.1.1#2/title", "Q1/1.1.1#2/narrative"]
    bijoy_fix.convert(store, texts)
    after = store.get_document(key)
    first, twin = [i for i in after.plan.indicators() if i.code == "1.1.1"]
    assert (first.title, twin.title) == (doc.plan.indicators()[0].title, UNICODE)
    assert [after.report("Q1").entry("1.1.1", n).narrative for n in (None, 2)] == [None, UNICODE]
