"""Word export, e-mail draft and exchange files from the main window, the work done off the GUI thread."""
from __future__ import annotations

import email
import email.policy
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QUrl

from egov_desktop.core import exchange
from tests.gui.shell import make_window, when_modal


def test_word_export_runs_in_the_background_and_opens_the_file(qtbot, demo, settings, tmp_path, opened):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    out = tmp_path / "report.docx"

    def choose(dialog):
        assert dialog.ui.file.text().endswith(".docx")
        dialog.ui.reportOnly.setChecked(True)
        dialog.ui.font.setCurrentIndex(dialog.ui.font.findData("Noto Serif Bengali"))
        dialog.ui.file.setText(str(out))
        dialog.ui.buttons.accepted.emit()

    when_modal(choose)
    window.ui.actionExportWord.trigger()
    assert window.busy.isVisible()  # the export is running; the window is not blocked
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    assert opened.urls == [QUrl.fromLocalFile(str(out))]
    assert not window.busy.isVisible()
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "অর্ধবার্ষিক" in text and "স্মারক" not in text  # report only: no memo


def _docx_texts(path) -> str:
    import zipfile

    from egov_desktop.export.docx_report import body_texts

    with zipfile.ZipFile(path) as z:
        return "\n".join(body_texts(z.read("word/document.xml")))


def test_word_export_settings_are_prefilled_used_and_saved(qtbot, demo, settings, tmp_path, opened):
    from egov_desktop.export.docx_report import SETTINGS_KEY, saved_settings

    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    key = window.plan_key
    out = tmp_path / "settings.docx"
    seen = {}

    def choose(dialog):
        ui = dialog.ui
        seen["defaults"] = [c.isChecked() for c in (ui.oneLineDate, ui.numberParagraphs, ui.notBySeniority,
                                                     ui.includeScore)]
        ui.oneLineDate.setChecked(True)
        ui.notBySeniority.setChecked(True)
        ui.includeScore.setChecked(False)
        ui.file.setText(str(out))
        dialog.ui.buttons.accepted.emit()

    when_modal(choose)
    window.ui.actionExportWord.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    assert seen["defaults"] == [False, True, False, True]  # ExportSettings' defaults
    text = _docx_texts(out)
    assert "(জ্যেষ্ঠতার ক্রমানুসারে নয়)" in text
    assert "খ্রি." in text and "বঙ্গাব্দ" not in text  # the one-line Gregorian date
    assert "অর্জিত মান" not in text and "অর্জনের হার" not in text  # no percent and score columns
    # Saved for all plans (none had its own), and offered again next time.
    saved = saved_settings(demo, key)
    assert (saved.date_style, saved.not_by_seniority, saved.include_score) == ("gregorian", True, False)
    assert demo.get_setting(SETTINGS_KEY) is not None and demo.get_setting(SETTINGS_KEY, plan_key=key) is None

    def look(dialog):
        ui = dialog.ui
        seen["again"] = [c.isChecked() for c in (ui.oneLineDate, ui.numberParagraphs, ui.notBySeniority,
                                                  ui.includeScore)]
        dialog.reject()

    when_modal(look)
    window.ui.actionExportWord.trigger()
    assert seen["again"] == [True, True, True, False]


def test_word_export_proposes_a_file_name_every_file_system_takes(qtbot, demo):
    from egov_desktop.gui.dialogs.export import ExportDialog

    doc = demo.get_document(demo.find_plan("2021-22", "egov_innovation"))
    doc.office.name = "ভূমি ব্যবস্থাপনা ও দুর্যোগ ব্যবস্থাপনা সংক্রান্ত অধিদপ্তরের আঞ্চলিক কার্যালয় " * 4
    dialog = ExportDialog(doc, "H1")
    qtbot.addWidget(dialog)
    name = dialog.path.name
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= 255 and "অর্ধবার্ষিক" in name


def test_email_draft_opens_an_eml_with_the_report_attached(qtbot, demo, settings, opened):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    office_key = demo.office_of(window.plan_key)
    demo.set_office_field(office_key, "default_recipients", ["সচিব, মন্ত্রিপরিষদ বিভাগ (secy@cabinet.gov.bd)"])
    window.ui.actionEmail.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    eml = opened.urls[0].toLocalFile()
    assert eml.endswith(".eml")
    with open(eml, "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    assert message["X-Unsent"] == "1" and message["To"] == "secy@cabinet.gov.bd"
    attached = [part.get_filename() for part in message.iter_attachments()]
    assert len(attached) == 1 and attached[0].endswith(".docx")
    assert message["Cc"] is None


def test_email_draft_is_addressed_from_the_office_profile(qtbot, demo, settings, opened):
    """The profile's To and Cc addresses win over addresses written in the recipient lines."""
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    office_key = demo.office_of(window.plan_key)
    demo.set_office_field(office_key, "default_recipients", ["সচিব, মন্ত্রিপরিষদ বিভাগ (secy@cabinet.gov.bd)"])
    demo.set_office_field(office_key, "recipient_emails", "apa@modmr.gov.bd; secy@modmr.gov.bd")
    demo.set_office_field(office_key, "copy_emails", ["ict@modmr.gov.bd", "APA@modmr.gov.bd"])
    window.ui.actionEmail.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    with open(opened.urls[0].toLocalFile(), "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    assert message["To"] == "apa@modmr.gov.bd, secy@modmr.gov.bd"
    assert message["Cc"] == "ict@modmr.gov.bd"  # an address already in To is not copied again


def test_export_failure_is_reported_not_lost(qtbot, demo, settings, opened):
    """The PIB report has no memo: the e-mail draft cannot be made, and the user is told why."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, demo, settings)
    window.ui.actionEmail.trigger()

    def shown():
        return [b for b in window.findChildren(QMessageBox) if b.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=30000)
    box = shown()[0]
    assert any("\u0980" <= c <= "\u09ff" for c in box.text())  # the reason, in Bangla
    assert box.icon() == QMessageBox.Icon.Warning
    assert not opened.urls and not window.busy.isVisible()
    box.accept()


def test_a_file_that_cannot_be_written_is_reported_in_bangla(qtbot, demo, settings, tmp_path, opened):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    out = tmp_path / "no-such-folder" / "report.docx"

    def choose(dialog):
        dialog.ui.file.setText(str(out))
        dialog.ui.buttons.accepted.emit()

    when_modal(choose)
    window.ui.actionExportWord.trigger()

    def shown():
        return [b for b in window.findChildren(QMessageBox) if b.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=30000)
    box = shown()[0]
    # The file chosen and the reason in Bangla, not "cannot write the file: No such file or directory" (nor
    # the temporary name it was staged under).
    assert box.text() == f"{out}: ফাইলটি লেখা যায়নি: ফোল্ডারটি নেই"
    assert not opened.urls
    box.accept()


def test_exchange_file_export_and_import_round_trip(qtbot, demo, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(qtbot, demo, settings)
    out = tmp_path / "pib.plan.json"
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: suggested.append(a[2]) or (str(out), ""))
    window.ui.actionExportExchange.trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    doc = exchange.load(out)
    assert doc == demo.get_document(window.plan_key)
    # Named as the Word report is, by the one function (without a period).
    from egov_desktop.export.docx_report import default_file_name

    assert Path(suggested[0]).name == default_file_name(doc, suffix=".plan.json")

    # Imported again as next year's plan: the import reads the file off the GUI thread.
    doc.plan.fiscal_year = "2024-25"
    exchange.dump(doc, out)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: demo.find_plan("2024-25", "egov_innovation") is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.ui.fiscalYear.currentData() == "2024-25", timeout=5000)
    assert window.plan_key == demo.find_plan("2024-25", "egov_innovation")


def _visible_boxes(window):
    from PySide6.QtWidgets import QMessageBox

    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_email_draft_says_where_the_file_is_and_opens_its_folder(qtbot, demo, settings, opened):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    window.ui.actionEmail.trigger()
    qtbot.waitUntil(lambda: bool(_visible_boxes(window)), timeout=30000)
    eml = opened.urls[0].toLocalFile()
    assert window.ui.statusbar.currentMessage() == f"ইমেইলের খসড়া লেখা হয়েছে: {eml}"
    box = _visible_boxes(window)[0]
    assert box.text().startswith("ইমেইলের খসড়াটি আপনার ইমেইল প্রোগ্রামে পাঠানো হয়েছে") and eml in box.text()
    folder = next(b for b in box.buttons() if b.text() == "ফোল্ডার খুলুন")
    folder.click()
    assert opened.urls[-1] == QUrl.fromLocalFile(str(Path(eml).parent))


def test_email_draft_with_no_mail_program_says_so_and_where_the_file_is(qtbot, demo, settings):
    """Offscreen, as on a computer with no mail program set up, nothing takes the draft (openUrl is False)."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    window.ui.actionEmail.trigger()
    qtbot.waitUntil(lambda: bool(_visible_boxes(window)), timeout=30000)
    box = _visible_boxes(window)[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("কোনো ইমেইল প্রোগ্রাম খসড়াটি খোলেনি")
    eml = Path(box.text().split("\n")[1])
    assert eml.suffix == ".eml" and eml.is_file()
    assert str(eml) in window.ui.statusbar.currentMessage()
    box.accept()


def test_the_short_attention_line_is_chosen_in_the_word_export_dialog(qtbot, demo, settings, tmp_path, opened):
    """[দৃ: আ: …] as offices write it, chosen in the window as with --short-attention, and remembered."""
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    out = tmp_path / "memo.docx"

    def choose(dialog):
        assert not dialog.ui.shortAttention.isChecked()
        dialog.ui.shortAttention.setChecked(True)
        dialog.ui.file.setText(str(out))
        dialog.ui.buttons.accepted.emit()

    when_modal(choose)
    window.ui.actionExportWord.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "[দৃ: আ:" in text and "দৃষ্টি আকর্ষণ:" not in text

    def check(dialog):
        assert dialog.ui.shortAttention.isChecked()  # the choice is kept with the plan's export settings
        dialog.reject()

    when_modal(check)
    window.ui.actionExportWord.trigger()


def test_all_plans_in_one_file_with_the_memo_written_for_them_in_the_export_dialog(qtbot, demo, settings, tmp_path,
                                                                                    opened):
    import copy

    from egov_desktop.core.exchange import load
    from tests.conftest import FIXTURES

    nis = load(FIXTURES / "nis-fid-2021-22.plan.json")
    nis.reports = [copy.deepcopy(nis.report("Q1"))]
    nis.reports[0].period = "H1"
    demo.import_document(nis)
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    assert window.period == "H1"
    out = tmp_path / "all.docx"
    seen = {}

    def write_memo(memo):
        seen["memo summary"] = memo.ui.summary.text()
        assert not memo.ui.attachment.isVisible()  # the annexes are listed at export
        memo.ui.number.setText("০৭.০০.০০০০.১১১.২২.০০১.২১.৫০")
        memo.ui.subject.setText("সব কর্মপরিকল্পনার অর্ধবার্ষিক প্রতিবেদন")
        memo.ui.buttons.accepted.emit()

    def choose(dialog):
        ui = dialog.ui
        assert ui.allPlans.isVisible() and not ui.allPlansMemo.isEnabled()
        ui.allPlans.setChecked(True)
        assert ui.allPlansMemo.isEnabled() and "সুশাসন ও সংস্কারমূলক ২০২১-২২" in ui.file.text()
        when_modal(write_memo)
        ui.allPlansMemo.click()
        ui.file.setText(str(out))
        ui.buttons.accepted.emit()

    when_modal(choose)
    window.ui.actionExportWord.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=60000)
    assert "সব কর্মপরিকল্পনা" in seen["memo summary"]
    # The memo was saved for the office and the period, one undo step.
    assert window.undo_stack.undoText() == "অগ্রায়ণপত্র পরিবর্তন"
    text = _docx_texts(out)
    assert "স্মারক নং-০৭.০০.০০০০.১১১.২২.০০১.২১.৫০" in text and "সব কর্মপরিকল্পনার অর্ধবার্ষিক প্রতিবেদন" in text
    assert "সংযোজনী ৪: " in text and "সংযোজনী ৫: " in text  # NIS and e-Gov, each its annex
    assert len(docx.Document(out).sections) == 3  # the memo, then the two reports
