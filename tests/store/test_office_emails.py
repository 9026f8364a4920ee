"""The office profile's e-mail addresses (the draft's To and Cc): stored, checked, audited, undoable;
and the schema change that added them (revision 0002) upgrades a real 0001 database with its data."""
import sqlite3

import pytest

from egov_desktop.core import exchange
from egov_desktop.store import backup
from egov_desktop.store.engine import connect, head_revision
from egov_desktop.store.service import InvalidValue, Store
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump


def test_addresses_are_set_checked_audited_and_undone(loaded, db_path):
    store, _, pib = loaded
    office = store.office_of(pib)
    assert store.office_profile(office)["recipient_emails"] == []
    assert store.office_profile(office)["copy_emails"] == []

    change = store.set_office_field(office, "recipient_emails", ["egov@cabinet.gov.bd", "a2@pib.gov.bd"])
    # One text as typed in a field: commas, semicolons, new lines; a repeat (any case) is dropped.
    store.set_office_field(office, "copy_emails", " it@pib.gov.bd; secy@moi.gov.bd,\nIT@pib.gov.bd ")
    profile = store.office_profile(office)
    assert profile["recipient_emails"] == ["egov@cabinet.gov.bd", "a2@pib.gov.bd"]
    assert profile["copy_emails"] == ["it@pib.gov.bd", "secy@moi.gov.bd"]
    [row] = [a for a in store.audit() if a.field == "recipient_emails"]
    assert (row.operation, row.entity, row.old, row.new) == (
        "set_office_field", "office", None, ["egov@cabinet.gov.bd", "a2@pib.gov.bd"])

    redo = change.undo()
    assert store.office_profile(office)["recipient_emails"] == []
    redo.undo()
    assert store.office_profile(office)["recipient_emails"] == ["egov@cabinet.gov.bd", "a2@pib.gov.bd"]
    store.set_office_field(office, "copy_emails", "")
    assert store.office_profile(office)["copy_emails"] == []

    before = table_dump(db_path)
    with pytest.raises(InvalidValue) as info:
        store.set_office_field(office, "recipient_emails", ["egov@cabinet.gov.bd", "সচিব2@cabinet"])
    # The bad address is named as typed: its digit is not turned into a Bangla one.
    assert info.value.render("bn").startswith("সচিব2@cabinet: ") and "ইমেইল ঠিকানা নয়" in info.value.render("bn")
    assert "not an e-mail address" in info.value.render("en")
    with pytest.raises(InvalidValue):
        store.set_office_field(office, "copy_emails", 42)
    assert table_dump(db_path) == before


def _copy_rows(src, dst) -> None:
    """Every row of `src` into `dst`, for the columns `dst`'s (older) schema has."""
    con = sqlite3.connect(dst)
    con.execute("ATTACH DATABASE ? AS src", (str(src),))
    tables = [r[0] for r in con.execute(
        "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version'")]
    for t in tables:
        cols = ", ".join(f'"{r[1]}"' for r in con.execute(f'PRAGMA main.table_info("{t}")'))
        con.execute(f'INSERT INTO main."{t}" ({cols}) SELECT {cols} FROM src."{t}"')
    con.commit()
    con.close()


def test_a_revision_0001_database_is_upgraded_with_its_data_and_a_backup_first(tmp_path):
    from alembic import command

    from egov_desktop.store.engine import _alembic_config

    # Realistic data, made by the program: both reference plans, a profile with addresses in its lines.
    source = tmp_path / "source.sqlite"
    with Store.open(source) as store:
        pib = store.import_document(exchange.load(PIB)).key
        store.import_document(exchange.load(MODMR))
        store.set_office_field(store.office_of(pib), "default_recipients",
                               ["সচিব, মন্ত্রিপরিষদ বিভাগ (egov@cabinet.gov.bd)", "তথ্য অফিসার", "it@moi.gov.bd"])
        store.set_office_field(store.office_of(pib), "default_copies", ["অফিস কপি (office@pib.gov.bd)"])
        expected = {key: exchange.to_dict(store.get_document(key)) for key in (p.key for p in store.list_plans())}

    # A database stopped at revision 0001 by Alembic, holding that data.
    old = tmp_path / "egov.sqlite"
    engine = connect(old)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    _copy_rows(source, old)
    con = sqlite3.connect(old)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert "recipient_emails" not in {r[1] for r in con.execute("PRAGMA table_info(office)")}
    con.close()
    before = table_dump(old)

    with Store.open(old) as store:
        assert {key: exchange.to_dict(store.get_document(key)) for key in expected} == expected
        profile = store.office_profile(store.office_of(pib))
        # The draft's To starts as the addresses the lines held (where it used to look); Cc starts empty.
        assert profile["recipient_emails"] == ["egov@cabinet.gov.bd", "it@moi.gov.bd"]
        assert profile["copy_emails"] == []
        assert profile["default_recipients"][0] == "সচিব, মন্ত্রিপরিষদ বিভাগ (egov@cabinet.gov.bd)"
        assert store.audit() and store.integrity_errors() == []

    after = table_dump(old)
    assert after["alembic_version"] == [(head_revision(),)]
    # Later revisions add columns (office: 0002, plan/indicator/entry: 0003): the old ones come first, unchanged.
    for table, rows in before.items():
        if table != "alembic_version" and rows:
            width = len(rows[0])
            assert [r[:width] for r in after[table]] == rows, table
    assert len(after["office"][0]) > len(before["office"][0])

    # The backup was taken before the migration: it is the 0001 database as it was.
    [taken] = [b for b in backup.list_backups(old) if b.reason == "migration"]
    assert table_dump(taken.path) == before
