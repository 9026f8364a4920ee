"""Each plan's report in its own layout (issue 9): the GRS, CC and RTI reports show a column per quarter
with that quarter's own figure, মোট অর্জন and অর্জিত মান, read back from the Word file (the NIS form:
test_docx_nis.py)."""
from __future__ import annotations

import copy

import docx
import pytest

from egov_desktop.core import exchange
from egov_desktop.core.model import Entry, Report
from egov_desktop.export.docx_report import export_docx
from tests.conftest import FIXTURES


def load(name):
    return exchange.load(FIXTURES / f"{name}.plan.json")


def _rows(out):
    table = docx.Document(out).tables[-1]
    return [[c.text for c in row.cells] for row in table.rows]


def test_a_quarter_shows_its_own_figure_beside_the_year_to_date(tmp_path):
    doc = load("grs-fid-2021-22")
    doc.reports.append(Report("Q2", entries=[Entry("1.1.1", 2, evidence="x"), Entry("2.4.1", 2, evidence="x")]))
    doc.report("Q2").entries[0].period_value = 1  # Q2 alone: 1 more update
    out = export_docx(doc, "Q2", tmp_path / "grs.docx", parts=("report",))
    rows = _rows(out)
    first = next(r for r in rows if any(c.startswith("[১.১.১]") for c in r))
    q1, q2 = rows[1].index("১ম ত্রৈমাসিক"), rows[1].index("২য় ত্রৈমাসিক")
    assert (first[q1], first[q2]) == ("১", "১")  # Q1 from its report, Q2 its own figure
    assert "২" in first  # মোট অর্জন: the year to date
    assert first[-1] == "২.৫"  # 5 × 2/4


@pytest.mark.parametrize("name, period", [("cc-fid-2021-22", "Q1"), ("rti-sakhipur-2022-23", "Q3"),
                                          ("rti-betagi-2023-24", "Q2")])
def test_every_kind_exports(tmp_path, name, period):
    out = export_docx(load(name), period, tmp_path / f"{name}.docx", parts=("report",))
    rows = _rows(out)
    assert any("মোট অর্জন" in c for c in rows[0])
    if name == "rti-sakhipur-2022-23":  # five levels: a column each, as the RTI plan prints them
        assert "প্রকৃত অর্জন ২০২০-২১" in rows[0] and "প্রকৃত অর্জন ২০২১-২২" in rows[0]
        levels = rows[1].index("অসাধারণ\n১০০%")
        assert rows[1][levels + 1] == "অতি উত্তম\n৯০%"
    if name == "rti-betagi-2023-24":
        assert any("০১/১২/২০২৩ থেকে ৩১/১২/২০২৩" in c for r in rows for c in r)
    if name == "cc-fid-2021-22":  # the codes as printed, the duplicate [১.১.১] with its own row and score
        codes = [c.split("]")[0] + "]" for r in rows for c in r if c.startswith("[১.") and c.count(".") == 2]
        assert codes == ["[১.১.১]", "[১.২.১]", "[১.১.১]", "[১.৩.১]"]
        assert "১.২৫" in rows[-1][-1]


def _database_with_the_five_plans(tmp_path):
    from egov_desktop.store.service import Store
    from tests.conftest import MODMR

    db = tmp_path / "egov.sqlite"
    with Store.open(db) as store:
        for name in ("nis-fid-2021-22", "grs-fid-2021-22", "cc-fid-2021-22", "rti-fid-2021-22"):
            doc = load(name)
            doc.reports = [Report("H1", entries=copy.deepcopy(doc.report("Q1").entries))]
            store.import_document(doc)
        store.import_document(exchange.load(MODMR))  # e-Gov, its H1 report has the memo
    return db


def test_all_plans_of_a_period_in_one_file(tmp_path):
    from tests.test_cli_check_score import run

    db = _database_with_the_five_plans(tmp_path)
    out = tmp_path / "all.docx"
    code, stdout, err = run("export-docx", "--all-plans", "--fiscal-year", "2021-22", "--period", "H1",
                            "--db", db, "--out", out)
    assert code == 0 and err == "", err
    d = docx.Document(out)
    # The memo, then the five reports in annex order (NIS ৪, e-Gov ৫, CC ৬, GRS ৭, RTI ৮), a section each.
    assert len(d.sections) == 6 and len(d.tables) == 1 + 5  # the memo's number and date line is a table too
    text = "\n".join(p.text for p in d.paragraphs)
    assert "সংযোজনী ৪: মন্ত্রণালয়/বিভাগ/রাষ্ট্রীয় প্রতিষ্ঠানের জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা" in text
    titles = [p.text for p in d.paragraphs if p.text.endswith("অর্ধবার্ষিক মূল্যায়ন প্রতিবেদন")]
    kinds = ("শুদ্ধাচার", "ই-গভর্ন্যান্স", "সেবা প্রদান প্রতিশ্রুতি", "অভিযোগ প্রতিকার", "তথ্য অধিকার")
    assert len(titles) == 5 and all(kind in title for kind, title in zip(kinds, titles)), titles
    from docx.enum.section import WD_ORIENT
    assert [s.orientation for s in d.sections[1:]] == [WD_ORIENT.LANDSCAPE] * 5
    # Without a database or with no report of the period: the reason, never a traceback.
    code, _out, err = run("export-docx", "--all-plans", "--fiscal-year", "2021-22", "--period", "Q3",
                          "--db", db, "--out", out)
    assert code == 1 and "৩য় ত্রৈমাসিক" in err
    code, _out, err = run("export-docx", FIXTURES / "nis-fid-2021-22.plan.json", "--all-plans", "--period", "Q1",
                          "--out", out)
    assert code == 2 and "--fiscal-year" in err


def test_the_grs_alternative_indicator_is_printed_with_the_achievement_it_had(tmp_path):
    # PLANS.md §3.4: the no-complaint alternative under the disposal indicator, its unit and target beside it;
    # Q1 reported it (1 meeting, 12 × ½ = 6), Q2 the disposal rate again (85%).
    doc = load("grs-dhaka-2023-24")
    out = export_docx(doc, "Q2", tmp_path / "grs.docx", parts=("report",))
    rows = _rows(out)
    row = next(r for r in rows if any(c.startswith("[১.১.১] অভিযোগ নিষ্পত্তিকৃত") for c in r))
    indicator = next(c for c in row if c.startswith("[১.১.১]"))
    assert "বিকল্প: [১.১.১.১] স্টেকহোল্ডারের সমন্বয়ে সভা (যদি কোনো দপ্তর / সংস্থায় জিআরএস সিস্টেমে কোনো অভিযোগ পাওয়া না যায়)" \
        in indicator
    assert "%\nসংখ্যা" in row and "৯০%\n২" in row  # each unit and target on its own line
    q1, q2 = rows[1].index("১ম ত্রৈমাসিক"), rows[1].index("২য় ত্রৈমাসিক")
    assert (row[q1], row[q2]) == ("[১.১.১.১] ১", "৮৫%")
