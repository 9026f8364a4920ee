"""Exchange format 1.1 ("version": 2): the shapes of the NIS, GRS, CC and RTI plans, read and written
exactly; 1.0 files read and written back unchanged; bad input refused in Bangla, naming the key path."""
import copy
import json

import pytest
from jsonschema import Draft202012Validator

from egov_desktop.core import exchange
from egov_desktop.core.exchange import ExchangeError
from egov_desktop.paths import resource_path
from tests.conftest import FIXTURES, MODMR, PIB

KINDS = sorted(FIXTURES.glob("*-20??-??.plan.json"))
# The FID GRS, CC and RTI plans of 2021-22 fit format 1.0 (one target, no quarter split, no windows).
NEW = [p for p in KINDS if json.loads(p.read_text(encoding="utf-8"))["version"] == 2]


def raw(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resource_path("exchange.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_there_is_a_fixture_of_every_kind():
    assert {raw(p)["plan"]["kind"] for p in KINDS} >= {"egov_innovation", "nis", "grs", "citizen_charter", "rti"}


@pytest.mark.parametrize("path", KINDS, ids=lambda p: p.name)
def test_every_kind_is_read_and_written_back_exactly(path, validator):
    obj = raw(path)
    validator.validate(obj)
    assert exchange.to_dict(exchange.from_dict(obj)) == obj


@pytest.mark.parametrize("path", [p for p in KINDS if p not in NEW], ids=lambda p: p.name)
def test_a_1_0_plan_is_written_back_as_1_0(path):
    assert raw(path)["version"] == 1
    assert json.loads(exchange.dumps(exchange.load(path)))["version"] == 1


@pytest.mark.parametrize("path", NEW, ids=lambda p: p.name)
def test_the_new_shapes_are_written_as_version_2(path):
    assert exchange.uses_1_1(exchange.load(path))
    assert json.loads(exchange.dumps(exchange.load(path)))["version"] == exchange.VERSION_1_1 == 2


def test_a_1_1_file_read_by_a_program_that_knows_only_1_0_is_a_newer_format(monkeypatch):
    # A 1.0 program is this reader with VERSION 1: its newer-format check is what refuses the file.
    monkeypatch.setattr(exchange, "VERSION", 1)
    with pytest.raises(ExchangeError) as info:
        exchange.load(FIXTURES / "nis-fid-2021-22.plan.json")
    assert info.value.where == "version"
    assert "সংস্করণ ২" in info.value.render("bn") and "update the program" in info.value.render("en")


def test_the_nis_shapes_are_read():
    plan = exchange.load(FIXTURES / "nis-fid-2021-22.plan.json").plan
    assert plan.indicator("1.1.1").quarter_targets == [1, 1, 1, 1]
    five = plan.indicator("1.5.1")
    assert five.unit == "count_and_date" and five.value_unit == "count" and five.targets == [2]
    assert [d.isoformat() for d in plan.indicator("1.6.1").target_dates] == ["2021-10-15", "2022-01-15", "2022-04-15"]
    assert plan.scoring == {"quarterly_basis": "annual", "percent_total": "mean"}


def _nis():
    return raw(FIXTURES / "nis-fid-2021-22.plan.json")


def _first(doc):
    return doc["plan"]["areas"][0]["activities"][0]["indicators"][0]


BAD = {
    "unknown kind": (lambda d: d["plan"].update(kind="vat"), "plan.kind", "এগুলোর একটি হতে হবে"),
    "three quarter targets": (
        lambda d: _first(d).update(quarter_targets=[1, 1, 2]),
        "plan.areas[0].activities[0].indicators[0].quarter_targets",
        "৪টি মানের তালিকা",
    ),
    "a window ending before it starts": (
        lambda d: _first(d).update(unit="date", targets=[{"from": "2021-12-31", "to": "2021-12-01"}],
                                   quarter_targets=None, aggregation=None, scoring=None),
        "plan.areas[0].activities[0].indicators[0].targets[0].to",
        "শুরুর আগেই শেষ",
    ),
    "a 1.1 key in a version 1 file": (
        lambda d: d.update(version=1),
        "plan.scoring",
        "সংস্করণ ১",
    ),
    "an unknown scoring setting": (
        lambda d: d["plan"]["scoring"].update(quarterly_basis="monthly"),
        "plan.scoring.quarterly_basis",
        "এগুলোর একটি হতে হবে",
    ),
    "dates on an entry of an indicator without target dates": (
        lambda d: d["reports"][0]["entries"][0].update(dates=["2021-09-01"]),
        "reports[0].entries[0].dates",
        "লক্ষ্য-তারিখ নেই",
    ),
    "one date too many": (
        lambda d: d["reports"][0]["entries"][3].update(dates=["2021-10-15", None, None, None]),
        "reports[0].entries[3].dates",
        "৩টি মানের তালিকা",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_in_bangla_naming_the_key_path(name):
    change, where, bangla = BAD[name]
    doc = copy.deepcopy(_nis())
    change(doc)
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(doc)
    assert info.value.where == where
    assert bangla in info.value.render("bn"), info.value.render("bn")


def test_a_window_reads_as_a_span_in_bangla():
    from egov_desktop.core.values import format_value

    window = exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json").plan.indicator("2.1.1").targets[0]
    assert format_value(window, "date", "bn") == "০১/১২/২০২৩ থেকে ৩১/১২/২০২৩"
    assert format_value(window, "date", "en") == "01/12/2023 to 31/12/2023"


def test_several_dates_are_typed_in_one_cell():
    import datetime as dt

    from egov_desktop.core.values import ParseError, is_intermediate, parse_value

    assert parse_value("১৫/১০/২০২১, -, 15-04-2022", "dates") == [dt.date(2021, 10, 15), None, dt.date(2022, 4, 15)]
    assert is_intermediate("১৫/১০/২০২১, ১৫/০", "dates") and is_intermediate("১৫/১০/২০২১,", "dates")
    assert not is_intermediate("৩২/১০/২০২১, ", "dates")
    with pytest.raises(ParseError):
        parse_value("১৫/১০/২০২১, ৩১/০২/২০২২", "dates")
