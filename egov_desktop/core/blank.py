"""A blank plan of a kind: the least a plan needs to be typed into (one area, activity, indicator), with the
kind's defaults (core.kinds: levels, scoring, total weight)."""
from __future__ import annotations

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.kinds import KIND_DEFAULTS, default_levels, default_scoring
from egov_desktop.core.model import PLAN_KIND_NAMES, Activity, Area, Indicator, Office, Plan, PlanDocument

NEW_AREA, NEW_ACTIVITY, NEW_INDICATOR = N_("New area"), N_("New activity"), N_("New indicator")


def blank_document(kind: str, fiscal_year: str, tier: str = "department") -> PlanDocument:
    """A plan of `kind` for `fiscal_year` (e.g. "2024-25"), its titles in Bangla as the plan's own text is;
    the one indicator carries the whole total weight, so the weights add up until the user splits them. The
    office is the caller's to set."""
    levels = default_levels(kind)
    total = KIND_DEFAULTS[kind].total_weight
    indicator = Indicator(code="1.1.1", title=Msg(NEW_INDICATOR).render("bn"), unit="count", weight=total,
                          targets=[None] * len(levels), scoring=default_scoring(kind, "count"))
    area = Area(code="1", title=Msg(NEW_AREA).render("bn"), weight=total,
                activities=[Activity(code="1.1", title=Msg(NEW_ACTIVITY).render("bn"), indicators=[indicator])])
    plan = Plan(kind=kind, title=Msg(PLAN_KIND_NAMES[kind]).render("bn"), fiscal_year=fiscal_year,
                total_weight=total, levels=levels, areas=[area])
    return PlanDocument(office=Office(name="", tier=tier), plan=plan)
