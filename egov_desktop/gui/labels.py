"""What the shell's windows share: names of the model's codes (plan kinds, office tiers), file filters, folders."""
from __future__ import annotations

from egov_desktop.core.i18n import N_, _
from egov_desktop.core.model import PLAN_KIND_NAMES, TIER_NAMES

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
