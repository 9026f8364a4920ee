"""`egov-desktop` / `python -m egov_desktop`: the GUI, or a CLI subcommand."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from egov_desktop import cli

    if argv and argv[0] in cli.command_names():
        return cli.main(argv)
    from egov_desktop.gui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
