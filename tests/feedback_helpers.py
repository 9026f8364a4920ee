"""Shared by the feedback tests (issue 11.6): an upper office (FID, with its own NIS plan of 2021-22 and a memo
series) whose subordinate offices sent their NIS Q1 reports as Word files made by our own exporter, collected as
`egov-desktop collect` collects them."""
from __future__ import annotations

import copy
import json

from sqlalchemy import update

from egov_desktop.collector import COLLECTED, collect_file
from egov_desktop.core import exchange
from egov_desktop.export import docx_report
from egov_desktop.store.tables import TABLES
from tests.conftest import FIXTURES

NIS = FIXTURES / "nis-fid-2021-22.plan.json"
YEAR = "2021-22"
# Barishal and Tangail send reports; Sakhipur does not.
SUBS = ["জেলা প্রশাসকের কার্যালয়, বরিশাল", "জেলা প্রশাসকের কার্যালয়, টাঙ্গাইল", "উপজেলা নির্বাহী অফিসারের কার্যালয়, সখীপুর"]
RECEIVED = "2021-10-20T05:00:00+00:00"
PREFIX = "০৭.০০.০০০০.১১২.১৬.০০৪.২১"
SERIES = [{"file": "শুদ্ধাচার", "prefix": PREFIX, "last_serial": 41}]


def nis() -> dict:
    return json.loads(NIS.read_text(encoding="utf-8"))


def subordinate_report(name: str, entries: dict[str, dict]) -> dict:
    """The NIS plan under a subordinate office's name, its Q1 entries changed by `entries` (code -> fields;
    a field set to None is dropped)."""
    raw = copy.deepcopy(nis())
    raw["office"].update(name=name, tier="field")
    for e in raw["reports"][0]["entries"]:
        for k, v in entries.get(e["indicator"], {}).items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
    return raw


# Barishal: 1.4.1 met (2 of 2), every achievement with its evidence. Tangail: 1.4.1 met too, but the minutes of
# its 1.1.1 meeting not sent (evidence missing).
REPORTS = {
    SUBS[0]: {"1.4.1": {"value": 2, "period_value": 2}},
    SUBS[1]: {"1.4.1": {"value": 2, "period_value": 2}, "1.1.1": {"evidence": None}},
}


def upper_office(store, folder, send: bool = True) -> tuple[int, int, list[int]]:
    """The upper office in an open store: its NIS plan, profile (a memo series, a signatory, its unit), its three
    subordinate offices, and (with `send`) the Q1 reports of the first two collected from .docx files written in
    `folder`. Returns (office key, NIS plan key, subordinate keys)."""
    plan = store.import_document(exchange.from_dict(nis())).key
    office = store.current_office()
    store.set_office_field(office, "memo_prefixes", SERIES)
    store.set_office_field(office, "signatories", [{"name": "মুনিরা সুলতানা", "designation": "উপসচিব",
                                                    "phone": "০২-৯৫৪০১২৩", "email": "ethics@fid.gov.bd"}])
    store.set_office_field(office, "unit", "শুদ্ধাচার অধিশাখা")
    subs = [store.add_subordinate(office, name, "field").key for name in SUBS]
    if send:
        for i, (name, entries) in enumerate(REPORTS.items()):
            path = folder / f"sub{i}.docx"
            docx_report.export_docx(exchange.from_dict(subordinate_report(name, entries)), "Q1", path,
                                    parts=("report",))
            outcomes, _ = collect_file(store, office, path)
            assert [o.status for o in outcomes] == [COLLECTED], outcomes
        # Received on 20 Oct 2021, after the 15 Oct deadline and before the memos the tests date (25 Oct on):
        # collecting stamps today, which a memo of 2021 would precede, and such a memo is refused.
        with store._engine.begin() as conn:
            conn.execute(update(TABLES["collected"]).values(received_at=RECEIVED))
    return office, plan, subs
