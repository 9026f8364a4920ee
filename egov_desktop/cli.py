"""Headless commands. Each lives in its own module under egov_desktop/commands/,
defining NAME, HELP, `add_arguments(parser)` and `run(args) -> int`.

Exit codes: 0 success, 1 the content has errors (or the operation was refused),
2 the input cannot be read or used. Messages go through the catalog, Bangla by
default (`--lang en` for English); never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from types import ModuleType

from egov_desktop.core.i18n import LANGUAGES, set_language

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _modules() -> dict[str, ModuleType]:
    import egov_desktop.commands as pkg

    mods = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        mods[mod.NAME] = mod
    return mods


def command_names() -> set[str]:
    return set(_modules())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="egov-desktop")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, mod in sorted(_modules().items()):
        p = sub.add_parser(name, help=mod.HELP)
        p.add_argument("--lang", choices=LANGUAGES, default="bn", help="message language (default bn)")
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def out(text: str) -> None:
    """Print UTF-8 whatever the console's code page (Windows consoles default to cp437)."""
    sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.buffer.write((text + "\n").encode("utf-8"))
    sys.stderr.flush()


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    return args._run(args)
