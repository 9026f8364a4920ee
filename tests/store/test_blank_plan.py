"""A blank plan: the least structure to type into, the kind's levels, and a history that starts with it."""
import pytest

from egov_desktop.store.errors import InvalidValue


def test_a_blank_egov_plan_has_one_row_of_each_and_five_levels(store):
    key = store.create_blank("egov_innovation", "2025-26").key
    doc = store.get_document(key)
    plan = doc.plan
    assert (plan.kind, plan.fiscal_year, plan.title) == ("egov_innovation", "2025-26", "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা")
    assert [lvl.percent for lvl in plan.levels] == [100, 90, 80, 70, 60]
    [area] = plan.areas
    [activity] = area.activities
    [indicator] = activity.indicators
    assert (area.title, activity.title, indicator.title) == ("নতুন কর্মসম্পাদন ক্ষেত্র", "নতুন কার্যক্রম", "নতুন সূচক")
    assert indicator.code == "1.1.1" and indicator.targets == [None] * 5 and indicator.unit == "count"
    assert doc.reports == [] and doc.office.name == ""
    # The plan's history starts with its making.
    [made] = store.audit(key)
    assert made.operation == "blank" and made.new == {"fiscal_year": "2025-26", "kind": "egov_innovation"}


def test_a_blank_grs_plan_has_one_target_scored_proportionally(store):
    plan = store.get_document(store.create_blank("grs", "2025-26").key).plan
    assert [(lvl.label, lvl.percent) for lvl in plan.levels] == [("অসাধারণ", 100)]
    assert plan.total_weight == 25 and plan.indicators()[0].scoring == "proportional"


def test_a_blank_plan_is_undone_whole_and_refuses_a_bad_year_or_kind(store):
    change = store.create_blank("rti", "2025-26")
    change.undo()
    assert store.list_plans() == []
    with pytest.raises(InvalidValue):
        store.create_blank("rti", "2025")
    with pytest.raises(InvalidValue):
        store.create_blank("apa", "2025-26")
    assert store.list_plans() == []


def test_a_template_plan_and_an_import_begin_the_history(store):
    key = store.create_from_template("egov_innovation-2023-24-department").key
    [made] = store.audit(key)
    assert made.operation == "from_template" and made.new["source"] == "egov_innovation-2023-24-department"
