"""Smoke test of the frozen program: does what an office does first, with the built files only.

    python packaging/smoke_test.py dist/egov-desktop

In a throw-away home folder (so no real data is touched), offscreen:
1. the console program imports the bundled demo plans into a new database
   (Alembic migrations, the exchange reader, the subcommands found by pkgutil);
2. checks the PIB exchange file: its weight warning comes out in Bangla (the
   compiled catalog is found under _MEIPASS);
3. exports the PIB first-quarter report, and the MoDMR half-year report with its
   memo, to Word (python-docx's templates, the export code, babel's trimmed
   locale data) and reads them back;
4. backs the database up to another folder (SQLite's online backup);
5. starts the GUI on that database and lets it quit by itself (Qt plugins, fonts).
Exit 0 when all pass; otherwise the failing step's output and exit 1.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

EXE = ".exe" if sys.platform == "win32" else ""
PIB_OFFICE = "প্রেস ইনস্টিটিউট বাংলাদেশ"
MODMR_OFFICE = "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়"


class Failed(Exception):
    pass


def step(title: str, cmd: list, env: dict, timeout: float = 120) -> str:
    t0 = time.perf_counter()
    try:
        res = subprocess.run([str(c) for c in cmd], env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failed(f"{title}: no exit after {timeout:.0f} s")
    out, err = res.stdout.decode("utf-8", "replace"), res.stderr.decode("utf-8", "replace")
    # An exception in a Qt slot is printed and the program goes on, so exit 0 alone proves too little.
    if res.returncode != 0 or "Traceback" in err:
        raise Failed(f"{title}: exit {res.returncode}\n{out}\n{err}")
    print(f"ok  {title} ({time.perf_counter() - t0:.1f} s)", flush=True)
    return out


def isolated_env(home: Path) -> dict:
    env = dict(os.environ)
    for var in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONPATH", None)  # the frozen program must not see the checkout
    return env


def main(app_dir: Path) -> int:
    cli, gui = app_dir / f"egov-desktop-cli{EXE}", app_dir / f"egov-desktop{EXE}"
    internal = app_dir / "_internal"
    demo_files = sorted((internal / "resources" / "demo").glob("*.plan.json"))
    with tempfile.TemporaryDirectory(prefix="egov-smoke-") as tmp:
        home = Path(tmp)
        env = isolated_env(home)
        db, docx, memo_docx = home / "smoke.sqlite", home / "pib-q1.docx", home / "modmr-h1.docx"
        try:
            if not demo_files:
                raise Failed(f"no demo plans under {internal / 'resources' / 'demo'}")
            for f in demo_files:
                step(f"import {f.name}", [cli, "import", f, "--db", db], env)
            # The PIB plan's weights add up to 46 of 50: a warning, which must come out in Bangla.
            pib = next(f for f in demo_files if f.name.startswith("pib"))
            out = step("check the PIB plan (Bangla)", [cli, "check", pib], env)
            if not any("\u0980" <= ch <= "\u09ff" for ch in out):
                raise Failed(f"check printed no Bangla: is the catalog bundled?\n{out}")
            # The PIB Q1 report has no memo in the seed: the report alone. The MoDMR half-year one has both.
            step("export the PIB Q1 report to Word", [cli, "export-docx", "--db", db, "--fiscal-year", "2023-24",
                                                      "--period", "Q1", "--parts", "report", "--out", docx], env)
            step("export the MoDMR H1 memo and report to Word", [cli, "export-docx", "--db", db, "--fiscal-year",
                                                                 "2021-22", "--period", "H1", "--out", memo_docx], env)
            for path, office in ((docx, PIB_OFFICE), (memo_docx, MODMR_OFFICE)):
                with zipfile.ZipFile(path) as z:
                    if office not in z.read("word/document.xml").decode("utf-8"):
                        raise Failed(f"{path.name} does not name the office")
            step("back up the database to another folder", [cli, "backup", "--db", db, "--to", home / "copies"], env)
            if not list((home / "copies").glob("*.sqlite")):
                raise Failed("backup wrote no copy")
            step("start the GUI offscreen and quit", [gui, "--db", db, "--quit-after", "2"], env, timeout=60)
        except Failed as exc:
            print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
            return 1
    size = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"smoke test passed; {app_dir} is {size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/egov-desktop")))
