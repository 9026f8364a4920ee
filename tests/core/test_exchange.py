import copy
import json

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.exchange import ExchangeError
from tests.conftest import MODMR, PIB


@pytest.mark.parametrize("path", [MODMR, PIB])
def test_round_trip_is_lossless(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert exchange.to_dict(exchange.loads(path.read_bytes())) == raw


def test_extension_keys_are_kept_and_unknown_keys_refused():
    raw = json.loads(PIB.read_text(encoding="utf-8"))
    raw["plan"]["areas"][0]["activities"][0]["indicators"][0]["x-source"] = {"page": 3}
    assert exchange.to_dict(exchange.from_dict(copy.deepcopy(raw))) == raw
    raw["plan"]["areas"][0]["activities"][0]["indicators"][0]["colour"] = "red"
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(raw)
    assert info.value.where == "plan.areas[0].activities[0].indicators[0].colour"
    assert info.value.render("bn").endswith("অজানা কী (key)")


def test_newer_version_is_refused_with_a_clear_message():
    raw = json.loads(PIB.read_text(encoding="utf-8"))
    raw["version"] = 3  # 2 is format 1.1, which this program reads
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(raw)
    assert "সংস্করণ ৩" in info.value.render("bn")
    assert "version 3" in info.value.render("en")


def test_truncated_file_is_named_as_such():
    text = PIB.read_text(encoding="utf-8")
    for cut in (len(text) // 3, len(text) // 2, len(text) - 3):
        with pytest.raises(ExchangeError) as info:
            exchange.loads(text[:cut])
        assert "অসম্পূর্ণ" in info.value.render("bn")


def test_wrong_type_names_the_indicator():
    raw = json.loads(MODMR.read_text(encoding="utf-8"))
    raw["plan"]["areas"][1]["activities"][0]["indicators"][0]["weight"] = "five"
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(raw)
    assert info.value.where == "plan.areas[1].activities[0].indicators[0].weight"


@pytest.mark.parametrize("number", [10**400, 2**70, 1e300, 10**15])
def test_numbers_too_large_to_keep_are_refused_not_crashed_on(number):
    # 10**400 is an int no float can hold (math.isfinite raised OverflowError); 2**70 does not fit SQLite.
    raw = json.loads(PIB.read_text(encoding="utf-8"))
    raw["plan"]["total_weight"] = number
    with pytest.raises(ExchangeError) as info:
        exchange.loads(json.dumps(raw))
    assert info.value.where == "plan.total_weight" and info.value.render("en").endswith("the number is too large")
    raw["plan"]["total_weight"] = 100
    raw["reports"][0]["revision"] = number if isinstance(number, int) else 2**63
    with pytest.raises(ExchangeError) as info:
        exchange.loads(json.dumps(raw))
    assert info.value.where == "reports[0].revision"


def test_an_integer_of_thousands_of_digits_is_refused_not_crashed_on():
    text = PIB.read_text(encoding="utf-8").replace('"total_weight": 50', '"total_weight": ' + "9" * 5000, 1)
    assert "9" * 5000 in text
    with pytest.raises(ExchangeError) as info:  # it raised ValueError (Python's int conversion limit)
        exchange.loads(text)
    assert info.value.render("en") == "the number is too large"


@pytest.mark.parametrize("extension", ['"x-a": ["\\ud800"]', '"x-\\ud800": 1'])
def test_an_extension_with_a_lone_surrogate_is_refused(extension):
    # Kept as it is, it could be neither stored (SQLite wants UTF-8) nor written back.
    text = PIB.read_text(encoding="utf-8").replace('"total_weight"', extension + ', "total_weight"', 1)
    with pytest.raises(ExchangeError) as info:
        exchange.loads(text)
    assert info.value.where.startswith("plan.x-") and info.value.render("en").endswith("not UTF-8 text")


def test_a_draft_report_with_a_sign_off_record_is_refused():
    # Imported, it made the next sign-off crash on the revision already recorded.
    raw = json.loads(MODMR.read_text(encoding="utf-8"))
    assert raw["reports"][0]["status"] == "draft"
    raw["reports"][0]["signoff"] = {"name": "ক", "designation": "খ", "signed_at": "2022-01-10T10:00:00+06:00",
                                    "digest": "a" * 64}
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(raw)
    assert info.value.where == "reports[0].signoff"
    assert info.value.render("bn").endswith("খসড়া প্রতিবেদনে স্বাক্ষরের তথ্য থাকে না")


def test_bad_target_date_and_wrong_target_count():
    raw = json.loads(PIB.read_text(encoding="utf-8"))
    ind = raw["plan"]["areas"][0]["activities"][0]["indicators"][0]
    ind["targets"][1] = "2024-02-31"
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(copy.deepcopy(raw))
    assert info.value.where == "plan.areas[0].activities[0].indicators[0].targets[1]"
    ind["targets"] = ind["targets"][:4]
    with pytest.raises(ExchangeError) as info:
        exchange.from_dict(raw)
    assert "1.1.1" in info.value.render("en")


def test_write_is_atomic_and_reloads(tmp_path):
    doc = exchange.load(PIB)
    out = tmp_path / "plan.json"
    exchange.dump(doc, out)
    assert exchange.load(out) == doc
    assert not (tmp_path / "plan.json.tmp").exists()


def test_a_file_that_cannot_be_read_says_why_in_bangla(tmp_path):
    with pytest.raises(ExchangeError) as info:
        exchange.load(tmp_path / "nope.json")
    assert info.value.render("bn").endswith("ফাইলটি নেই")
    with pytest.raises(ExchangeError) as info:
        exchange.load(tmp_path)
    assert info.value.render("en") == "cannot read the file: it is a folder, not a file"
