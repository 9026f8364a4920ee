"""core.progress: the earlier-report chain, the base a quarter adds to and its own part, without Qt."""
from __future__ import annotations

from egov_desktop.core.exchange import load
from egov_desktop.core.model import Entry, Report
from egov_desktop.core.progress import ReportChain
from tests.conftest import PIB


def _doc(*reports):
    doc = load(PIB)  # Q1: 2.1.1 (count, sum) 1; 4.1.1 percent 56.98 (latest figure); 1.1.1 a date, empty
    doc.reports.extend(reports)
    return doc


def test_the_latest_earlier_report_is_the_previous_one_nearest_first():
    doc = _doc(Report("H1", entries=[Entry("2.1.1", 4)]))
    q3 = ReportChain(doc, "Q3")
    assert [r.period for r in q3.earlier] == ["H1", "Q1"]  # no Q2 yet: H1 ends where Q3 starts
    assert q3.previous.period == "H1" and q3.previous_value(doc.plan.indicator("2.1.1")) == 4
    assert q3.before.period == "H1" and q3.base(doc.plan.indicator("2.1.1")) == (4, "H1")
    first = ReportChain(doc, "Q1")
    assert first.previous is None and first.before is None and first.previous_value(doc.plan.indicator("2.1.1")) is None


def test_the_base_and_own_part_are_for_sum_indicators_only_and_nothing_entered_is_zero():
    doc = _doc()
    q2 = ReportChain(doc, "Q2")
    count, percent, date = (doc.plan.indicator(c) for c in ("2.1.1", "4.1.1", "1.1.1"))
    assert q2.base(count) == (1, "Q1") and q2.own(count, Entry("2.1.1", 11)) == 10
    assert q2.base(percent) is None and q2.own(percent, Entry("4.1.1", 70.0)) is None  # a percent taken as latest
    assert q2.base(date) is None
    assert q2.own(count, Entry("2.1.1", None)) is None and q2.own(count, Entry("2.1.1", 5, not_applicable=True)) is None
    doc.report("Q1").entries = [e for e in doc.report("Q1").entries if e.indicator != "2.1.1"]
    assert ReportChain(doc, "Q2").base(count) == (0, "Q1")
    # No own part where there is no quarter before: H1 and the annual report are year-to-date reports.
    assert ReportChain(doc, "H1").base(count) is None and ReportChain(doc, "annual").before is None


def test_fill_starts_a_report_from_the_earlier_ones_and_keeps_what_is_entered():
    doc = _doc()
    q1 = doc.report("Q1")
    q1.entry("2.1.1").narrative = "দুটি সভা"
    q2 = Report("Q2", entries=[Entry("5.1.1", 3), Entry("2.1.1", None, evidence="কার্যবিবরণী")])
    edits = ReportChain(doc, "Q2").fill(doc.plan.indicators(), q2)
    assert (("2.1.1", None), "value", 1) in edits and (("2.1.1", None), "narrative", "দুটি সভা") in edits
    assert not any(code == "2.1.1" and field == "evidence" for (code, _n), field, _v in edits)  # typed here already
    assert not any(code == "5.1.1" for (code, _n), _f, _v in edits)  # an achievement already entered
    assert not any(code == "1.1.1" for (code, _n), _f, _v in edits)  # nothing earlier to start from
