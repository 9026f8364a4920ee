"""`egov-desktop sign-off --fiscal-year Y [--kind K] --period P --signatory N [--db PATH]`: seal a report.

N is the signatory's number in the office profile (1, 2, ...) or their name. Refused
(exit 1, with the errors listed) while the report has errors; the sealed report is
read-only until reopened. Exit 2 when the database cannot be read. The seal records who signed it off as
the audit log names them: the officer's name kept in the database (office profile: your name), else the
computer's login; on a server the officer's own role.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.digits import localize_digits, to_latin_digits
from egov_desktop.core.i18n import N_, Msg, gettext_for, _
from egov_desktop.core.model import SIGNATORY_FIELDS, Signatory

NAME = "sign-off"
HELP = N_("sign off a report: seal it with a revision and a digest")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser, file=False)
    common.add_take_over_argument(parser)
    parser.add_argument("--signatory", required=True, help=_("number in the office profile (1, 2, ...) or name"))


def choose_signatory(wanted: str, profile: list[dict], memo_signatory: Signatory | None) -> Signatory | None:
    """The office profile's signatory by number or name; the memo's own signatory if the name is theirs."""
    wanted = wanted.strip()
    number = to_latin_digits(wanted)
    if number.isdigit() and 1 <= int(number) <= len(profile):
        chosen = profile[int(number) - 1]
    else:
        chosen = next((s for s in profile if (s.get("name") or "").strip() == wanted), None)
    if chosen is not None:
        return Signatory(**{k: chosen.get(k) for k in SIGNATORY_FIELDS})
    if memo_signatory and (memo_signatory.name or "").strip() == wanted:
        return memo_signatory
    return None


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core import rules
    from egov_desktop.core.digest import verification_code
    from egov_desktop.core.periods import period_name
    from egov_desktop.store.service import SignOffRefused, StoreError

    source = common.open_db_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    store, lang = source.store, args.lang
    try:
        report = source.doc.report(args.period)
        if report is None:  # said before the signatory is looked for in the report's memo
            common.err(Msg(N_("There is no {period} report to sign off."),
                        {"period": period_name(args.period, lang)}).render(lang))
            return common.EXIT_ERRORS
        profile = store.office_profile(store.office_of(source.plan_key))["signatories"]
        signatory = choose_signatory(args.signatory, profile, report.memo.signatory if report.memo else None)
        if signatory is None:
            names = ", ".join(f"{i}: {s.get('name')}" for i, s in enumerate(profile, start=1)) or "-"
            common.err(Msg(N_("No signatory {wanted} in the office profile (there are: {names})."),
                        {"wanted": args.signatory, "names": names}).render(lang))
            return common.EXIT_ERRORS
        signed = store.sign_off(source.plan_key, args.period, signatory)
    except SignOffRefused as exc:
        common.err(exc.render(lang))
        for f in exc.findings:
            common.err(f"  {rules.describe_where(f.where, source.doc.plan, lang)}: {f.message(lang)}")
        return common.EXIT_ERRORS
    except StoreError as exc:
        common.err(exc.render(lang))
        return common.refused(exc)
    finally:
        source.close()
    # The code keeps its Latin hex digits: it is compared, not read aloud.
    common.out(gettext_for(lang, N_("Signed off by {name}: revision {revision}, verification code {code}.")).format(
        name=signed.name, revision=localize_digits(str(signed.revision), lang), code=verification_code(signed.digest)))
    return common.EXIT_OK
