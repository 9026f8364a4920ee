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
from egov_desktop.core.feedback import memo_dated_before, received_after
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


@dataclass(frozen=True)
class Batch:
    """The memos to send, decided before anything is recorded or written: plain values (no store), so that the
    window writes them in the thread pool. `rows[i]` is the office of `memos[i]` (None: the memo to all)."""

    kind: str
    fiscal_year: str
    period: str
    memo_date: dt.date
    memos: list
    paths: list[Path]
    rows: list
    cons: Consolidation
    office: object
    profile: dict
    font: str
    lang: str
    folder: Path | None  # the folder made when missing; None for the .docx of a single memo


def prepare(store, kind: str, fiscal_year: str, period: str, out: Path | str, offices: Sequence[str] = (),
            all_in_one: bool = False, memo_date: dt.date | None = None, lang: str | None = None,
            font: str = NIKOSH, cons: Consolidation | None = None) -> Batch:
    """What send_feedback records and writes (its arguments); reads the store, changes nothing. FeedbackError when
    there is nothing to send: no subordinate office, no report collected, an office named that is not one; and
    when `memo_date` is before a report the memos are on was received (core.feedback.received_after)."""
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
    # Feedback is on the reports received: with none, each memo would only ask for it, and the round recorded
    # would fill NIS 1.7 with feedback never given.
    if all(row.total is None for row in cons.rows):
        raise FeedbackError(Msg(N_("No report of this plan and period has been collected from the subordinate "
                                   "offices: there is nothing to give feedback on.")))
    chosen = [] if all_in_one else targets(store, office_key, cons, offices)
    if not all_in_one and not chosen:
        raise FeedbackError(Msg(N_("None of the offices that sent reports is in the list of subordinate offices.")))
    early = received_after(cons.rows if all_in_one else [row for _key, row in chosen], memo_date)
    if early is not None:
        raise FeedbackError(memo_dated_before(early))
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
    return Batch(kind, fiscal_year, period, memo_date, memos, paths, [None] if all_in_one else [r for _k, r in chosen],
                 cons, store.get_office(office_key), store.office_profile(office_key), font, lang,
                 None if single else out)


def record(store, batch: Batch):
    """Record the batch's memos (one Change, numbered from the series); returns (change, [Feedback])."""
    change = store.record_feedback(store.current_office(), batch.kind, batch.fiscal_year, batch.period,
                                   batch.memo_date, batch.memos)
    return change, store.feedback_records(change)


def write(batch: Batch, records, token=None) -> list[Sent] | None:
    """Write the recorded memos (pure: no store, so it may run in the thread pool). On any failure the files
    written are removed and it raises (OSError for a file). `token` (gui/cancel.CancelToken): when it was
    cancelled before the last file is written, the files are removed and None returned."""
    sent: list[Sent] = []
    try:
        if batch.folder is not None:
            batch.folder.mkdir(parents=True, exist_ok=True)
        for rec, path, row in zip(records, batch.paths, batch.rows):
            if token is not None and token.cancelled:
                break
            if row is None:
                document = all_memo_document(batch.cons, batch.office, batch.profile, batch.kind, batch.fiscal_year,
                                             batch.memo_date, rec.number, batch.font, batch.lang)
            else:
                document = office_memo_document(batch.cons, row, batch.office, batch.profile, batch.kind,
                                                batch.fiscal_year, batch.memo_date, rec.number, batch.font,
                                                batch.lang)
            sent.append(Sent(rec, save(document, path), row))
        if token is not None and not token.commit():
            raise _Cancelled()
    except _Cancelled:
        _remove(sent)
        return None
    except BaseException:
        _remove(sent)
        raise
    return sent


class _Cancelled(Exception):
    pass


def _remove(sent: Sequence[Sent]) -> None:
    for s in sent:
        s.path.unlink(missing_ok=True)


def send_feedback(store, kind: str, fiscal_year: str, period: str, out: Path | str, offices: Sequence[str] = (),
                  all_in_one: bool = False, memo_date: dt.date | None = None, lang: str | None = None,
                  font: str = NIKOSH, cons: Consolidation | None = None):
    """Write and record the feedback memos on the subordinate offices' `period` reports of a plan kind and year:
    one to each subordinate office (or those named in `offices`), or with `all_in_one` one memo to all.
    `out` is a folder (made when missing), or the .docx of a single memo. The records are one Change (its
    undo removes them and gives their numbers back to the series); a file that cannot be written undoes it
    and removes the files written (OSError). Returns ([Sent], change). FeedbackError / StoreError say why not.
    The window does the same three steps, the writing in the thread pool (gui/consolidation.py)."""
    batch = prepare(store, kind, fiscal_year, period, out, offices, all_in_one, memo_date, lang, font, cons)
    change, records = record(store, batch)
    try:
        sent = write(batch, records)
    except BaseException:
        change.undo()
        raise
    return sent, change
