"""The plans as wholes: importing, copying to the next year, templates, deleting, and the plan's own
fields (listing and reading them is reading.py's)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from egov_desktop.core import exchange
from egov_desktop.core import fields as check
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.blank import blank_document
from egov_desktop.core.model import PLAN_KINDS, Office, PlanDocument
from egov_desktop.core.periods import move_plan_dates
from egov_desktop.core.scoring import SCORING_KEY, ScoringOptions
from egov_desktop.paths import resource_path
from egov_desktop.store import documents as docs
from egov_desktop.store.errors import InvalidValue, StoreError
from egov_desktop.store.sealing import record_signoff
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import Change, UnitOfWork, Work

# The plan fields whose column is named otherwise.
_COLUMNS = {"notes": "doc_notes"}


class Plans:
    def __init__(self, uow: UnitOfWork, offices, reads):
        self.uow = uow
        self.offices = offices
        self.reads = reads  # reading.Reads

    def find_plan(self, fiscal_year: str, kind: str) -> int | None:
        p = TABLES["plan"]
        with self.uow.read() as conn:
            return conn.execute(
                select(p.c.id).where(p.c.fiscal_year == fiscal_year, p.c.kind == kind)
            ).scalar_one_or_none()

    def import_document(self, doc: PlanDocument) -> Change:
        """Add a whole exchange document in one transaction; a clash with an existing plan of the same
        fiscal year and kind refuses it and leaves the database as it was."""
        doc = _checked(doc)
        return self.uow.run(Msg(N_("Import {title} {year}"), {"title": doc.plan.title, "year": doc.plan.fiscal_year}),
                            lambda w: _import(w, doc))

    def delete_plan(self, plan_key: int) -> Change:
        """Refused while a report of the plan is sealed: it is read-only everywhere, `import --replace`
        included, until reopened (deleting it would also drop its signed revisions)."""

        def body(w: Work) -> int:
            plan = w.plan_row(plan_key)
            w.check_lock(plan_key, None)
            w.delete_tree("plan", [plan_key])
            w.audit("delete_plan", "plan", plan_key, plan_key,
                    old={"fiscal_year": plan["fiscal_year"], "kind": plan["kind"]})
            return plan_key

        return self.uow.run(Msg(N_("Delete the plan")), body)

    def copy_to_next_year(self, plan_key: int) -> Change:
        """The same plan for the next fiscal year: target dates a year later (29 Feb -> 28 Feb),
        no progress, same office."""
        doc = self.reads.get_document(plan_key)
        start = exchange.parse_fiscal_year(doc.plan.fiscal_year) + 1
        doc.plan.fiscal_year = f"{start}-{(start + 1) % 100:02d}"
        _check_fiscal_year(doc.plan.fiscal_year)  # the last year the program handles has no next
        move_plan_dates(doc.plan, 1)
        doc.reports = []
        office_id = self.reads.plan_row(plan_key)["office_id"]
        return self.uow.run(Msg(N_("Copy the plan to {year}"), {"year": doc.plan.fiscal_year}),
                            lambda w: _import(w, doc, office_id, "copy_to_next_year"))

    def create_from_template(self, name: str, office_key: int | None = None, fiscal_year: str | None = None) -> Change:
        """A new plan from resources/templates/<name>.json, for `office_key` (default: this database's
        office, see current_office) and `fiscal_year` (default: the template's). A database with no office
        yet gets a nameless one of the template's tier: the rules refuse to sign a blank letterhead."""
        path = resource_path("templates", f"{name}.json")
        if name not in list_templates():
            raise StoreError(Msg(N_("There is no template named {name}."), {"name": name}))
        try:
            doc = exchange.load(path)
        except exchange.ExchangeError as exc:
            raise StoreError(Msg(N_("The template {name} cannot be read: {reason}"),
                                 {"name": name, "reason": exc.render()})) from None
        doc.reports = []
        if fiscal_year is not None:
            start = _check_fiscal_year(fiscal_year)
            shift = start - exchange.parse_fiscal_year(doc.plan.fiscal_year)
            doc.plan.fiscal_year = fiscal_year
            move_plan_dates(doc.plan, shift)
        return self._new_plan(doc, office_key, Msg(N_("New plan from the template {name}"), {"name": name}),
                              "from_template", name)

    def create_blank(self, kind: str, fiscal_year: str, office_key: int | None = None) -> Change:
        """A blank plan of `kind` for `fiscal_year` (core.blank: one area, activity and indicator, the kind's
        levels), for `office_key` as create_from_template."""
        _check_fiscal_year(fiscal_year)
        doc = blank_document(check.choice(kind, PLAN_KINDS), fiscal_year)
        return self._new_plan(doc, office_key, Msg(N_("New blank plan")), "blank")

    def _new_plan(self, doc: PlanDocument, office_key: int | None, description: Msg, operation: str,
                  source: str | None = None) -> Change:
        if office_key is not None:
            self.offices.get_office(office_key)
        else:
            office_key = self.offices.current_office()
        # A template's office is only a tier: no real office's name or contact lines reach the new plan.
        doc.office = Office(name="", tier=doc.office.tier, government=doc.office.government)
        doc = _checked(doc)
        return self.uow.run(description, lambda w: _import(w, doc, office_key, operation, source))

    def set_plan_field(self, plan_key: int, field_name: str, value: Any) -> Change:
        value = check.check_field(check.PLAN, field_name, value)
        column = _COLUMNS.get(field_name, field_name)

        def body(w: Work) -> None:
            w.plan_row(plan_key)
            w.check_lock(plan_key, None)
            w.set("set_plan_field", "plan", plan_key, {column: value}, plan_key, field_name)

        return self.uow.run(Msg(N_("Change the plan")), body)

    def set_scoring_options(self, plan_key: int, options: ScoringOptions) -> Change:
        """How the plan is scored where DOMAIN.md only assumes (core.scoring.ScoringOptions), kept with
        the plan's extension keys so it travels in the exchange file and is sealed at sign-off."""

        def body(w: Work) -> None:
            row = w.plan_row(plan_key)
            w.check_lock(plan_key, None)
            default = ScoringOptions()
            new_ones = (options.quarterly_basis, options.percent_total) != (default.quarterly_basis,
                                                                           default.percent_total)
            if row["scoring"] is None and not new_ones:
                # Only the two 1.0 settings: kept in the extension, so a 1.0 plan is still written as 1.0.
                extras = dict(row["extras"] or {}) | {SCORING_KEY: options.as_extension()}
                w.set("set_scoring_options", "plan", plan_key, {"extras": extras}, plan_key, SCORING_KEY)
                return
            # Format 1.1: all settings in plan.scoring; the extension would say the same twice.
            w.set("set_scoring_options", "plan", plan_key, {"scoring": options.as_settings()}, plan_key, "scoring")
            extras = {k: v for k, v in (row["extras"] or {}).items() if k != SCORING_KEY}
            if extras != (row["extras"] or {}):
                w.set("set_scoring_options", "plan", plan_key, {"extras": extras or None}, plan_key, SCORING_KEY)

        return self.uow.run(Msg(N_("Change how the plan is scored")), body)


def list_templates() -> list[str]:
    return sorted(p.stem for p in resource_path("templates").glob("*.json"))


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    kind: str
    tier: str
    fiscal_year: str
    title: str
    indicators: int


def read_templates() -> list[TemplateInfo]:
    """What each bundled template is (a test reads them all, so none is unreadable)."""
    out = []
    for name in list_templates():
        doc = exchange.load(resource_path("templates", f"{name}.json"))
        out.append(TemplateInfo(name, doc.plan.kind, doc.office.tier, doc.plan.fiscal_year, doc.plan.title,
                                len(doc.plan.indicators())))
    return out


def choose_template(kind: str, fiscal_year: str, tier: str | None = None) -> TemplateInfo | None:
    """The template for a new plan of `kind` (and `tier`, when given): the latest one of a fiscal year not
    after `fiscal_year` (the guideline in force), else the earliest after it; None when there is none."""
    year = exchange.parse_fiscal_year(fiscal_year)
    fits = [t for t in read_templates() if t.kind == kind and tier in (None, t.tier)]
    before = [t for t in fits if exchange.parse_fiscal_year(t.fiscal_year) <= year]
    if before:
        return max(before, key=lambda t: exchange.parse_fiscal_year(t.fiscal_year))
    return min(fits, key=lambda t: exchange.parse_fiscal_year(t.fiscal_year), default=None)


def _import(w: Work, doc: PlanDocument, office_id: int | None = None, operation: str = "import",
            source: str | None = None) -> int:
    """Write `doc` as a new plan; its audit row (`operation`: import, copy_to_next_year, from_template, blank;
    `source`: the template's name) is how the plan's history begins."""
    if office_id is None:
        office_id = docs.find_or_add_office(w.tx, doc.office)
    try:
        plan_id = docs.write_plan(w.tx, doc, office_id)
    except IntegrityError:
        raise StoreError(Msg(N_("There is already a plan of this kind for fiscal year {year}. "
                                "Delete or rename it first."), {"year": doc.plan.fiscal_year})) from None
    places = docs.indicator_ids_by_place(w.tx.conn, plan_id)
    for i, report in enumerate(doc.reports):
        report_id = docs.write_report(w.tx, plan_id, i, report, places)
        if report.signoff is not None:
            # As signed: with the office header the seal holds with, which may be older than the file's.
            as_signed = dataclasses.replace(doc, office=exchange.sealed_office(doc, report))
            record_signoff(w, report_id, report.revision or 1, report.signoff, docs.snapshot(as_signed, report.period))
    w.audit(operation, "plan", plan_id, plan_id, new={"fiscal_year": doc.plan.fiscal_year, "kind": doc.plan.kind}
            | ({"source": source} if source else {}))
    return plan_id


def _checked(doc: PlanDocument) -> PlanDocument:
    """The document as the exchange reader accepts it: a document built in code gets the same checks
    (types, units, codes, NFC) as one read from a file."""
    try:
        return exchange.from_dict(exchange.to_dict(doc))
    except exchange.ExchangeError as exc:
        raise InvalidValue(exc.msg, exc.where) from None


def _check_fiscal_year(text: str) -> int:
    try:
        return exchange.parse_fiscal_year(text)
    except ValueError:
        raise InvalidValue(exchange.fiscal_year_msg(text)) from None
