import os
import pkgutil
import subprocess
import sys

import pytest

import egov_desktop.commands as commands_pkg
from egov_desktop import cli
from egov_desktop.commands import common


def test_every_command_module_is_listed_under_its_name():
    modules = {m.name for m in pkgutil.iter_modules(commands_pkg.__path__)} - {"common"}  # what they share
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
    assert cli.main(["check", os.fsdecode(missing)]) == common.EXIT_UNREADABLE
    assert capsysbinary.readouterr().err.startswith(missing + b": ")
    # A key written as a lone surrogate escape ("\ud800") is named in the message as "?".
    hostile = tmp_path / "key.json"
    hostile.write_text('{"format": "egov-plan", "version": 1, "office": {"name": "a", "tier": "field", "\\ud800": 1}}')
    assert cli.main(["check", str(hostile), "--lang", "en"]) == common.EXIT_UNREADABLE
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


def _helps(lang: str):
    """(command, option, help text) of every option of every command, built in `lang`."""
    import argparse

    from egov_desktop.core.i18n import set_language

    set_language(lang)
    try:
        parser = cli.build_parser()
    finally:
        set_language("bn")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        yield name, "(description)", p.description
        for action in p._actions:
            if action.help != argparse.SUPPRESS:
                yield name, "/".join(action.option_strings) or action.dest, action.help


def test_every_command_and_option_has_its_help_in_bangla_and_english():
    bangla = [(c, o, h) for c, o, h in _helps("bn") if not any("\u0980" <= ch <= "\u09ff" for ch in h)]
    assert bangla == []
    english = [(c, o, h) for c, o, h in _helps("en") if any("\u0980" <= ch <= "\u09ff" for ch in h)]
    assert english == []


@pytest.mark.parametrize("argv, lang_words", [
    (["--help"], ("ব্যবহার: egov-desktop", "বিকল্পসমূহ:", "এই সহায়তা দেখিয়ে বন্ধ করুন", "কমান্ডসমূহ: backup")),
    (["--help", "--lang", "en"], ("usage: egov-desktop", "options:", "show this help message and exit",
                                  "Commands: backup")),
    (["export-docx", "--help"], ("ব্যবহার: egov-desktop export-docx", "অবস্থানভিত্তিক আর্গুমেন্ট:", "বিকল্পসমূহ:",
                                 "প্রতিবেদনের সময়কাল")),
    (["export-docx", "--help", "--lang", "en"], ("usage: egov-desktop export-docx", "positional arguments:",
                                                 "report period")),
])
def test_the_programs_help_speaks_bangla_by_default_and_english_when_asked(argv, lang_words):
    # A real process: `egov-desktop --help` is the window's options, a command's help its own.
    done = subprocess.run([sys.executable, "-m", "egov_desktop", *argv], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert done.returncode == 0, done.stderr
    for words in lang_words:
        assert words in done.stdout


def test_a_wrong_command_line_is_said_in_the_language_asked_for(capsys):
    for argv, wanted in ((["score", "x.json", "--period", "Q9"],
                          "egov-desktop score: ত্রুটি: আর্গুমেন্ট --period: অগ্রহণযোগ্য মান: 'Q9'"),
                         (["check"], "egov-desktop check: ত্রুটি: এই আর্গুমেন্টগুলো দিতে হবে: file"),
                         (["check", "--lang", "en"], "egov-desktop check: error: the following arguments are required")):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == common.EXIT_UNREADABLE
        err = capsys.readouterr().err
        assert err.startswith("ব্যবহার: " if "en" not in argv else "usage: ") and wanted in err


def _imports(path) -> set[str]:
    """Every module a source file imports, at the top or inside a function."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_cli_only_dispatches_and_export_knows_neither_the_store_nor_the_cli():
    from pathlib import Path

    import egov_desktop

    package = Path(egov_desktop.__file__).parent
    for path in (package / "export").glob("*.py"):
        wrong = {n for n in _imports(path) if n.startswith(("egov_desktop.store", "egov_desktop.cli",
                                                            "egov_desktop.commands"))}
        assert not wrong, f"{path.name} imports {wrong}"
    # The commands share commands/common.py, never the dispatcher; the dispatcher opens nothing itself.
    for path in (package / "commands").glob("*.py"):
        assert "egov_desktop.cli" not in _imports(path), path.name
    assert not {n for n in _imports(package / "cli.py") if n.startswith(("egov_desktop.store", "egov_desktop.export"))}
    assert not hasattr(cli, "out") and not hasattr(cli, "open_store")
