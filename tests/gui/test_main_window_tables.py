"""File → Import from Word or Excel and Report → Excel report, from the main window."""
from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from tests.gui.shell import make_window, when_modal
from tests.gui.test_import_table_dialog import _chooser, _report_docx


def test_a_word_table_is_previewed_corrected_imported_as_one_undo_step(qtbot, demo, settings, tmp_path, monkeypatch):
    path = _report_docx(tmp_path / "rti.docx")
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = {p.key for p in demo.list_plans()}

    when_modal(lambda dialog: dialog.reject())  # Cancel: nothing is saved
    window.ui.actionImportTable.trigger()
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=20000)
    qtbot.wait(100)
    assert {p.key for p in demo.list_plans()} == before

    def correct(dialog):
        weight = _chooser(dialog, 3)
        weight.setCurrentIndex(weight.findData("weight"))
        weight.activated.emit(weight.currentIndex())
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(correct)
    window.ui.actionImportTable.trigger()
    qtbot.waitUntil(lambda: len(demo.list_plans()) == len(before) + 1, timeout=20000)
    new = next(p for p in demo.list_plans() if p.key not in before)
    assert (new.kind, new.fiscal_year) == ("rti", "2022-23")
    assert [i.weight for i in demo.get_document(new.key).plan.indicators()] == [3, 2]
    assert window.plan_key == new.key  # the new plan is shown
    window.undo_stack.undo()  # the import is one step
    assert {p.key for p in demo.list_plans()} == before
    qtbot.waitUntil(lambda: window.plan_key in before, timeout=5000)  # the window follows: the plan is gone


def test_the_excel_report_is_written_from_the_report_menu(qtbot, demo, settings, tmp_path, monkeypatch):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    out = tmp_path / "report.xlsx"
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: suggested.append(a[2]) or (str(out), ""))
    window.ui.actionExportExcel.trigger()
    qtbot.waitUntil(out.exists, timeout=30000)
    assert suggested[0].endswith(".xlsx")
    ws = openpyxl.load_workbook(out).active
    assert any(isinstance(c.value, str) and c.value.startswith("[১.১.১]") for row in ws.iter_rows() for c in row)
