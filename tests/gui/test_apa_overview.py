"""View ▸ APA overview: the five plans of the year with their scores and what is missing (issue 9)."""
from __future__ import annotations

from egov_desktop.core.exchange import load
from egov_desktop.gui.dialogs.apa_overview import ApaOverviewDialog
from tests.conftest import FIXTURES, MODMR
from tests.gui.conftest import show


def test_the_overview_lists_the_five_plans_and_follows_the_period(qtbot, store):
    for name in ("nis-fid-2021-22", "grs-fid-2021-22", "cc-fid-2021-22", "rti-fid-2021-22"):
        store.import_document(load(FIXTURES / f"{name}.plan.json"))
    store.import_document(load(MODMR))
    dialog = ApaOverviewDialog(store, "2021-22", "Q1")
    show(qtbot, dialog)
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [row[0] for row in cells] == ["৪", "৫", "৬", "৭", "৮"]
    assert cells[3][1] == "অভিযোগ প্রতিকার ব্যবস্থা কর্মপরিকল্পনা" and cells[3][3] == "৪ / ১৭"  # PLANS.md §3.9
    assert cells[1][2] == "শুরু হয়নি"  # MoDMR's e-Gov plan has no Q1 report
    assert "২.২.১" in cells[3][4]
    assert dialog.total.text().startswith("পাঁচটি কর্মপরিকল্পনার মোট:")
    dialog.period.setCurrentIndex(dialog.period.findData("H1"))
    assert dialog.overview.period == "H1"
    assert table.item(1, 2).text() != "শুরু হয়নি"  # MoDMR's H1 report is there


def test_a_plan_not_made_is_said(qtbot, store):
    store.import_document(load(FIXTURES / "rti-betagi-2023-24.plan.json"))
    dialog = ApaOverviewDialog(store, "2023-24", "Q2")
    show(qtbot, dialog)
    assert dialog.table.item(0, 4).text() == "কর্মপরিকল্পনাটি এখনো তৈরি হয়নি"
    assert dialog.table.item(4, 3).text() == "১০ / ১০"
