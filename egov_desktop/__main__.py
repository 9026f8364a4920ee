"""`egov-desktop` / `python -m egov_desktop`: the GUI, or a CLI subcommand."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from egov_desktop import cli
    from egov_desktop.core.i18n import set_language

    # Both the GUI's and the commands' --help speak the language asked for, argparse's own words too.
    set_language(cli.lang_asked(argv))
    cli.speak_argparse()
    # The GUI takes options only (--db, --demo, Qt's -platform ...): a first word that is not an
    # option names a command, and a mistyped one must not open the window instead.
    if argv and not argv[0].startswith("-"):
        return cli.main(argv) if argv[0] in cli.command_names() else cli.unknown_command(argv)
    from egov_desktop.gui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
