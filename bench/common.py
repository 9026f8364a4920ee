"""What every benchmark shares: statistics, the machine, the plans, and how a figure is printed.

A figure is always printed beside its baseline, measured in the same run on the
same machine, so the ratio means something on any PC; the absolute number is
what the target in issue 6 is about.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

# Plans are generated once per machine and reused (they are deterministic).
CACHE = Path(os.environ.get("EGOV_BENCH_CACHE") or Path(tempfile.gettempdir()) / "egov-bench")


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None
    baseline_name: str
    target: str
    met: bool | None
    detail: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: p99 of 10,000 samples is the 9,900th smallest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


def alternate(bare, real, repeats: int) -> tuple[list[float], list[float]]:
    """Times of `bare()` and `real()` run one after the other `repeats` times, after a first round that warms
    both up (so the machine's moods fall on both alike)."""
    bare_times, real_times = [], []
    for i in range(repeats + 1):
        t0 = time.perf_counter()
        bare()
        t1 = time.perf_counter()
        real()
        t2 = time.perf_counter()
        if i:
            bare_times.append(t1 - t0)
            real_times.append(t2 - t1)
    return bare_times, real_times


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    return {
        "cpu": cpu_model(),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def plan_path(n_indicators: int) -> Path:
    from make_plans import write_plan

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"plan-{n_indicators}.plan.json"
    if not path.exists():
        write_plan(n_indicators, path)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM on Linux, PeakWorkingSetSize on Windows)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (n, ctypes.c_size_t)
                for n in ("PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
                          "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")
            ]

        c = Counters()
        c.cb = ctypes.sizeof(c)
        ctypes.windll.psapi.GetProcessMemoryInfo(ctypes.windll.kernel32.GetCurrentProcess(), ctypes.byref(c), c.cb)
        return c.PeakWorkingSetSize / 2**20
    import resource

    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.3f} ms" if value < 1 else f"{value:.2f} ms"
    return f"{value:.1f} {unit}"


def emit(*figures: Figure) -> None:
    """Print the figures for a person, and hand them to run_all when it asked (EGOV_BENCH_JSON)."""
    for f in figures:
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        verdict = {True: "met", False: "MISSED", None: ""}[f.met]
        print(f"{f.name}: {fmt(f.value, f.unit)}  | baseline ({f.baseline_name}): {fmt(f.baseline, f.unit)}"
              f"  | ratio {ratio}  | target {f.target} {verdict}")
        if f.detail:
            print(f"    {f.detail}")
    sink = os.environ.get("EGOV_BENCH_JSON")
    if sink:
        with open(sink, "a", encoding="utf-8") as fh:
            for f in figures:
                fh.write(json.dumps(asdict(f) | {"ratio": f.ratio}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@dataclass
class GuiStart:
    window: float  # seconds from spawn to the main window's first paint
    plan: float  # seconds from spawn to the first frame showing the plan
    rss_mb: float  # peak RSS when that frame was painted (+ settle)


def run_gui_child(mode: str, path: Path, settle: float = 0.0, timeout: float = 120) -> GuiStart:
    """Spawn gui_child.py and time its `window` and `painted` lines."""
    import subprocess

    env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    cmd = [sys.executable, str(BENCH / "gui_child.py"), mode, str(path), "--settle", str(settle)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    times, line = {}, ""
    while not line.startswith("painted"):
        line = proc.stdout.readline()
        if not line:
            break
        times[line.split()[0]] = time.perf_counter() - t0
    _, stderr = proc.communicate(timeout=timeout)
    if "painted" not in times:
        raise RuntimeError(f"{mode} child did not paint (exit {proc.returncode}):\n{stderr[-3000:]}")
    return GuiStart(times.get("window", times["painted"]), times["painted"], float(line.split()[1]))


def compile_bytecode() -> None:
    """Write the program's .pyc files, as an installed program has them (pip compiles on install, the packaged
    build freezes bytecode). A checkout run with PYTHONDONTWRITEBYTECODE set (as on the shared machine) would
    otherwise compile every module from source at each start: +0.1 s that no office PC pays."""
    import compileall

    compileall.compile_dir(str(ROOT / "egov_desktop"), quiet=1)


def store_with_plan(n_indicators: int, path: Path) -> tuple[Path, int]:
    """A fresh database at `path` holding the n-indicator plan; returns (path, plan key)."""
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store

    path.unlink(missing_ok=True)
    store = Store.open(path)
    try:
        key = store.import_document(exchange.load(plan_path(n_indicators))).key
    finally:
        store.close()
    return path, key
