"""Backups of the office's server (issue 12.6): `backup --db URL --out FILE` writes one of our own SQLite
files from one snapshot, verified row by row; `restore FILE --db URL [--replace]` puts it back, refusing a
server that holds data without --replace. A backup taken while another process edits is the state of one
moment: every edit's value with its audit row."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from egov_desktop.core import evidence, exchange
from egov_desktop.store.server_backup import backup_server
from egov_desktop.store.service import Store
from tests import evidence_files as make
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "egov_desktop", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def _office(url: str) -> tuple[int, int]:
    """Both reference plans on the server, with an edit, evidence and a sign-off: (modmr, pib)."""
    with Store.open(url) as store:
        modmr = store.import_document(exchange.load(MODMR)).key
        pib = store.import_document(exchange.load(PIB)).key
        ind = next(i for i in store.get_document(pib).plan.indicators() if i.unit == "count")
        store.set_entry_field(pib, "Q1", ind.key, "remarks", "সার্ভারে লেখা")
        store.attach_evidence(pib, "Q1", ind.key, [evidence.from_bytes("চিঠি.pdf", make.pdf("letter"))])
    return modmr, pib


def test_backup_change_restore_gives_the_server_back_as_it_was(pg_url, tmp_path):
    modmr, pib = _office(pg_url)
    before = table_dump(pg_url)
    out = tmp_path / "nightly" / "apa.sqlite"
    out.parent.mkdir()
    done = _cli("backup", "--db", pg_url, "--out", out)
    assert done.returncode == 0, done.stderr
    assert "যাচাই" in done.stdout and str(out) in done.stdout
    assert [p.name for p in out.parent.iterdir()] == ["apa.sqlite"]  # one file, nothing left beside it
    # The backup is an office database of its own: the program opens it and reads the same plans.
    with Store.open(out, readonly=True) as copy, Store.open(pg_url) as server:
        assert exchange.dumps(copy.get_document(pib)) == exchange.dumps(server.get_document(pib))
        # The change after the backup: an edit, and a whole plan gone.
        ind = next(i for i in server.get_document(pib).plan.indicators() if i.unit == "count")
        server.set_entry_field(pib, "Q1", ind.key, "remarks", "পরে বদলানো")
        server.delete_plan(modmr)
    changed = table_dump(pg_url)
    assert changed != before

    refused = _cli("restore", out, "--db", pg_url)
    assert refused.returncode == 1 and "--replace" in refused.stderr
    assert table_dump(pg_url) == changed

    done = _cli("restore", out, "--db", pg_url, "--replace")
    assert done.returncode == 0, done.stderr
    assert table_dump(pg_url) == before
    # The server goes on from there: new rows get new ids (its sequences moved past the restored ones).
    with Store.open(pg_url) as server:
        ind = next(i for i in server.get_document(pib).plan.indicators() if i.unit == "count")
        server.set_entry_field(pib, "Q1", ind.key, "remarks", "আবার")
        assert server.audit(pib)[-1].new == "আবার"


def test_a_backup_into_a_folder_is_dated_and_listed_and_restores_into_an_empty_server(pg_cluster, pg_url, tmp_path):
    _office(pg_url)
    before = table_dump(pg_url)
    folder = tmp_path / "backups"
    done = _cli("backup", "--db", pg_url, "--to", folder, "--lang", "en")
    assert done.returncode == 0, done.stderr
    (made,) = folder.iterdir()
    assert made.name.startswith(pg_url.rsplit("/", 1)[1] + "-") and made.name.endswith("-manual.sqlite")
    listed = _cli("backup", "--db", pg_url, "--to", folder, "--list", "--lang", "en")
    assert listed.returncode == 0 and str(made) in listed.stdout

    fresh = pg_cluster.create("t_restore_into_empty")
    try:
        done = _cli("restore", made, "--db", fresh)
        assert done.returncode == 0, done.stderr
        assert table_dump(fresh) == before
    finally:
        pg_cluster.drop("t_restore_into_empty")


def test_what_is_not_a_backup_is_refused_and_the_server_left_alone(pg_url, tmp_path):
    _office(pg_url)
    before = table_dump(pg_url)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    done = _cli("restore", junk, "--db", pg_url, "--replace")
    assert done.returncode == 2 and "ব্যাকআপ" in done.stderr
    missing = _cli("restore", tmp_path / "none.sqlite", "--db", pg_url, "--replace")
    assert missing.returncode == 2
    latest = _cli("restore", "--latest", "--db", pg_url)
    assert latest.returncode == 2
    nowhere = _cli("backup", "--db", pg_url)
    assert nowhere.returncode == 2 and "--out" in nowhere.stderr
    assert table_dump(pg_url) == before


EDITOR = """
import sys, pathlib
from egov_desktop.store.service import Store
url, plan, key, ready, stop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), pathlib.Path(sys.argv[4]), pathlib.Path(sys.argv[5])
n = 0
with Store.open(url) as store:
    while not stop.exists():
        n += 1
        store.set_entry_field(plan, "Q1", key, "value", n)
        ready.touch()
print(n)
"""


def test_a_backup_taken_while_another_process_edits_is_the_state_of_one_moment(pg_url, tmp_path):
    """The editor counts 1, 2, 3, ... in one cell, each edit with its audit row in one transaction. In every
    backup, the cell holds exactly as many as the audit rows of its edits: a backup read table by table
    without one snapshot catches the audit of edits whose values it read before them."""
    with Store.open(pg_url) as store:
        pib = store.import_document(exchange.load(PIB)).key
        key = next(i for i in store.get_document(pib).plan.indicators() if i.unit == "count").key
        store.set_entry_field(pib, "Q1", key, "value", 0)  # the count starts from nothing
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, pg_url, str(pib), str(key), str(ready), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        while not ready.exists():
            assert editor.poll() is None, editor.communicate()
            time.sleep(0.01)
        seen = []
        for n in range(3):
            out = tmp_path / f"b{n}.sqlite"
            with Store.open(pg_url, readonly=True) as server:
                backup_server(server, out)
            with Store.open(out, readonly=True) as copy:
                doc = copy.get_document(pib)
                code = next(i.code for i in doc.plan.indicators() if i.key == key)
                value = doc.report("Q1").entry(code).value
                edits = [a for a in copy.audit(pib, key) if a.operation == "set_entry_field" and a.new > 0]
                assert len(edits) == value and edits[-1].new == value, (n, value, len(edits))
                seen.append(value)
    finally:
        stop.touch()
        done, err = editor.communicate(timeout=120)
    assert editor.returncode == 0, err
    assert seen == sorted(seen) and int(done) > seen[0]  # the editor went on while the backups were made
