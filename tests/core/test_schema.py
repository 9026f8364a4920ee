"""resources/exchange.schema.json describes what exchange.py reads and writes."""
import copy
import json

import pytest
from jsonschema import Draft202012Validator

from egov_desktop.core import exchange
from egov_desktop.paths import resource_path
from tests.conftest import MODMR, PIB


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resource_path("exchange.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def pib_obj():
    return json.loads(PIB.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [MODMR, PIB], ids=["modmr", "pib"])
def test_reference_files_and_their_exports_are_valid(validator, path):
    validator.validate(json.loads(path.read_text(encoding="utf-8")))
    validator.validate(exchange.to_dict(exchange.load(path)))


@pytest.mark.parametrize("path", sorted(resource_path("templates").glob("*.json")) + sorted(resource_path("demo").glob("*.json")),
                         ids=lambda p: p.name)
def test_bundled_templates_and_demo_plans_are_valid(validator, path):
    # A template's office has no name yet: the program fills it from the office profile.
    validator.validate(json.loads(path.read_text(encoding="utf-8")))
    exchange.load(path)


def test_extension_keys_are_allowed_everywhere(validator, pib_obj):
    doc = copy.deepcopy(pib_obj)
    doc["x-top"] = 1
    doc["office"]["x-office"] = {"any": "thing"}
    doc["plan"]["areas"][0]["activities"][0]["indicators"][0]["x-note"] = "ok"
    doc["reports"][0]["entries"][0]["x-checked"] = True
    validator.validate(doc)
    exchange.from_dict(doc)  # the reader agrees


def _break(obj, change):
    doc = copy.deepcopy(obj)
    change(doc)
    return doc


def _ind(doc):
    return doc["plan"]["areas"][0]["activities"][0]["indicators"][0]  # 1.1.1, a date indicator


BROKEN = {
    "unknown key": lambda d: d["plan"].update(colour="blue"),
    "unknown key in an entry": lambda d: d["reports"][0]["entries"][0].update(score=3),
    "newer version": lambda d: d.update(version=3),
    "wrong format": lambda d: d.update(format="something"),
    "missing office name": lambda d: d["office"].pop("name"),
    "bad unit": lambda d: _ind(d).update(unit="days"),
    "number target on a date indicator": lambda d: _ind(d)["targets"].__setitem__(0, 16),
    "impossible date": lambda d: _ind(d)["targets"].__setitem__(0, "2024-02-31"),
    "date target on a count indicator": lambda d: d["plan"]["areas"][1]["activities"][0]["indicators"][0][
        "targets"
    ].__setitem__(0, "2024-01-01"),
    "bad period": lambda d: d["reports"][0].update(period="Q5"),
    "signed off without sign-off": lambda d: d["reports"][0].update(status="signed_off"),
    "six levels": lambda d: d["plan"]["levels"].append({"id": "x", "label": "x", "percent": 50}),
    "bad fiscal year": lambda d: d["plan"].update(fiscal_year="2023/24"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_fail_in_the_schema_and_the_reader(validator, pib_obj, name):
    doc = _break(pib_obj, BROKEN[name])
    assert list(validator.iter_errors(doc)), name
    with pytest.raises(exchange.ExchangeError):
        exchange.from_dict(doc)
