"""core.address: one type for a finding's place, written by the rules and read by the grids, lists and fixes."""
from __future__ import annotations

import pytest

from egov_desktop.core import address
from egov_desktop.core.address import Address, row_code
from egov_desktop.core.exchange import load
from egov_desktop.core.rules import check_document
from tests.conftest import MODMR, PIB

_SHAPES = [
    ("plan.title", Address(address.PLAN, field="title")),
    ("plan.total_weight", Address(address.PLAN, field="total_weight")),
    ("plan.scoring.interpolation", Address(address.PLAN, field="scoring.interpolation")),
    ("plan.levels[2].percent", Address(address.PLAN, field="levels", index=2, part="percent")),
    ("office.name", Address(address.OFFICE, field="name")),
    ("area:1", Address(address.AREA, "1")),
    ("area:1/title", Address(address.AREA, "1", "title")),
    ("activity:2.1/title", Address(address.ACTIVITY, "2.1", "title")),
    ("4.1.1", Address(address.INDICATOR, "4.1.1")),
    ("4.1.1/targets[0]", Address(address.INDICATOR, "4.1.1", "targets", 0)),
    ("Q1/4.1.1/value", Address(address.ENTRY, "4.1.1", "value", period="Q1")),
    ("annual/4.1.1/dates[3]", Address(address.ENTRY, "4.1.1", "dates", 3, "annual")),
    ("H1/memo", Address(address.MEMO, period="H1")),
    ("Q1/memo.body[2]", Address(address.MEMO, field="body", index=2, period="Q1")),
    ("Q1/memo.signatory.name", Address(address.MEMO, field="signatory.name", period="Q1")),
    ("memo.subject", Address(address.MEMO, field="subject")),
    ("Q2/signoff", Address(address.SIGNOFF, period="Q2")),
    # The second of two indicators with one code (a twin), and its entry.
    ("1.1.1#2", Address(address.INDICATOR, "1.1.1", occurrence=2)),
    ("1.1.1#2/targets[0]", Address(address.INDICATOR, "1.1.1", "targets", 0, occurrence=2)),
    ("Q1/1.1.1#12/value", Address(address.ENTRY, "1.1.1", "value", period="Q1", occurrence=12)),
]


@pytest.mark.parametrize(("where", "parsed"), _SHAPES)
def test_every_shape_parses_and_reads_back_the_same(where, parsed):
    assert Address.parse(where) == parsed
    assert str(parsed) == where


def test_the_rules_build_addresses_whose_written_form_reads_back_the_same():
    for path in (PIB, MODMR):
        for finding in check_document(load(path)):
            assert isinstance(finding.where, Address), finding
            assert Address.parse(str(finding.where)) == finding.where, finding.where


def test_the_row_code_of_a_place():
    places = ("Q1/2.1.1/evidence", "area:1", "activity:1.2", "plan.title", "Q1/memo.subject")
    assert [row_code(Address.parse(w)) for w in places] == ["2.1.1", "1", "1.2", "", ""]
    assert Address.parse("not a place") is None and row_code(None) == ""


def test_the_first_of_a_code_has_no_occurrence_written():
    """The first (or only) indicator of a code is written as it always was; "#1" and "#0" are no place a rule
    writes, so they are shown as they are."""
    assert str(Address(address.INDICATOR, "1.1.1", "weight")) == "1.1.1/weight"
    assert Address.parse("1.1.1#1") is None and Address.parse("Q1/1.1.1#0/value") is None
    assert Address.parse("Q1/1.1.1#2/value").place == ("1.1.1", 2) and row_code(Address.parse("1.1.1#2")) == "1.1.1"
