"""Text hygiene for every text field: NFC, no stray control characters, a length limit.

Text reaches the program by typing, pasting from Word or e-mail, and importing
files made elsewhere. Whatever the route, a field is stored the same way:
Unicode NFC (so equal text compares equal and the digest is stable), line
breaks as "\\n", and none of the invisible control characters that break the
Word export or a later import. Zero-width joiners stay: Bangla needs them
(র‍্য).
"""
from __future__ import annotations

import re
import unicodedata

from egov_desktop.core.i18n import MessageError, Msg, N_

# The longest text a field may hold (characters), by what the field is. A title is a line of a table or a
# heading (the longest seen in real plans is under 250); a name is an office, a person, a designation, a
# code or a contact; anything else (narrative, evidence, a memo paragraph, notes) is a paragraph.
PARAGRAPH_LIMIT = 20_000
TITLE_LIMIT = 500
NAME_LIMIT = 200
# The most an extension ("x-" key) value may take, as the JSON the exchange file writes (bytes of UTF-8).
EXTENSION_LIMIT = 64 * 1024

# Cc (C0/C1 controls but newline and tab), Cs (lone surrogates: cannot be stored as UTF-8), and byte-order
# marks pasted mid-text. One pattern, not a test per character: a long text is refused or cleaned without
# a Python object per character (a 10 MB title took 1 GB that way).
_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# "\r\n", "\r", U+0085 and the Unicode line/paragraph separators: all one newline.
_NEWLINES = re.compile("\r\n?|[\x85\u2028\u2029]")
# Cleaning can only shorten a text, and NFC lengthens it rarely (a precomposed letter it splits, such as
# "ড়"): a text this many times over its limit is refused before it is cleaned.
_SLACK = 2


class TextTooLong(MessageError, ValueError):
    """A text longer than its field allows. `.msg` says how long it is and the limit."""

    def __init__(self, length: int, limit: int):
        self.length = length
        self.limit = limit
        msgid = N_("The text is too long: {length} characters; at most {limit} are allowed.")
        super().__init__(Msg(msgid, {"length": length, "limit": limit}))

    def __str__(self) -> str:
        return self.render()


def clean_text(text: str, max_len: int | None = None) -> str:
    """NFC, "\\r\\n"/"\\r" -> "\\n", control characters other than newline and tab removed.

    Raises TextTooLong when the cleaned text has more than `max_len` characters.
    """
    if max_len is not None and len(text) > _SLACK * max_len:
        raise TextTooLong(len(text), max_len)
    text = _DROP.sub("", _NEWLINES.sub("\n", text))
    text = unicodedata.normalize("NFC", text)
    if max_len is not None and len(text) > max_len:
        raise TextTooLong(len(text), max_len)
    return text
