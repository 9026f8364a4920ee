"""The APA overview: an office's five governance action plans of a fiscal year side by side (issue 9).

Since 2021-22 the APA carries five plans as its annexes ৪–৮ (PLANS.md §1): NIS, e-Governance, Citizen's
Charter, GRS and RTI. For one reporting period this gives each plan's score, the total of the five
(সুশাসন ও সংস্কারমূলক কার্যক্রম) and what is still missing: a plan not made yet, a report not started,
an indicator with nothing entered.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.kinds import KIND_DEFAULTS
from egov_desktop.core.model import SIGNATORY_FIELDS, Memo, PlanDocument, Signatory
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


def in_annex_order(docs: Sequence[PlanDocument], period: str) -> list[PlanDocument]:
    """The five plans among `docs` that have a `period` report, in annex order (সংযোজনী ৪–৮)."""
    order = {kind: i for i, kind in enumerate(APA_KINDS)}
    return sorted((d for d in docs if d.plan.kind in order and d.report(period) is not None),
                  key=lambda d: order[d.plan.kind])


def memo_from_profile(profile: dict, subject: str, today: dt.date, number: str | None = None) -> Memo:
    """What a memo not yet written starts from: the office profile (its first signatory, standard paragraphs,
    recipients, attention line and copies), the date and subject given, and a number (the next of a series)."""
    first = (profile["signatories"] or [{}])[0]
    return Memo(
        number=number,
        date=today,
        subject=subject,
        signatory=Signatory(**{k: first.get(k) for k in SIGNATORY_FIELDS}),
        body=list(profile.get("standard_paragraphs") or []),
        recipient=list(profile["default_recipients"]),
        attention=profile.get("default_attention"),
        copies=list(profile["default_copies"]),
        copies_purpose=profile.get("default_copies_purpose"),
    )


def all_plans_subject(fiscal_year: str, period: str, lang: str = "bn") -> str:
    """The subject of the memo forwarding all five plans' reports of a period."""
    from egov_desktop.core.periods import FiscalYear, period_name

    return Msg(N_("Sending the {period} reports of the governance and reform action plans of {fiscal_year}"),
               {"period": period_name(period, lang), "fiscal_year": FiscalYear.parse(fiscal_year).label(lang)}
               ).render(lang)


def all_plans_memo(profile: dict, fiscal_year: str, period: str, saved: Memo | None, today: dt.date,
                   number: str | None = None) -> Memo:
    """The memo of the all-plans file (export-docx --all-plans): the one the office wrote for the period
    (`saved`), else one made from its profile with the next `number` of its memo series, dated `today`."""
    if saved is not None:
        return saved
    return memo_from_profile(profile, all_plans_subject(fiscal_year, period), today, number)
