"""The window for collecting subordinate offices' reports and the subordinate offices in the office profile, against
a real demo database, with files made by our own exporter; questions answered by clicking the real message box."""
from __future__ import annotations


from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from egov_desktop.core import exchange
from egov_desktop.export.xlsx_report import export_xlsx
from tests.conftest import MODMR
from tests.gui.shell import make_window, when_modal
from tests.store.conftest import table_dump
from tests.store.test_collected import signed

SUB = "জেলা প্রশাসকের কার্যালয়, বরিশাল"


def _subordinate_doc():
    doc = exchange.load(MODMR)
    doc.office.name, doc.office.tier = SUB, "field"
    return doc


def answer(button):
    when_modal(lambda box: box.button(button).click())


def _texts(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_collecting_asks_lists_each_file_and_replaces_only_when_agreed(qtbot, demo, settings, tmp_path):
    from egov_desktop.gui.dialogs.collect import CollectDialog

    window = make_window(qtbot, demo, settings)
    office = demo.office_of(window.plan_key)
    draft = export_xlsx(_subordinate_doc(), "H1", tmp_path / "বরিশাল.xlsx")
    newer = tmp_path / "বরিশাল-স্বাক্ষরিত.json"
    newer.write_text(exchange.dumps(signed(_subordinate_doc(), "H1")), encoding="utf-8")
    pushed = []
    dialog = CollectDialog(demo, office, "egov_innovation", "2021-22", pushed.append)
    qtbot.addWidget(dialog)
    assert dialog.ui.collected.rowCount() == 0

    answer(QMessageBox.StandardButton.Yes)  # the office is not a subordinate yet: add it
    dialog.collect_files([draft])
    row = _texts(dialog.ui.results, 0)
    assert row[:5] == ["বরিশাল.xlsx", SUB, "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২", "অর্ধবার্ষিক", "সংগৃহীত"]
    assert "অধীন দপ্তরের তালিকায় নেই" in row[5]
    assert [s.name for s in demo.subordinates(office)] == [SUB]
    assert _texts(dialog.ui.collected, 0)[:3] == [SUB, "অর্ধবার্ষিক", "বরিশাল.xlsx"]

    # A signed report of the same office and period: replaced only after a yes.
    before = table_dump(tmp_path / "demo.sqlite")
    answer(QMessageBox.StandardButton.No)
    dialog.collect_files([newer])
    assert _texts(dialog.ui.results, 1)[4] == "সংগ্রহ করা হয়নি: আপনি সম্মতি দেননি"
    assert table_dump(tmp_path / "demo.sqlite") == before
    answer(QMessageBox.StandardButton.Yes)
    dialog.collect_files([newer])
    assert _texts(dialog.ui.results, 2)[4] == "আগে সংগৃহীত প্রতিবেদনের স্থলে রাখা হয়েছে"
    assert _texts(dialog.ui.collected, 0)[2:] [::2] == ["বরিশাল-স্বাক্ষরিত.json", "স্বাক্ষরিত, যাচাই করা"]
    # The same file again changes nothing and asks nothing.
    dialog.collect_files([newer])
    assert _texts(dialog.ui.results, 3)[4] == "আগেই সংগৃহীত: কিছু বদলায়নি"
    # Each file that wrote is one undo step: undoing the replacement brings the draft back.
    assert len(pushed) == 2
    pushed[-1].undo()
    [c] = demo.list_collected("egov_innovation", "2021-22")
    assert (c.source_name, c.signed) == ("বরিশাল.xlsx", False)


def test_the_menu_opens_it_for_the_plan_shown(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    seen = {}

    def look(dialog):
        seen["title"], seen["label"] = dialog.windowTitle(), dialog.ui.collectedLabel.text()
        dialog.reject()

    when_modal(look)
    window.ui.actionCollect.trigger()
    assert seen["title"] == "অধীন দপ্তরের প্রতিবেদন সংগ্রহ"
    assert "২০২৩-২৪" in seen["label"]


def test_subordinate_offices_are_edited_in_the_office_profile_as_one_undo_step(qtbot, demo, settings):
    from egov_desktop.gui.dialogs.office import OfficeDialog

    window = make_window(qtbot, demo, settings)
    office = demo.office_of(window.plan_key)

    def fill(dialog):
        ui = dialog.ui
        for name, email in ((SUB, "dcbarishal@mopa.gov.bd"), ("উপজেলা নির্বাহী অফিসারের কার্যালয়, বেতাগী", "")):
            ui.addSubordinate.click()
            row = ui.subordinates.rowCount() - 1
            ui.subordinates.item(row, 0).setText(name)
            ui.subordinates.item(row, 2).setText(email)
        ui.subordinates.cellWidget(1, 1).setCurrentIndex(ui.subordinates.cellWidget(1, 1).findData("field"))
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(fill)
    window.ui.actionOffice.trigger()
    subs = demo.subordinates(office)
    assert [(s.name, s.tier, s.email) for s in subs] == [
        (SUB, "field", "dcbarishal@mopa.gov.bd"), ("উপজেলা নির্বাহী অফিসারের কার্যালয়, বেতাগী", "field", None)]

    # A wrong address is refused, nothing is saved, and the dialog stays on the subordinate offices.
    again = OfficeDialog(demo, office)
    qtbot.addWidget(again)
    assert again.ui.subordinates.rowCount() == 2
    again.ui.subordinates.item(0, 2).setText("not an address")
    again.ui.subordinates.removeRow(1)
    again.accept()
    assert again.result() != again.DialogCode.Accepted and again.ui.error.text()
    assert again.ui.tabs.currentWidget() is again.ui.subordinatesTab
    assert len(demo.subordinates(office)) == 2
    again.ui.subordinates.item(0, 2).setText("dc@barishal.gov.bd")
    again.accept()
    assert [(s.name, s.email) for s in demo.subordinates(office)] == [(SUB, "dc@barishal.gov.bd")]
    window.session.push(again.change)
    window.undo_stack.undo()
    assert len(demo.subordinates(office)) == 2


def test_the_tier_and_address_of_a_subordinate_office_are_shown_whole(qtbot, demo):
    """Issue 11, colleague's defect 4: the tier's box was cut to "মাঠ পর্যায়ের অ…", the address to "dc@barishal.gov…"."""
    from egov_desktop.gui.dialogs.office import OfficeDialog

    office = demo.current_office()
    demo.add_subordinate(office, SUB, "field", "dcbarishal@mopa.gov.bd")
    dialog = OfficeDialog(demo, office)
    qtbot.addWidget(dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.subordinatesTab)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.ui.subordinates
    box = table.cellWidget(0, 1)
    assert box.currentText() == "মাঠ পর্যায়ের অফিস"
    assert table.columnWidth(1) >= box.sizeHint().width() and box.width() >= box.sizeHint().width()
    email = table.item(0, 2)
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance(email.text())
    assert table.columnWidth(0) > table.columnWidth(1)  # the name keeps the room left
