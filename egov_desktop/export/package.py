"""The submission package (issue 11.3): one .zip that carries a report up to the upper office "প্রমাণকসহ".

    build(docs, period, word, content, lang) -> bytes   the package of the `period` report of each plan
    read(path) -> Package                               a package from outside, every byte checked

Its format is docs/PACKAGE.md: a `manifest.json`, then for each plan its Word file (memo and report, the plan
carried inside) and its exchange document as a plain .json, then the report's evidence files under
`প্রমাণক/`. Evidence is stored as it is (PDF, JPEG, PNG and Office files are packed already, and a stored part
cannot look like a zip bomb to the reader); the JSON parts are deflated.

Reading goes through core.guarded (size, member count, names outside the zip, links, zip bombs), then checks
every member against the manifest's size and SHA-256, the exchange document against the one inside the Word
file, and every evidence file against the report's own list (`x-evidence-files`, which a signed report's
digest covers) and against its content's type. Any failure is a PackageRefused naming the member, and
nothing is returned: a package is read whole or not at all.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Callable

from egov_desktop import __version__
from egov_desktop.core import evidence, exchange, guarded
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PlanDocument
from egov_desktop.export import embedded
from egov_desktop.export.docx_report import SIGNED_STATUSES, default_file_name

FORMAT = "egov-package"
VERSION = 1
MANIFEST = "manifest.json"
EVIDENCE_FOLDER = "প্রমাণক"
# Most government mail servers (nothi, the ministries' own) refuse a message larger than this.
MAIL_LIMIT = 20 * guarded.MB
# What the reader accepts: five plans' Word files and a few hundred evidence files of 20 MB at most.
PACKAGE_LIMIT = 1024 * guarded.MB
MANIFEST_LIMIT = 4 * guarded.MB
_NAME_CHARS = 80  # of an evidence file's name in the package, before its extension: short paths for Windows
_UNSAFE = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]')


class PackageRefused(guarded.Unreadable):
    """The package cannot be read as it is, with the reason (naming the member)."""


@dataclass(frozen=True)
class PackagedEvidence:
    indicator: str  # the indicator code, "1.1.1"
    path: str  # its member in the package
    file: evidence.EvidenceFile  # its original name, content, type and SHA-256


@dataclass
class PackagedPlan:
    doc: PlanDocument  # the plan with the one report of the package's period
    word_name: str
    word: bytes
    signed: bool  # the report is signed off (or submitted) and its content matches its digest
    evidence: list[PackagedEvidence] = field(default_factory=list)


@dataclass
class Package:
    manifest: dict
    plans: list[PackagedPlan]

    @property
    def period(self) -> str:
        return self.manifest["period"]


# ------------------------------------------------------------------ making one

def evidence_path(code: str, seq: int, name: str, media_type: str, folder: str = EVIDENCE_FOLDER) -> str:
    """The member an evidence file goes to: `প্রমাণক/[১.১.১]-১-<name>`. The code in brackets and Bangla digits
    is how the report's table and its annex print it, so the officer who reads the report finds the file; its
    place among the entry's files (1, 2, ...) keeps two names that become one when made safe apart, and the
    entry's files in their order when sorted. The name is NFC, without control characters or any character
    Windows refuses (each becomes "_"), at most 80 characters before an extension that says its type."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or evidence.claimed_type(name) != media_type:
        stem, ext = name, evidence.suffix(media_type)[1:]
    stem = " ".join(_UNSAFE.sub("_", stem).split())[:_NAME_CHARS].rstrip(" .") or EVIDENCE_FOLDER
    prefix = f"[{localize_digits(code, 'bn')}]-{localize_digits(str(seq), 'bn')}-"
    return f"{folder}/{prefix}{stem}.{_UNSAFE.sub('_', ext)}"


def _member(zf: zipfile.ZipFile, path: str, data: bytes, deflate: bool, files: list[dict]) -> None:
    info = zipfile.ZipInfo(path, dt.datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)
    files.append({"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def build(docs: list[PlanDocument], period: str, word: Callable[[PlanDocument], bytes],
          content: Callable[[str], bytes], lang: str = "bn") -> bytes:
    """The package of the `period` report of each of `docs` (one office, one fiscal year): `word(doc)` makes
    a plan's .docx (docx_report.docx_bytes with the office's settings), `content(sha256)` gives the bytes of
    an evidence file the report lists. Raises what `word` raises (ExportError)."""
    plans, files = [], []
    buf = io.BytesIO()
    several = len(docs) > 1
    with zipfile.ZipFile(buf, "w") as zf:
        for doc in docs:
            report = doc.report(period)
            stem = default_file_name(doc, period, lang, suffix="")
            word_name, json_name = f"{stem}.docx", f"{stem}.json"
            _member(zf, word_name, word(doc), False, files)
            _member(zf, json_name, embedded.document_json(doc, period).encode("utf-8"), True, files)
            # Of several plans, each one's evidence has a folder of its own: the codes repeat from plan to plan.
            folder = f"{EVIDENCE_FOLDER}/{_UNSAFE.sub('_', doc.plan.title).strip(' .')}" if several else EVIDENCE_FOLDER
            listed = []
            for entry in report.entries:
                for seq, f in enumerate(evidence.attached(entry), 1):
                    path = evidence_path(entry.indicator, seq, f["name"], f["type"], folder)
                    _member(zf, path, content(f["sha256"]), False, files)
                    listed.append({"path": path, "indicator": entry.indicator, "name": f["name"],
                                   "type": f["type"], "size": f["size"], "sha256": f["sha256"]})
            signed = report.status in SIGNED_STATUSES and report.signoff is not None
            plans.append({"kind": doc.plan.kind, "title": doc.plan.title, "status": report.status,
                          "signed": signed, "revision": report.revision if signed else None,
                          "digest": report.signoff.digest if signed else exchange.report_digest(doc, period),
                          "word": word_name, "exchange": json_name, "evidence": listed})
        first = docs[0]
        manifest = {"format": FORMAT, "version": VERSION, "program": f"egov-desktop {__version__}",
                    "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "office": first.office.name, "tier": first.office.tier,
                    "fiscal_year": first.plan.fiscal_year, "period": period, "plans": plans, "files": files}
        info = zipfile.ZipInfo(MANIFEST, dt.datetime.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        zf.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    return buf.getvalue()


@dataclass
class Sources:
    """What a package is made of, read from the store (gather) so that making it (make) needs no store: the
    window makes it off the GUI thread."""
    period: str
    docs: list[PlanDocument]
    settings: list  # each doc's docx_report.ExportSettings
    content: dict[str, bytes]  # SHA-256 -> an evidence file's bytes
    several: bool


def gather(store, keys: list[int], period: str, settings_of, lang: str, several: bool = False) -> Sources:
    """The `period` reports of the plans `keys` in an open Store, their export settings (`settings_of(key,
    doc)`) and evidence files. With `several` (--all-plans), a plan without a report of the period is left
    out, and a report without a memo goes as the report alone (the memo of another plan forwards them all);
    one of them must have a memo. ExportError says why a package cannot be made."""
    from egov_desktop.core.periods import period_name
    from egov_desktop.export.docx_report import ExportError

    docs, settings, content = [], [], {}
    for key in keys:
        doc = store.document_as_signed(key, period)
        if several and doc.report(period) is None:
            continue
        docs.append(doc)
        settings.append(settings_of(key, doc))
        for files in store.evidence_files(key, period).values():
            for f in files:
                if f["sha256"] not in content:
                    content[f["sha256"]] = store.evidence_content(f["file_id"])
    when = {"period": period_name(period, lang)}
    if not docs:
        raise ExportError(Msg(N_("No plan of this year has a {period} report."), when))
    # Said now, as the Word export would say it, before a file is chosen or anything is made.
    if not several and docs[0].report(period) is None:
        raise ExportError(Msg(N_("There is no {period} report in this plan."), when))
    if not several and docs[0].report(period).memo is None:
        raise ExportError(Msg(N_("The {period} report has no forwarding memo. Write the memo first, or export "
                                 "the report alone."), when))
    if several and all(d.report(period).memo is None for d in docs):
        raise ExportError(Msg(N_("None of the {period} reports has a forwarding memo. Write one first, or "
                                 "export the reports alone."), when))
    return Sources(period, docs, settings, content, several)


def make(sources: Sources, font: str, lang: str) -> tuple[bytes, Msg]:
    """The package, and a line saying what it holds. ExportError when a Word file cannot be made."""
    from egov_desktop.export.docx_report import docx_bytes

    period = sources.period
    settings = {id(doc): s for doc, s in zip(sources.docs, sources.settings)}

    def word(doc: PlanDocument) -> bytes:
        parts = ("report",) if sources.several and doc.report(period).memo is None else ("memo", "report")
        return docx_bytes(doc, period, parts, font=font, settings=settings[id(doc)])

    data = build(sources.docs, period, word, sources.content.__getitem__, lang)
    n_files = sum(len(evidence.attached(e)) for doc in sources.docs for e in doc.report(period).entries)
    summary = Msg(N_("The package holds {plans} Word file(s) and {files} evidence file(s): {size} MB."),
                  {"plans": len(sources.docs), "files": n_files, "size": f"{len(data) / guarded.MB:.1f}"})
    return data, summary


def from_store(store, keys: list[int], period: str, font: str, settings_of, lang: str,
               several: bool = False) -> tuple[bytes, Msg]:
    """gather, then make (the `package` and `email-draft --package` commands)."""
    return make(gather(store, keys, period, settings_of, lang, several), font, lang)


def size_warning(size: int) -> Msg | None:
    """The warning a package too large for most government mail gets."""
    if size <= MAIL_LIMIT:
        return None
    return Msg(N_("Warning: the package is {size} MB. Most government mail refuses a message over {limit} MB: "
                  "send it another way (a pen drive, a shared folder), or attach fewer or smaller evidence files."),
               {"size": f"{size / guarded.MB:.1f}", "limit": MAIL_LIMIT // guarded.MB})


# ------------------------------------------------------------------ reading one

def _refused(msgid: str, **params) -> PackageRefused:
    return PackageRefused(Msg(msgid, params))


def _no_duplicates(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise _refused(N_("the package's manifest is damaged (the key {key} is given twice)"), key=k)
        obj[k] = v
    return obj


def _manifest(z: guarded.GuardedZip) -> dict:
    if not z.has(MANIFEST):
        raise _refused(N_("this is not a submission package of this program (it has no manifest.json)"))
    try:
        manifest = json.loads(z.read(MANIFEST, MANIFEST_LIMIT).decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError):
        raise _refused(N_("the package's manifest is damaged (not valid JSON)")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refused(N_("this is not a submission package of this program (it has no manifest.json)"))
    version = manifest.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _refused(N_("the package's manifest is damaged ({key})"), key="version")
    if version > VERSION:
        raise _refused(N_("this package is format version {version}; this program reads up to version {known}. "
                          "Please update the program."), version=version, known=VERSION)
    for key, kind in (("period", str), ("fiscal_year", str), ("plans", list), ("files", list)):
        if not isinstance(manifest.get(key), kind):
            raise _refused(N_("the package's manifest is damaged ({key})"), key=key)
    return manifest


def _checked_members(z: guarded.GuardedZip, manifest: dict) -> dict[str, bytes]:
    """Every member but the manifest, read and checked against the manifest's size and SHA-256; the zip
    holds exactly the files the manifest lists."""
    listed = {}
    for f in manifest["files"]:
        if not (isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("size"), int)
                and isinstance(f.get("sha256"), str)) or f["path"] in listed or f["path"] == MANIFEST:
            raise _refused(N_("the package's manifest is damaged ({key})"), key="files")
        listed[f["path"]] = f
    for name in z.names():
        if name != MANIFEST and name not in listed:
            raise _refused(N_("{name} is in the package but not in its manifest"), name=name)
    data = {}
    for path, f in listed.items():
        if not z.has(path):
            raise _refused(N_("{name} is in the package's manifest but not in the package"), name=path)
        # The limit of the member's kind, not the size the manifest claims: a member grown since is said so.
        limit = evidence.LIMIT if path.startswith(EVIDENCE_FOLDER + "/") else guarded.ZIP_LIMIT
        try:
            body = z.read(path, limit)
        except guarded.Unreadable as exc:
            raise PackageRefused(exc.msg) from None
        if len(body) != f["size"] or hashlib.sha256(body).hexdigest() != f["sha256"].lower():
            raise _refused(N_("{name} was changed after the package was made (it does not match the package's "
                              "manifest)"), name=path)
        data[path] = body
    return data


def _embedded_document(word: bytes, name: str) -> str | None:
    try:
        with guarded.open_zip(io.BytesIO(word)) as z:
            parts = {n: z.read(n, embedded.MAX_PAYLOAD) for n in z.names()
                     if re.fullmatch(r"customXml/item[0-9]+\.xml", n)}
    except guarded.Unreadable as exc:
        raise _refused(N_("{name}: {reason}"), name=name, reason=exc.msg) from None
    found = embedded.find(parts)
    return found.document_json if found is not None else None


def _plan(entry, data: dict[str, bytes], manifest: dict) -> PackagedPlan:
    if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("word", "exchange"))
            and isinstance(entry.get("evidence"), list)):
        raise _refused(N_("the package's manifest is damaged ({key})"), key="plans")
    period, json_name, word_name = manifest["period"], entry["exchange"], entry["word"]
    for name in (json_name, word_name):
        if name not in data:
            raise _refused(N_("{name} is in the package's manifest but not in the package"), name=name)
    try:
        doc = exchange.loads(data[json_name])
    except exchange.ExchangeError as exc:
        raise _refused(N_("{name}: {reason}"), name=json_name, reason=exc.msg) from None
    report = doc.report(period)
    if report is None or doc.plan.fiscal_year != manifest["fiscal_year"] or doc.plan.kind != entry.get("kind"):
        raise _refused(N_("{name} is not the report the package's manifest says"), name=json_name)
    inside = _embedded_document(data[word_name], word_name)
    if inside is None or exchange.to_dict(exchange.loads(inside)) != exchange.to_dict(doc):
        raise _refused(N_("{word} and {json} do not hold the same report"), word=word_name, json=json_name)
    signed = report.status in SIGNED_STATUSES
    if entry.get("signed") and not signed:  # exchange.loads read a seal that no longer holds as a draft
        raise _refused(N_("{name}: the report is marked signed off, but it was changed after it was signed"),
                       name=json_name)
    listed = {(e.indicator, f["name"]): f for e in report.entries for f in evidence.attached(e)}
    found, out = set(), []
    for ev in entry["evidence"]:
        if not (isinstance(ev, dict) and all(isinstance(ev.get(k), str) for k in ("path", "indicator", "name"))):
            raise _refused(N_("the package's manifest is damaged ({key})"), key="evidence")
        path, key = ev["path"], (ev["indicator"], ev["name"])
        if path not in data or not path.startswith(EVIDENCE_FOLDER + "/"):
            raise _refused(N_("{name} is in the package's manifest but not in the package"), name=path)
        try:
            f = evidence.from_bytes(ev["name"], data[path])
        except evidence.EvidenceRefused as exc:
            raise _refused(N_("{name}: {reason}"), name=path, reason=exc.msg) from None
        if key not in listed or listed[key].get("sha256") != f.sha256 or key in found:
            raise _refused(N_("{name} is not an evidence file the report lists"), name=path)
        found.add(key)
        out.append(PackagedEvidence(ev["indicator"], path, f))
    missing = sorted(set(listed) - found)
    if missing:
        code, name = missing[0]
        raise _refused(N_("the report lists the evidence file {name} of {code}, which is not in the package"),
                       name=name, code=localize_digits(code, "bn"))
    return PackagedPlan(doc, word_name, data[word_name], signed, out)


def read(path) -> Package:
    """A package from outside (a path, or a binary file object), read whole and checked (module docstring);
    PackageRefused (a guarded.Unreadable) with the reason otherwise."""
    try:
        with guarded.open_zip(path, PACKAGE_LIMIT) as z:
            manifest = _manifest(z)
            data = _checked_members(z, manifest)
    except PackageRefused:
        raise
    except guarded.Unreadable as exc:
        raise PackageRefused(exc.msg) from None
    plans = [_plan(entry, data, manifest) for entry in manifest["plans"]]
    if not plans:
        raise _refused(N_("the package's manifest is damaged ({key})"), key="plans")
    used = {p.word_name for p in plans} | {e["exchange"] for e in manifest["plans"]} | \
        {ev.path for p in plans for ev in p.evidence}
    for name in data:
        if name not in used:
            raise _refused(N_("{name} is in the package but not in its manifest"), name=name)
    return Package(manifest, plans)
