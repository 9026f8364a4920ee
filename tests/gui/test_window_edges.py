"""Whatever import accepts, the window shows (issue 14.1: a plan of fiscal year "0000-01" was imported, then
the window's plan failed on "year 0"; issue 15.3: a plan with a duplicate indicator code is shown, its error
in the problems panel, and fixed in the grid)."""
from __future__ import annotations

import json

import pytest

from egov_desktop.core import exchange
from tests.conftest import MODMR
from tests.documents import duplicate_code, set_dates
from tests.gui.shell import make_window


@pytest.mark.parametrize(
    "year, edit",
    [
        ("1900-01", lambda d: (d["reports"].clear(), set_dates(d, "1900-01-01"))),
        ("2200-01", lambda d: (d["reports"].clear(), set_dates(d, "2201-12-31"))),
        ("2021-22", lambda d: d["plan"].__setitem__("title", "ক" * 500)),
        ("2021-22", lambda d: duplicate_code(d, title="একই কোড")),
    ],
)
def test_the_window_shows_what_import_accepts(qtbot, store, settings, year, edit):
    d = json.loads(MODMR.read_text(encoding="utf-8"))
    d["plan"]["fiscal_year"] = year
    edit(d)
    store.import_document(exchange.loads(json.dumps(d, ensure_ascii=False)))
    window = make_window(qtbot, store, settings, select=f"{year}/egov_innovation")
    doc = window.plan_editor.model.document
    assert doc.plan.fiscal_year == year and window.plan_editor.model.rowCount() > 0
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    assert window.progress_editor() is not None
    window.ui.tabs.setCurrentWidget(window.ui.planTab)


def test_a_duplicate_code_is_an_error_in_the_problems_panel_until_renumbered(qtbot, store, settings):
    d = json.loads(MODMR.read_text(encoding="utf-8"))
    code = duplicate_code(d, title="একই কোড")
    store.import_document(exchange.loads(json.dumps(d, ensure_ascii=False)))
    window = make_window(qtbot, store, settings, select="2021-22/egov_innovation")
    [dup] = [f for f in window.problems.findings() if f.rule == "duplicate_code"]
    assert str(dup.where) == f"{code}#2" and dup.is_error  # at the repeat, the row to renumber
    twin = next(i for i in window.plan_editor.model.document.plan.indicators() if i.title == "একই কোড")
    window.session.push(store.move_indicator(twin.key, 1))  # what the grid's move does: codes follow the order
    qtbot.waitUntil(lambda: not [f for f in window.problems.findings() if f.rule == "duplicate_code"])


def test_importing_a_report_whose_seal_does_not_hold_says_so(qtbot, store, settings, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.documents import signed

    raw = signed(json.loads(MODMR.read_text(encoding="utf-8")))
    raw["reports"][0]["entries"][0]["narrative"] = "স্বাক্ষরের পরে বদলানো"
    src = tmp_path / "forged.plan.json"
    src.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    window = make_window(qtbot, store, settings, select=None)
    window._import(src)

    def warned():
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return bool(boxes) and "অর্ধবার্ষিক: স্বাক্ষর" in boxes[0].text() and "খসড়া" in boxes[0].text()

    qtbot.waitUntil(warned, timeout=10_000)
    [plan] = store.list_plans()
    assert store.get_document(plan.key).report("H1").status == "draft"
