"""The APA overview: an office's five governance action plans of a fiscal year side by side (issue 9).

Since 2021-22 the APA carries five plans as its annexes ৪–৮ (PLANS.md §1): NIS, e-Governance, Citizen's
Charter, GRS and RTI. For one reporting period this gives each plan's score, the total of the five
(সুশাসন ও সংস্কারমূলক কার্যক্রম) and what is still missing: a plan not made yet, a report not started,
an indicator with nothing entered.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from egov_desktop.core.kinds import KIND_DEFAULTS
from egov_desktop.core.model import PlanDocument
from egov_desktop.core.scoring import scorable, score_report

# The five plans in annex order (সংযোজনী ৪–৮).
APA_KINDS = tuple(sorted((k for k, d in KIND_DEFAULTS.items() if d.annex is not None),
                         key=lambda k: KIND_DEFAULTS[k].annex))


@dataclass
class PlanStanding:
    kind: str
    annex: int
    plan_key: int | None = None  # None: the office has no such plan for the year
    title: str | None = None
    report_status: str | None = None  # None: no report for the period yet
    total: float = 0.0
    out_of: float = 0.0
    # Indicators with nothing entered for the period (neither an achievement nor not applicable).
    missing: list[str] = field(default_factory=list)

    @property
    def present(self) -> bool:
        return self.plan_key is not None or self.title is not None


@dataclass
class ApaOverview:
    fiscal_year: str
    period: str
    plans: list[PlanStanding]

    @property
    def total(self) -> float:
        return round(sum(p.total for p in self.plans), 9)

    @property
    def out_of(self) -> float:
        return round(sum(p.out_of for p in self.plans), 9)

    @property
    def missing_plans(self) -> list[str]:
        return [p.kind for p in self.plans if not p.present]


def _entered(entry) -> bool:
    return entry is not None and (entry.not_applicable or entry.value is not None
                                  or any(d is not None for d in entry.dates or ()))


def apa_overview(docs: Sequence[PlanDocument], fiscal_year: str, period: str) -> ApaOverview:
    """The five plans of `fiscal_year` among `docs` (others are ignored), scored for `period`."""
    by_kind = {d.plan.kind: d for d in docs if d.plan.fiscal_year == fiscal_year and d.plan.kind in APA_KINDS}
    standings = []
    for kind in APA_KINDS:
        standing = PlanStanding(kind, KIND_DEFAULTS[kind].annex)
        doc = by_kind.get(kind)
        if doc is not None:
            standing.plan_key, standing.title = doc.plan.key, doc.plan.title
            report = doc.report(period)
            entries = {e.indicator: e for e in report.entries} if report is not None else {}
            if report is not None:
                standing.report_status = report.status
                result = score_report(doc.plan, report, doc.reports)
                standing.total, standing.out_of = result.total, result.out_of
            else:
                standing.out_of = sum(i.weight for i in doc.plan.indicators() if scorable(i, doc.plan.levels))
            standing.missing = [i.code for i in doc.plan.indicators() if not _entered(entries.get(i.code))]
        standings.append(standing)
    return ApaOverview(fiscal_year, period, standings)
