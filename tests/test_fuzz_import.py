"""Hostile exchange files: whatever comes in, the reader returns a document or raises ExchangeError
(never anything else), and the store imports a document completely or not at all."""
import copy
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from egov_desktop.core import exchange
from egov_desktop.core.exchange import ExchangeError
from egov_desktop.core.model import PlanDocument
from egov_desktop.store.service import Store, StoreError
from tests.conftest import MODMR, PIB
from tests.documents import duplicate_code, set_dates

REFERENCE = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (MODMR, PIB)}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=40,
)
# Values a careless (or hostile) tool puts where a field should be.
nasty_values = st.one_of(
    json_values,
    st.sampled_from(["", " ", "\x00", "\u202e", "\ud7ff", "1.1.1", "2023-24", "2024-02-30", "NaN", "-1", "১০০",
                     "Avgvi", "a" * 5000, "\x07\x1b[31m", "Q1", "signed_off", "date", "count", "percent"]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([1e308, -1e308, 5e-324, -0.0, 100.0000001, 101, -5]),
)


def _read(text):
    """The reader's contract: a PlanDocument or an ExchangeError that renders in both languages."""
    try:
        doc = exchange.loads(text)
    except ExchangeError as exc:
        assert exc.render("bn") and exc.render("en")
        return None
    assert isinstance(doc, PlanDocument)
    return doc


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_random_json(value):
    _read(json.dumps(value))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data):
    _read(data)


def _paths(obj, path=()):
    yield path
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, path + (i,))


def _mutate(doc: dict, rnd: random.Random, value, times: int) -> dict:
    """Random edits at random places: replace, delete, duplicate, insert control characters."""
    doc = copy.deepcopy(doc)
    for _ in range(times):
        paths = [p for p in _paths(doc) if p]
        path = rnd.choice(paths)
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        action = rnd.randrange(5)
        if action == 0:
            parent[key] = copy.deepcopy(value)  # not the object itself: a later edit inside it made it circular
        elif action == 1:
            del parent[key]
        elif action == 2 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))  # duplicated area/indicator/entry: duplicated codes
        elif action == 3 and isinstance(parent[key], str):
            s = parent[key]
            i = rnd.randrange(len(s) + 1)
            parent[key] = s[:i] + rnd.choice(["\x00", "\x0b", "\r\n", "\u200d", "\x85", "\ufeff"]) + s[i:]
        else:
            parent[key] = copy.deepcopy(value) if not isinstance(parent[key], (dict, list)) else parent[key]
    return doc


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("fuzz") / "egov.sqlite")
    yield store
    store.close()


def _counts(store) -> dict:
    con = sqlite3.connect(store.path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def _import_all_or_nothing(store, doc: PlanDocument) -> None:
    before = _counts(store)
    try:
        change = store.import_document(doc)
    except StoreError as exc:
        assert exc.render("bn") and exc.render("en")
        assert _counts(store) == before  # refused: not one row written
        return
    # Imported: all of it, the exported document reads back equal to what went in (text cleaned).
    back = store.get_document(change.key)
    assert len(back.plan.indicators()) == len(doc.plan.indicators())
    assert [r.period for r in back.reports] == [r.period for r in doc.reports]
    assert sum(len(r.entries) for r in back.reports) == sum(len(r.entries) for r in doc.reports)
    assert exchange.loads(exchange.dumps(back)) == back
    store.delete_plan(change.key)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(REFERENCE)), seed=st.integers(0, 2**32), value=nasty_values,
       times=st.integers(1, 4))
def test_mutated_reference_files_read_and_import_all_or_nothing(fuzz_store, name, seed, value, times):
    mutated = _mutate(REFERENCE[name], random.Random(seed), value, times)
    doc = _read(json.dumps(mutated, ensure_ascii=False))
    if doc is not None:
        _import_all_or_nothing(fuzz_store, doc)


# Values at the edges of what the reader accepts: the first and last years and dates, the longest title, zero,
# the largest number, empty lists.
edge_values = st.sampled_from(["1900-01", "2200-01", "1900-01-01", "2201-12-31", "2200-06-30", 0, 0.0, 1e-9,
                               10**15 - 1, "ক" * 500, "ক্ষ" * 200, "", [], [None, None, None], None, True,
                               "signed_off", "not_applicable", "annual", "H1", "Q4"])


def _every_command(doc: PlanDocument, text: str, folder, capsys) -> None:
    """What the reader accepts, every command that takes a document takes: the rules (check), the score,
    the Word export of each report, with their exit codes; never a traceback (in-process, any exception
    fails the test). The JSON export is _import_all_or_nothing's."""
    from egov_desktop import cli

    src = folder / "doc.plan.json"
    src.write_text(text, encoding="utf-8")
    code = cli.main(["check", str(src), "--json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    code = cli.main(["score", str(src), "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert (code, "error" in answer) == ((0, False) if doc.reports else (2, True))
    for report in doc.reports:
        out = folder / f"{report.period}.docx"
        code = cli.main(["export-docx", str(src), "--period", report.period, "--out", str(out)])
        captured = capsys.readouterr()
        # 1: refused, with the reason (e.g. a memo-only export without a memo)
        assert code in (0, 1) and (code == 0) == out.is_file(), captured.err
        out.unlink(missing_ok=True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(REFERENCE)), seed=st.integers(0, 2**32),
       value=st.one_of(edge_values, nasty_values), times=st.integers(1, 3))
def test_whatever_the_reader_accepts_every_command_takes(fuzz_store, tmp_path, capsys, name, seed, value, times):
    """Issue 14.1: "0000-01" was read, then check, score, export-docx and the window failed on year 0."""
    text = json.dumps(_mutate(REFERENCE[name], random.Random(seed), value, times), ensure_ascii=False)
    doc = _read(text)
    if doc is not None:
        _every_command(doc, text, tmp_path, capsys)
        _import_all_or_nothing(fuzz_store, doc)


@pytest.mark.parametrize("name", sorted(REFERENCE))
@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["plan"].__setitem__("fiscal_year", "0000-01"),  # read before: "year 0 is out of range"
        lambda d: d["plan"].__setitem__("fiscal_year", "9999-00"),
        lambda d: d["plan"].__setitem__("fiscal_year", "1900-01"),
        lambda d: d["plan"].__setitem__("fiscal_year", "2200-01"),
        lambda d: set_dates(d, "0001-01-01"),
        lambda d: set_dates(d, "9999-12-31"),
        lambda d: set_dates(d, "1900-01-01"),
        lambda d: set_dates(d, "2201-12-31"),
        lambda d: d["reports"][0]["memo"].__setitem__("date", "0001-01-01") if d["reports"][0].get("memo") else None,
        lambda d: d["plan"].__setitem__("title", "ক" * 500),
        lambda d: d["office"].__setitem__("name", "অ" * 200),
        lambda d: duplicate_code(d, unit="percent", targets=[100, 90, 80, 70, 60][:len(d["plan"]["levels"])]),
    ],
)
def test_every_command_takes_the_edges_of_what_is_read(fuzz_store, tmp_path, capsys, name, edit):
    d = copy.deepcopy(REFERENCE[name])
    edit(d)
    text = json.dumps(d, ensure_ascii=False)
    doc = _read(text)
    if doc is not None:
        _every_command(doc, text, tmp_path, capsys)
        _import_all_or_nothing(fuzz_store, doc)


@pytest.mark.parametrize("depth", [32, 33, 500, 900, 5_000, 200_000])
def test_deep_nesting(fuzz_store, depth):
    doc = copy.deepcopy(REFERENCE["pib-2023-24.plan.json"])
    nested = "[" * depth + "]" * depth
    text = json.dumps(doc, ensure_ascii=False)[:-1] + f', "x-nested": {nested}}}'
    got = _read(text)
    assert (got is None) == (depth > 32)  # extensions deeper than 32 levels are refused by name
    if got is not None:
        _import_all_or_nothing(fuzz_store, got)
    _read("[" * depth)
    _read('{"a":' * depth)


@pytest.mark.parametrize(
    "mutation",
    [
        lambda d: d["plan"]["areas"][0]["activities"][0]["indicators"].append(
            copy.deepcopy(d["plan"]["areas"][0]["activities"][0]["indicators"][0])),  # duplicated code
        lambda d: d["plan"]["areas"].append(copy.deepcopy(d["plan"]["areas"][0]) | {"activities": []}),
        lambda d: d["plan"]["areas"][1]["activities"].append(copy.deepcopy(d["plan"]["areas"][0]["activities"][0])),
        lambda d: d["reports"][0]["entries"].append(copy.deepcopy(d["reports"][0]["entries"][0])),
        lambda d: d["reports"].append(copy.deepcopy(d["reports"][0])),
        lambda d: d["plan"].__setitem__("title", "শিরোনাম\x00\x1b[2J" + "ক" * 300_000),
        lambda d: d["plan"].__setitem__("levels", []),
        lambda d: d["plan"]["levels"][0].__setitem__("percent", "100"),
        lambda d: d.__setitem__("version", 2),
        lambda d: d["office"].__setitem__("tier", ["ministry"]),
    ],
)
def test_known_hostile_shapes(fuzz_store, mutation):
    d = copy.deepcopy(REFERENCE["modmr-2021-22.plan.json"])
    mutation(d)
    doc = _read(json.dumps(d, ensure_ascii=False))
    if doc is not None:
        _import_all_or_nothing(fuzz_store, doc)


def test_a_50_mb_file(fuzz_store, tmp_path):
    """A file of 40 MB (one huge text) is refused cleanly, naming the field; one over 50 MB for its size,
    unread; a big valid file (5,000 indicators with long evidence) is read whole."""
    d = copy.deepcopy(REFERENCE["pib-2023-24.plan.json"])
    d["notes"] = "ন" * (40 * 1024 * 1024 // 3)  # three UTF-8 bytes each
    path = tmp_path / "big.plan.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size >= 40 * 1024 * 1024
    with pytest.raises(ExchangeError) as info:  # longer than any text field may be: refused whole
        exchange.load(path)
    assert info.value.where == "notes" and "লেখাটি অনেক লম্বা" in info.value.render("bn")
    with path.open("ab") as fh:
        fh.write(b" " * (10 * 1024 * 1024))
    with pytest.raises(ExchangeError) as info:
        exchange.load(path)
    assert info.value.render("en") == "the file is too large (over 50 MB)"

    d = copy.deepcopy(REFERENCE["pib-2023-24.plan.json"])
    activity = d["plan"]["areas"][0]["activities"][0]
    template = activity["indicators"][0]
    activity["indicators"] = [template | {"code": f"1.1.{i}", "title": f"সূচক {i}", "evidence": "ক" * 1000}
                              for i in range(1, 5_001)]
    d["reports"] = []
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert path.stat().st_size >= 15 * 1024 * 1024
    doc = _read(path.read_bytes())
    others = sum(len(act["indicators"]) for area in d["plan"]["areas"] for act in area["activities"]) - 5_000
    assert doc is not None and len(doc.plan.indicators()) == 5_000 + others


def _capped(limit_mb: int):
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 1024 * 1024,) * 2)
    return cap


def test_a_10_mb_title_is_refused_in_little_memory(tmp_path):
    """A 30 MB file whose title is 10 MB took 1 GB (and 17 s) to refuse: the cleaning made an object per
    character before the length was checked. Under a 300 MB address-space cap it is refused by name."""
    d = copy.deepcopy(REFERENCE["pib-2023-24.plan.json"])
    d["plan"]["title"] = "ক" * (10 * 1024 * 1024)
    path = tmp_path / "title.plan.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "egov_desktop", "check", str(path), "--json"],
                          capture_output=True, preexec_fn=_capped(300), timeout=120)
    assert proc.returncode == 2, proc.stderr.decode("utf-8", "replace")[-500:]
    assert json.loads(proc.stdout)["error"]["where"] == "plan.title"


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "folder"])
def test_devices_fifos_and_folders_are_refused_at_once(tmp_path, target):
    if target == "fifo":
        target = tmp_path / "pipe.json"
        os.mkfifo(target)  # no writer: a plain open would wait for ever
    elif target == "folder":
        target = tmp_path
    proc = subprocess.run([sys.executable, "-m", "egov_desktop", "check", str(target), "--json"],
                          capture_output=True, preexec_fn=_capped(300), timeout=120)
    assert proc.returncode == 2 and set(json.loads(proc.stdout)["error"]) == {"message", "where"}


def test_text_hygiene_through_the_cli(tmp_path, capsys):
    """Through the real commands: control characters are stripped and text is NFC on import; a text
    longer than any field allows is refused by name and nothing is written."""
    from egov_desktop import cli

    db = tmp_path / "egov.sqlite"
    d = copy.deepcopy(REFERENCE["pib-2023-24.plan.json"])
    d["plan"]["title"] = "ই-গভর্ন্যান্স\x00 ও\x1b[0m উদ্ভাবন\r\nকর্মপরিকল্পনা\u200b"
    d["plan"]["areas"][0]["activities"][0]["title"] = "য\u09c7\u09beগ্য"  # ে + া as two code points
    src = tmp_path / "dirty.plan.json"
    src.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["import", str(src), "--db", str(db)]) == 0
    out = tmp_path / "clean.plan.json"
    assert cli.main(["export-json", "--fiscal-year", "2023-24", "--out", str(out), "--db", str(db)]) == 0
    back = json.loads(out.read_text(encoding="utf-8"))
    assert back["plan"]["title"] == "ই-গভর্ন্যান্স ও[0m উদ্ভাবন\nকর্মপরিকল্পনা\u200b"
    assert back["plan"]["areas"][0]["activities"][0]["title"] == "যোগ্য" == "য\u09cbগ্য"  # NFC: one ো
    capsys.readouterr()

    d["plan"]["fiscal_year"] = "2024-25"
    d["plan"]["title"] = "ক" * 25_000
    src.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["import", str(src), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "plan.title" in err and "লেখাটি অনেক লম্বা" in err and "২৫০০০" in err
    with Store.open(db, readonly=True) as store:
        assert [p.fiscal_year for p in store.list_plans()] == ["2023-24"]
