"""The session: one undo stack with a limit, and a summary of what every change touched."""
from __future__ import annotations

from egov_desktop.gui.session import UNDO_LIMIT, Session, summary_of


def test_the_undo_stack_keeps_the_last_500_steps_and_the_older_ones_stay_done(qapp, store, pib_key):
    session = Session(store)
    seen = []
    session.changed.connect(seen.append)
    for n in range(UNDO_LIMIT + 2):
        session.push(store.set_plan_field(pib_key, "title", f"পরিকল্পনা {n}"))
    assert UNDO_LIMIT == 500 and session.undo_stack.count() == UNDO_LIMIT and len(seen) == UNDO_LIMIT + 2
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    # The two oldest steps left the stack: what they did stays.
    assert store.get_document(pib_key).plan.title == "পরিকল্পনা 1"
    assert len(seen) == 2 * UNDO_LIMIT + 2 and all(s.plan and not s.progress for s in seen)


def test_a_summary_says_what_kind_of_data_a_change_touched(qapp, store, pib_key):
    doc = store.get_document(pib_key)
    ind = doc.plan.indicator("2.1.1")
    entry = summary_of(store.set_entry_field(pib_key, "Q1", ind.key, "remarks", "ঠিক আছে"), origin="grid")
    assert (entry.plan, entry.progress, entry.office, entry.settings, entry.origin) == (False, True, False, False, "grid")
    target = summary_of(store.set_target(ind.key, 0, 5))
    assert (target.plan, target.progress, target.origin) == (True, False, None)
    office = summary_of(store.set_office_field(store.office_of(pib_key), "phone", "০২-৯৩৩০০৮১"))
    assert office.office and not (office.plan or office.progress)
