"""Where bundled resources and the user's data live, from source and from a frozen build."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "egov-desktop"


def resource_path(*parts: str) -> Path:
    """A file under resources/: beside the package in a checkout, under _MEIPASS when frozen."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir() -> Path:
    """Per-user data folder: %APPDATA%\\egov-desktop on Windows, XDG data home elsewhere."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_db_path() -> Path:
    return data_dir() / "egov.sqlite"
