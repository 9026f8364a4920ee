"""Import is one transaction: whatever fails midway, the database is as it was."""
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from egov_desktop.core import exchange
from egov_desktop.store.service import Store, StoreError
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump


def test_plan_of_the_same_year_and_kind_is_refused_and_nothing_is_written(loaded, db_path):
    store, _, _ = loaded
    doc = exchange.load(PIB)
    doc.office.name = "অন্য দপ্তর"  # a new office row would be written first, then the plan clashes
    before = table_dump(db_path)
    with pytest.raises(StoreError) as info:
        store.import_document(doc)
    assert "২০২৩-২৪" in info.value.render("bn")
    assert table_dump(db_path) == before


TABLES = ["office", "plan", "level", "area", "activity", "indicator", "report", "entry", "memo", "signoff", "audit"]


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """A database with the PIB plan, copied for each example (opening and importing anew is slow)."""
    path = tmp_path_factory.mktemp("template") / "egov.sqlite"
    with Store.open(path) as store:
        store.import_document(exchange.load(PIB))
    return path


def _signed_modmr():
    import datetime as dt

    from egov_desktop.core.digest import report_digest
    from egov_desktop.core.model import Signoff

    doc = exchange.load(MODMR)
    doc.reports[0].status = "signed_off"  # so a sign-off history row is written too
    doc.reports[0].signoff = Signoff("নাম", "পদবি", dt.datetime(2022, 1, 10, 10, 0), report_digest(doc, "H1"))
    return doc


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES), nth=st.integers(min_value=1, max_value=14))
@example(table="indicator", nth=9)
@example(table="memo", nth=1)
def test_a_failure_at_any_insert_leaves_nothing(template_db, tmp_path_factory, table, nth):
    """A real SQLite trigger makes the nth insert into a table fail; the import must leave no trace. (It is
    added once the store is open: a database with a trigger is refused at opening.)"""
    path = tmp_path_factory.mktemp("atomic") / "egov.sqlite"
    shutil.copy(template_db, path)
    with Store.open(path) as store:
        con = sqlite3.connect(path)
        con.executescript(
            f"""
            CREATE TABLE counter (n INTEGER);
            INSERT INTO counter VALUES (0);
            CREATE TRIGGER fail_{table} BEFORE INSERT ON "{table}" BEGIN
                UPDATE counter SET n = n + 1;
                SELECT RAISE(ABORT, 'forced failure') WHERE (SELECT n FROM counter) >= {nth};
            END;
            """
        )
        con.close()
        before = table_dump(path)
        try:
            store.import_document(_signed_modmr())
            failed = False
        except StoreError:
            failed = True
    after = table_dump(path)
    if failed:
        assert after == before  # the counter too: everything rolled back
    else:  # the document has fewer than nth rows for that table: all of it went in
        assert len(after["plan"]) == 2
