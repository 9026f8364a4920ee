"""`egov-desktop new-plan --kind K --fiscal-year YYYY-YY [--tier T] [--template NAME] [--office NAME]
[--db PATH]`: a new plan in the database from a template, its dates moved into the fiscal year.

Without --template the template of the kind (and tier: by default the database office's) for that year
is taken, the latest one not after it; with none of the kind, a blank plan of the kind. --office names
the database's office (one still nameless gets the name; an office of another name is refused: each
office keeps its own database).

Exit 0 when made, 1 when refused (a plan of that kind and year is there, a template of another kind, an
office of another name), 2 when the database cannot be used or the year cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.core.model import PLAN_KIND_NAMES, PLAN_KINDS, TIERS
from egov_desktop.core.periods import FiscalYear
from egov_desktop.core.values import ParseError
from egov_desktop.store.plans import choose_template, read_templates
from egov_desktop.store.service import Store, StoreError

NAME = "new-plan"
HELP = N_("make a new plan in the database from a template")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", required=True, choices=PLAN_KINDS, help=_("plan kind"))
    parser.add_argument("--fiscal-year", required=True, help=_("e.g. 2024-25"))
    parser.add_argument("--tier", choices=TIERS, help=_("office tier (default: the database office's)"))
    parser.add_argument("--template", help=_("template name (see the templates command)"))
    parser.add_argument("--office", help=_("the office's name"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)


def _office_key(store: Store, name: str | None) -> int | None:
    """The office the plan is for: the one of that name, else the database's own (None: not made yet)."""
    if name is not None:
        found = store.find_office(name)
        if found is not None:
            return found
    current = store.current_office()
    if name is not None and current is not None and store.get_office(current).name not in ("", name):
        raise StoreError(Msg(N_("This database belongs to {office}: a plan for another office needs a database "
                                "of its own (--db)."), {"office": store.get_office(current).name}))
    return current


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        fiscal_year = FiscalYear.parse(args.fiscal_year).code
    except ParseError as exc:
        common.err(f"--fiscal-year {args.fiscal_year}: {exc.render(lang)}")
        return common.EXIT_UNREADABLE
    if args.template is not None:
        template = next((t for t in read_templates() if t.name == args.template), None)
        if template is None:
            common.err(Msg(N_("There is no template named {name}."), {"name": args.template}).render(lang))
            return common.EXIT_ERRORS
        if template.kind != args.kind:
            common.err(Msg(N_("The template {name} is of another plan: {kind}."),
                        {"name": template.name, "kind": PLAN_KIND_NAMES[template.kind]}).render(lang))
            return common.EXIT_ERRORS
    store = common.open_store(args, create=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        office_key = _office_key(store, args.office)
        tier = args.tier or (store.get_office(office_key).tier if office_key is not None else None)
        if args.template is None:
            template = choose_template(args.kind, fiscal_year, tier)
        if template is not None:
            key = store.create_from_template(template.name, office_key, fiscal_year).key
        else:
            key = store.create_blank(args.kind, fiscal_year, office_key).key
        made_for = store.office_of(key)
        if args.office is not None and store.get_office(made_for).name != args.office:
            store.set_office_field(made_for, "name", args.office)
        title = store.get_document(key).plan.title
    except StoreError as exc:
        common.err(f"{store.path}: {exc.render(lang)}")
        return common.refused(exc)
    finally:
        store.close()
    year = FiscalYear.parse(fiscal_year).label(lang)
    if template is not None:
        msg = Msg(N_("made {title} {year} from the template {name}"), {"title": title, "year": year,
                                                                       "name": template.name})
    else:
        msg = Msg(N_("made a blank {title} {year}: there is no template of this plan"), {"title": title,
                                                                                       "year": year})
    common.out(f"{store.path}: " + msg.render(lang))
    return common.EXIT_OK
