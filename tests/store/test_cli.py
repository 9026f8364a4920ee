"""import and export-json as real processes: the round trip through the database is lossless."""
import json
import os
import subprocess
import sys

from tests.conftest import MODMR, PIB


def egov(*args, env_home=None):
    env = dict(os.environ)
    if env_home is not None:
        env["XDG_DATA_HOME"] = str(env_home)
    return subprocess.run([sys.executable, "-m", "egov_desktop", *map(str, args)], capture_output=True, env=env,
                          timeout=120)


def _text(p):
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    assert "Traceback" not in out + err
    return out, err


def test_import_then_export_gives_the_same_documents(tmp_path):
    db = tmp_path / "egov.sqlite"
    for path in (MODMR, PIB):
        p = egov("import", path, "--db", db)
        out, _ = _text(p)
        assert p.returncode == 0 and "আমদানি হয়েছে" in out
    for path, year in ((MODMR, "2021-22"), (PIB, "২০২৩-২৪")):
        target = tmp_path / f"out-{path.name}"
        p = egov("export-json", "--fiscal-year", year, "--kind", "egov_innovation", "--out", target, "--db", db)
        _text(p)
        assert p.returncode == 0
        assert json.loads(target.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))


def test_default_database_is_in_the_user_data_folder(tmp_path):
    p = egov("import", PIB, env_home=tmp_path)
    _text(p)
    assert p.returncode == 0
    assert (tmp_path / "egov-desktop" / "egov.sqlite").exists()
    target = tmp_path / "out.json"
    p = egov("export-json", "--fiscal-year", "2023-24", "--out", target, env_home=tmp_path)
    assert p.returncode == 0 and json.loads(target.read_text(encoding="utf-8")) == json.loads(PIB.read_text(encoding="utf-8"))


def test_refusals_and_exit_codes_in_both_languages(tmp_path):
    db = tmp_path / "egov.sqlite"
    assert egov("import", PIB, "--db", db).returncode == 0
    again = egov("import", PIB, "--db", db)
    _, err = _text(again)
    assert again.returncode == 1 and "আগে থেকেই আছে" in err
    again_en = egov("import", PIB, "--db", db, "--lang", "en")
    assert again_en.returncode == 1 and "already a plan" in _text(again_en)[1]
    assert egov("import", PIB, "--db", db, "--replace").returncode == 0

    missing = egov("export-json", "--fiscal-year", "2030-31", "--out", tmp_path / "x.json", "--db", db)
    assert missing.returncode == 1 and "২০৩০-৩১" in _text(missing)[1]

    broken = tmp_path / "broken.json"
    broken.write_text(PIB.read_text(encoding="utf-8")[:500], encoding="utf-8")
    p = egov("import", broken, "--db", db)
    assert p.returncode == 2 and "অসম্পূর্ণ" in _text(p)[1]

    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello " * 100, encoding="utf-8")
    p = egov("import", PIB, "--db", not_db)
    assert p.returncode == 2 and "SQLite" in _text(p)[1]
    assert not_db.read_text(encoding="utf-8") == "hello " * 100

    p = egov("export-json", "--fiscal-year", "2023-24", "--out", tmp_path / "no" / "such" / "dir.json", "--db", db)
    assert p.returncode == 2 and "লেখা যায়নি" in _text(p)[1]


def test_db_takes_lang_and_db_before_or_after_its_action(tmp_path):
    db = tmp_path / "egov.sqlite"
    assert egov("import", PIB, "--db", db).returncode == 0
    for args in (("db", "upgrade", "--lang", "en", "--db", db), ("db", "--lang", "en", "--db", db, "upgrade"),
                 ("db", "--db", db, "upgrade", "--lang", "en")):
        p = egov(*args)
        out, err = _text(p)
        assert p.returncode == 0 and "The database is at the newest schema" in out, (args, err)
    p = egov("db", "--db", tmp_path / "nowhere" / "x.sqlite", "upgrade", "--db", db)  # the later one counts
    assert p.returncode == 0 and not (tmp_path / "nowhere").exists()
    p = egov("db", "--db", db, "copy", "--from", db, "--to", tmp_path / "copy.sqlite", "--lang", "en")
    out, err = _text(p)
    assert p.returncode == 2 and "--from and --to, not --db" in err and not (tmp_path / "copy.sqlite").exists()
    p = egov("db", "copy", "--lang", "en", "--from", db, "--to", tmp_path / "copy.sqlite")
    out, err = _text(p)
    assert p.returncode == 0 and "Copied and verified" in out, err
