"""An entry's "occurrence" (format 1.1): which of two indicators with one code it is of (the Citizen's Charter plan
prints [১.১.১] twice, PLANS.md §4.6). Read, checked, scored and written back; a file without it stays as it was."""
from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from egov_desktop.core import exchange, rules
from egov_desktop.core.exchange import ExchangeError
from egov_desktop.core.model import Entry, Report
from egov_desktop.core.progress import ReportChain
from egov_desktop.core.scoring import score_report
from egov_desktop.paths import resource_path
from tests.conftest import FIXTURES

CC = FIXTURES / "cc-fid-2021-22.plan.json"


def _raw() -> dict:
    return json.loads(CC.read_text(encoding="utf-8"))


def _with_twin_entry(raw: dict, value=150, **fields) -> dict:
    """The CC fixture (a 1.0 file; its Q1 names [১.১.১], the first, a percent) with an entry of the second
    [১.১.১] (a count, target 4, weight 5), as format 1.1."""
    raw = copy.deepcopy(raw)
    raw["version"] = 2
    raw["reports"][0]["entries"].append({"indicator": "1.1.1", "occurrence": 2, "value": value} | fields)
    return raw


def test_a_twins_entry_is_its_own_and_written_back_as_it_came():
    raw = _with_twin_entry(_raw())
    doc = exchange.from_dict(copy.deepcopy(raw))
    first, twin = [i for i in doc.plan.indicators() if i.code == "1.1.1"]
    entries = doc.report("Q1").entries_of(doc.plan)
    mine = dict(zip(map(id, doc.plan.indicators()), entries))
    assert mine[id(first)].value is None and mine[id(twin)].value == 150
    assert json.loads(exchange.dumps(doc)) == raw
    schema = json.loads(resource_path("exchange.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(raw)


def test_without_a_twins_entry_the_file_stays_1_0_and_byte_for_byte():
    text = CC.read_text(encoding="utf-8")
    doc = exchange.loads(text)
    assert exchange.dumps(doc) == text and json.loads(text)["version"] == 1
    # "occurrence": 1 names the first, as leaving it out does: written without it.
    raw = _raw()
    raw["version"] = 2
    raw["reports"][0]["entries"][1]["occurrence"] = 1
    assert exchange.dumps(exchange.from_dict(raw)) == text


@pytest.mark.parametrize("change, where, words", [
    (lambda raw: raw.update(version=1), "reports[0].entries[3].occurrence", "১.১"),
    (lambda raw: raw["reports"][0]["entries"][3].update(occurrence=3), "reports[0].entries[3].occurrence", "৩"),
    (lambda raw: raw["reports"][0]["entries"][3].update(occurrence=0), "reports[0].entries[3].occurrence", "১"),
    (lambda raw: raw["reports"][0]["entries"][3].update(occurrence="2"), "reports[0].entries[3].occurrence", ""),
    (lambda raw: raw["reports"][0]["entries"][3].update(occurrence=True), "reports[0].entries[3].occurrence", ""),
    (lambda raw: raw["reports"][0]["entries"][3].update(indicator="1.2.1"), "reports[0].entries[3].occurrence",
     "১.২.১"),
    (lambda raw: raw["reports"][0]["entries"].append({"indicator": "1.1.1", "occurrence": 2, "value": 1}),
     "reports[0].entries", "১.১.১"),
])
def test_an_occurrence_that_names_no_indicator_is_refused_naming_the_key(change, where, words):
    raw = _with_twin_entry(_raw())
    change(raw)
    with pytest.raises(ExchangeError) as caught:
        exchange.from_dict(raw)
    assert caught.value.where == where
    assert words in caught.value.msg.render("bn")


def test_the_rules_score_and_progress_take_a_twins_entry_for_its_own_indicator():
    doc = exchange.from_dict(_with_twin_entry(_raw(), 150, narrative="দুটি প্রশিক্ষণ"))
    # 150 is a count of the twin; as the first's percent it would be over 100.
    assert not [f for f in rules.check_report(doc.plan, doc.report("Q1")) if f.is_error]
    scores = [s for s in score_report(doc.plan, doc.report("Q1")).indicators if s.code == "1.1.1"]
    assert [(s.value, s.scorable, s.score) for s in scores] == [(None, False, 0), (150, True, 5)]
    first, twin = [i for i in doc.plan.indicators() if i.code == "1.1.1"]
    doc.reports.append(Report("Q2", entries=[Entry("1.1.1", 40)]))
    q2 = ReportChain(doc, "Q2")
    assert q2.previous_value(first) is None and q2.previous_value(twin) == 150
    assert (("1.1.1", 2), "value", 150) in q2.fill(doc.plan.indicators(), doc.report("Q2"))
    assert not any(place == ("1.1.1", None) for place, _f, _v in q2.fill(doc.plan.indicators(), doc.report("Q2")))


def test_a_finding_about_a_twin_names_its_occurrence_and_the_repeat_is_the_duplicate():
    """Of two indicators with one code, each finding names the one it is about (Address.occurrence, as
    Plan.places): the plan's rules, the report's (checked against the twin's own unit) and the duplicate code
    itself, reported at the repeat, the row to renumber. The first twin's places are written as before."""
    raw = _with_twin_entry(_raw(), 2.5, period_value=-1)
    twin = raw["plan"]["areas"][1]["activities"][0]["indicators"][0]
    assert twin["code"] == "1.1.1"
    twin.update(weight=-3, targets=[400])  # a count of 400 is allowed; the first twin (a percent) has no target
    doc = exchange.from_dict(raw)
    found = {(f.rule, str(f.where)): f.where for f in rules.check_document(doc)}
    assert {("negative_weight", "1.1.1#2/weight"), ("duplicate_code", "1.1.1#2"), ("no_targets", "1.1.1"),
            ("count_whole", "Q1/1.1.1#2/value"), ("count_whole", "Q1/1.1.1#2/period_value")} <= found.keys()
    assert found[("negative_weight", "1.1.1#2/weight")].place == ("1.1.1", 2)
    assert found[("no_targets", "1.1.1")].occurrence is None
    assert not [key for key in found if key[0] in ("percent_range", "targets_not_monotone")]
    # In words, each twin apart.
    assert rules.describe_where(found[("negative_weight", "1.1.1#2/weight")], lang="en") == \
        "indicator 1.1.1 (no. 2 of that code), weight"
    assert rules.describe_where("Q1/1.1.1#2/value", lang="bn") == \
        "১ম ত্রৈমাসিক: সূচক ১.১.১ (এই কোডের ২ নম্বরটি), অর্জন"
    assert rules.row_label(found[("no_targets", "1.1.1")]) == "1.1.1"
