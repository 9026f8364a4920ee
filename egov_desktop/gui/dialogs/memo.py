"""The forwarding memo of a report (DOMAIN.md §5): number, date, subject, body, signatory, recipients, copies.

A new memo starts from the office profile (recipients, copies, the first
signatory), today's date and a subject made from the report's title. On OK every
changed field is written in one group: one undoable step (`change`).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from egov_desktop.core.apa import memo_from_profile
from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.model import SIGNATORY_FIELDS, Memo
from egov_desktop.core.periods import period_name, report_title
from egov_desktop.core.values import ParseError, format_date, parse_date
from egov_desktop.gui.dialogs import check_date, show_error, text_lines, text_paragraphs
from egov_desktop.gui.forms.ui_memo_dialog import Ui_MemoDialog
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.validators import VALUE, CellValidator
from egov_desktop.store.errors import StoreError

# Store field -> line edit of the form.
LINES = {"number": "number", "subject": "subject", "reference": "reference", "attachment": "attachment",
         "attention": "attention", "copies_purpose": "copiesPurpose"}
LISTS = ("recipient", "copies")


def new_memo(doc, period: str, profile: dict, today: dt.date) -> Memo:
    """What a memo not yet written starts from."""
    title = report_title(doc.plan.title, doc.plan.fiscal_year, period, "bn")
    return memo_from_profile(profile, Msg(N_("Sending the {title}"), {"title": title}).render("bn"), today)


def memo_values(memo: Memo) -> dict:
    """The memo in the store's field names."""
    values = {field: getattr(memo, field) for field in LINES}
    values.update(date=memo.date, body=list(memo.body), recipient=list(memo.recipient), copies=list(memo.copies))
    values.update({f"signatory.{k}": getattr(memo.signatory, k) for k in SIGNATORY_FIELDS})
    return values


class MemoDialog(QDialog):
    """The memo of the plan's `period` report; with `all_plans`, the office's memo forwarding the reports of
    all the plans of the plan's fiscal year in one file (export-docx --all-plans), whose attachment line is
    the list of annexes, made at export."""

    def __init__(self, store, plan_key: int, period: str, parent=None, today: dt.date | None = None,
                 all_plans: bool = False):
        super().__init__(parent)
        self.store, self.plan_key, self.period, self.all_plans = store, plan_key, period, all_plans
        self.change = None
        self.ui = ui = Ui_MemoDialog()
        ui.setupUi(self)
        doc = store.get_document(plan_key)
        self.fiscal_year = doc.plan.fiscal_year
        self.office_key = store.office_of(plan_key)
        profile = store.office_profile(self.office_key)
        today = today or dt.date.today()
        lang = current_language()
        if all_plans:
            existing = store.all_plans_memo(self.office_key, self.fiscal_year, period)
            memo = store.all_plans_memo_or_new(self.office_key, self.fiscal_year, period, today)
            summary = Msg(N_("The memo that forwards the {period} reports of all the plans of the year in one file; "
                             "its attachment lists them as annexes."), {"period": period_name(period, lang)})
            for widget in (ui.attachment, ui.attachmentLabel):
                widget.setVisible(False)
        else:
            report = doc.report(period)
            existing = report.memo if report is not None else None
            memo = existing or new_memo(doc, period, profile, today)
            summary = Msg(N_("The memo that forwards the {period} report."), {"period": period_name(period, lang)})
        # A memo not in the database yet is written whole; an existing one only where it changed.
        self._original = memo_values(existing) if existing else {}
        ui.summary.setText(show_digits(summary.render(lang)))
        for field, widget in LINES.items():
            getattr(ui, widget).setText(getattr(memo, field) or "")
        ui.date.setText(show_digits(format_date(memo.date, lang)) if memo.date else "")
        ui.body.setPlainText("\n\n".join(memo.body))
        ui.recipient.setPlainText("\n".join(memo.recipient))
        ui.copies.setPlainText("\n".join(memo.copies))
        signatories = list(profile["signatories"])
        current = {k: getattr(memo.signatory, k) for k in SIGNATORY_FIELDS}
        if current["name"] and all(s.get("name") != current["name"] for s in signatories):
            signatories.insert(0, current)
        for s in signatories:
            ui.signatory.addItem(" — ".join(x for x in (s.get("name"), s.get("designation")) if x), s)
        ui.signatory.setCurrentIndex(next((i for i, s in enumerate(signatories) if s.get("name") == current["name"]), 0))
        for prefix in profile["memo_prefixes"]:
            ui.file.addItem(prefix["file"], prefix["file"])
        ui.file.setVisible(bool(profile["memo_prefixes"]))
        ui.nextNumber.setVisible(bool(profile["memo_prefixes"]))
        ui.nextNumber.clicked.connect(self._next_number)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        show_error(ui.error, None)
        # Checked as it is typed, like a grid's date: a year-end report's memo is dated up to its deadline.
        self._date_check = CellValidator(VALUE, "date", parent=self, fiscal_year=doc.plan.fiscal_year,
                                         late_until=store.deadlines(plan_key=plan_key).get(period))
        ui.date.textChanged.connect(self._check_date)
        self._check_date(ui.date.text())

    def _check_date(self, text: str) -> None:
        check_date(self.ui.date, self.ui.error, self._date_check, text)

    def _next_number(self) -> None:
        number = self.store.next_memo_number(self.office_key, self.ui.file.currentData())
        if number:
            self.ui.number.setText(number)

    def values(self) -> dict:
        """The memo as the form shows it; ParseError when the date is not a date."""
        ui = self.ui
        values = {field: getattr(ui, widget).text().strip() or None for field, widget in LINES.items()
                  if not (self.all_plans and field == "attachment")}
        values["date"] = parse_date(ui.date.text()) if ui.date.text().strip() else None
        values["body"] = text_paragraphs(ui.body.toPlainText())
        values["recipient"] = text_lines(ui.recipient.toPlainText())
        values["copies"] = text_lines(ui.copies.toPlainText())
        signatory = ui.signatory.currentData() or {}
        values.update({f"signatory.{k}": signatory.get(k) for k in SIGNATORY_FIELDS})
        return values

    def accept(self) -> None:
        try:
            new = self.values()
        except ParseError as exc:
            show_error(self.ui.error, f"{_('Date:')} {exc.render()}")
            self.ui.date.setFocus()
            return
        blank = {k: [] for k in ("body", *LISTS)}
        changed = {k: v for k, v in new.items() if v != self._original.get(k, blank.get(k))}
        if changed:
            try:
                with self.store.group(Msg(N_("Change the forwarding memo"))) as group:
                    for field, value in changed.items():
                        if self.all_plans:
                            self.store.set_all_plans_memo_field(self.office_key, self.fiscal_year, self.period,
                                                                field, value)
                        else:
                            self.store.set_memo_field(self.plan_key, self.period, field, value)
            except StoreError as exc:
                show_error(self.ui.error, exc.render())
                return
            self.change = group.change
        super().accept()
