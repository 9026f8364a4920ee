"""The main window's dialogs. Each keeps its layout in forms/*.ui and talks to the store only."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #a40000;"


def show_error(label: QLabel, text: str | None) -> None:
    """A dialog's own error line: shown in red when there is something to say, hidden otherwise."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(text or "")
    label.setVisible(bool(text))


def text_lines(text: str) -> list[str]:
    """The non-blank lines of a multi-line field (recipients, copies), trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of a multi-line field (a memo's body), split at blank lines, each on one line."""
    return [" ".join(p.split()) for p in text.replace("\r", "").split("\n\n") if p.strip()]
