"""The NIS monitoring table (PLANS.md §2.1): two rows an indicator, quarter targets and quarter achievements."""
from __future__ import annotations

import datetime as dt

from egov_desktop.core.scoring import score_report
from egov_desktop.tables import read_plan_table
from tests.tables.office_files import nis_field_docx


def test_the_nis_monitoring_table_becomes_quarter_targets_and_quarterly_reports(tmp_path):
    result = read_plan_table(nis_field_docx(tmp_path / "nis.docx"))
    doc = result.document
    plan = doc.plan
    assert (plan.kind, plan.fiscal_year) == ("nis", "2020-21")
    assert doc.office.name == "জাতীয় সঞ্চয় বিভাগীয় কার্যালয়, রাজশাহী"
    assert [(a.code, a.title, a.weight) for a in plan.areas] == [
        ("1", "প্রাতিষ্ঠানিক ব্যবস্থা", 8), ("2", "দক্ষতা ও নৈতিকতার উন্নয়ন", 7)]
    inds = {i.code: i for i in plan.indicators()}
    assert list(inds) == ["1.1.1", "1.2.1", "2.1.1", "2.2.1"]
    meeting = inds["1.1.1"]
    assert (meeting.unit, meeting.weight, meeting.targets, meeting.quarter_targets) == ("count", 4, [4], [1, 1, 1, 1])
    assert meeting.responsible == "উপ-পরিচালক" and meeting.scoring == "proportional"
    assert inds["1.2.1"].quarter_targets == [100, 100, 100, 100]
    assert inds["2.1.1"].targets == [120] and inds["2.1.1"].quarter_targets == [30, 30, 30, 30]
    returns = inds["2.2.1"]
    assert returns.unit == "date" and returns.target_dates == [
        dt.date(2020, 10, 15), dt.date(2021, 1, 15), dt.date(2021, 4, 15)]

    q1, q2 = doc.report("Q1"), doc.report("Q2")
    assert [r.period for r in doc.reports] == ["Q1", "Q2"]
    assert (q1.entry("1.1.1").value, q2.entry("1.1.1").value, q2.entry("1.1.1").period_value) == (1, 2, 1)
    assert q2.entry("1.2.1").value == 90  # the mean of the quarters' rates (the plan's default)
    assert q2.entry("2.1.1").value == 55
    assert q1.entry("2.2.1").dates == [dt.date(2020, 10, 15), None, None]
    assert q2.entry("2.2.1").dates == [dt.date(2020, 10, 15), dt.date(2021, 1, 20), None]
    # 1.2's printed মোট অর্জন (৮০%) is not what its quarters give: said, at that cell.
    assert [(f.rule, f.message()) for f in result.findings if f.rule == "total_mismatch"] == [
        ("total_mismatch", "মোট অর্জন লেখা ৮০%; ত্রৈমাসিকগুলো থেকে হয় ৯০")]
    # It scores as PLANS.md §2.5 reads it: proportional, dates all-or-nothing per date.
    score = score_report(plan, q2)
    by_code = {s.code: s for s in score.indicators}
    assert by_code["1.1.1"].score == 2  # 4 × 2/4
    assert round(by_code["2.2.1"].score, 3) == 1.0  # 1 of 3 dates in time (the second was late): 3 × 1/3
