"""import-table on the Citizen's Charter's FID sheet and on a header merged over three rows."""
from __future__ import annotations

import datetime as dt

from egov_desktop.core.scoring import score_report
from egov_desktop.tables import read_plan_table
from tests.tables.office_files import cc_fid_xlsx, three_header_rows_xlsx


def test_the_citizens_charter_sheet_reads_and_scores_as_plans_md_works_it(tmp_path):
    result = read_plan_table(cc_fid_xlsx(tmp_path / "cc.xlsx"))
    doc = result.document
    assert (doc.plan.kind, doc.plan.fiscal_year, doc.plan.total_weight) == ("citizen_charter", "2021-22", 25)
    assert [a.code for a in doc.plan.areas] == ["1", "2"]  # a flat plan, grouped by the activities' codes
    codes = [i.code for i in doc.plan.indicators()]
    assert codes == ["1.1.1", "1.2.1", "1.1.1", "1.3.1"]  # the duplicate is kept, to be fixed in the grid
    rules = {(f.where, f.rule) for f in result.findings}
    assert ("২.২.৪!B6", "duplicate_code") in rules and ("২.২.৪!E4", "damaged_cell") in rules
    assert [r.period for r in doc.reports] == ["Q1"]
    # PLANS.md §4.8: [১.২.১] 5 × 1/4 = 1.25; the others nothing; [১.১.১]'s target unreadable.
    score = score_report(doc.plan, doc.report("Q1"))
    assert score.total == 1.25


def test_a_header_over_three_rows_and_an_indicator_over_three_rows(tmp_path):
    result = read_plan_table(three_header_rows_xlsx(tmp_path / "nis.xlsx"))
    plan = result.document.plan
    assert [(lv.id, lv.label) for lv in plan.levels] == [("excellent", "অসাধারণ"), ("good", "উত্তম")]
    meeting, environment = plan.indicators()
    assert meeting.targets == [4, 3]
    assert environment.unit == "count_and_date" and environment.targets == [2, None]
    assert environment.target_dates == [dt.date(2021, 12, 31), dt.date(2022, 6, 30)]
    assert not [f for f in result.findings if f.is_error]
