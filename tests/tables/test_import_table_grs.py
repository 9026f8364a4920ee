"""The GRS sheet an office keeps in Excel: every damaged cell named, duplicate codes imported and flagged."""
from __future__ import annotations

import json

from egov_desktop import cli
from egov_desktop.core import exchange
from tests.tables.office_files import grs_xlsx
from tests.tables.test_import_table import findings_at, run


def test_an_office_excel_sheet_is_read_with_every_damaged_cell_named(capsys, tmp_path):
    path = grs_xlsx(tmp_path / "grs.xlsx")
    db = tmp_path / "egov.sqlite"
    code, out, _ = run(capsys, "import-table", path, "--dry-run", "--json", "--db", db)
    assert code == 1  # errors found: still readable
    assert not db.exists()  # a dry run writes nothing
    result = json.loads(out)
    at = findings_at(result)
    assert "bijoy_converted" in at["GRS!D7"]
    assert "empty_unit" in at["GRS!E8"]
    assert "hidden_row" in at["GRS!A9"]
    assert "damaged_cell" in at["GRS!L9"]
    assert {"duplicate_code", "code_shape"} <= at["GRS!D10"]
    # Said at the file's cell only, not again by the plan's rules at the twin ("1.1.1#2").
    assert [f["where"] for f in result["findings"] if f["rule"] in ("duplicate_code", "code_shape")] == ["GRS!D10"] * 2
    assert "date_under_number" in at["GRS!G10"]
    damaged = next(f for f in result["findings"] if f["where"] == "GRS!L9")
    assert "$-5000445]0.2f%" in damaged["message"]  # the raw text is quoted

    doc = exchange.from_dict(result["plan"])
    plan = doc.plan
    assert (plan.kind, plan.fiscal_year, doc.office.name) == ("grs", "2021-22", "আর্থিক প্রতিষ্ঠান বিভাগ")
    assert [lv.label for lv in plan.levels] == ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]
    assert [(a.title, a.weight) for a in plan.areas] == [("প্রাতিষ্ঠানিক ব্যবস্থাপনা", 15), ("সক্ষমতা অর্জন", 10)]
    assert plan.total_weight == 25  # the subtotal row, not an indicator
    first = plan.areas[0]
    assert [a.code for a in first.activities] == ["1.1", "1.2"]  # "[১.1]": mixed digits
    inds = {i.code: i for i in first.activities[1].indicators}
    assert inds["1.2.1"].title == "নিষ্পত্তিকৃত অভিযোগ"  # converted from Bijoy
    assert inds["1.2.1"].unit == "percent" and inds["1.2.1"].targets == [90, 80, 70, 60, None]
    assert inds["1.2.2"].unit == "count"  # the empty unit, taken as count (and said)
    assert inds["1.2.3"].targets == [100, 90, 80, None, None]
    second = plan.areas[1].activities[0].indicators[0]
    assert second.code == "1.1.1" and second.targets[0] is None  # the row is kept, the bad value blank
    q1 = doc.report("Q1")  # "অর্জন (জুলাই-সেপ্টেম্বর ২০২১)" is Q1 of 2021-22
    assert q1.entry("1.2.1").value == 95  # Excel's 0.95 shown as 95.00%
    assert q1.entry("1.2.2").value == 2
    assert q1.entry("1.2.3") is None  # the damaged cell, left blank
    assert q1.entry("1.1.1").evidence == "হালনাগাদ সম্পন্নের সরকারি পত্র"
