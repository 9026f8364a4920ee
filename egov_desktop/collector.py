"""Collecting subordinate offices' reports from files (issue 11.4), for the `collect` command and its window.

`collect_file(store, office_key, path, ...)` reads one file through the guarded reader: an exchange file
(.json), a .docx/.xlsx exported by this program (the plan and report it carries, export/embedded.py) or one
without such data, or edited by hand (its table, through egov_desktop/tables, with the findings), or a submission
package (.zip, export/package.py: each plan, with its evidence files). Each report in it is checked (an office of
its own, another fiscal year or period than asked, an office that is not a subordinate, a signed report whose
digest does not hold, a report older than the one collected, the same report again) and filed under its
subordinate office with Store.collect_report; what needs the user's consent (adding an office, keeping a
tampered report, replacing a collected one) is asked through `ask`. A file is one transaction: all its
reports are filed, or nothing is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from egov_desktop.core import collecting, exchange, guarded
from egov_desktop.core.collecting import Received
from egov_desktop.core.evidence import EvidenceFile
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PLAN_KIND_NAMES, PlanDocument
from egov_desktop.core.periods import period_name
from egov_desktop.core.rules import ERROR, WARNING, Finding, errors

# What became of one report of a file (Outcome.status).
COLLECTED, REPLACED, SAME, EVIDENCE_ADDED, REFUSED, DECLINED, UNREADABLE = (
    "collected", "replaced", "same", "evidence_added", "refused", "declined", "unreadable")
STATUS_LABELS = {
    COLLECTED: N_("collected"),
    REPLACED: N_("replaced the one collected before"),
    SAME: N_("already collected: nothing changed"),
    EVIDENCE_ADDED: N_("already collected: its evidence files added from the package"),
    REFUSED: N_("not collected"),
    DECLINED: N_("not collected: you did not agree"),
    UNREADABLE: N_("cannot be read"),
}
SUFFIXES = (".json", ".docx", ".xlsx", ".zip")


@dataclass
class Outcome:
    """One report of a file (or the file, when it cannot be read): what became of it and why."""

    file: str
    status: str
    findings: list[Finding] = field(default_factory=list)
    received: Received | None = None
    office: str | None = None  # as the file names it
    key: int | None = None  # the collected report, once filed (or the one already there, for SAME)

    @property
    def kind(self) -> str | None:
        return self.received.doc.plan.kind if self.received else None

    @property
    def fiscal_year(self) -> str | None:
        return self.received.doc.plan.fiscal_year if self.received else None

    @property
    def period(self) -> str | None:
        return self.received.period if self.received else None

    @property
    def ok(self) -> bool:
        return self.status in (COLLECTED, REPLACED, SAME, EVIDENCE_ADDED) and not errors(self.findings)


@dataclass
class _Read:
    """A file's plans as read: each document with how it came and its evidence files (code -> files)."""

    docs: list[tuple[PlanDocument, str, dict[str, list[EvidenceFile]] | None]]
    findings: list[Finding]


def _warning_findings(doc: PlanDocument) -> list[Finding]:
    """What the exchange reader doubted, as findings; a broken seal is said by the collector itself."""
    return [Finding(w.where, w.rule, WARNING, w.msg) for w in doc.warnings if w.rule != "digest_mismatch"]


def _exchange(text_or_path, from_path: bool) -> PlanDocument:
    try:
        return exchange.load(text_or_path) if from_path else exchange.loads(text_or_path)
    except exchange.ExchangeError as exc:
        raise guarded.Unreadable(exc.msg) from None


def read(path: Path) -> _Read:
    """The plans of a file and the findings of reading it; guarded.Unreadable (the reason) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        doc = _exchange(path, True)
        return _Read([(doc, "json", None)], _warning_findings(doc))
    if suffix in (".docx", ".xlsx"):
        return _read_office_file(path)
    if suffix == ".zip":
        return _read_package(path)
    raise guarded.Unreadable(Msg(N_("collect reads exchange files (.json), Word (.docx) and Excel (.xlsx) files "
                                    "and submission packages (.zip); this is none of them")))


def _read_office_file(path: Path) -> _Read:
    from egov_desktop.export import embedded
    from egov_desktop.tables import TableFileError, read_plan_table
    from egov_desktop.tables.grid import load_package

    carried_doc = None
    try:
        carried = embedded.find(load_package(path))
        if carried is not None:
            try:
                carried_doc = exchange.loads(carried.document_json)
            except exchange.ExchangeError as exc:
                if exc.where == "version":  # made by a newer program: its table would lose what it added
                    raise guarded.Unreadable(exc.msg) from None
        result = read_plan_table(path)
    except TableFileError as exc:
        raise guarded.Unreadable(exc.msg) from None
    except OSError as exc:
        from egov_desktop.core.files import os_error_msg

        raise guarded.Unreadable(os_error_msg(exc, writing=False)) from None
    doc = result.document
    if carried_doc is not None and not result.carried:
        # Edited by hand: the figures are the table's, but whose plan it is, of which kind and year, the data the
        # file carries says better than title lines (the memo's copy lines can look like an office's name).
        doc.office = carried_doc.office
        doc.plan.kind, doc.plan.fiscal_year = carried_doc.plan.kind, carried_doc.plan.fiscal_year
        # And which report it is: a quarter's table prints the earlier quarters' figures in columns of their own,
        # which are not reports this file sends.
        sent = {r.period for r in carried_doc.reports}
        doc.reports = [r for r in doc.reports if r.period in sent]
    elif not result.carried and result.title_period in {r.period for r in doc.reports}:
        # No data carried: the title says which report the file sends; the earlier quarters' columns of its table
        # are not reports it sends (a Q2 report's Q1 figures were collected as a Q1 report).
        doc.reports = [r for r in doc.reports if r.period == result.title_period]
    source = "embedded" if result.carried else "table"
    return _Read([(doc, source, None)], list(result.findings) + _warning_findings(doc))


def _read_package(path: Path) -> _Read:
    """Each plan of a submission package (export/package.py: read whole and checked, or refused), with its evidence
    files by indicator code."""
    from egov_desktop.export import package

    docs, findings = [], []
    for plan in package.read(path).plans:
        files: dict[str, list[EvidenceFile]] = {}
        for ev in plan.evidence:
            files.setdefault(ev.indicator, []).append(ev.file)
        docs.append((plan.doc, "package", files or None))
        findings += _warning_findings(plan.doc)
    return _Read(docs, findings)


def _finding(rule: str, msgid: str, severity: str = ERROR, **params) -> Finding:
    return Finding("", rule, severity, Msg(msgid, params))


def _one_address(email: str | None) -> str | None:
    """The office's e-mail for its subordinate record: one address, or none (the file's field is free text)."""
    from egov_desktop.core.emails import AddressError, parse_addresses

    try:
        found = parse_addresses(email)
    except AddressError:
        return None
    return found[0] if len(found) == 1 else None


def describe(outcome: Outcome, lang: str | None = None) -> str:
    """"<office>: <plan> <year>, <period>" of an outcome's report."""
    if outcome.received is None:
        return ""
    plan = outcome.received.doc.plan
    return Msg(N_("{office}: {kind} {year}, {period}"), {
        "office": outcome.office, "kind": Msg(PLAN_KIND_NAMES.get(plan.kind, PLAN_KIND_NAMES["other"])),
        "year": plan.fiscal_year, "period": period_name(outcome.period, lang)}).render(lang)


Ask = Callable[[Msg], bool]


def collect_file(store, office_key: int, path, fiscal_year: str | None = None, period: str | None = None,
                 ask: Ask = lambda question: False) -> tuple[list[Outcome], object | None]:
    """Read `path` and file its reports (module docstring): one Outcome per report, or one saying why the file
    cannot be read, and the store's Change (one undo step) when anything was written. `fiscal_year`/`period`:
    what was asked for (a report of another is not collected). `ask(msg)` is the user's answer to a question
    (adding an office, keeping a tampered report, replacing one)."""
    from egov_desktop.store.errors import StoreError

    path = Path(path)
    name = str(path)
    try:
        found = read(path)
    except guarded.Unreadable as exc:
        return [Outcome(name, UNREADABLE, [Finding("", "unreadable", ERROR, exc.msg)])], None
    outcomes: list[Outcome] = []
    todo: list[tuple[Outcome, dict | None, str]] = []  # (outcome, evidence, how: collect, replace or add)
    own = store.get_office(office_key).name
    for doc, source, evidence in found.docs:
        periods = [r.period for r in doc.reports]
        if not periods:
            outcomes.append(Outcome(name, REFUSED, found.findings + [_finding(
                "collect_no_report", N_("the file holds a plan but no report of progress"))], office=doc.office.name))
            continue
        if period is not None and period not in periods:
            outcomes.append(Outcome(name, REFUSED, found.findings + [_finding(
                "collect_other_period", N_("the file has no report of {asked} (it has: {periods})"),
                asked=period_name(period), periods=", ".join(period_name(p) for p in periods))],
                office=doc.office.name))
            continue
        for p in [period] if period is not None else periods:
            got = collecting.received(doc, p, source)
            outcome = Outcome(name, REFUSED, list(found.findings), got, doc.office.name)
            outcomes.append(outcome)
            how = _check(store, office_key, own, outcome, evidence, fiscal_year, ask)
            if how is not None:
                todo.append((outcome, evidence, how))
    if not todo:
        return outcomes, None
    added: dict[str, int] = {}  # offices added by this file (a group's writes are not read back before it ends)
    try:
        with store.group(Msg(N_("Collect reports from {file}"), {"file": path.name})) as group:
            for outcome, evidence, how in todo:
                _file(store, office_key, outcome, evidence, how, path.name, added)
    except StoreError as exc:
        for outcome, _evidence, _how in todo:
            outcome.status, outcome.key = REFUSED, None
            outcome.findings.append(Finding("", "store", ERROR, exc.msg))
        return outcomes, None
    return outcomes, group.change


def _check(store, office_key: int, own: str, outcome: Outcome, evidence, fiscal_year: str | None,
           ask: Ask) -> str | None:
    """What to do with one report: "collect", "replace", "add" (the office first), "evidence" (the same report, its
    files added) or None (outcome says why)."""
    got, doc = outcome.received, outcome.received.doc
    say = outcome.findings.append
    if not doc.office.name:
        say(_finding("collect_no_office", N_("the file does not say whose report it is (no office name)")))
        return None
    if collecting.office_key(doc.office.name) == collecting.office_key(own):
        say(_finding("collect_own_office", N_("this is a report of this office itself, not of a subordinate office "
                                              "(to take it in as the office's own plan, use import)")))
        return None
    if fiscal_year is not None and doc.plan.fiscal_year != fiscal_year:
        say(_finding("collect_other_year", N_("the report is of fiscal year {year}, not {asked}"),
                     year=doc.plan.fiscal_year, asked=fiscal_year))
        return None
    if got.tampered:
        say(_finding("collect_tampered", N_("the report is marked signed off, but its content is not what was signed "
                                            "(it was changed after signing)")))
        if not ask(Msg(N_("The signed report of {office} was changed after signing. Collect it all the same, marked "
                          "as not verified?"), {"office": doc.office.name})):
            outcome.status = DECLINED
            return None
    sub = store.find_subordinate(office_key, doc.office.name)
    if sub is None:
        say(_finding("collect_unknown_office", N_("{office} is not among this office's subordinate offices"),
                     WARNING, office=doc.office.name))
        if not ask(Msg(N_("{office} is not among the subordinate offices. Add it and collect its report?"),
                       {"office": doc.office.name})):
            outcome.status = DECLINED
            return None
        return "add"
    have = store.find_collected(sub, doc.plan.kind, doc.plan.fiscal_year, got.period)
    verdict = collecting.compare(None if have is None else (have.revision, have.content_sha256), got)
    if verdict == collecting.NEW:
        return "collect"
    outcome.key = have.key
    if verdict == collecting.SAME:
        outcome.status = SAME
        # The same report in its package after its Word or Excel file, which holds no files: the package's files
        # are taken (the report, and when it came, stay). Without files in it, or with those kept, nothing changes.
        return "evidence" if evidence and _names(evidence) != _names(store.collected_evidence(have.key)) else None
    if verdict == collecting.OLDER:
        if got.revision is None:
            say(_finding("collect_older", N_("the report collected before is signed off (revision {have}); this file "
                                             "holds an earlier draft"), have=have.revision))
        else:
            say(_finding("collect_older", N_("the report collected before is of a later revision ({have}) than this "
                                             "file's ({got})"), have=have.revision, got=got.revision))
        return None
    question = (N_("A newer revision ({got}) of the report of {office} has come; revision {have} is collected. "
                   "Replace it?") if verdict == collecting.NEWER else
                N_("The report of {office} has come again with other content. Replace the one collected before?"))
    say(_finding("collect_newer" if verdict == collecting.NEWER else "collect_changed",
                 N_("a report of this office for this plan and period was collected before ({file})"), WARNING,
                 file=have.source_name))
    if not ask(Msg(question, {"office": doc.office.name, "got": got.revision or 0, "have": have.revision or 0})):
        outcome.status = DECLINED
        return None
    return "replace"


def _file(store, office_key: int, outcome: Outcome, evidence, how: str, source_name: str,
          added: dict[str, int]) -> None:
    office = outcome.received.doc.office
    sub = store.find_subordinate(office_key, office.name)
    if how == "add":
        name = collecting.office_key(office.name)
        if name not in added:  # two reports of one new office in a file: added once
            added[name] = store.add_subordinate(office_key, office.name, office.tier, _one_address(office.email)).key
        sub = added[name]
    if how == "evidence":
        store.set_collected_evidence(outcome.key, evidence)
        outcome.status = EVIDENCE_ADDED
        return
    if how == "replace" and not evidence:
        evidence = _still_listed(store, outcome.key, outcome.received)
    outcome.key = store.collect_report(sub, outcome.received, source_name, evidence, replace=how == "replace").key
    outcome.status = REPLACED if how == "replace" else COLLECTED


def _still_listed(store, collected_key: int, got: Received) -> dict[str, list[EvidenceFile]] | None:
    """The evidence files of the collected report being replaced that the new one still lists (code, name and
    content digest): a revision sent as a Word or Excel file, which holds no files, keeps the same files."""
    from egov_desktop.core import evidence

    listed = {(e.indicator, f["name"], f.get("sha256")) for e in got.report.entries for f in evidence.attached(e)}
    kept: dict[str, list[EvidenceFile]] = {}
    for code, files in store.collected_evidence(collected_key).items():
        for f in files:
            if (code, f["name"], f["sha256"]) in listed:
                kept.setdefault(code, []).append(evidence.from_bytes(f["name"], store.evidence_content(f["file_id"])))
    return kept or None


def _names(evidence: dict) -> dict[str, list[tuple[str, str]]]:
    """Evidence files (code -> files, read or stored) as compared: each one's name and content digest."""
    return {code: [(f.name, f.sha256) if isinstance(f, EvidenceFile) else (f["name"], f["sha256"]) for f in files]
            for code, files in evidence.items() if files}
