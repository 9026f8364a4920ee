"""What the shell's windows share: names of the model's codes (plan kinds, office tiers), file filters, folders."""
from __future__ import annotations

from egov_desktop.core.i18n import N_, _

KIND_LABELS = {
    "egov_innovation": N_("e-Governance and Innovation Action Plan"),
    "nis": N_("National Integrity Strategy Action Plan"),
    "grs": N_("Grievance Redress System Action Plan"),
    "citizen_charter": N_("Citizen's Charter Action Plan"),
    "rti": N_("Right to Information Action Plan"),
    "other": N_("Other action plan"),
}
TIER_LABELS = {
    "ministry": N_("Ministry or division"),
    "department": N_("Department or agency"),
    "field": N_("Field office"),
}

EXCHANGE_FILTER = N_("Plan exchange files (*.json)")


def documents_folder() -> str:
    """Where file dialogs start: the user's Documents folder (home if there is none)."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, KIND_LABELS["other"]))


def kind_order(kind: str) -> int:
    return list(KIND_LABELS).index(kind) if kind in KIND_LABELS else len(KIND_LABELS)
