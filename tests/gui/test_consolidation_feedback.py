"""Feedback memos from the consolidation window (issue 11.6), with real widgets: an upper office with its NIS plan and
memo series, whose subordinate offices' Q1 reports were collected from Word files our exporter made
(tests/feedback_helpers.py). An office selected, the memo written in the thread pool and read back with its number
from the series, the record shown in the office's row and undone; one memo to all; a date checked as typed; an
unwritable folder and a period with nothing collected said, with nothing recorded; NIS 1.7 filled from the window."""
from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from egov_desktop.gui.feedback import ALL, EACH, Request
from tests.export.helpers import texts
from tests.feedback_helpers import PREFIX, SUBS, YEAR, upper_office
from tests.gui.shell import make_window, when_modal

BARISHAL, TANGAIL, SAKHIPUR = SUBS


@pytest.fixture
def upper(qtbot, store, settings, tmp_path):
    """The main window on the upper office's NIS plan of 2021-22, Q1; its consolidation window open."""
    upper_office(store, tmp_path)
    window = make_window(qtbot, store, settings, select=f"{YEAR}/nis")
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q1"))
    window.ui.actionConsolidate.trigger()
    cons = window.consolidation
    qtbot.waitExposed(cons)
    return window, cons


def feedback_column(cons) -> list[str]:
    from egov_desktop.gui.consolidation import FEEDBACK

    return [cons.proxy.index(r, FEEDBACK).data() for r in range(cons.proxy.rowCount())]


def row_of(cons, name: str) -> int:
    return next(r for r in range(cons.proxy.rowCount()) if cons.proxy.index(r, 0).data() == name)


def send_through_dialog(qtbot, cons, fill) -> None:
    """Click "Send feedback…", let `fill(dialog)` choose, press its OK; wait for the memos to be written."""
    def answer(dialog):
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(answer)
    cons.feedback_button.click()
    qtbot.waitUntil(lambda: not cons._sending and cons.message is not None, timeout=30000)


def test_a_memo_to_the_office_selected_is_written_numbered_shown_in_its_row_and_undone(qtbot, upper, tmp_path):
    window, cons = upper
    assert cons.feedback_button.isEnabled() and cons.feedback_button.text() == "ফিডব্যাক পাঠান (&B)…"
    assert feedback_column(cons) == ["", "", ""]
    cons.table.setCurrentIndex(cons.proxy.index(row_of(cons, TANGAIL), 0))
    out = tmp_path / "ফিডব্যাক"
    steps = window.undo_stack.count()
    seen = {}

    def fill(dialog):
        seen["choices"] = (dialog.to_selected.isChecked(), dialog.to_selected.text(), dialog.to_each.text())
        dialog.date.setText("২৫/১০/২০২১")  # Bangla digits, as typed
        dialog.folder.setText(str(out))

    send_through_dialog(qtbot, cons, fill)
    assert seen["choices"] == (True, "নির্বাচিত প্রতিটি দপ্তরে একটি পত্র (১টি)", "প্রতিটি অধীন দপ্তরে একটি পত্র (৩টি)")
    [path] = list(out.iterdir())
    assert TANGAIL in path.name and path.suffix == ".docx"
    lines = texts(docx.Document(str(path)))
    assert any(f"স্মারক নং-{PREFIX}.৪২" in line for line in lines)  # the series' next number
    assert any(line.startswith("বিষয়: জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা") for line in lines)
    # Said in Bangla: how many, the number, the folder, and a button that opens it.
    box = cons.message
    assert box.icon() == QMessageBox.Icon.Information
    assert "১টি ফিডব্যাক পত্র" in box.text() and f"{PREFIX}.৪২" in box.text() and str(out) in box.text()
    assert any(b.text() == "ফোল্ডার খুলুন" for b in box.buttons())
    # Recorded: one undo step; the office's row shows it (the session's signal), the others not.
    assert window.undo_stack.count() == steps + 1
    [record] = window.store.list_feedback(window.store.current_office())
    assert (record.recipient, record.number, record.memo_date) == (TANGAIL, f"{PREFIX}.৪২", dt.date(2021, 10, 25))
    column = feedback_column(cons)
    assert column[row_of(cons, TANGAIL)] == "২৫/১০/২০২১" and column[row_of(cons, BARISHAL)] == ""
    from egov_desktop.gui.consolidation import FEEDBACK

    tip = cons.proxy.index(row_of(cons, TANGAIL), FEEDBACK).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"স্মারক নং {PREFIX}.৪২, তারিখ ২৫/১০/২০২১"
    # Undone: the record goes, the row shows it at once, the number is free again.
    window.undo_stack.undo()
    assert window.store.list_feedback(window.store.current_office()) == []
    assert feedback_column(cons) == ["", "", ""]
    assert window.store.next_memo_number(window.store.current_office(), "শুদ্ধাচার") == f"{PREFIX}.৪২"


def test_one_memo_to_all_is_shown_for_every_office_and_the_date_is_checked_as_typed(qtbot, upper, tmp_path):
    window, cons = upper
    out = tmp_path / "all"

    def fill(dialog):
        assert not dialog.to_selected.isEnabled() and dialog.to_each.isChecked()  # nothing selected
        dialog.date.setText("৩২/১০/২০২১")
        assert dialog.date.property("invalid") and dialog.error.isVisible()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # refused: the dialog stays
        assert dialog.isVisible()
        dialog.date.setText("26/10/2021")  # Latin digits are taken too
        assert not dialog.date.property("invalid") and not dialog.error.isVisible()
        dialog.date.setText("০১/০৮/২০২৩")  # outside the fiscal year: marked, not refused
        assert dialog.date.property("warning") and not dialog.date.property("invalid")
        dialog.date.setText("26/10/2021")
        dialog.to_all.setChecked(True)
        dialog.folder.setText(str(out))

    send_through_dialog(qtbot, cons, fill)
    [path] = list(out.iterdir())
    table = docx.Document(str(path)).tables[1]
    assert [row.cells[1].text for row in table.rows[1:]] == SUBS
    assert feedback_column(cons) == ["২৬/১০/২০২১"] * 3
    assert "সকলকে ফিডব্যাক" in cons.counts.text() and f"{PREFIX}.৪২" in cons.counts.text()
    [record] = window.store.list_feedback(window.store.current_office())
    assert record.subordinate_key is None


def test_a_memo_date_before_a_report_was_received_is_refused_as_typed_and_by_the_window(qtbot, upper, tmp_path):
    """Issue 11, colleague's defect 2: the reports came on 20 Oct (tests/feedback_helpers.py); a memo dated 19 Oct
    would say so under its own earlier date."""
    window, cons = upper
    office = window.store.current_office()
    cons.table.setCurrentIndex(cons.proxy.index(row_of(cons, SAKHIPUR), 0))  # sent nothing: nothing to precede

    def fill(dialog):
        dialog.date.setText("১৯/১০/২০২১")
        assert not dialog.error.isVisible()  # to Sakhipur alone: a request for its report
        dialog.to_each.setChecked(True)
        assert dialog.date.property("invalid") and "২০/১০/২০২১" in dialog.error.text()
        dialog.folder.setText(str(tmp_path / "out"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # refused: the dialog stays
        assert dialog.isVisible()
        dialog.to_all.setChecked(True)
        assert "২০/১০/২০২১" in dialog.error.text()
        dialog.date.setText("২০/১০/২০২১")
        assert not dialog.error.isVisible() and not dialog.date.property("invalid")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    when_modal(fill)
    cons.feedback_button.click()
    # Asked all the same (the dialog's check aside), the window refuses it, in Bangla, recording nothing.
    assert cons.send_feedback(Request(EACH, dt.date(2021, 10, 19), tmp_path / "out")) is None
    assert "২০/১০/২০২১" in cons.message.text() and "আগের তারিখে" in cons.message.text()
    assert window.store.list_feedback(office) == [] and not (tmp_path / "out").exists()


def test_an_unwritable_folder_or_nothing_collected_is_said_and_nothing_is_recorded(qtbot, upper, tmp_path):
    window, cons = upper
    office = window.store.current_office()
    steps = window.undo_stack.count()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    task = cons.send_feedback(Request(EACH, dt.date(2021, 10, 25), blocked))
    assert task is not None
    qtbot.waitUntil(lambda: not cons._sending, timeout=30000)
    box = cons.message
    assert box.icon() == QMessageBox.Icon.Warning and "কিছুই লিপিবদ্ধ করা হয়নি" in box.text()
    assert str(blocked) in box.text()
    assert window.store.list_feedback(office) == [] and window.undo_stack.count() == steps
    assert window.store.next_memo_number(office, "শুদ্ধাচার") == f"{PREFIX}.৪২"
    assert blocked.read_text() == "a file where the folder should be"
    # Q2: nothing collected. The button waits for a report; asked all the same, it says so.
    cons.period.setCurrentIndex(cons.period.findData("Q2"))
    assert not cons.feedback_button.isEnabled()
    assert cons.send_feedback(Request(ALL, dt.date(2022, 1, 20), tmp_path / "q2")) is None
    assert "কোনো প্রতিবেদন সংগ্রহ করা হয়নি" in cons.message.text()
    assert window.store.list_feedback(office) == [] and not (tmp_path / "q2").exists()


def test_nis_1_7_is_filled_from_the_memos_in_one_undo_step(qtbot, upper, tmp_path):
    window, cons = upper
    assert cons.nis_button.isVisible()
    cons.nis_button.click()  # no memo yet: refused, said
    assert cons.message.icon() == QMessageBox.Icon.Warning
    cons.send_feedback(Request(ALL, dt.date(2021, 10, 25), tmp_path / "out"))
    qtbot.waitUntil(lambda: not cons._sending, timeout=30000)
    store = window.store
    plan = store.find_plan(YEAR, "nis")
    steps = window.undo_stack.count()
    cons.nis_button.click()
    assert cons.message.icon() == QMessageBox.Icon.Information
    assert window.undo_stack.count() == steps + 1
    assert "১.৭.১ ফিডব্যাক সভা/কর্মশালা অনুষ্ঠিত: ২৫/১০/২০২১" in cons.message.text()
    assert store.get_document(plan).report("Q1").entry("1.7.1").dates[0] == dt.date(2021, 10, 25)
    window.undo_stack.undo()
    assert store.get_document(plan).report("Q1").entry("1.7.1") is None
    # Another plan kind has no NIS 1.7 to fill.
    cons.kind.setCurrentIndex(cons.kind.findData("apa"))
    assert not cons.nis_button.isVisible()


def test_closing_the_window_while_the_memos_are_written_records_nothing(qtbot, upper, tmp_path, monkeypatch):
    import threading

    from egov_desktop import feedback

    window, cons = upper
    office = window.store.current_office()
    steps = window.undo_stack.count()
    release = threading.Event()
    real_save = feedback.save

    def slow_save(document, path):  # the first memo waits until the window is closed
        release.wait(10)
        return real_save(document, path)

    monkeypatch.setattr(feedback, "save", slow_save)
    task = cons.send_feedback(Request(EACH, dt.date(2021, 10, 25), tmp_path / "out"))
    assert len(window.store.list_feedback(office)) == 3  # recorded while they are written, not yet an undo step
    done = []
    task.signals.done.connect(done.append)
    cons.close()
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    qtbot.wait(50)
    assert done == [None]  # cancelled: the files written are removed
    assert window.store.list_feedback(office) == [] and window.undo_stack.count() == steps
    assert list((tmp_path / "out").iterdir()) == []


def test_memos_of_an_earlier_round_in_the_folder_are_replaced_only_if_the_user_agrees(qtbot, upper, tmp_path):
    window, cons = upper
    office = window.store.current_office()
    folder = tmp_path / "round"
    cons.send_feedback(Request(ALL, dt.date(2021, 10, 25), folder))
    qtbot.waitUntil(lambda: not cons._sending, timeout=30000)
    [memo] = list(folder.iterdir())
    before = memo.read_bytes()
    asked = []

    def say_no(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    when_modal(say_no)
    assert cons.send_feedback(Request(ALL, dt.date(2021, 10, 28), folder)) is None
    assert "১টি" in asked[0] and "প্রতিস্থাপন" in asked[0]
    assert memo.read_bytes() == before and len(window.store.list_feedback(office)) == 1
