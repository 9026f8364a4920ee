"""`egov-desktop` / `python -m egov_desktop`: the GUI, or a CLI subcommand."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from egov_desktop import cli

    # The GUI takes options only (--db, --demo, Qt's -platform ...): a first word that is not an
    # option names a command, and a mistyped one must not open the window instead.
    if argv and not argv[0].startswith("-"):
        return cli.main(argv) if argv[0] in cli.command_names() else cli.unknown_command(argv)
    from egov_desktop.gui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
