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
    assert entry.plans == {pib_key} and entry.concerns(pib_key) and not entry.concerns(pib_key + 1)
    target = summary_of(store.set_target(ind.key, 0, 5))
    assert (target.plan, target.progress, target.origin) == (True, False, None)
    office = summary_of(store.set_office_field(store.office_of(pib_key), "phone", "০২-৯৩৩০০৮১"))
    assert office.office and not (office.plan or office.progress)


def test_a_grid_reads_its_plan_again_only_for_a_change_to_that_plan(qtbot, store, pib_key, modmr_key, session):
    from egov_desktop.gui.models import ProgressModel

    model = ProgressModel(session, pib_key, "Q1")
    reloads = []
    model.changed.connect(lambda: reloads.append(1))
    other = store.get_document(modmr_key).plan.indicators()[0]
    session.push(store.set_indicator_field(other.key, "evidence", "অন্য দপ্তরের প্রমাণক"))
    assert not reloads  # another plan's change: nothing to read again
    mine = store.get_document(pib_key).plan.indicator("2.1.1")
    session.push(store.set_entry_field(pib_key, "Q1", mine.key, "remarks", "ঠিক আছে"))
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "2.1.1")
    assert reloads and model.index(row, model.column_of("remarks")).data() == "ঠিক আছে"


def test_a_subordinate_office_or_a_collected_report_is_said_in_the_summary_from_here_and_from_a_server(qapp, store,
                                                                                                        pib_key):
    """The consolidation window follows these; a collect changed neither plan, progress, office nor settings."""
    from egov_desktop.gui.session import summary_of_notices
    from egov_desktop.store.live import Notice
    from egov_desktop.store.work import ChangeSummary

    added = summary_of(store.add_subordinate(store.office_of(pib_key), "জেলা তথ্য অফিস, বরিশাল", "field"))
    assert added.collected and not (added.plan or added.progress or added.settings)
    assert not summary_of(store.set_target(store.get_document(pib_key).plan.indicator("2.1.1").key, 0, 5)).collected
    notices = [Notice("another", ChangeSummary(), frozenset({"collected", "collected_evidence"}))]
    assert summary_of_notices(notices).collected
