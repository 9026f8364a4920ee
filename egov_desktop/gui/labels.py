"""What the shell's windows share: names of the model's codes (plan kinds, office tiers), file filters, folders."""
from __future__ import annotations

from egov_desktop.core.i18n import N_, _, current_language
from egov_desktop.core.model import PLAN_KIND_NAMES, TIER_NAMES
from egov_desktop.core.periods import FiscalYear
from egov_desktop.core.values import ParseError

# The names of the model's codes are the core's: the CLI shows them too.
KIND_LABELS, TIER_LABELS = PLAN_KIND_NAMES, TIER_NAMES

EXCHANGE_FILTER = N_("Plan exchange files (*.json)")
TABLE_FILTER = N_("Word and Excel files (*.docx *.xlsx)")
EXCEL_FILTER = N_("Excel workbooks (*.xlsx)")


def documents_folder() -> str:
    """Where file dialogs start: the user's Documents folder (home if there is none)."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, KIND_LABELS["other"]))


def kind_order(kind: str) -> int:
    return list(KIND_LABELS).index(kind) if kind in KIND_LABELS else len(KIND_LABELS)


def plan_label(kind: str, fiscal_year: str) -> str:
    """"ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪": a plan as people name it (the fiscal year as given if
    it cannot be read)."""
    from egov_desktop.gui.i18n_qt import show_digits

    try:
        year = FiscalYear.parse(fiscal_year).label(current_language())
    except ParseError:
        year = fiscal_year
    return show_digits(f"{kind_label(kind)} {year}")


def template_label(name: str) -> str:
    """"egov_innovation-2023-24-department" -> "ই-গভর্ন্যান্স … ২০২৩-২৪ (অধিদপ্তর/সংস্থা)"."""
    kind, _sep, rest = name.partition("-")
    year, _sep, tier = rest.rpartition("-")
    if not year:
        return name
    label = plan_label(kind, year)
    return f"{label} ({_(TIER_LABELS[tier])})" if tier in TIER_LABELS else label
