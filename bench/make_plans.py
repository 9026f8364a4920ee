"""Synthetic big plans in the shape of the MoDMR reference fixture.

The fixture has areas with titles and weights, activities of one to three
indicators of every unit, a five-level target row, and a half-year report whose
entries carry a value and a narrative, with a full forwarding memo. A big plan
repeats that shape: the fixture's indicators are cycled as templates (title,
unit, targets, evidence), codes are renumbered, and the weights are spread so
the plan still adds up to its declared total. So every figure measures the
same kinds of cells a real office types.

    python bench/make_plans.py 200 out.plan.json
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from egov_desktop.core import exchange  # noqa: E402
from egov_desktop.core.model import Activity, Area, PlanDocument  # noqa: E402

REFERENCE = ROOT / "tests" / "fixtures" / "modmr-2021-22.plan.json"
INDICATORS_PER_ACTIVITY = 4
ACTIVITIES_PER_AREA = 5


def make_plan(n_indicators: int) -> PlanDocument:
    ref = exchange.load(REFERENCE)
    templates = ref.plan.indicators()
    report = copy.deepcopy(ref.reports[0])
    entry_of = {e.indicator: e for e in report.entries}
    area_titles = [a.title for a in ref.plan.areas]
    activity_titles = [act.title for a in ref.plan.areas for act in a.activities]

    doc = PlanDocument(office=ref.office, plan=copy.deepcopy(ref.plan), notes=f"synthetic, {n_indicators} indicators")
    doc.plan.areas = []
    report.entries = []
    # Whole-number weights where possible: the Word table and the score show them as typed.
    weight = doc.plan.total_weight / n_indicators
    per_area = INDICATORS_PER_ACTIVITY * ACTIVITIES_PER_AREA
    for i in range(n_indicators):
        a_no, rest = divmod(i, per_area)
        act_no, ind_no = divmod(rest, INDICATORS_PER_ACTIVITY)
        if rest == 0:
            doc.plan.areas.append(Area(code=str(a_no + 1), title=area_titles[a_no % len(area_titles)], weight=0))
        area = doc.plan.areas[-1]
        if ind_no == 0:
            code = f"{a_no + 1}.{act_no + 1}"
            area.activities.append(Activity(code=code, title=activity_titles[(a_no * 7 + act_no) % len(activity_titles)]))
        activity = area.activities[-1]
        template = templates[i % len(templates)]
        ind = copy.deepcopy(template)
        ind.code = f"{activity.code}.{ind_no + 1}"
        ind.weight = round(weight, 4)
        activity.indicators.append(ind)
        area.weight = round(area.weight + ind.weight, 4)
        entry = entry_of.get(template.code)
        if entry is not None:
            entry = copy.deepcopy(entry)
            entry.indicator = ind.code
            report.entries.append(entry)
    doc.reports = [report]
    return doc


def write_plan(n_indicators: int, path: Path) -> Path:
    exchange.dump(make_plan(n_indicators), path)
    return path


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"plan-{n}.plan.json")
    write_plan(n, out)
    print(out)
