import os
import pkgutil
import subprocess
import sys

import pytest

import egov_desktop.commands as commands_pkg
from egov_desktop import cli


def test_every_command_module_is_listed_under_its_name():
    modules = {m.name for m in pkgutil.iter_modules(commands_pkg.__path__)}
    assert set(cli.COMMANDS.values()) == modules
    for name in cli.COMMANDS:
        assert cli._module(name).NAME == name


def test_running_one_command_imports_only_what_it_needs():
    code = (
        "import sys\n"
        "from egov_desktop import cli\n"
        "cli.build_parser('check')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('sqlalchemy', 'docx', 'PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_every_command():
    out = subprocess.run([sys.executable, "-c", "from egov_desktop import cli; cli.main(['--help'])"],
                         capture_output=True, text=True)
    for name in cli.COMMANDS:
        assert name in out.stdout


def test_help_speaks_the_language_asked_for(capsys):
    for argv, wanted in ((["check", "--help"], "কর্মপরিকল্পনার বিনিময় ফাইল নিয়ম অনুযায়ী যাচাই করুন"),
                         (["check", "--lang", "en", "--help"], "check a plan exchange file against the rules")):
        with pytest.raises(SystemExit):
            cli.main(argv)
        assert wanted in capsys.readouterr().out


def test_names_and_keys_that_are_not_utf8_are_printed_without_a_traceback(capsysbinary, tmp_path):
    # A file name in bytes that are not UTF-8 reaches Python as surrogate escapes; it is printed as it was.
    missing = str(tmp_path).encode() + b"/bad\xff.json"
    assert cli.main(["check", os.fsdecode(missing)]) == cli.EXIT_UNREADABLE
    assert capsysbinary.readouterr().err.startswith(missing + b": ")
    # A key written as a lone surrogate escape ("\ud800") is named in the message as "?".
    hostile = tmp_path / "key.json"
    hostile.write_text('{"format": "egov-plan", "version": 1, "office": {"name": "a", "tier": "field", "\\ud800": 1}}')
    assert cli.main(["check", str(hostile), "--lang", "en"]) == cli.EXIT_UNREADABLE
    assert capsysbinary.readouterr().err.endswith(b"office.?: unknown key\n")


def test_output_into_a_pipe_that_stopped_reading_is_no_traceback():
    # `egov-desktop check FILE | head -1`: the reader is gone before the command writes.
    from tests.conftest import PIB

    proc = subprocess.Popen([sys.executable, "-m", "egov_desktop", "check", str(PIB)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and "Traceback" not in err and err == ""


def test_a_mistyped_command_is_refused_and_does_not_open_the_window():
    out = subprocess.run([sys.executable, "-m", "egov_desktop", "chek", "x.json"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2
    assert "chek নামে কোনো কমান্ড নেই" in out.stderr and "check" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_plan_not_in_the_database_is_named_as_people_call_it(tmp_path):
    from egov_desktop.store.service import Store

    db = tmp_path / "egov.sqlite"
    Store.open(db).close()
    out = subprocess.run([sys.executable, "-m", "egov_desktop", "export-docx", "--fiscal-year", "2030-31", "--db",
                          str(db), "--period", "Q1", "--out", str(tmp_path / "x.docx")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "২০৩০-৩১ অর্থবছরের কোনো ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা নেই" in out.stderr
    assert "egov_innovation" not in out.stderr
