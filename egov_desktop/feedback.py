"""Feedback to subordinate offices, sent (issue 11.6): consolidate the collected reports, record the memos in the
store (numbered from the office's memo series, one undoable Change) and write them as Word files
(export/feedback_docx.py). The CLI (`egov-desktop feedback`) and the window call `send_feedback`."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from egov_desktop.core.consolidate import Consolidation, OfficeRow
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import MessageError, Msg, N_, current_language
from egov_desktop.export.feedback_docx import all_memo_document, file_name, office_memo_document, save
from egov_desktop.export.fonts import NIKOSH


class FeedbackError(MessageError):
    """The feedback cannot be sent as asked; `msg` says why."""


ALL = None  # a memo's addressee: all the subordinate offices


@dataclass(frozen=True)
class Sent:
    """A memo written and recorded: the store's record, the file, and the office's row (None: to all)."""

    record: object  # store.feedback.Feedback
    path: Path
    row: OfficeRow | None


def targets(store, office_key: int, cons: Consolidation, names: Sequence[str] | None) -> list[tuple[int, OfficeRow]]:
    """(subordinate key, row) of each office to write to: those named (FeedbackError naming one that is not a
    subordinate office), else every subordinate office in the consolidation (a report from an office not in the
    list gets none: the memo is recorded against a subordinate office)."""
    from egov_desktop.core.collecting import match_office, office_key as same

    subs = {s.name: s.key for s in store.subordinates(office_key)}
    rows = {same(r.office): r for r in cons.rows}
    out = []
    for name in names if names else [r.office for r in cons.rows if r.listed]:
        key = match_office(name, subs)
        row = rows.get(same(name))
        if key is None or row is None:
            raise FeedbackError(Msg(N_("{name} is not a subordinate office of this office."), {"name": name}))
        out.append((key, row))
    return out


def send_feedback(store, kind: str, fiscal_year: str, period: str, out: Path | str, offices: Sequence[str] = (),
                  all_in_one: bool = False, memo_date: dt.date | None = None, lang: str | None = None,
                  font: str = NIKOSH, cons: Consolidation | None = None):
    """Write and record the feedback memos on the subordinate offices' `period` reports of a plan kind and year:
    one to each subordinate office (or those named in `offices`), or with `all_in_one` one memo to all.
    `out` is a folder (made when missing), or the .docx of a single memo. The records are one Change (its
    undo removes them and gives their numbers back to the series); a file that cannot be written undoes it
    and removes the files written (OSError). Returns ([Sent], change). FeedbackError / StoreError say why not."""
    from egov_desktop.core.consolidate import from_store
    from egov_desktop.store.feedback import FeedbackMemo

    lang = lang or current_language()
    memo_date = memo_date or dt.date.today()
    office_key = store.current_office()
    if office_key is None:
        raise FeedbackError(Msg(N_("The database has no office yet.")))
    cons = cons if cons is not None else from_store(store, kind, fiscal_year, period)
    if not cons.rows:
        raise FeedbackError(Msg(N_("There is no subordinate office and no collected report of this plan and "
                                   "period.")))
    chosen = [] if all_in_one else targets(store, office_key, cons, offices)
    if not all_in_one and not chosen:
        raise FeedbackError(Msg(N_("None of the offices that sent reports is in the list of subordinate offices.")))
    memos = [FeedbackMemo(ALL, file_name(kind, fiscal_year, period, None, lang))] if all_in_one else [
        FeedbackMemo(key, file_name(kind, fiscal_year, period, row.office, lang)) for key, row in chosen]
    out = Path(out)
    single = len(memos) == 1 and out.suffix.lower() == ".docx"
    if single:
        memos = [dataclasses.replace(memos[0], file_name=out.name)]
    paths = [out] if single else [out / m.file_name for m in memos]
    if len(set(paths)) != len(paths):  # two names the same once made safe for a file system
        paths = [p.with_stem(f"{p.stem} ({localize_digits(str(i), lang)})") for i, p in enumerate(paths, start=1)]
        memos = [dataclasses.replace(m, file_name=p.name) for m, p in zip(memos, paths)]
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    office, profile = store.get_office(office_key), store.office_profile(office_key)
    change = store.record_feedback(office_key, kind, fiscal_year, period, memo_date, memos)
    records = store.feedback_records(change)
    sent: list[Sent] = []
    try:
        for record, path, target in zip(records, paths, [None] if all_in_one else chosen):
            if target is None:
                document = all_memo_document(cons, office, profile, kind, fiscal_year, memo_date, record.number,
                                             font, lang)
            else:
                document = office_memo_document(cons, target[1], office, profile, kind, fiscal_year, memo_date,
                                                record.number, font, lang)
            sent.append(Sent(record, save(document, path), target[1] if target else None))
    except BaseException:
        for s in sent:
            s.path.unlink(missing_ok=True)
        change.undo()
        raise
    return sent, change
