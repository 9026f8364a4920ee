"""`make bench`: run every benchmark in its own process and print the figures with their baselines.

    python bench/run_all.py                 # all of them
    python bench/run_all.py export save     # only bench_export.py and bench_save.py

Each bench_*.py also runs alone. The closing table is Markdown, ready for
bench/README.md and the README's Performance section. A benchmark that fails
to run is reported and makes the exit code 1; a missed target does not (these
are figures, not tests).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BENCH, fmt, machine  # noqa: E402

ORDER = ["startup", "keystroke", "save", "server", "server_live", "structure", "export", "all_plans", "import", "import_table", "consolidate", "memory"]


def main(names: list[str]) -> int:
    names = names or ORDER
    m = machine()
    print(f"machine: {m['cpu']}, {m['nproc']} cores, Python {m['python']}, {m['os']}\n", flush=True)
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        sink = Path(tmp) / "figures.jsonl"
        env = os.environ | {"EGOV_BENCH_JSON": str(sink), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        for name in names:
            print(f"== {name}", flush=True)
            if subprocess.run([sys.executable, str(BENCH / f"bench_{name}.py")], env=env).returncode:
                failed.append(name)
        figures = [json.loads(line) for line in sink.read_text(encoding="utf-8").splitlines()] if sink.exists() else []
    print("\n| figure | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|")
    for f in figures:
        ratio = f"{f['ratio']:.2f}x" if f["ratio"] is not None else "-"
        met = {True: "yes", False: "**no**", None: "-"}[f["met"]]
        print(f"| {f['name']} | {fmt(f['value'], f['unit'])} | {fmt(f['baseline'], f['unit'])} ({f['baseline_name']}) "
              f"| {ratio} | {f['target']} | {met} |")
    if failed:
        print(f"\nbenchmarks that did not run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
