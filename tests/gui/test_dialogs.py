"""The dialogs against a real demo database: office profile, new plan, deadlines, sign-off and reopen."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from egov_desktop.core.address import Address
from egov_desktop.core.periods import FiscalYear, default_deadlines
from tests.gui.shell import make_window, when_modal


def _ok(dialog):
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_office_profile_edit_persists_and_is_one_undo_step(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    office_key = demo.office_of(window.plan_key)

    def fill(dialog):
        ui = dialog.ui
        assert ui.name.text().startswith("প্রেস ইনস্টিটিউট বাংলাদেশ")
        ui.unit.setText("আইসিটি শাখা")
        ui.email.setText("dg@pib.gov.bd")
        ui.addSignatory.click()
        for col, text in enumerate(("মোঃ আব্দুল করিম", "মহাপরিচালক", "০২-৯৩৩০০৮১", "dg@pib.gov.bd")):
            ui.signatories.item(0, col).setText(text)
        ui.recipients.setPlainText("সচিব\nতথ্য ও সম্প্রচার মন্ত্রণালয়")
        ui.copies.setPlainText("মহাপরিচালকের দপ্তর\nসংরক্ষণ নথি")
        ui.copiesPurpose.setText("সদয় অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য")
        ui.addPrefix.click()
        ui.prefixes.item(0, 0).setText("ই-গভর্ন্যান্স")
        ui.prefixes.item(0, 1).setText("১৫.৫২.০০০০.০০১.২৫.০০৬.২৩")
        _ok(dialog).click()

    when_modal(fill)
    window.ui.actionOffice.trigger()

    office, profile = demo.get_office(office_key), demo.office_profile(office_key)
    assert (office.unit, office.email) == ("আইসিটি শাখা", "dg@pib.gov.bd")
    assert profile["signatories"] == [{"name": "মোঃ আব্দুল করিম", "designation": "মহাপরিচালক",
                                       "phone": "০২-৯৩৩০০৮১", "email": "dg@pib.gov.bd"}]
    assert profile["default_recipients"] == ["সচিব", "তথ্য ও সম্প্রচার মন্ত্রণালয়"]
    assert profile["default_copies"] == ["মহাপরিচালকের দপ্তর", "সংরক্ষণ নথি"]
    assert profile["default_copies_purpose"] == "সদয় অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য"
    assert profile["default_attention"] is None
    assert profile["memo_prefixes"] == [{"file": "ই-গভর্ন্যান্স", "prefix": "১৫.৫২.০০০০.০০১.২৫.০০৬.২৩",
                                         "last_serial": 0}]
    # Reopened, the dialog shows what was saved; one undo takes the whole edit back.
    from egov_desktop.gui.dialogs.office import OfficeDialog

    again = OfficeDialog(demo, office_key)
    qtbot.addWidget(again)
    assert again.ui.signatories.rowCount() == 1 and again.ui.unit.text() == "আইসিটি শাখা"
    again.ui.signatories.item(0, 1).setText("অতিরিক্ত জেলা প্রশাসক (সার্বিক)")
    again.ui.signatories.horizontalHeader().doItemsLayout()  # as a shown dialog does before painting
    for col in (0, 1):  # name and designation are shown whole, not cut with "..."
        cell = again.ui.signatories.item(0, col)
        assert again.ui.signatories.columnWidth(col) >= again.ui.signatories.fontMetrics().horizontalAdvance(cell.text())
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert demo.get_office(office_key).unit is None
    assert demo.office_profile(office_key)["signatories"] == []


def test_office_profile_standard_paragraphs_start_a_new_memo(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    office_key = demo.office_of(window.plan_key)
    seen = {}

    def edit(dialog):
        seen["shown"] = dialog.ui.standardParagraphs.toPlainText()
        dialog.ui.standardParagraphs.setPlainText("উপর্যুক্ত বিষয়ে প্রতিবেদন\nএতদসঙ্গে প্রেরণ করা হলো।\n\nসদয় অবগতির জন্য।")
        _ok(dialog).click()

    when_modal(edit)
    window.ui.actionOffice.trigger()
    # Until the office writes its own, the program's paragraphs are offered (and shown to edit).
    assert seen["shown"].startswith("উপর্যুক্ত বিষয়ের প্রতিবেদনটি") and "\n\nপ্রতিবেদনটি মহোদয়ের" in seen["shown"]
    assert demo.office_profile(office_key)["standard_paragraphs"] == [
        "উপর্যুক্ত বিষয়ে প্রতিবেদন এতদসঙ্গে প্রেরণ করা হলো।", "সদয় অবগতির জন্য।"]

    def look(dialog):  # the memo not yet written starts with them
        seen["body"] = dialog.ui.body.toPlainText()
        dialog.reject()

    when_modal(look)
    window.ui.actionMemo.trigger()
    assert seen["body"] == "উপর্যুক্ত বিষয়ে প্রতিবেদন এতদসঙ্গে প্রেরণ করা হলো।\n\nসদয় অবগতির জন্য।"


def test_office_profile_refuses_an_empty_name_and_stays_open(qtbot, demo):
    from egov_desktop.gui.dialogs.office import OfficeDialog

    office_key = demo.list_plans()[0].office_key
    dialog = OfficeDialog(demo, office_key)
    qtbot.addWidget(dialog)
    before = demo.get_office(office_key)
    dialog.ui.name.setText("")
    dialog.ui.phone.setText("০১৭০০০০০০০০")
    dialog.accept()
    assert dialog.change is None and not dialog.ui.error.isHidden() and dialog.ui.error.text()
    assert demo.get_office(office_key) == before  # the group rolled back: the phone is not saved either


def test_office_profile_email_addresses_for_the_draft(qtbot, demo, settings):
    """To and Cc of the e-mail draft: typed with commas or on lines, stored as address lists."""
    window = make_window(qtbot, demo, settings)
    office_key = demo.office_of(window.plan_key)

    def fill(dialog):
        dialog.ui.recipientEmails.setPlainText("secy@cabinet.gov.bd, dg@pib.gov.bd")
        dialog.ui.copyEmails.setPlainText("ict@pib.gov.bd\nsecy@cabinet.gov.bd")
        _ok(dialog).click()

    when_modal(fill)
    window.ui.actionOffice.trigger()
    profile = demo.office_profile(office_key)
    assert profile["recipient_emails"] == ["secy@cabinet.gov.bd", "dg@pib.gov.bd"]
    assert profile["copy_emails"] == ["ict@pib.gov.bd", "secy@cabinet.gov.bd"]
    assert window.undo_stack.count() == 1

    from egov_desktop.gui.dialogs.office import OfficeDialog

    dialog = OfficeDialog(demo, office_key)
    qtbot.addWidget(dialog)
    assert dialog.ui.recipientEmails.toPlainText() == "secy@cabinet.gov.bd\ndg@pib.gov.bd"
    # A bad address: the store's message naming it, the dialog open on the e-mail tab, nothing saved or lost.
    dialog.show()
    dialog.ui.phone.setText("০২-৯৩৩০০৮১")
    dialog.ui.copyEmails.setPlainText("ict@pib.gov.bd, hasan@pib")
    dialog.accept()
    assert dialog.isVisible() and dialog.change is None
    assert dialog.ui.error.text() == "hasan@pib: এটি কোনো ইমেইল ঠিকানা নয় (যেমন name@office.gov.bd)।"
    assert dialog.ui.tabs.currentWidget() is dialog.ui.emailTab
    assert dialog.ui.copyEmails.toPlainText() == "ict@pib.gov.bd, hasan@pib"
    assert dialog.ui.phone.text() == "০২-৯৩৩০০৮১"
    assert demo.office_profile(office_key)["copy_emails"] == ["ict@pib.gov.bd", "secy@cabinet.gov.bd"]
    assert demo.get_office(office_key).phone is None
    # Corrected, it saves; emptied, the lists are empty again.
    dialog.ui.copyEmails.setPlainText("")
    dialog.accept()
    assert dialog.change is not None and demo.office_profile(office_key)["copy_emails"] == []


def test_new_plan_from_the_bundled_template(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)

    def choose(dialog):
        ui = dialog.ui
        ui.template.setCurrentIndex(ui.template.findData("egov_innovation-2021-22-ministry"))
        assert "মন্ত্রণালয়" in ui.template.currentText()
        ui.fiscalYear.setText("২০২৪-২৫")
        _ok(dialog).click()

    when_modal(choose)
    window.ui.actionNewPlan.trigger()
    key = demo.find_plan("2024-25", "egov_innovation")
    assert key is not None and window.plan_key == key
    doc = demo.get_document(key)
    assert doc.reports == [] and len(doc.plan.indicators()) > 0
    # For the office of the plan that was open (PIB), not the template's.
    assert demo.office_of(key) == demo.office_of(demo.find_plan("2023-24", "egov_innovation"))
    # Target dates moved with the year: all inside 2024-25.
    dates = [t for i in doc.plan.indicators() for t in i.targets if isinstance(t, dt.date)]
    assert dates and all(t in FiscalYear.parse("2024-25") for t in dates)
    assert window.ui.fiscalYear.currentText() == "২০২৪-২৫"
    assert window.plan_editor.model.rowCount() > 0


def test_new_plan_by_copying_to_the_next_year(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)

    def choose(dialog):
        dialog.ui.fromPlan.setChecked(True)
        dialog.ui.plan.setCurrentIndex(dialog.ui.plan.findData(demo.find_plan("2023-24", "egov_innovation")))
        _ok(dialog).click()

    when_modal(choose)
    window.ui.actionNewPlan.trigger()
    assert window.plan_key == demo.find_plan("2024-25", "egov_innovation")


def test_new_plan_refuses_a_bad_fiscal_year(qtbot, demo):
    from egov_desktop.gui.dialogs.new_plan import NewPlanDialog

    dialog = NewPlanDialog(demo, demo.list_plans())
    qtbot.addWidget(dialog)
    dialog.ui.fiscalYear.setText("২০২৪")
    dialog.accept()
    assert dialog.result() == 0 and dialog.ui.error.text() == "অর্থবছর লিখুন এভাবে: 2023-24"


def test_deadlines_are_edited_per_year_and_stored(qtbot, demo):
    from egov_desktop.gui.deadlines import deadline_table, next_due
    from egov_desktop.gui.dialogs.deadlines import DeadlinesDialog

    fy = FiscalYear.parse("2023-24")
    dialog = DeadlinesDialog(demo, fy)
    qtbot.addWidget(dialog)
    assert dialog.edits["Q1"].text() == "১৫/১০/২০২৩"
    dialog.edits["Q1"].setText("২০/১০/২০২৩")
    dialog.accept()
    assert deadline_table(demo, fy)["Q1"] == dt.date(2023, 10, 20)
    assert deadline_table(demo, fy.next()) == default_deadlines(fy.next())  # other years keep theirs
    due = next_due(demo, dt.date(2023, 10, 16))
    assert due.key == ("2023-24", "Q1") and due.days_left == 4
    # Signed reports are done: the next one is the half-yearly/second quarter.
    assert next_due(demo, dt.date(2023, 10, 16), done={("2023-24", "Q1")}).key == ("2023-24", "Q2")
    # In early July the annual report of the year just ended is still due.
    assert next_due(demo, dt.date(2024, 7, 2)).key == ("2023-24", "Q4")

    bad = DeadlinesDialog(demo, fy)
    qtbot.addWidget(bad)
    bad.edits["Q2"].setText("৩১/০২/২০২৪")
    bad.accept()
    assert bad.change is None and "ফেব্রুয়ারি" in bad.ui.error.text()


def _add_signatory(store, plan_key):
    office_key = store.office_of(plan_key)
    store.set_office_field(office_key, "signatories", [
        {"name": "মোঃ আব্দুল করিম", "designation": "উপসচিব", "phone": None, "email": None}])


def test_sign_off_is_refused_up_front_while_the_report_has_errors(qtbot, demo, settings):
    """The PIB first-quarter report has no forwarding memo: the dialog says so before OK, as the store would."""
    window = make_window(qtbot, demo, settings)
    _add_signatory(demo, window.plan_key)
    assert window.ui.actionSignOff.isEnabled()  # a draft: the dialog says what to fix
    seen = {}

    def sign(dialog):
        seen["text"], seen["ok"] = dialog.ui.summary.text(), _ok(dialog).isEnabled()
        dialog.reject()

    when_modal(sign)
    window.ui.actionSignOff.trigger()
    assert "১টি ত্রুটি" in seen["text"] and "প্রতিবেদনের সাথে কোনো অগ্রায়ণপত্র নেই" in seen["text"]
    assert not seen["ok"]
    assert demo.get_document(window.plan_key).report("Q1").status == "draft"


def test_sign_off_dialog_refuses_at_once_when_the_grid_has_errors(qtbot, demo):
    from egov_desktop.core import address
    from egov_desktop.core.rules import Finding
    from egov_desktop.core.i18n import Msg
    from egov_desktop.gui.dialogs.sign_off import SignOffDialog

    error = Finding(Address(address.ENTRY, "4.1.1", "value", period="Q1"), "percent_range", "error",
                    Msg("a percent must be between 0 and 100, not {value}", {"value": 150}))
    key = demo.find_plan("2023-24", "egov_innovation")
    dialog = SignOffDialog(demo, key, "Q1", [{"name": "ক", "designation": "খ"}], [error])
    qtbot.addWidget(dialog)
    assert not _ok(dialog).isEnabled()
    assert "১৫০" in dialog.ui.summary.text() and "১টি ত্রুটি" in dialog.ui.summary.text()
    assert "• ৪.১.১: " in dialog.ui.summary.text()  # which indicator to fix


def test_sign_off_then_reopen_with_a_reason(qtbot, demo, settings):
    """The MoDMR half-yearly report has its memo and no errors."""
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    _add_signatory(demo, window.plan_key)

    when_modal(lambda dialog: _ok(dialog).click())
    window.ui.actionSignOff.trigger()
    report = demo.get_document(window.plan_key).report("H1")
    assert report.status == "signed_off" and report.signoff.name == "মোঃ আব্দুল করিম"
    assert window.progress_editor().model.locked
    assert not window.ui.actionSignOff.isEnabled() and window.ui.actionReopen.isEnabled()
    assert window.ui.reportState.text().startswith("স্বাক্ষরিত (সংস্করণ ১)")

    def reopen(dialog):
        _ok(dialog).click()  # no reason: refused, the dialog stays
        assert dialog.isVisible() and dialog.ui.error.text()
        dialog.ui.reason.setPlainText("অর্জনের তথ্য সংশোধন")
        _ok(dialog).click()

    when_modal(reopen)
    window.ui.actionReopen.trigger()
    report = demo.get_document(window.plan_key).report("H1")
    assert report.status == "draft" and report.revision == 2
    assert not window.progress_editor().model.locked
    assert demo.signed_revisions(window.plan_key, "H1")[0].reopen_reason == "অর্জনের তথ্য সংশোধন"


def _shown_boxes(window):
    from PySide6.QtWidgets import QMessageBox

    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_mark_submitted_after_sign_off_then_reopen(qtbot, demo, settings):
    from PySide6.QtWidgets import QMessageBox

    from egov_desktop.core.model import Signatory

    key = demo.find_plan("2021-22", "egov_innovation")
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    assert not window.ui.actionMarkSubmitted.isEnabled()  # a draft cannot be submitted
    demo.sign_off(key, "H1", Signatory(name="মোঃ আব্দুল করিম", designation="উপসচিব"))
    window._after_seal_change()
    assert window.ui.actionMarkSubmitted.isEnabled()

    seen = {}

    def confirm(box):
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(confirm)
    window.ui.actionMarkSubmitted.trigger()
    assert "অর্ধবার্ষিক" in seen["text"]
    assert demo.get_document(key).report("H1").status == "submitted"
    assert window.ui.reportState.text() == "জমা দেওয়া হয়েছে (সংস্করণ ১, স্বাক্ষরকারী মোঃ আব্দুল করিম)"
    assert not window.ui.actionMarkSubmitted.isEnabled() and not window.ui.actionSignOff.isEnabled()
    assert window.ui.actionReopen.isEnabled() and window.ui.reopenButton.isEnabled()
    assert window.progress_editor().model.locked

    def reopen(dialog):
        seen["reopen"] = dialog.ui.summary.text()
        dialog.ui.reason.setPlainText("ঊর্ধ্বতন অফিস সংশোধন চেয়েছে")
        _ok(dialog).click()

    when_modal(reopen)
    window.ui.actionReopen.trigger()
    assert "জমা দেওয়া হয়েছে" in seen["reopen"]
    report = demo.get_document(key).report("H1")
    assert (report.status, report.revision) == ("draft", 2)
    assert window.ui.reportState.text() == "খসড়া" and not window.ui.actionMarkSubmitted.isEnabled()


def test_mark_submitted_refused_by_the_store_is_shown(qtbot, demo, settings):
    """The window still offers the action, but the report was marked meanwhile: the store's reason is shown."""
    from PySide6.QtWidgets import QMessageBox

    from egov_desktop.core.model import Signatory

    key = demo.find_plan("2021-22", "egov_innovation")
    demo.sign_off(key, "H1", Signatory(name="মোঃ আব্দুল করিম", designation="উপসচিব"))
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    demo.mark_submitted(key, "H1")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.ui.actionMarkSubmitted.trigger()
    qtbot.waitUntil(lambda: bool(_shown_boxes(window)))
    box = _shown_boxes(window)[0]
    assert box.text() == "অর্ধবার্ষিক প্রতিবেদনটি আগেই জমা দেওয়া হয়েছে বলে চিহ্নিত।"
    box.accept()
    assert window.ui.reportState.text().startswith("জমা দেওয়া হয়েছে")


def test_memo_from_the_profile_then_sign_off_the_pib_report(qtbot, demo, settings):
    """The whole way for a report with no memo: write the memo, and sign-off is no longer refused."""
    window = make_window(qtbot, demo, settings)
    office_key = demo.office_of(window.plan_key)
    _add_signatory(demo, window.plan_key)
    demo.set_office_field(office_key, "default_recipients", ["সচিব", "তথ্য ও সম্প্রচার মন্ত্রণালয়"])
    demo.set_office_field(office_key, "memo_prefixes", [
        {"file": "ই-গভর্ন্যান্স", "prefix": "১৫.৫২.০০০০.০০১.২৫.০০৬.২৩", "last_serial": 41}])
    seen = {}

    def write(dialog):
        ui = dialog.ui
        seen["subject"] = ui.subject.text()
        seen["recipients"] = ui.recipient.toPlainText()
        ui.nextNumber.click()
        seen["number"] = ui.number.text()
        ui.date.setText("১০/১০/২০২৩")
        ui.body.setPlainText("উপর্যুক্ত বিষয়ে প্রতিবেদন এতদসঙ্গে প্রেরণ করা হলো।\n\nএটি সদয় অবগতির জন্য।")
        ui.attachment.setText("০২ পাতা")
        _ok(dialog).click()

    when_modal(write)
    window.ui.actionMemo.trigger()
    assert seen["subject"].startswith("ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪ এর প্রথম ত্রৈমাসিক")
    assert seen["recipients"] == "সচিব\nতথ্য ও সম্প্রচার মন্ত্রণালয়"
    assert seen["number"] == "১৫.৫২.০০০০.০০১.২৫.০০৬.২৩.৪২"
    memo = demo.get_document(window.plan_key).report("Q1").memo
    assert memo.number == seen["number"] and memo.date.isoformat() == "2023-10-10"
    assert memo.body == ["উপর্যুক্ত বিষয়ে প্রতিবেদন এতদসঙ্গে প্রেরণ করা হলো।", "এটি সদয় অবগতির জন্য।"]
    assert (memo.signatory.name, memo.signatory.designation) == ("মোঃ আব্দুল করিম", "উপসচিব")
    assert demo.office_profile(office_key)["memo_prefixes"][0]["last_serial"] == 42
    assert window.undo_stack.count() == 1

    when_modal(lambda dialog: _ok(dialog).click())
    window.ui.signOffButton.click()
    assert demo.get_document(window.plan_key).report("Q1").status == "signed_off"


def test_memo_refuses_a_date_that_does_not_exist(qtbot, demo):
    from egov_desktop.gui.dialogs.memo import MemoDialog

    key = demo.find_plan("2021-22", "egov_innovation")
    dialog = MemoDialog(demo, key, "H1")
    qtbot.addWidget(dialog)
    assert dialog.ui.number.text()  # the MoDMR memo as it was sent
    before = demo.get_document(key).report("H1").memo
    dialog.ui.date.setText("৩১/০২/২০২২")
    dialog.ui.subject.setText("নতুন বিষয়")
    dialog.accept()
    assert dialog.change is None and "ফেব্রুয়ারি" in dialog.ui.error.text()
    assert demo.get_document(key).report("H1").memo == before


def test_sign_off_is_refused_while_the_grid_shows_an_error(qtbot, tmp_path, settings):
    """A report that came in with an impossible value (a percent of 150) cannot be signed off."""
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store
    from tests.conftest import PIB

    doc = exchange.load(PIB)
    doc.report("Q1").entry("4.1.1").value = 150.0
    store = Store.open(tmp_path / "bad.sqlite")
    try:
        store.import_document(doc)
        window = make_window(qtbot, store, settings)
        window.ui.tabs.setCurrentWidget(window.ui.progressTab)
        # The missing memo blocks it too: both are listed, errors first.
        assert [f.rule for f in window.problems.errors()] == ["memo_missing", "percent_range"]
        assert window.ui.reportState.text() == "খসড়া: স্বাক্ষরের আগে ২টি ত্রুটি সংশোধন করতে হবে"
        # Corrected in the grid, only the memo is left to do.
        editor = window.progress_editor()
        index = editor.model.index_for_where(Address.parse("Q1/4.1.1/value"))
        assert editor.model.setData(index, "৫৬.৯৮")
        assert [f.rule for f in window.problems.errors()] == ["memo_missing"]
    finally:
        store.close()
