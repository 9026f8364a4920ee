"""The consolidation window (issue 11.5) on a real demo database, with subordinate reports made by our own exporters
and collected as the collect window does: rows and statuses, sorting, filtering, an office's report opened read
only, the Word and Excel files, and a report collected while the window is open."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication

from egov_desktop.collector import collect_file
from egov_desktop.core import exchange
from egov_desktop.core.model import PERIODS, Memo
from egov_desktop.core.periods import FiscalYear
from egov_desktop.export.xlsx_report import export_xlsx
from egov_desktop.gui.deadlines import save_deadline_table
from tests.conftest import PIB
from tests.gui.shell import make_window, when_modal

# The subordinate offices, in the office profile's order; the third sends nothing.
GAZIPUR, TANGAIL, BARISHAL = ("জেলা তথ্য অফিস, গাজীপুর", "জেলা তথ্য অফিস, টাঙ্গাইল", "জেলা তথ্য অফিস, বরিশাল")
# Each office's first-quarter figures for PIB's count indicators: Tangail does better than Gazipur.
FIGURES = {GAZIPUR: {"2.1.1": 1, "5.1.1": 1}, TANGAIL: {"2.1.1": 4, "5.1.1": 3}}


def subordinate_doc(name: str, figures: dict):
    doc = exchange.load(PIB)
    doc.office.name, doc.office.tier = name, "field"
    for entry in doc.report("Q1").entries:
        if entry.indicator in figures:
            entry.value = figures[entry.indicator]
    return doc


def collect(store, office: int, name: str, folder, as_excel: bool = False) -> object:
    """The office's Q1 report as it would send it (an exchange file, or its Excel report), collected; its Change."""
    doc = subordinate_doc(name, FIGURES.get(name, {"2.1.1": 2}))
    path = folder / f"{name}.xlsx" if as_excel else folder / f"{name}.json"
    if as_excel:
        export_xlsx(doc, "Q1", path)
    else:
        path.write_text(exchange.dumps(doc), encoding="utf-8")
    outcomes, change = collect_file(store, office, path, ask=lambda question: True)
    assert change is not None, [f.message() for o in outcomes for f in o.findings]
    return change


@pytest.fixture
def collected(qtbot, demo, settings, tmp_path):
    """The main window on the demo's 2023-24 plan, three subordinate offices, two reports collected in time."""
    window = make_window(qtbot, demo, settings)
    office = demo.office_of(window.plan_key)
    for name in (GAZIPUR, TANGAIL, BARISHAL):
        demo.add_subordinate(office, name, "field")
    save_deadline_table(demo, FiscalYear.parse("2023-24"), {p: dt.date.today() + dt.timedelta(days=30)
                                                            for p in PERIODS})
    collect(demo, office, GAZIPUR, tmp_path, as_excel=True)
    collect(demo, office, TANGAIL, tmp_path)
    return window, office


def open_window(qtbot, window):
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q1"))
    window.ui.actionConsolidate.trigger()
    cons = window.consolidation
    qtbot.waitExposed(cons)
    return cons


def shown(cons, column: int = 0) -> list[str]:
    return [cons.proxy.index(r, column).data() for r in range(cons.proxy.rowCount())]


def test_the_menu_opens_every_office_with_its_status_marks_and_indicators(qtbot, collected):
    window, _office = collected
    cons = open_window(qtbot, window)
    assert window.ui.actionConsolidate.text() == "অধীন দপ্তরের একীভূত প্রতিবেদন (&P)…"
    assert cons.windowTitle() == "অধীন দপ্তরের একীভূত প্রতিবেদন"
    assert cons.selection() == ("egov_innovation", "2023-24", "Q1")
    assert shown(cons) == [GAZIPUR, TANGAIL, BARISHAL]
    assert shown(cons, 1) == ["যথাসময়ে", "যথাসময়ে", "পাওয়া যায়নি"]
    marks = shown(cons, 4)
    assert marks[2] == "—" and marks[0].endswith("/ ৪৩") and not any(c.isascii() and c.isdigit() for c in "".join(marks))
    # The missing office is there, greyed; its cells are blank.
    missing = cons.proxy.index(2, 0)
    assert missing.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cons.proxy.index(2, 7).data() == ""
    # An indicator per column: its code and title in the header and tooltip; "achievement · percent · marks".
    model = cons.model
    header = model.headerData(7, Qt.Orientation.Horizontal)
    assert header.startswith("[২.১.১]")
    assert "২.১.১" in model.headerData(7, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert cons.proxy.index(1, 7).data() == "৪ · ১০০% · ৫"  # Tangail: 4, the best target, weight 5
    assert cons.proxy.index(1, 6).data() == "—"  # a date not entered: nothing achieved, nothing scored
    assert "যথাসময়ে ২টি, বিলম্বে ০টি, পাওয়া যায়নি ১টি" in cons.counts.text()
    assert not cons.model.flags(cons.model.index(0, 7)) & Qt.ItemFlag.ItemIsEditable


def test_a_report_sent_by_the_deadline_but_collected_after_it_is_on_time_and_shows_both_days(qtbot, collected,
                                                                                             tmp_path):
    """Issue 11, colleague's defect 1: the status went by when the file was collected."""
    window, office = collected
    cons = open_window(qtbot, window)
    assert cons.model.headerData(2, Qt.Orientation.Horizontal) == "প্রেরণের সময়"
    assert shown(cons, 2) == shown(cons, 3)  # nothing carried (no memo date, not signed): when it came
    window.session.push(save_deadline_table(window.store, FiscalYear.parse("2023-24"),
                                            {p: dt.date(2023, 10, 15) for p in PERIODS}))
    doc = subordinate_doc(BARISHAL, {"2.1.1": 2})
    doc.report("Q1").memo = Memo(number="৫", date=dt.date(2023, 10, 12))
    path = tmp_path / "বরিশাল.json"
    path.write_text(exchange.dumps(doc), encoding="utf-8")
    _outcomes, change = collect_file(window.store, office, path, ask=lambda question: True)
    window.session.push(change)
    assert shown(cons, 1) == ["বিলম্বে", "বিলম্বে", "যথাসময়ে"]
    assert shown(cons, 2)[2] == "১২/১০/২০২৩" and shown(cons, 3)[2] != "১২/১০/২০২৩"


def test_sorting_by_a_header_sorts_numbers_as_numbers_and_statuses_in_their_order(qtbot, collected):
    window, _office = collected
    cons = open_window(qtbot, window)
    assert shown(cons) == [GAZIPUR, TANGAIL, BARISHAL]  # the office profile's order until a header is clicked
    header = cons.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(4) + 5, header.height() // 2))
    assert header.sortIndicatorSection() == 4
    cons.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # marks obtained, highest first
    assert shown(cons) == [TANGAIL, GAZIPUR, BARISHAL]
    cons.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert shown(cons) == [BARISHAL, GAZIPUR, TANGAIL]
    cons.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # missing, late, on time
    assert shown(cons)[0] == BARISHAL
    cons.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(cons) == sorted([GAZIPUR, TANGAIL, BARISHAL])


def test_the_filter_takes_part_of_a_name_and_a_status(qtbot, collected):
    window, _office = collected
    cons = open_window(qtbot, window)
    cons.find.insert("টাঙ্গাইল")  # as typed (QTest cannot type Bangla letters)
    assert shown(cons) == [TANGAIL]
    assert cons.counts.text().endswith("৩টি দপ্তরের মধ্যে ১টি দেখানো হচ্ছে।")
    cons.find.clear()
    # NFC and case aside: a name typed decomposed, in capitals, with extra spaces, still matches.
    cons.find.setText("  জেলা   তথ্য ")
    assert len(shown(cons)) == 3
    cons.find.setText("OFFICE")
    assert shown(cons) == []
    cons.find.setText(unicodedata.normalize("NFD", "বরিশাল"))
    assert shown(cons) == [BARISHAL]
    cons.find.setText("  জেলা   তথ্য ")
    assert len(shown(cons)) == 3
    cons.find.clear()
    cons.status_filter.setCurrentIndex(cons.status_filter.findData("missing"))
    assert shown(cons) == [BARISHAL]
    cons.status_filter.setCurrentIndex(cons.status_filter.findData("late"))
    assert shown(cons) == []
    cons.status_filter.setCurrentIndex(0)
    assert len(shown(cons)) == 3


def test_a_report_collected_or_a_deadline_changed_while_it_is_open_shows_at_once(qtbot, collected, tmp_path):
    from egov_desktop.gui.dialogs.collect import CollectDialog

    window, office = collected
    cons = open_window(qtbot, window)
    cons.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    cons.find.setText("জেলা")
    # Collected through the collect window, as the user does it: its change goes to the session.
    path = tmp_path / "বরিশাল.json"
    path.write_text(exchange.dumps(subordinate_doc(BARISHAL, {"2.1.1": 5, "5.1.1": 7})), encoding="utf-8")
    dialog = CollectDialog(window.store, office, "egov_innovation", "2023-24", window.session.push)
    qtbot.addWidget(dialog)
    dialog.collect_files([path])
    assert shown(cons) == [BARISHAL, TANGAIL, GAZIPUR]  # sorted by marks still, Barishal the highest now
    assert shown(cons, 1) == ["যথাসময়ে"] * 3
    # Undone: missing again.
    window.undo_stack.undo()
    assert shown(cons, 1)[-1] == "পাওয়া যায়নি"
    # The deadline moved to before today: the reports are late.
    window.session.push(save_deadline_table(window.store, FiscalYear.parse("2023-24"),
                                            {p: dt.date(2023, 10, 15) for p in PERIODS}))
    assert shown(cons, 1)[:2] == ["বিলম্বে", "বিলম্বে"]
    assert "যথাসময়ে ০টি, বিলম্বে ২টি" in cons.counts.text()
    # Closed, it is gone and follows nothing more; the menu opens a new one.
    cons.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.consolidation is None
    window.undo_stack.undo()
    assert open_window(qtbot, window) is window.consolidation


def test_an_office_report_opens_read_only_from_its_row(qtbot, collected):
    from egov_desktop.gui.consolidation import CollectedReportView
    from tests.store.conftest import table_dump

    window, _office = collected
    cons = open_window(qtbot, window)
    assert not cons.open_button.isEnabled()
    cons.table.setCurrentIndex(cons.proxy.index(2, 0))  # Barishal sent nothing: nothing to open
    assert not cons.open_button.isEnabled() and cons.open_report() is None
    cons.table.setCurrentIndex(cons.proxy.index(1, 0))
    assert cons.open_button.isEnabled()
    before = table_dump(window.store.path)
    cons.table.setFocus()
    qtbot.keyClick(cons.table, Qt.Key.Key_Return)  # Enter opens it, as a double click does
    [view] = cons.findChildren(CollectedReportView)
    qtbot.waitExposed(view)
    assert view.windowTitle() == TANGAIL
    assert f"ফাইল {TANGAIL}.json" in view.about.text() and "শুধু দেখার জন্য" in view.about.text()
    # Its table as its Excel report lays it out: the indicators, and the achievement it sent.
    model = view.model
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    row = next(r for r in texts if any(t.startswith("[২.১.১]") for t in r))
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    achieved = row[heads.index("১ম ত্রৈমাসিক অর্জন")].split("\n")
    assert achieved[0] == "৪" and len(achieved) == 2  # the figure, and its narrative once
    # Its score as the consolidation has it (both are the office's own report's).
    assert view.score.total_text().startswith(f"প্রাপ্ত নম্বর {cons.proxy.index(1, 4).data()} (")
    # Nothing in it can be edited: no cell takes an edit, typing and F2 change nothing, the database is the same.
    assert all(not model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
               for r in range(model.rowCount()) for c in range(model.columnCount()))
    assert not model.setData(model.index(0, 0), "৯৯")
    view.table.setCurrentIndex(model.index(1, model.columnCount() - 2))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.keyClicks(view.table, "99")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.table.state() != view.table.State.EditingState
    assert table_dump(window.store.path) == before
    cons.open_button.click()  # the button opens another, as Enter did
    assert len(cons.findChildren(CollectedReportView)) == 2


def test_the_word_and_excel_buttons_write_the_consolidation_shown(qtbot, collected, tmp_path, monkeypatch):
    import docx
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    window, _office = collected
    cons = open_window(qtbot, window)
    out = {"docx": tmp_path / "একীভূত.docx", "xlsx": tmp_path / "একীভূত.xlsx"}
    for fmt, button in (("docx", cons.word_button), ("xlsx", cons.excel_button)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, f=fmt, **k: (str(out[f]), ""))
        button.click()
        qtbot.waitUntil(lambda f=fmt: out[f].exists() and not cons._tasks, timeout=30000)
    summary = docx.Document(str(out["docx"])).tables[0]
    assert [row.cells[1].text for row in summary.rows[1:]] == [GAZIPUR, TANGAIL, BARISHAL]
    sheet = openpyxl.load_workbook(out["xlsx"]).active
    assert GAZIPUR in [c.value for c in sheet["B"]]
    assert "লেখা হয়েছে" in cons.counts.text() or str(out["xlsx"]) in cons.counts.text()


def test_a_language_switch_retranslates_it_and_it_still_opens_the_office_chosen(qtbot, collected):
    from egov_desktop.gui.consolidation import CollectedReportView

    window, _office = collected
    cons = open_window(qtbot, window)
    cons.table.setCurrentIndex(cons.proxy.index(1, 0))
    try:
        window.set_language("en")
        qtbot.wait(50)  # painted in English
        assert cons.windowTitle() == "Consolidated report of subordinate offices"
        assert cons.model.headerData(4, Qt.Orientation.Horizontal) == "Marks obtained"
        assert shown(cons, 1) == ["On time", "On time", "Missing"] and shown(cons, 4)[1].endswith("/ 43")
        assert cons.counts.text().startswith("Deadline ")
        assert cons.current_row().office == TANGAIL
        view = cons.open_report()
        assert isinstance(view, CollectedReportView) and view.windowTitle() == TANGAIL
        qtbot.waitExposed(view)
    finally:
        window.set_language("bn")
    assert shown(cons, 1)[0] == "যথাসময়ে"


def test_a_database_that_cannot_be_read_keeps_what_is_shown_and_says_why(qtbot, collected, monkeypatch):
    from egov_desktop.core.i18n import Msg
    from egov_desktop.gui import consolidation
    from egov_desktop.store.dialect import LOST_FOLLOW
    from egov_desktop.store.errors import StoreError

    window, _office = collected
    cons = open_window(qtbot, window)

    def unreachable(*_args):
        raise StoreError(Msg(LOST_FOLLOW))

    monkeypatch.setattr(consolidation, "from_store", unreachable)
    cons.refresh()
    assert shown(cons) == [GAZIPUR, TANGAIL, BARISHAL]
    assert cons.counts.text() == Msg(LOST_FOLLOW).render()


def years(cons) -> list[str]:
    return [cons.fiscal_year.itemData(i) for i in range(cons.fiscal_year.count())]


def test_the_years_follow_plans_made_and_deleted_keeping_the_year_chosen(qtbot, collected):
    window, _office = collected
    store, session = window.store, window.session
    cons = open_window(qtbot, window)
    today = FiscalYear.of(dt.date.today()).code
    assert years(cons) == sorted({today, "2023-24", "2021-22"}, reverse=True)
    # A plan of a new year made (here, or by another officer on the server): its year is offered, in Bangla, and
    # the consolidation chosen stays as it was.
    session.push(store.create_blank("grs", "2024-25"))
    assert years(cons) == sorted({today, "2024-25", "2023-24", "2021-22"}, reverse=True)
    assert cons.fiscal_year.itemText(cons.fiscal_year.findData("2024-25")) == "২০২৪-২৫"
    assert cons.selection() == ("egov_innovation", "2023-24", "Q1")
    assert shown(cons) == [GAZIPUR, TANGAIL, BARISHAL]
    # The year chosen loses its only plan (and nothing was collected for it): it goes, and another year is shown.
    cons.fiscal_year.setCurrentIndex(cons.fiscal_year.findData("2021-22"))
    old = store.find_plan("2021-22", store.list_plans()[-1].kind)
    session.push(store.delete_plan(old))
    assert "2021-22" not in years(cons)
    assert cons.selection()[1] == years(cons)[0]
    assert shown(cons, 1) == ["পাওয়া যায়নি"] * 3  # read for that year: nothing collected
    # Undone: the year is back, the year now chosen stays.
    chosen = cons.selection()
    window.undo_stack.undo()
    assert "2021-22" in years(cons) and cons.selection() == chosen


def test_the_years_of_reports_collected_are_offered_though_the_office_has_no_plan_of_them(qtbot, collected, tmp_path):
    # The office collects its subordinates' 2022-23 reports late, having no plan of that year itself: the window
    # offered only its own plans' years, and the consolidation of 2022-23 could not be chosen.
    window, office = collected
    cons = open_window(qtbot, window)
    assert "2022-23" not in years(cons)
    doc = subordinate_doc(TANGAIL, {"2.1.1": 3})
    doc.plan.fiscal_year = "2022-23"
    path = tmp_path / "2022-23.json"
    path.write_text(exchange.dumps(doc), encoding="utf-8")
    _outcomes, change = collect_file(window.store, office, path, ask=lambda question: True)
    window.session.push(change)
    assert "2022-23" in years(cons) and cons.selection()[1] == "2023-24"
    cons.fiscal_year.setCurrentIndex(cons.fiscal_year.findData("2022-23"))
    assert shown(cons, 1) == ["পাওয়া যায়নি", "বিলম্বে", "পাওয়া যায়নি"]
    # Opened afresh, the window offers it too.
    cons.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "2022-23" in years(open_window(qtbot, window))


def test_the_evidence_files_that_came_with_a_report_are_listed_and_opened_from_it(qtbot, collected, monkeypatch):
    # A package's evidence files were kept in the database, but nothing showed them: the upper office, which
    # checks the evidence, could not see what came.
    from PySide6.QtGui import QDesktopServices

    from egov_desktop.core import evidence
    from egov_desktop.gui.consolidation import CollectedReportView
    from tests import evidence_files as make

    window, _office = collected
    store = window.store
    [tangail] = [c for c in store.list_collected("egov_innovation", "2023-24", "Q1") if c.office == TANGAIL]
    window.session.push(store.set_collected_evidence(tangail.key, {"2.1.1": [
        evidence.from_bytes("চিঠি.pdf", make.pdf("letter")), evidence.from_bytes("ছবি.png", make.png())]}))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    cons = open_window(qtbot, window)
    cons.table.setCurrentIndex(cons.proxy.index(0, 0))  # Gazipur: its Excel file, no evidence files
    view = cons.open_report()
    assert view.evidence.count() == 0 and not view.evidence.isVisible() and "কোনো প্রমাণক ফাইল" in view.files.text()
    cons.table.setCurrentIndex(cons.proxy.index(1, 0))
    view = cons.open_report()
    qtbot.waitExposed(view)
    texts = [view.evidence.item(i).text() for i in range(view.evidence.count())]
    assert texts[0].startswith("[২.১.১] চিঠি.pdf (PDF, ") and texts[1].startswith("[২.১.১] ছবি.png (PNG, ")
    view.evidence.setCurrentRow(1)
    view.evidence.setFocus()
    qtbot.keyClick(view.evidence, Qt.Key.Key_Return)
    [path] = opened
    assert path.endswith("ছবি.png") and open(path, "rb").read() == make.png()
