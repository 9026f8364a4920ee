"""What a feedback memo on a quarterly report calls "below target" (issue 11.6): compared with what was due by the
period's end where the plan has quarter targets (NIS) or its scoring setting asks for it, else with the annual
target as the plan is scored; and the memo says which. Before, a Q1 memo compared every indicator with its annual
target and so named nearly all of them (FID's NIS plan 2021-22, PLANS.md §2.9: 1.1 is 1 of 4 for the year, 1 of 1
due by Q1)."""
from __future__ import annotations

import datetime as dt

from egov_desktop.core import exchange
from egov_desktop.core.consolidate import Submission, consolidate
from egov_desktop.core.feedback import ANNUAL, DUE, attention, basis, office_paragraphs
from tests.feedback_helpers import REPORTS, SUBS, YEAR, subordinate_report

BARISHAL = SUBS[0]


def _row(raw: dict, period: str = "Q1"):
    doc = exchange.from_dict(raw)
    cons = consolidate([Submission(BARISHAL, doc, dt.date(2021, 10, 10))], [BARISHAL], period, dt.date(2021, 10, 15))
    return cons, cons.rows[0], doc


def _named(cons, row) -> dict[str, bool]:
    """Code -> below target, of the indicators the memo names."""
    return {a.column.code: a.below_target for a in attention(cons, row)}


def test_a_q1_memo_on_a_plan_with_quarter_targets_names_only_what_was_due_by_then():
    cons, row, doc = _row(subordinate_report(BARISHAL, REPORTS[BARISHAL]))
    assert basis(doc.plan, "Q1") == DUE
    named = _named(cons, row)
    # 1.1 met its Q1 target (1 of 1; the year's is 4); 1.7's dates (31 Oct, 31 Dec, 31 Mar), 2.1's (31 Oct) and
    # the 30 June ones fall after Q1: nothing was due. What the plan gives no quarter split for (1.3, 2.2 counts, a
    # percent) is still measured against the year's target.
    assert "1.1.1" not in named
    assert not {"1.7.1", "2.1.1", "1.8.1", "3.1.1", "3.5.1"} & set(named)
    assert named == {"1.3.1": True, "1.5.1": True, "2.2.1": True, "2.3.1": True}
    # The marks stay the plan's own (scored on the annual basis): only the memo's comparison changes.
    assert row.cells[0].percent == 25.0
    before, _after = office_paragraphs(cons, row, "nis", YEAR, "en")
    assert "Targets are those due by the end of the 1st quarter" in before[-1]


def test_the_memo_shows_what_was_due_beside_the_years_target():
    raw = subordinate_report(BARISHAL, {"1.1.1": {"value": 0, "period_value": 0}})
    cons, row, _doc = _row(raw)
    [item] = [a for a in attention(cons, row) if a.column.code == "1.1.1"]
    assert item.below_target and item.due.targets == [1] and item.indicator.targets == [4]


def test_without_quarter_targets_the_plans_scoring_setting_decides():
    raw = subordinate_report(BARISHAL, REPORTS[BARISHAL])
    for area in raw["plan"]["areas"]:
        for act in area["activities"]:
            for ind in act["indicators"]:
                ind.pop("quarter_targets", None)
    # Annual (the default): short of the year's target is below target, and the memo says the year's.
    cons, row, doc = _row(raw)
    assert basis(doc.plan, "Q1") == ANNUAL
    named = _named(cons, row)
    assert named["1.1.1"] and named["3.1.1"] and named["1.7.1"]
    before, _after = office_paragraphs(cons, row, "nis", YEAR, "en")
    assert "Targets are the annual targets" in before[-1]
    # "Targets due so far": the dates not yet due are not named.
    raw["plan"]["scoring"]["quarterly_basis"] = "due"
    cons, row, doc = _row(raw)
    assert basis(doc.plan, "Q1") == DUE
    named = _named(cons, row)
    assert "3.1.1" not in named and "1.7.1" not in named and named["1.3.1"]


def test_the_annual_report_is_compared_with_the_years_targets():
    _cons, _row_, doc = _row(subordinate_report(BARISHAL, REPORTS[BARISHAL]))
    assert basis(doc.plan, "annual") == ANNUAL
