"""Backups and restore.

Copies are made with SQLite's online backup API, which reads a consistent
snapshot through the WAL even while the program writes; a plain file copy of a
live database can catch half a transaction. They go to `backups/` beside the
database, one self-contained file each, named
`<db>-<YYYYMMDD-HHMMSS>-<reason>[-<label>].sqlite`:
  - "start": at program start, at most once a day;
  - "migration": before a schema upgrade;
  - "signoff": at every sign-off (these are all kept);
  - "manual": `egov-desktop backup`;
  - "restore": the current file, just before a restore replaces it.
The newest ten copies other than sign-off ones are kept.

A database that cannot be used is never overwritten: restore renames it aside
with a timestamp (`move_aside`); opening.recover() restores the newest good backup.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from egov_desktop.core.files import fsync_folder, os_error_msg
from egov_desktop.core.i18n import Msg, N_, gettext_for
from egov_desktop.core.model import PERIODS
from egov_desktop.core.periods import period_name
from egov_desktop.store.engine import Diagnosis, diagnose
from egov_desktop.store.errors import StoreError
from egov_desktop.store.lock import WriterLock, is_disk_full, read_only_query, storage_error

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
KEEP = 10
# A restored database's largest size: ours are a few MB (years of several plans stay under 100 MB).
DATABASE_LIMIT = 2 * 1024 * 1024 * 1024
REASONS = ("start", "migration", "signoff", "manual", "restore")
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:\.(?P<n>\d+))?-(?P<reason>[a-z]+)(?:-(?P<label>[\w.-]+))?\.sqlite$"
)


# Why a copy was made, for people (`egov-desktop backup --list`, the restore dialog).
REASON_LABELS = {
    "start": N_("When the program started"),
    "migration": N_("Before the database was upgraded"),
    "signoff": N_("At a sign-off"),
    "manual": N_("Backed up by hand"),
    "restore": N_("Before a restore"),
}
# The label of a sign-off copy (after_signoff): plan key, period, revision.
_SIGNOFF_LABEL = re.compile(r"^plan\d+-(?P<period>\w+)-r(?P<revision>\d+)$")


def reason_text(reason: str, label: str | None, lang: str | None = None) -> str:
    """"At a sign-off (half-yearly, revision 1)" for a sign-off copy; the reason alone otherwise."""
    text = gettext_for(lang, REASON_LABELS[reason]) if reason in REASON_LABELS else reason
    m = _SIGNOFF_LABEL.match(label or "") if reason == "signoff" else None
    if m and m["period"] in PERIODS:
        text += " (" + Msg(N_("{period}, revision {revision}"), {
            "period": period_name(m["period"], lang), "revision": int(m["revision"])}).render(lang) + ")"
    return text


class BackupError(StoreError):
    """A backup or restore that could not be made; nothing was changed."""


class BackupUnreadable(BackupError):
    """The file to restore cannot be read (missing, not a regular file, too large); nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    label: str | None


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR


def _uri(path: Path) -> str:
    return f"{Path(path).resolve().as_uri()}?{read_only_query(path)}"


def _copy(src_path: Path, dest: Path) -> None:
    """Online-backup `src_path` into a new self-contained file `dest` (written beside it, then renamed)."""
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    # Made here, not by SQLite, so a folder that cannot be written (a write-protected pen drive) fails
    # with the system's reason, not SQLite's "unable to open database file".
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644))
    try:
        src = sqlite3.connect(_uri(src_path), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # One file, no -wal beside it: the copy can travel on a pen drive as it is.
                dst.execute("PRAGMA journal_mode=DELETE")
                problems = [r[0] for r in dst.execute("PRAGMA quick_check")]
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)  # a half copy (disk full) must not eat the space left
        raise
    if problems != ["ok"]:
        tmp.unlink(missing_ok=True)
        raise BackupError(Msg(N_("The copy failed its check ({reason}); no backup was made."),
                              {"reason": "; ".join(problems[:3])}))
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    fsync_folder(dest.parent)


def new_name(folder: Path, db_path: Path, reason: str, label: str | None, now: dt.datetime) -> Path:
    stamp = now.strftime(_STAMP)
    suffix = f"-{reason}" + (f"-{_safe_label(label)}" if label else "") + ".sqlite"
    path = folder / f"{db_path.stem}-{stamp}{suffix}"
    n = 1
    while path.exists() or path.with_name(path.name + ".part").exists():
        path = folder / f"{db_path.stem}-{stamp}.{n}{suffix}"
        n += 1
    return path


def _safe_label(label: str) -> str:
    return re.sub(r"[^\w.-]+", "_", label, flags=re.ASCII)[:60]


def backup_now(db_path: Path, reason: str = "manual", label: str | None = None, to: Path | None = None,
               now: dt.datetime | None = None, out: Path | None = None) -> Path:
    """Copy the database now; returns the new file. `to` is another folder (a pen drive) instead of
    backups/ beside the database; `out` the file itself (replaced, once the copy is good, when it is
    there). Raises BackupError (nothing written) when it cannot."""
    if reason not in REASONS:
        raise ValueError(reason)
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise BackupError(Msg(N_("There is no database to back up at {path}."), {"path": db_path}))
    folder = Path(out).parent if out is not None else Path(to) if to is not None else backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = Path(out) if out is not None else new_name(folder, db_path, reason, label, now or dt.datetime.now())
        _copy(db_path, dest)
    except BackupError:
        raise
    except (OSError, sqlite3.Error) as exc:
        # In words about the copy: storage_error's "the change was NOT saved" is for edits.
        if isinstance(exc, OSError):
            reason = os_error_msg(exc, folder)
        elif is_disk_full(exc, folder):
            reason = Msg(N_("the disk is full: free some space and try again"))
        else:
            reason = str(exc)
        raise BackupError(Msg(N_("No backup could be made: {reason}"), {"reason": reason})) from None
    if to is None and out is None:
        prune(db_path)
    return dest


def _stamped(stamp: str) -> dt.datetime:
    """The time in a backup's name (_STAMP, digits as _NAME matched them), read by hand: the first strptime of a
    process imports its module and compiles the format's pattern, ≈ 2 ms of every start (the daily backup is looked
    for at each opening)."""
    return dt.datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]),
                       int(stamp[13:15]))


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    db_path = Path(db_path)
    folder = Path(folder) if folder is not None else backups_dir(db_path)
    out = []
    if not folder.is_dir():
        return out
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or m["stem"] != db_path.stem or not p.is_file():
            continue
        created = _stamped(m["stamp"])
        out.append((created, int(m["n"] or 0), BackupInfo(p, created, m["reason"], m["label"])))
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [b for _, _, b in out]


def prune(db_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; sign-off copies are always kept. Half copies left by a
    power cut (`.part`, an hour old: none is being written any more) go too. Returns what went."""
    removed = []
    folder = backups_dir(db_path)
    stale = dt.datetime.now().timestamp() - 3600
    for part in folder.glob(f"{Path(db_path).stem}-*.part*") if folder.is_dir() else ():
        try:
            if part.stat().st_mtime < stale:
                part.unlink()
                removed.append(part)
        except OSError:
            pass
    for info in [b for b in list_backups(db_path) if b.reason != "signoff"][keep:]:
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError as exc:  # a copy open in another program: try again next time
            log.warning("cannot remove old backup %s: %s", info.path, exc)
    return removed


def maybe_daily_backup(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """The start-of-program backup: made when no backup exists from today. Never raises: a failed
    backup must not keep the office from working (it is logged and tried again next start)."""
    now = now or dt.datetime.now()
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if any(b.created.date() == now.date() for b in list_backups(db_path)):
        return None
    try:
        return backup_now(db_path, "start", now=now)
    except BackupError as exc:
        log.warning("start-of-day backup failed: %s", exc.render())
        return None


def after_signoff(db_path: Path, plan_key: int, period: str, revision: int) -> Path | None:
    """The sign-off copy. The sign-off itself is already committed, so a failure is logged, not raised."""
    try:
        return backup_now(db_path, "signoff", label=f"plan{plan_key}-{period}-r{revision}")
    except BackupError as exc:
        log.warning("sign-off backup failed: %s", exc.render())
        return None


# ------------------------------------------------------------------ damaged databases


def diagnose_file(path: Path, quiet: bool = True) -> Diagnosis:
    """engine.diagnose with the full check (integrity, the schema is ours), where an empty file that has
    backups is a lost database, not a new one. A file that cannot be read now (a full disk, a lock) raises
    StoreError, or with `quiet` counts as no problem (the store reports it when it opens the file)."""
    path = Path(path)
    if path.exists() and path.stat().st_size == 0:
        return Diagnosis("empty" if list_backups(path) else None)
    try:
        return diagnose(path, full=True)
    except StoreError:
        if not quiet:
            raise
        return Diagnosis(None)


def problem_of(path: Path) -> str | None:
    """What is wrong with the file: None (fine, or no file yet) or a key of engine.PROBLEMS. An empty
    file counts as a problem only where backups of it exist (else it is a new database)."""
    return diagnose_file(path).kind


def _good_backup(path: Path) -> bool:
    return path.stat().st_size > 0 and problem_of(path) is None


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    for info in list_backups(db_path):
        try:
            if _good_backup(info.path):
                return info
        except OSError:
            continue
    return None


def move_aside(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Rename the database (with its -wal/-shm/-journal) to `<name>.damaged-<stamp>`; never overwrites."""
    db_path = Path(db_path)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    n = 0
    while True:
        tag = f".damaged-{stamp}" + (f".{n}" if n else "")
        aside = db_path.with_name(db_path.name + tag)
        if not aside.exists():
            break
        n += 1
    for suffix in ("-wal", "-shm", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, db_path.with_name(aside.name + suffix))
    os.replace(db_path, aside)
    fsync_folder(db_path.parent)
    return aside


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the backup that was restored
    safety_copy: Path | None  # the current database, backed up first (when it was sound)
    moved_aside: Path | None  # the current database, renamed aside (when it could not be used)


def restore(backup: Path, db_path: Path, take_over: bool = False) -> RestoreResult:
    """Put a backup in place of the database. The backup (from anywhere: a pen drive, a file someone sent)
    is copied beside the database through the guarded reader (a regular file, at most DATABASE_LIMIT) and
    the copy is checked like a database being opened (engine.diagnose, full): what is checked is what is
    restored. Then the current file is backed up (or, when it cannot be used, renamed aside) and replaced.
    Refused while another program has the database open for writing; `take_over` as in Store.open.
    Raises BackupUnreadable when the backup cannot be read, BackupError when it is refused or not restored."""
    backup, db_path = Path(backup), Path(db_path)
    lock = WriterLock(db_path)
    tmp = None
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: restoring is how the data arrives
        # The copy first, under a name of its own: if it is refused or fails (a full disk), the current
        # database has not been touched, nor even locked.
        fd, name = tempfile.mkstemp(prefix=db_path.name + ".restoring-", dir=db_path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            _take_in(backup, fh)
        _check_taken_in(tmp)
        lock.acquire(force=take_over, exclusive=True)
        safety = aside = None
        if db_path.exists() and db_path.stat().st_size > 0:
            if problem_of(db_path) is None:
                safety = backup_now(db_path, "restore")
                _checkpoint(db_path)  # the WAL is in the main file (and in the safety copy) now
            else:
                aside = move_aside(db_path)
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
        fsync_folder(db_path.parent)
        return RestoreResult(backup, safety, aside)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(Msg(N_("The backup could not be restored: {reason}"),
                              {"reason": storage_error(exc, db_path).render()})) from None
    finally:
        if tmp is not None:
            for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-journal"))):
                leftover.unlink(missing_ok=True)
        lock.release()


def _take_in(backup: Path, dest) -> None:
    """Copy the backup into the open file `dest` through the guarded reader."""
    from egov_desktop.core.guarded import Unreadable, copy_file

    try:
        copy_file(backup, dest, DATABASE_LIMIT)
    except Unreadable as exc:
        raise BackupUnreadable(Msg(N_("The backup cannot be read: {reason}"), {"reason": exc.msg})) from None


def _check_taken_in(tmp: Path) -> None:
    """Refuse the copy unless it is a sound database of ours; make it one self-contained file (no -wal
    beside it), synced."""
    found = diagnose_file(tmp, quiet=False)
    if found.kind is not None or found.revision is None:  # no revision: empty, not a backup of anything
        raise BackupError(Msg(N_("This file is not a good backup of this program's database: {reason}"),
                              {"reason": found.message()}))
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into the main file, so removing the -wal loses nothing (the lock is held)."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()

