"""Text hygiene for every text field: NFC, no stray control characters, a length limit.

Text reaches the program by typing, pasting from Word or e-mail, and importing
files made elsewhere. Whatever the route, a field is stored the same way:
Unicode NFC (so equal text compares equal and the digest is stable), line
breaks as "\\n", and none of the invisible control characters that break the
Word export or a later import. Zero-width joiners stay: Bangla needs them
(র‍্য).
"""
from __future__ import annotations

import unicodedata

from egov_desktop.core.i18n import MessageError, Msg, N_

# The longest text a field may hold (characters): a long paragraph.
PARAGRAPH_LIMIT = 20_000

_KEEP = {"\n", "\t"}
# Byte-order marks pasted mid-text and the Unicode line/paragraph separators.
_DROP = {"\ufeff", "\ufffe", "\uffff"}
_NEWLINES = {"\u2028", "\u2029", "\x85"}


class TextTooLong(MessageError, ValueError):
    """A text longer than its field allows. `.msg` says how long it is and the limit."""

    def __init__(self, length: int, limit: int):
        self.length = length
        self.limit = limit
        msgid = N_("The text is too long: {length} characters; at most {limit} are allowed.")
        super().__init__(Msg(msgid, {"length": length, "limit": limit}))

    def __str__(self) -> str:
        return self.render()


def _keep(ch: str) -> bool:
    if ch in _KEEP:
        return True
    if ch in _DROP:
        return False
    # Cc: C0/C1 controls; Cs: lone surrogates (cannot be stored as UTF-8).
    return unicodedata.category(ch) not in ("Cc", "Cs")


def clean_text(text: str, max_len: int | None = None) -> str:
    """NFC, "\\r\\n"/"\\r" -> "\\n", control characters other than newline and tab removed.

    Raises TextTooLong when the cleaned text has more than `max_len` characters.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in _NEWLINES:
        text = text.replace(sep, "\n")
    text = "".join(ch for ch in text if _keep(ch))
    text = unicodedata.normalize("NFC", text)
    if max_len is not None and len(text) > max_len:
        raise TextTooLong(len(text), max_len)
    return text
