"""SIGKILL in the middle of a stream of edits: every acknowledged edit is in the database afterwards, and
the file passes PRAGMA integrity_check. This is not a power cut: the OS page cache survives a killed
process, so it shows that a transaction is all or nothing and an edit is acknowledged only once committed;
that a commit reaches the disk is test_durability's. The kill point comes from a printed seed (crash_rng)."""
import sqlite3
import subprocess
import sys
from pathlib import Path

from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import PIB
from tests.store.edit_stream_child import slot

ROOT = Path(__file__).resolve().parents[2]


def test_every_acknowledged_edit_survives_a_kill(tmp_path, crash_rng):
    db = tmp_path / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    kill_after = crash_rng.randint(150, 400)
    child = subprocess.Popen([sys.executable, "-m", "tests.store.edit_stream_child", str(db)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acked = 0
    try:
        for line in child.stdout:
            acked = int(line.split()[1])
            if acked >= kill_after:
                child.kill()  # SIGKILL: no cleanup, no flush, possibly mid-transaction
                break
        rest = child.stdout.read()  # ACKs already printed before the kill count too
    finally:
        child.kill()
        child.wait()
    assert acked >= kill_after, child.stderr.read()
    for line in rest.splitlines():
        if line.startswith("ACK "):
            acked = int(line.split()[1])

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # Each edit and its audit row are one transaction: neither outlives the other.
    logged = con.execute("SELECT count(*) FROM audit WHERE operation IN ('set_target', 'set_entry_field')").fetchone()[0]
    con.close()
    assert acked <= logged <= acked + 1

    last: dict[tuple, int] = {}
    for n in range(1, acked + 1):
        last[slot(n)] = n
    in_flight = acked + 1  # the edit under way at the kill may or may not have been committed
    with Store.open(db) as store:
        doc = store.get_document(store.find_plan("2023-24", "egov_innovation"))
    for s, n in last.items():
        if s[0] == "target":
            value = doc.plan.indicator(s[1]).targets[s[2]]
        else:
            value = doc.report("Q1").entry(s[1]).value
        assert value == n or (value == in_flight and slot(in_flight) == s), (s, n, value)
