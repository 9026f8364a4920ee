"""Does a .docx match a signed-off revision in the database?

The export stores the report's digest, revision, period and export settings in a
custom document property. Verification finds the signed revision with that digest,
exports the signed snapshot again with the same settings, and compares the text a
reader sees (body paragraph by paragraph, and the footers). A file whose text was
changed after export, or whose seal names a revision the database never signed,
does not match. The file comes from outside: it is read through core.guarded, and any failure to read it
is a guarded.Unreadable (exit 2), never "does not match".
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from egov_desktop.core.guarded import GuardedZip, open_zip
from egov_desktop.core.i18n import N_, Msg


@dataclass
class Verdict:
    ok: bool
    msg: Msg
    revision: object | None = None  # the store's SignedRevision when one was found
    difference: tuple[str, str] | None = None  # first differing paragraph: (in the file, as signed)


def docx_texts(z: GuardedZip) -> list[str]:
    """What a reader sees in a .docx: the body's paragraphs in order, then the
    footers' distinct lines. Empty paragraphs are left out, and footers compared as a set: Word and
    LibreOffice add or drop those when they save a file, which changes nothing anyone reads."""
    from egov_desktop.export.docx_report import body_texts

    body = [t for t in body_texts(z.read("word/document.xml")) if t.strip()]
    footers = {t for n in z.names() if n.startswith("word/footer") for t in body_texts(z.read(n)) if t.strip()}
    return body + sorted(footers)


def verify_docx(path, store) -> Verdict:
    """Raises guarded.Unreadable when the file is not a readable .docx."""
    with open_zip(path) as z:
        return _verify(z, store)


def verify_file(path, store) -> list[tuple[str | None, Verdict]]:
    """A .docx, or a submission package (export/package.py): read whole and checked, then each of its Word
    files verified. (Word file's name in the package or None, its verdict) in order. Raises guarded.Unreadable
    when the file is neither, or a package is not as its manifest says."""
    from egov_desktop.export import package

    with open_zip(path, package.PACKAGE_LIMIT) as z:
        if not z.has(package.MANIFEST):
            return [(None, _verify(z, store))]
    verdicts = []
    for plan in package.read(path).plans:
        with open_zip(io.BytesIO(plan.word)) as z:
            verdicts.append((plan.word_name, _verify(z, store)))
    return verdicts


def _verify(z: GuardedZip, store) -> Verdict:
    from egov_desktop.core import exchange
    from egov_desktop.export.docx_report import ExportSettings, build_document, read_metadata

    meta = read_metadata(z)
    if meta is None:
        return Verdict(False, Msg(N_("The file carries no egov-desktop seal: it was not exported by this program, "
                                     "or the seal was removed.")))
    if not meta.get("digest"):
        return Verdict(False, Msg(N_("The file was exported from a report that was not signed off.")))
    no_match = Verdict(False, Msg(N_("No signed-off revision in the database matches this file.")))
    if not all(isinstance(meta.get(k), str) for k in ("fiscal_year", "kind", "period")):
        return no_match  # a seal edited by hand
    key = store.find_plan(meta["fiscal_year"], meta["kind"])
    revisions = store.signed_revisions(key, meta["period"]) if key is not None else []
    # Reopening and signing again without changes gives the same digest: the revision tells them apart.
    signed = next((r for r in revisions if r.digest == meta["digest"] and r.revision == meta.get("revision")), None)
    if signed is None:
        return no_match
    doc = exchange.loads(signed.snapshot)
    buf = io.BytesIO()
    try:
        settings = ExportSettings.from_dict(meta.get("settings", {}))
        build_document(doc, meta["period"], meta.get("parts", ("memo", "report")), settings=settings,
                       embed=False).save(buf)
    except (TypeError, ValueError, AttributeError):
        # Settings or parts edited by hand into nonsense: the signed revision cannot be shown so.
        return no_match
    with open_zip(buf) as ours:
        expected = docx_texts(ours)
    actual = docx_texts(z)
    if expected != actual:
        diff = next(((a, e) for a, e in zip(actual, expected) if a != e),
                    (actual[len(expected)] if len(actual) > len(expected) else "",
                     expected[len(actual)] if len(expected) > len(actual) else ""))
        return Verdict(False, Msg(N_("The file's text differs from signed revision {revision}: "
                                     "it was changed after export."), {"revision": signed.revision}),
                       signed, diff)
    params = {"revision": signed.revision, "name": signed.name, "date": signed.signed_at.date().strftime("%d/%m/%Y")}
    if signed.reopened_at is not None:
        return Verdict(True, Msg(N_("The file matches revision {revision}, signed off by {name} on {date}; "
                                    "that revision was later reopened."), params), signed)
    return Verdict(True, Msg(N_("The file matches revision {revision}, signed off by {name} on {date}."), params),
                   signed)
