"""Structural edits run a fixed number of SQL statements, whatever the size of the plan (13.5).

The same edits on the MoDMR plan and on that plan four times over must send the same number of
statements (counted with SQLAlchemy's before_cursor_execute; an executemany counts once), and so must
their undo and redo. Times are in bench/bench_structure.py; counts are exact, so they can be asserted.
"""
import copy

from sqlalchemy import event

from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR


def _plan(copies: int):
    """The MoDMR plan with its areas repeated `copies` times (codes continued), its reports kept."""
    doc = exchange.load(MODMR)
    areas = []
    for _ in range(copies):
        for area in copy.deepcopy(doc.plan.areas):
            area.code = str(len(areas) + 1)
            for j, act in enumerate(area.activities, 1):
                act.code = f"{area.code}.{j}"
                for k, ind in enumerate(act.indicators, 1):
                    ind.code = f"{act.code}.{k}"
            areas.append(area)
    doc.plan.areas = areas
    return doc


EDITS = {
    "add indicator": lambda s, p: s.add_indicator(p.areas[0].activities[0].key, 0, "নতুন সূচক"),
    "add activity": lambda s, p: s.add_activity(p.areas[0].key, 0, "নতুন কার্যক্রম"),
    "add area": lambda s, p: s.add_area(p.key, 0, "নতুন ক্ষেত্র", 1),
    "remove indicator": lambda s, p: s.remove_indicator(p.areas[0].activities[0].indicators[0].key),
    "remove activity": lambda s, p: s.remove_activity(p.areas[0].activities[0].key),
    "remove area": lambda s, p: s.remove_area(p.areas[0].key),
    "move indicator": lambda s, p: s.move_indicator(p.areas[0].activities[0].indicators[0].key, 0,
                                                    p.areas[-1].activities[-1].key),
    "move activity": lambda s, p: s.move_activity(p.areas[0].activities[0].key, 0, p.areas[-1].key),
    "move area": lambda s, p: s.move_area(p.areas[0].key, len(p.areas)),
    "add level": lambda s, p: s.add_level(p.key, 0, "x", "নতুন মান", 95),
    "remove level": lambda s, p: s.remove_level(p.key, 0),
}


def _counts(db_path, copies: int) -> dict[str, tuple[int, int, int]]:
    store = Store.open(db_path)
    try:
        key = store.import_document(_plan(copies)).key
        sent = []
        event.listen(store._engine, "before_cursor_execute", lambda *args: sent.append(1))
        out = {}
        for name, edit in EDITS.items():
            plan = store.get_document(key).plan
            sent.clear()
            change = edit(store, plan)
            done = len(sent)
            sent.clear()
            redo = change.undo()
            undone = len(sent)
            sent.clear()
            redo.undo().undo()  # redo, and back, so the next edit starts from the same plan
            out[name] = (done, undone, len(sent))
        return out
    finally:
        store.close()


def test_structural_edits_send_as_many_statements_on_a_big_plan_as_on_a_small_one(tmp_path):
    small = _counts(tmp_path / "small.sqlite", 1)
    big = _counts(tmp_path / "big.sqlite", 4)
    assert big == small
    # And few: the edit itself, its undo, then redo + undo again.
    assert max(n for counts in small.values() for n in counts) < 60, small
