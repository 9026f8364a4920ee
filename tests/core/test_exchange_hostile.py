"""Exchange files that tried to fool or exhaust the reader (issue 14: 1, 2, 6, 9; issue 15: 3)."""
import json

import pytest

from egov_desktop.core import exchange, rules
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.exchange import ExchangeError
from egov_desktop.core.periods import FiscalYear
from egov_desktop.core.text import EXTENSION_LIMIT, NAME_LIMIT, PARAGRAPH_LIMIT, TITLE_LIMIT
from egov_desktop.core.values import ParseError
from tests.conftest import MODMR, PIB
from tests.documents import duplicate_code, signed


def _raw(path=PIB) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _refused(raw_or_text) -> ExchangeError:
    text = raw_or_text if isinstance(raw_or_text, str) else json.dumps(raw_or_text, ensure_ascii=False)
    with pytest.raises(ExchangeError) as info:
        exchange.loads(text)
    return info.value


@pytest.mark.parametrize("year", ["0000-01", "0001-02", "1899-00", "2201-02", "9999-00"])
def test_an_impossible_fiscal_year_is_refused_with_the_reason(year):
    # "0000-01" was imported, after which check, score, export-docx and the window failed on "year 0".
    raw = _raw()
    raw["plan"]["fiscal_year"] = year
    exc = _refused(raw)
    assert exc.where == "plan.fiscal_year"
    assert exc.render("bn") == (f"plan.fiscal_year: অর্থবছর {localize_digits(year, 'bn')} এই প্রোগ্রামের সীমার বাইরে "
                                "(১৯০০-০১ থেকে ২২০০-০১)")
    with pytest.raises(ParseError):  # typed in the window or on the command line: the same limit
        FiscalYear.parse(year)


@pytest.mark.parametrize("year", ["2023-25", "2023-2024", "২০২৩-২৪", "2023-24 "])
def test_a_fiscal_year_of_the_wrong_shape_says_how_it_looks(year):
    raw = _raw()
    raw["plan"]["fiscal_year"] = year
    exc = _refused(raw)
    assert exc.where == "plan.fiscal_year" and exc.render("en").endswith("a fiscal year looks like 2023-24")


def test_the_first_and_last_fiscal_years_are_read():
    for year in ("1900-01", "2200-01"):
        raw = _raw()
        raw["plan"]["fiscal_year"] = year
        raw["reports"] = []
        assert exchange.loads(json.dumps(raw)).plan.fiscal_year == year


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2202-01-01", "9999-12-31"])
def test_a_date_outside_the_years_the_program_handles_is_refused(date):
    raw = _raw(MODMR)
    ind = next(i for a in raw["plan"]["areas"] for act in a["activities"] for i in act["indicators"]
               if i["unit"] == "date")
    ind["targets"][0] = date
    exc = _refused(raw)
    assert exc.where.endswith(".targets[0]") and date in exc.render("en")


# ------------------------------------------------------------------ lengths


def _indicator(raw: dict) -> dict:
    return raw["plan"]["areas"][0]["activities"][0]["indicators"][0]


@pytest.mark.parametrize(
    "where, put, limit",
    [
        ("plan.title", lambda r, v: r["plan"].__setitem__("title", v), TITLE_LIMIT),
        ("office.name", lambda r, v: r["office"].__setitem__("name", v), NAME_LIMIT),
        ("plan.areas[0].activities[0].indicators[0].title", lambda r, v: _indicator(r).__setitem__("title", v),
         TITLE_LIMIT),
        ("plan.areas[0].activities[0].title",
         lambda r, v: r["plan"]["areas"][0]["activities"][0].__setitem__("title", v), TITLE_LIMIT),
        ("plan.areas[0].activities[0].indicators[0].code",
         lambda r, v: _indicator(r).__setitem__("code", v) or r["reports"][0]["entries"][0].__setitem__("indicator", v),
         NAME_LIMIT),
        ("plan.levels[0].label", lambda r, v: r["plan"]["levels"][0].__setitem__("label", v), NAME_LIMIT),
        ("reports[0].entries[0].narrative", lambda r, v: r["reports"][0]["entries"][0].__setitem__("narrative", v),
         PARAGRAPH_LIMIT),
        ("notes", lambda r, v: r.__setitem__("notes", v), PARAGRAPH_LIMIT),
    ],
)
def test_every_text_field_has_a_limit_named_in_the_refusal(where, put, limit):
    raw = _raw()
    raw["reports"][0]["entries"][0]["indicator"] = _indicator(raw)["code"] = "1.1.1"
    put(raw, "ক" * limit)  # at the limit: read
    doc = exchange.loads(json.dumps(raw, ensure_ascii=False))
    assert doc is not None
    put(raw, "ক" * (limit + 1))
    exc = _refused(raw)
    assert exc.where == where
    assert "লেখাটি অনেক লম্বা" in exc.render("bn") and f"at most {limit}" in exc.render("en")


def test_a_10_mb_title_is_refused_without_cleaning_it_first():
    raw = _raw()
    raw["plan"]["title"] = "\x00ক" * (5 * 1024 * 1024)
    exc = _refused(raw)
    assert exc.where == "plan.title" and f"at most {TITLE_LIMIT}" in exc.render("en")


def test_an_extension_value_has_a_size_limit():
    raw = _raw()
    raw["plan"]["x-pad"] = "a" * (EXTENSION_LIMIT - 20)  # with its key, under the limit: kept
    assert exchange.loads(json.dumps(raw)).plan.extras["x-pad"] == raw["plan"]["x-pad"]
    raw["plan"]["x-pad"] = "a" * (EXTENSION_LIMIT + 1)
    exc = _refused(raw)
    assert exc.where == "plan.x-pad" and "৬৪ KiB" in exc.render("bn")
    raw["plan"]["x-pad"] = {"list": ["ক" * 1000] * 100}  # many small pieces add up: 300 KB as UTF-8
    assert _refused(raw).where == "plan.x-pad"
    raw["plan"]["x-pad"] = ["ক" * (EXTENSION_LIMIT // 3)]  # three bytes each as UTF-8: over, counted in bytes
    assert _refused(raw).where == "plan.x-pad"


# ------------------------------------------------------------------ duplicate keys


def test_a_key_given_twice_is_an_error_naming_it():
    # Python keeps the last ("weight": 9999), another reader the first: the file means two things.
    text = PIB.read_text(encoding="utf-8").replace('"weight": 10,', '"weight": 10, "weight": 9999,', 1)
    assert '"weight": 9999' in text
    exc = _refused(text)
    assert exc.where == "plan.areas[0].activities[0].indicators[0].weight"
    assert exc.render("bn").endswith("weight কী-টি একাধিকবার আছে")


@pytest.mark.parametrize(
    "old, new, where",
    [
        ('"format": "egov-plan",', '"format": "egov-plan", "format": "egov-plan",', "format"),
        ('"tier":', '"tier": "field", "tier":', "office.tier"),
        ('"total_weight": 50,', '"total_weight": 50, "x-a": {"b": 1, "b": 2},', "plan.x-a.b"),
        ('"total_weight": 50,', '"total_weight": 50, "x-a": 1, "x-a": 2,', "plan.x-a"),
    ],
)
def test_duplicate_keys_anywhere(old, new, where):
    text = PIB.read_text(encoding="utf-8")
    assert old in text
    exc = _refused(text.replace(old, new, 1))
    assert exc.where == where


# ------------------------------------------------------------------ signed reports


def test_a_signed_report_whose_digest_matches_stayssigned():
    doc = exchange.loads(json.dumps(signed(_raw(MODMR))))
    assert doc.reports[0].status == "signed_off" and doc.warnings == []


def test_a_forged_or_stale_digest_is_read_as_a_draft_with_a_warning():
    raw = signed(_raw(MODMR))
    raw["reports"][0]["entries"][0]["narrative"] = "বদলানো"  # changed after signing
    doc = exchange.loads(json.dumps(raw))
    report = doc.reports[0]
    assert report.status == "draft" and report.signoff is None
    [warning] = doc.warnings
    assert str(warning.where) == "H1/signoff" and warning.rule == "digest_mismatch"
    # check lists it (a warning: the draft itself is fine)
    [finding] = [f for f in rules.check_document(doc) if f.rule == "digest_mismatch"]
    assert finding.severity == rules.WARNING
    assert rules.describe_where(finding.where, doc.plan, "bn") == "অর্ধবার্ষিক: স্বাক্ষর"
    assert "খসড়া" in finding.message("bn")
    # what it becomes reads back as the draft it is
    assert exchange.loads(exchange.dumps(doc)) == doc

    forged = exchange.loads(json.dumps(signed(_raw(MODMR), "0" * 64)))
    assert forged.reports[0].status == "draft" and len(forged.warnings) == 1


# ------------------------------------------------------------------ duplicate codes


def test_a_duplicate_indicator_code_is_read_and_reported_at_the_code():
    # Real plans have them; the file was unreadable.
    raw = _raw(MODMR)
    first = duplicate_code(raw, title="দ্বিতীয়", unit="percent", targets=[100, 80, 60])
    doc = exchange.loads(json.dumps(raw, ensure_ascii=False))
    assert [i.code for i in doc.plan.indicators()].count(first) == 2
    dup = [f for f in rules.check_document(doc) if f.rule == "duplicate_code"]
    # At the repeat, the row to renumber.
    assert [(str(f.where), f.severity) for f in dup] == [(f"{first}#2", rules.ERROR)]
