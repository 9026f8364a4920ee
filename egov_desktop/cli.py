"""Headless commands. Each lives in its own module under egov_desktop/commands/,
listed in COMMANDS below and defining NAME, HELP, `add_arguments(parser)` and `run(args) -> int`.

Exit codes: 0 success, 1 the content has errors (or the operation was refused),
2 the input cannot be read or used. Messages go through the catalog, Bangla by
default (`--lang en` for English); never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from egov_desktop.core.files import os_error_msg
from egov_desktop.core.i18n import LANGUAGES, N_, Msg, _, set_language

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


# Command name -> module in egov_desktop/commands. Only the command being run is imported,
# so `egov-desktop check` does not pay for SQLAlchemy or python-docx.
COMMANDS = {
    "backup": "backup",
    "check": "check",
    "email-draft": "email_draft",
    "export-docx": "export_docx",
    "export-json": "export_json",
    "export-xlsx": "export_xlsx",
    "import": "import_json",
    "import-table": "import_table",
    "mark-submitted": "mark_submitted",
    "new-plan": "new_plan",
    "reopen": "reopen",
    "restore": "restore",
    "score": "score",
    "sign-off": "sign_off",
    "templates": "templates",
    "verify": "verify",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"egov_desktop.commands.{COMMANDS[name]}")


def command_names() -> set[str]:
    return set(COMMANDS)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for one command (fast), or for all of them (for --help)."""
    parser = argparse.ArgumentParser(prog="egov-desktop")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in sorted(COMMANDS):
        if only is not None and name != only:
            continue
        mod = _module(name)
        p = sub.add_parser(name, help=_(mod.HELP), description=_(mod.HELP))
        p.add_argument("--lang", choices=LANGUAGES, default="bn", help="message language (default bn)")
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def _utf8(text: str) -> bytes:
    """UTF-8 whatever the console's code page (Windows consoles default to cp437). A file name given in
    bytes that are not UTF-8 is written back as those bytes; another lone surrogate (a JSON escape in a
    hostile file) as "?"."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


def out(text: str) -> None:
    sys.stdout.buffer.write(_utf8(text + "\n"))
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.buffer.write(_utf8(text + "\n"))
    sys.stderr.flush()


def written(path, lang: str) -> int:
    """Say that a command wrote `path`; the exit code of success."""
    out(f"{path}: " + Msg(N_("written")).render(lang))
    return EXIT_OK


def cannot_write(path, exc: OSError, lang: str) -> int:
    """Say why `path` could not be written; the exit code for it."""
    err(os_error_msg(exc, path).render(lang))
    return EXIT_UNREADABLE


def _lang_asked(argv: list[str]) -> str:
    """The --lang of the command line, before it is parsed: --help speaks it too."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg[len("--lang="):]
        elif arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return "bn"


def commands_line(lang: str | None = None) -> str:
    """One line naming every command, for the GUI's --help and for a mistyped command."""
    from egov_desktop.core.i18n import gettext_for

    names = ", ".join(sorted(COMMANDS))
    return gettext_for(lang, N_("Commands: {names}. \"egov-desktop COMMAND --help\" tells more.")).format(names=names)


def unknown_command(argv: list[str]) -> int:
    err(Msg(N_("There is no command {name}."), {"name": argv[0]}).render() + " " + commands_line())
    return EXIT_UNREADABLE


def main(argv: list[str]) -> int:
    only = argv[0] if argv and argv[0] in COMMANDS else None
    set_language(_lang_asked(argv))
    args = build_parser(only).parse_args(argv)
    set_language(args.lang)
    try:
        return args._run(args)
    except BrokenPipeError:
        # The output went into a pipe that stopped reading (`... | head`): not a failure to report. What is
        # still buffered goes nowhere, so closing stdout at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
