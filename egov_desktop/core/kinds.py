"""What a plan's kind sets by default (PLANS.md §6.1): defaults for a new plan, never a fixed structure.

An office can keep a GRS plan with five levels or an NIS indicator without quarter targets: nothing
here is checked against a plan. A new plan (from no template) and a new indicator take these.
"""
from __future__ import annotations

from dataclasses import dataclass

from egov_desktop.core.i18n import N_
from egov_desktop.core.model import Level

# The usual five levels (DOMAIN.md §2), and the single ones of the other plans.
FIVE_LEVELS = (
    ("excellent", N_("Excellent"), 100),
    ("very_good", N_("Very good"), 90),
    ("good", N_("Good"), 80),
    ("fair", N_("Fair"), 70),
    ("below_fair", N_("Below fair"), 60),
)
EXCELLENT_ONLY = FIVE_LEVELS[:1]
# NIS has no levels, one target per quarter (PLANS.md §2.2): one level, printed "লক্ষ্যমাত্রা".
NIS_TARGET = (("target", N_("Target"), 100),)


@dataclass(frozen=True)
class KindDefaults:
    levels: tuple[tuple[str, str, float], ...]
    # An indicator's scoring: "levels", or "proportional" (গাণিতিক হারে) for counts and percents.
    scoring: str
    # Whether an indicator's annual target is split into quarter targets Q1..Q4.
    quarter_targets: bool
    # The declared total (মোট মান) seen for the kind; a template's own total wins.
    total_weight: float
    # The APA annex (সংযোজনী) number: NIS ৪, e-Gov ৫, CC ৬ [assumed from the order], GRS ৭, RTI ৮ (PLANS.md §1).
    annex: int | None


KIND_DEFAULTS = {
    "egov_innovation": KindDefaults(FIVE_LEVELS, "levels", False, 50, 5),
    "nis": KindDefaults(NIS_TARGET, "proportional", True, 50, 4),
    "grs": KindDefaults(EXCELLENT_ONLY, "proportional", False, 25, 7),
    "citizen_charter": KindDefaults(EXCELLENT_ONLY, "proportional", False, 25, 6),
    "rti": KindDefaults(EXCELLENT_ONLY, "proportional", False, 25, 8),
    "other": KindDefaults(FIVE_LEVELS, "levels", False, 50, None),
}


def default_levels(kind: str, lang: str | None = None) -> list[Level]:
    """The levels a new plan of the kind starts with, labelled in `lang` (Bangla by default)."""
    from egov_desktop.core.i18n import gettext_for

    return [Level(id, gettext_for(lang or "bn", label), percent) for id, label, percent in KIND_DEFAULTS[kind].levels]


def default_scoring(kind: str, unit: str) -> str | None:
    """A new indicator's scoring: the kind's, except that a date is never proportional (all or nothing
    at its date is the single level's reading)."""
    scoring = KIND_DEFAULTS[kind].scoring
    return None if unit == "date" or scoring == "levels" else scoring
