"""Evidence files (প্রমাণক) attached to a report's entries: what is accepted and how it is recognised.

A file's type is read from its content, never from its name: a PDF starts with `%PDF-`, a JPEG with
FF D8 FF, a PNG with its eight-byte signature, a .docx or .xlsx is a zip holding `word/document.xml` or
`xl/workbook.xml`. A name whose extension names another type than the content is refused too (a file
that claims to be a PDF and is not). Every file is read through the guarded reader, at most 20 MB.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from egov_desktop.core import guarded
from egov_desktop.core.i18n import Msg, N_

LIMIT = 20 * guarded.MB
NAME_LIMIT = 200

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The short name of each type (the Word annex prints it) and the extensions a name may have for it.
TYPE_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "Word (.docx)", XLSX: "Excel (.xlsx)"}
_EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".docx": DOCX, ".xlsx": XLSX}
_SUFFIX = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx", XLSX: ".xlsx"}


# The key of an entry's attached files in the exchange document: [{"name", "sha256", "type", "size"}]. Written
# only for an entry with files, so the digests of reports signed without any stay as they were.
EVIDENCE_KEY = "x-evidence-files"


def attached(entry) -> list[dict]:
    """The evidence files an entry (core.model.Entry) lists, in order; a malformed list gives none."""
    files = entry.extras.get(EVIDENCE_KEY) if entry is not None else None
    if not isinstance(files, list):
        return []
    return [f for f in files if isinstance(f, dict) and isinstance(f.get("name"), str)]


class EvidenceRefused(guarded.Unreadable):
    """The file is not accepted as evidence, with the reason (a CLI reports it as a file it cannot read)."""


@dataclass(frozen=True)
class EvidenceFile:
    name: str
    content: bytes
    media_type: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def sniff(data: bytes) -> str | None:
    """The accepted type of `data` by its content, else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        try:
            with guarded.open_zip(io.BytesIO(data)) as z:
                if z.has("word/document.xml"):
                    return DOCX
                if z.has("xl/workbook.xml"):
                    return XLSX
        except guarded.Unreadable:
            return None
    return None


def from_bytes(name: str, data: bytes) -> EvidenceFile:
    """Check `data` named `name` as evidence; EvidenceRefused with the reason otherwise."""
    name = (name or "").strip()
    if not name or name in (".", "..") or len(name) > NAME_LIMIT or any(c in name for c in "/\\\0"):
        raise EvidenceRefused(Msg(N_("An evidence file needs a plain name of at most {n} characters."),
                                  {"n": NAME_LIMIT}))
    if len(data) > LIMIT:
        raise EvidenceRefused(Msg(N_("the file is too large (over {size} MB)"), {"size": LIMIT // guarded.MB}))
    if not data:
        raise EvidenceRefused(Msg(N_("The file is empty.")))
    media_type = sniff(data)
    if media_type is None:
        raise EvidenceRefused(Msg(N_("Only PDF, JPEG, PNG, Word (.docx) and Excel (.xlsx) files can be evidence; "
                                     "this file's content is none of them.")))
    claimed = claimed_type(name)
    if claimed is not None and claimed != media_type:
        raise EvidenceRefused(Msg(N_("The file's name says {claimed} but its content is {actual}."),
                                  {"claimed": TYPE_NAMES[claimed], "actual": TYPE_NAMES[media_type]}))
    import hashlib  # here, as in exchange.report_digest: not on the start path

    return EvidenceFile(name, data, media_type, hashlib.sha256(data).hexdigest())


def claimed_type(name: str) -> str | None:
    """The type a file's name claims by its extension, if it is one of the accepted ones."""
    return _EXTENSIONS.get(Path(name).suffix.lower())


def read(path) -> EvidenceFile:
    """An evidence file from disk: a regular file of at most 20 MB (a larger one is refused before it is
    read), checked by `from_bytes`."""
    data = guarded.read_file(path, LIMIT)
    return from_bytes(Path(path).name, data)


def suffix(media_type: str) -> str:
    """The extension a file of this type gets when written out (opening it from the grid)."""
    return _SUFFIX[media_type]
