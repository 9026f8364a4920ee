"""File → Import from Word or Excel: the preview of a plan table, with a column's meaning corrected."""
from __future__ import annotations

import docx
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from egov_desktop.gui.dialogs.import_table import ImportTableDialog
from egov_desktop.tables.grid import read_tables
from egov_desktop.tables.recognise import find_tables


def _report_docx(path):
    """A Word table whose achievement column does not say its period ("অর্জন"), and a weight headed "নম্বর"."""
    d = docx.Document()
    d.add_paragraph("তথ্য অধিকার কর্মপরিকল্পনা ২০২২-২৩")
    t = d.add_table(rows=3, cols=6)
    for c, text in enumerate(["কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "নম্বর", "লক্ষ্যমাত্রা", "অর্জন"]):
        t.cell(0, c).text = text
    for c, text in enumerate(["[১.১] প্রশিক্ষণ", "[১.১.১] প্রশিক্ষণ আয়োজিত", "সংখ্যা", "৩", "৪", "২"]):
        t.cell(1, c).text = text
    for c, text in enumerate(["[১.২] সভা", "[১.২.১] সভা অনুষ্ঠিত", "সংখ্যা", "২", "৪", "১"]):
        t.cell(2, c).text = text
    d.save(path)
    return path


def _chooser(dialog, column: int) -> QComboBox:
    return dialog.ui.columns.indexWidget(dialog.columns_model.index(column, 1))


def test_a_column_corrected_in_the_preview_changes_the_rows_and_the_plan(qtbot, tmp_path):
    path = _report_docx(tmp_path / "rti.docx")
    dialog = ImportTableDialog(path.name, find_tables(read_tables(path)), office="পরীক্ষা দপ্তর")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.ui.kind.currentData() == "rti"
    assert dialog.ui.fiscalYear.text() == "২০২২-২৩"
    assert dialog.ui.office.text() == "পরীক্ষা দপ্তর"
    # "নম্বর" was not recognised, and the period of "অর্জন" cannot be told: both are said.
    assert "\"নম্বর\"" in "\n".join(dialog.findings_model.stringList())
    assert _chooser(dialog, 5).currentData() == "achievement:?"
    assert dialog.result.document.plan.indicator("1.1.1").weight == 0
    assert dialog.result.document.reports == []

    weight = _chooser(dialog, 3)
    weight.setCurrentIndex(weight.findData("weight"))
    weight.activated.emit(weight.currentIndex())
    achieved = _chooser(dialog, 5)
    achieved.setCurrentIndex(achieved.findData("achievement:Q1"))
    achieved.activated.emit(achieved.currentIndex())

    plan = dialog.result.document.plan
    assert [i.weight for i in plan.indicators()] == [3, 2]
    headers = [dialog.rows_model.horizontalHeaderItem(c).text() for c in range(dialog.rows_model.columnCount())]
    assert "১ম ত্রৈমাসিক" in headers
    q1 = headers.index("১ম ত্রৈমাসিক")
    assert dialog.rows_model.item(0, q1).text() == "২"
    assert ok.isEnabled()
    ok.click()
    assert dialog.document.report("Q1").entry("1.2.1").value == 1
    assert dialog.document.office.name == "পরীক্ষা দপ্তর"


def test_without_a_fiscal_year_ok_waits_until_one_is_given(qtbot, tmp_path):
    path = _report_docx(tmp_path / "rti.docx")
    d = docx.Document(path)
    d.paragraphs[0].text = "তথ্য অধিকার কর্মপরিকল্পনা"
    d.save(path)
    dialog = ImportTableDialog(path.name, find_tables(read_tables(path)))
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.ui.error.isVisible()
    dialog.ui.fiscalYear.setText("২০২২-২৩")
    dialog.ui.fiscalYear.editingFinished.emit()
    assert ok.isEnabled() and not dialog.ui.error.isVisible()
    assert dialog.result.document.plan.fiscal_year == "2022-23"
