"""Headless commands: this module only dispatches. Each command lives in its own module under
egov_desktop/commands/, listed in COMMANDS below and defining NAME, HELP, `add_arguments(parser)` and
`run(args) -> int`; what they share (exit codes, output, --db and the store, reading a file or reporting why
not) is egov_desktop/commands/common.py.

Exit codes: 0 success, 1 the content has errors (or the operation was refused),
2 the input cannot be read or used. Messages and help go through the catalog, Bangla by
default (`--lang en` for English); never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from egov_desktop.commands.common import EXIT_OK, EXIT_UNREADABLE, err
from egov_desktop.core.i18n import LANGUAGES, N_, Msg, _, set_language


# Command name -> module in egov_desktop/commands. Only the command being run is imported,
# so `egov-desktop check` does not pay for SQLAlchemy or python-docx.
COMMANDS = {
    "backup": "backup",
    "check": "check",
    "collect": "collect",
    "consolidate": "consolidate",
    "db": "db",
    "email-draft": "email_draft",
    "evidence": "evidence",
    "export-docx": "export_docx",
    "export-json": "export_json",
    "export-xlsx": "export_xlsx",
    "feedback": "feedback",
    "import": "import_json",
    "import-table": "import_table",
    "mark-submitted": "mark_submitted",
    "new-plan": "new_plan",
    "package": "package",
    "reopen": "reopen",
    "restore": "restore",
    "score": "score",
    "sign-off": "sign_off",
    "templates": "templates",
    "verify": "verify",
}


# argparse's own words (usage, section titles, its error lines), here so that they are extracted into the
# catalog. argparse looks them up through the gettext functions it imported as module globals, so those are
# what `speak_argparse` replaces: its help and errors then speak the language chosen, like everything else.
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"), N_("expected %s argument"),
    N_("expected %s arguments"), N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"), N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"),
)


def speak_argparse() -> None:
    """argparse's texts through our catalog in the current language (for the GUI's --help too)."""
    argparse._ = _
    argparse.ngettext = lambda singular, plural, n: _(singular if n == 1 else plural)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"egov_desktop.commands.{COMMANDS[name]}")


def command_names() -> set[str]:
    return set(COMMANDS)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for one command (fast), or for all of them (for --help)."""
    speak_argparse()
    parser = argparse.ArgumentParser(prog="egov-desktop", epilog=commands_line())
    sub = parser.add_subparsers(dest="command", required=True)
    for name in sorted(COMMANDS):
        if only is not None and name != only:
            continue
        mod = _module(name)
        p = sub.add_parser(name, help=_(mod.HELP), description=_(mod.HELP))
        p.add_argument("--lang", choices=LANGUAGES, default="bn", help=_("language of the messages (default bn)"))
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def lang_asked(argv: list[str]) -> str:
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
    set_language(lang_asked(argv))
    args = build_parser(only).parse_args(argv)
    set_language(args.lang)
    try:
        return args._run(args)
    except BrokenPipeError:
        # The output went into a pipe that stopped reading (`... | head`): not a failure to report. What is
        # still buffered goes nowhere, so closing stdout at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
