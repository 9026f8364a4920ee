"""A plan from a bundled template belongs to this database's office, never to the office the template came from."""
import datetime as dt
import json

import pytest

from egov_desktop.core import rules
from egov_desktop.core.model import Signatory
from egov_desktop.paths import resource_path
from egov_desktop.store.service import SignOffRefused

DEPT = "egov_innovation-2023-24-department"
SIGNER = Signatory(name="রহিম", designation="পরিচালক")


@pytest.mark.parametrize("path", sorted(resource_path("templates").glob("*.json")), ids=lambda p: p.stem)
def test_templates_carry_no_real_office(path):
    office = json.loads(path.read_text(encoding="utf-8"))["office"]
    assert office["name"] == "" and office["tier"] in ("ministry", "department", "field")
    assert not {"parent", "unit", "address", "website", "email", "phone"} & office.keys()


def test_on_a_fresh_database_the_plan_gets_a_nameless_office_that_cannot_sign(store):
    plan = store.create_from_template(DEPT).key
    office = store.get_document(plan).office
    assert (office.name, office.tier, office.address, office.website) == ("", "department", None, None)
    assert [f.rule for f in rules.check_document(store.get_document(plan)) if str(f.where) == "office.name"] == [
        "office_name_missing"]

    for field, value in (("number", "৫১.০০.০০০০.১"), ("date", dt.date(2023, 10, 5)), ("subject", "অগ্রগতি"),
                         ("signatory.name", "রহিম"), ("signatory.designation", "পরিচালক")):
        store.set_memo_field(plan, "Q1", field, value)
    with pytest.raises(SignOffRefused) as info:
        store.sign_off(plan, "Q1", SIGNER)
    [blank] = [f for f in info.value.findings if f.rule == "office_name_missing"]
    assert "দপ্তরের নাম" in blank.message("bn")

    store.set_office_field(store.office_of(plan), "name", "জাতীয় আর্কাইভস")
    assert store.sign_off(plan, "Q1", SIGNER).revision == 1
    # The next template plan reuses the office now named, not a second blank one.
    assert store.office_of(store.create_from_template(DEPT, fiscal_year="2024-25").key) == store.office_of(plan)


def test_with_several_offices_the_most_recently_edited_plan_decides(loaded):
    store, modmr, pib = loaded
    store.set_plan_field(modmr, "title", "ই-গভর্ন্যান্স কর্মপরিকল্পনা")
    assert store.office_of(store.create_from_template(DEPT, fiscal_year="2025-26").key) == store.office_of(modmr)
    store.set_plan_field(pib, "title", "ই-গভর্ন্যান্স কর্মপরিকল্পনা")
    assert store.office_of(store.create_from_template(DEPT, fiscal_year="2026-27").key) == store.office_of(pib)
    explicit = store.create_from_template(DEPT, office_key=store.office_of(modmr), fiscal_year="2027-28").key
    assert store.office_of(explicit) == store.office_of(modmr)
