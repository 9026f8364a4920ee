"""Consolidation: subordinate offices' reports side by side, scored by each office's own plan."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.consolidate import LATE, MISSING, ON_TIME, Submission, consolidate, sent_of, status_of
from egov_desktop.core.model import Memo, Signoff
from egov_desktop.core.scoring import score_report
from tests.documents import duplicate_code

FIXTURES = Path(__file__).parent.parent / "fixtures"
DEADLINE = dt.date(2021, 10, 15)


def raw_cc() -> dict:
    raw = json.loads((FIXTURES / "cc-fid-2021-22.plan.json").read_text(encoding="utf-8"))
    # The fixture keeps R4's printed codes (a second [১.১.১], then [১.৩.১]); these tests want the two indicators of
    # area 2 apart, under their activities' codes.
    for act, code in zip(raw["plan"]["areas"][1]["activities"], ("2.1.1", "2.2.1")):
        act["indicators"][0]["code"] = code
    for entry in raw["reports"][0]["entries"]:
        entry["indicator"] = {"1.3.1": "2.2.1"}.get(entry["indicator"], entry["indicator"])
    return raw


def office_doc(name: str, values: dict[str, float | None], raw: dict | None = None):
    raw = copy.deepcopy(raw or raw_cc())
    raw["office"]["name"] = name
    raw["reports"][0]["entries"] = [{"indicator": code, "value": v} for code, v in values.items()]
    return exchange.from_dict(raw)


def test_matrix_scores_each_office_by_its_own_plan_and_says_who_is_late_or_missing():
    a = office_doc("ক দপ্তর", {"1.2.1": 4, "2.1.1": 2, "2.2.1": 1})
    b = office_doc("খ দপ্তর", {"1.2.1": 1})
    subs = [Submission("ক দপ্তর", a, dt.datetime(2021, 10, 15, 23, 50)),
            Submission("খ দপ্তর", b, dt.datetime(2021, 10, 16, 9, 0))]
    c = consolidate(subs, ["ক দপ্তর", "খ দপ্তর", "গ দপ্তর"], "Q1", DEADLINE)

    assert [r.office for r in c.rows] == ["ক দপ্তর", "খ দপ্তর", "গ দপ্তর"]
    assert [r.status for r in c.rows] == [ON_TIME, LATE, MISSING]
    assert [col.code for col in c.columns] == ["1.1.1", "1.2.1", "2.1.1", "2.2.1"]
    row_a = c.rows[0]
    own = score_report(a.plan, a.reports[0], a.reports)
    assert (row_a.total, row_a.out_of) == (own.total, own.out_of)
    # 5 × 4/4 + 5 × 2/4 + 7 × 1/2; 1.1.1's target is damaged: not scorable, out of 17.
    assert row_a.total == pytest.approx(5 + 2.5 + 3.5)
    assert row_a.out_of == 17
    cell = row_a.cells[2]
    assert (cell.value, cell.percent, cell.score) == (2, 50.0, 2.5)
    assert cell.below_target and not row_a.cells[1].below_target
    assert not row_a.cells[0].scorable and not row_a.cells[0].below_target
    assert c.rows[1].total == pytest.approx(1.25)
    assert c.rows[2].total is None and c.rows[2].cells == {}
    assert c.count(MISSING) == 1


def test_duplicate_codes_are_told_apart_by_title_and_matched_across_offices():
    raw = raw_cc()
    code = duplicate_code(raw, title="কমিটি পুনর্গঠিত", unit="count", targets=[4], weight=3)
    # The other office lists its two same-coded indicators the other way round.
    raw_b = copy.deepcopy(raw)
    first = raw_b["plan"]["areas"][0]["activities"][0]["indicators"]
    first.reverse()
    a = office_doc("ক", {"1.2.1": 2}, raw)
    b = office_doc("খ", {"1.2.1": 3}, raw_b)
    c = consolidate([Submission("ক", a, dt.date(2021, 10, 1)), Submission("খ", b, dt.date(2021, 10, 2))],
                    ["ক", "খ"], "Q1", DEADLINE)
    same = [i for i, col in enumerate(c.columns) if col.code == code]
    assert len(same) == 2
    titles = {c.columns[i].title for i in same}
    assert titles == {"সিদ্ধান্ত বাস্তবায়িত", "কমিটি পুনর্গঠিত"}
    for i in same:
        weights = {c.rows[0].cells[i].weight, c.rows[1].cells[i].weight}
        assert len(weights) == 1  # the same indicator in both offices, not crossed over
    assert {c.rows[0].cells[i].weight for i in same} == {8, 3}


def test_an_indicator_one_office_lacks_is_a_column_with_no_cell_for_it():
    raw = raw_cc()
    raw_b = copy.deepcopy(raw)
    raw_b["plan"]["areas"][1]["activities"].pop()  # no 2.2.1
    c = consolidate([Submission("ক", office_doc("ক", {"2.2.1": 2}, raw), dt.date(2021, 10, 1)),
                     Submission("খ", office_doc("খ", {"1.2.1": 1}, raw_b), dt.date(2021, 10, 1))],
                    ["ক", "খ"], "Q1", DEADLINE)
    last = [col.code for col in c.columns].index("2.2.1")
    assert c.rows[0].cells[last].score == 7
    assert last not in c.rows[1].cells


def test_columns_follow_the_codes_numerically():
    raw = raw_cc()
    ind = raw["plan"]["areas"][0]["activities"][0]["indicators"]
    ind.append(copy.deepcopy(ind[0]) | {"code": "1.1.10", "title": "দশম"})
    ind.append(copy.deepcopy(ind[0]) | {"code": "1.1.9", "title": "নবম"})
    c = consolidate([Submission("ক", office_doc("ক", {}, raw), None)], ["ক"], "Q1", DEADLINE)
    assert [col.code for col in c.columns][:3] == ["1.1.1", "1.1.9", "1.1.10"]


def test_the_latest_of_two_reports_of_an_office_counts_and_an_unlisted_office_is_shown_after_the_list():
    old = office_doc("ক", {"1.2.1": 1})
    new = office_doc("ক", {"1.2.1": 4})
    stranger = office_doc("ঘ", {"1.2.1": 2})
    c = consolidate([Submission(" ক ", new, dt.datetime(2021, 10, 20)), Submission("ক", old, dt.datetime(2021, 10, 2)),
                     Submission("ঘ", stranger, dt.datetime(2021, 10, 3))], ["ক"], "Q1", DEADLINE)
    assert [(r.office, r.listed) for r in c.rows] == [("ক", True), ("ঘ", False)]
    assert c.rows[0].status == LATE and c.rows[0].total == 5


def test_a_document_without_the_periods_report_is_missing():
    doc = office_doc("ক", {"1.2.1": 1})
    c = consolidate([Submission("ক", doc, dt.date(2021, 10, 1))], ["ক"], "Q2", dt.date(2022, 1, 15))
    assert c.rows[0].status == MISSING and c.rows[0].submission is not None


def test_evidence_missing_is_an_achievement_without_named_or_attached_evidence():
    raw = raw_cc()
    raw["reports"][0]["entries"] = [
        {"indicator": "1.2.1", "value": 2},
        {"indicator": "2.1.1", "value": 1, "evidence": "হাজিরা"},
        {"indicator": "2.2.1", "value": 0},
    ]
    doc = exchange.from_dict(raw)
    c = consolidate([Submission("ক", doc, dt.date(2021, 10, 1))], ["ক"], "Q1", DEADLINE)
    cells = c.rows[0].cells
    by_code = {col.code: cells[i] for i, col in enumerate(c.columns)}
    assert by_code["1.2.1"].evidence_missing
    assert not by_code["2.1.1"].evidence_missing
    assert not by_code["2.2.1"].evidence_missing  # nothing achieved, nothing to prove


def test_status_by_the_deadline_day():
    assert status_of(dt.datetime(2021, 10, 15, 23, 59), DEADLINE) == ON_TIME
    assert status_of(dt.date(2021, 10, 16), DEADLINE) == LATE
    assert status_of(None, DEADLINE) == MISSING
    assert status_of(dt.date(2030, 1, 1), None) == ON_TIME


def test_status_is_judged_by_when_the_report_was_sent_not_when_it_was_collected():
    """A report e-mailed by the deadline but collected after it was on time (issue 11, colleague's defect 1): its
    forwarding memo's date, else its sign-off time, never later than when it was collected."""
    utc = dt.timezone.utc
    collected = dt.datetime(2021, 10, 20, 5, 0, tzinfo=utc)
    memo = office_doc("ক", {"1.2.1": 4})
    memo.reports[0].memo = Memo(number="১", date=dt.date(2021, 10, 14))
    signed = office_doc("খ", {"1.2.1": 4})
    signed.reports[0].signoff = Signoff("ক", "খ", dt.datetime(2021, 10, 15, 4, 0, tzinfo=utc), "0" * 64)
    plain = office_doc("গ", {"1.2.1": 4})
    c = consolidate([Submission("ক", memo, collected), Submission("খ", signed, collected),
                     Submission("গ", plain, collected)], ["ক", "খ", "গ"], "Q1", DEADLINE)
    assert [(r.status, r.sent, r.received) for r in c.rows] == [
        (ON_TIME, dt.date(2021, 10, 14), collected),
        (ON_TIME, dt.datetime(2021, 10, 15, 4, 0, tzinfo=utc), collected),
        (LATE, collected, collected)]  # nothing carried: when it came
    # The memo's date wins over the sign-off time; a date after the report came is not believed.
    memo.reports[0].signoff = signed.reports[0].signoff
    assert sent_of(memo.reports[0], collected) == dt.date(2021, 10, 14)
    memo.reports[0].memo.date = dt.date(2021, 10, 21)
    assert sent_of(memo.reports[0], collected) == collected
    signed.reports[0].signoff.signed_at = dt.datetime(2021, 10, 20, 6, 0, tzinfo=utc)
    assert sent_of(signed.reports[0], collected) == collected
    assert sent_of(plain.reports[0], None) is None


class _Collected:
    """A store's collected report (store/collected.CollectedReport) as from_store reads it."""

    def __init__(self, office: str, doc, received):
        from egov_desktop.core.collecting import content_sha256

        self.office, self.received_at, self.key, self.signed, self.verified = office, received, office, False, False
        self.document_json = exchange.dumps(doc)
        self.content_sha256 = content_sha256(doc)

    def document(self):
        return exchange.loads(self.document_json)


class _Store:
    """The duck-typed store from_store reads: its office, subordinate offices, collected reports, deadlines."""

    def __init__(self, collected):
        self.collected = collected

    def current_office(self):
        return 1

    def subordinates(self, office):
        return [type("Sub", (), {"name": c.office}) for c in self.collected]

    def collected_documents(self, kind, fiscal_year, period):
        return list(self.collected)

    def deadlines(self, fiscal_year):
        return {"Q1": DEADLINE}


def test_from_store_reads_and_scores_a_collected_report_once_per_content(monkeypatch):
    from egov_desktop.core import consolidate as module

    module.RECENT.clear()
    collected = [_Collected(name, office_doc(name, {"1.2.1": n}), dt.date(2021, 10, 1))
                 for n, name in enumerate(("ক", "খ", "গ"), start=1)]
    store = _Store(collected)
    first = module.from_store(store, "citizen_charter", "2021-22", "Q1")
    reads, scorings = [], []
    monkeypatch.setattr(exchange, "loads", lambda text, *a, **k: reads.append(text) or exchange.from_dict(
        json.loads(text)))
    monkeypatch.setattr(module, "score_report", lambda *a: scorings.append(a) or score_report(*a))
    again = module.from_store(store, "citizen_charter", "2021-22", "Q1")
    assert reads == [] and scorings == []
    assert [(r.office, r.total, r.out_of, r.cells) for r in again.rows] == [
        (r.office, r.total, r.out_of, r.cells) for r in first.rows]
    # খ's report replaced by another (another content, another digest): that one is read and scored again.
    store.collected[1] = _Collected("খ", office_doc("খ", {"1.2.1": 4}), dt.date(2021, 10, 2))
    third = module.from_store(store, "citizen_charter", "2021-22", "Q1")
    assert len(reads) == 1 and len(scorings) == 1
    assert third.rows[1].total == pytest.approx(5) and third.rows[0].total == first.rows[0].total
