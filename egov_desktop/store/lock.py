"""Write access to the database: one writer program at a time, and plain words when a write fails.

A shared office PC (or a database on a shared folder) can have two copies of the
program open on one file. SQLite would serialise their transactions, but each copy
would edit from a stale screen and undo the other's work. So a writer holds the
operating system's lock on one byte of the database file itself, which the OS
releases when the process dies: a crash never leaves a lock that blocks the next
start, and deleting a file beside the database cannot let a second writer in.
Beside the database, `<name>.lock` says who holds it (PID, computer, user, since
when), for the messages. A lock file naming another computer cannot be checked from
here (a network share may not pass OS locks between computers), so it is respected
until the user chooses to take it over.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
import struct
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# The computer's name, from socket's C half: the Python module around it takes 2 ms to import, at every opening
# (the lock is taken then), and nothing else here needs it.
from _socket import gethostname

from egov_desktop.core.files import os_error_msg
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store.dialect import LOST_WRITE, ServerUnreachable, is_server_lost
from egov_desktop.store.errors import StoreError

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

# The byte of the database file that a writer locks: in the page that holds SQLite's own lock bytes
# (at 1 GiB; SQLite never stores data in that page), past the 512 bytes SQLite locks there.
_LOCK_BYTE = 0x4000_0000 + 1024


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    user: str
    since: str  # ISO time, local

    @property
    def here(self) -> bool:
        return self.host == gethostname()

    def alive(self) -> bool | None:
        """Whether the owning process still runs; None when it is on another computer."""
        if not self.here:
            return None
        return _pid_alive(self.pid)


class DatabaseInUse(StoreError):
    """Another copy of the program writes to this database. It can still be opened read-only.

    `held`: the operating system's lock is held, so the other copy is running (on this computer, or on
    one whose share passes locks). Otherwise only the lock file names another computer, which may have
    crashed: `can_take_over`, and Store.open(path, take_over=True) takes it."""

    def __init__(self, owner: LockOwner | None, held: bool = True):
        self.owner = owner
        self.held = held
        since = owner.since if owner else ""
        try:
            since = dt.datetime.fromisoformat(since).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            pass  # shown as written
        if owner is None:
            msg = Msg(N_("The database is already open for writing in another copy of this program. "
                         "You can open it read-only."))
        elif owner.here:
            msg = Msg(N_("The database is already open for writing in another copy of this program "
                         "(process {pid}, user {user}, since {since}). You can open it read-only."),
                      {"pid": owner.pid, "user": owner.user, "since": since})
        elif held:
            msg = Msg(N_("The database is open for writing on computer {host} (user {user}, since {since}). "
                         "You can open it read-only."),
                      {"host": owner.host, "user": owner.user, "since": since})
        else:
            msg = Msg(N_("The database is open for writing on computer {host} (user {user}, since {since}). "
                         "You can open it read-only. If that computer crashed or is switched off, "
                         "you may take over the database."),
                      {"host": owner.host, "user": owner.user, "since": since})
        super().__init__(msg)

    @property
    def can_take_over(self) -> bool:
        return not self.held and self.owner is not None and not self.owner.here


class ReadOnlyLocation(StoreError):
    """The database's folder or file cannot be written: only read-only use is possible."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(Msg(N_("The database cannot be written here ({reason}): the file or its folder is "
                                "read-only. Open it read-only, or copy it to a folder you can write to."),
                             {"reason": reason}))


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _flock(kind: int) -> bytes:
    """A `struct flock` for _LOCK_BYTE; '0q' pads it to the C struct's size."""
    return struct.pack("@hhqqi0q", kind, os.SEEK_SET, _LOCK_BYTE, 1, 0)


def os_lock(fd: int) -> bool:
    """Lock the writer's byte of the database file open at `fd`; False when another process holds it.

    Linux: an open-file-description lock (a plain POSIX lock would be dropped whenever SQLite closes any
    descriptor of the file, and flock() on a network share becomes a whole-file lock that would block
    SQLite's readers). Windows: the same byte with msvcrt. Elsewhere (macOS): flock(), local files only."""
    try:
        if sys.platform == "win32":
            os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        elif hasattr(fcntl, "F_OFD_SETLK"):
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock(fcntl.F_WRLCK))
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    elif hasattr(fcntl, "F_OFD_SETLK"):
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock(fcntl.F_UNLCK))
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_owner(fd: int) -> LockOwner | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
        if len(data) > 65536:
            break
    try:
        obj = json.loads(data.decode("utf-8"))
        return LockOwner(int(obj["pid"]), str(obj["host"]), str(obj.get("user", "?")), str(obj.get("since", "")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None  # empty (released normally) or garbage: nobody


def user_name() -> str:
    """The operating-system user: the login of the office PC."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account, a stripped container)
        return "?"


# Locks this process holds, by lock file: one OS lock per file, shared by every Store of the process.
_held: dict[str, list] = {}
_held_guard = threading.Lock()


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """The one-writer lock of a database file. `acquire()` or DatabaseInUse; `release()` when closing."""

    def __init__(self, db_path: Path):
        self.path = lock_path(db_path)
        self.key = str(self.path.resolve())
        self.held = False
        # The owner found in the lock file when it was taken over (a crashed copy), else None.
        self.recovered: LockOwner | None = None

    def acquire(self, force: bool = False, exclusive: bool = False) -> None:
        """Take the lock. `force` takes over a lock that names another computer. `exclusive` refuses
        even this process's own open Store (a restore must not replace a file the program has open)."""
        if self.held:
            return
        db_path = self.path.with_name(self.path.name[: -len(".lock")])
        if db_path.exists() and not os.access(db_path, os.W_OK):  # a write-protected file in a writable folder
            raise ReadOnlyLocation(db_path, os.strerror(13))
        with _held_guard:
            entry = _held.get(self.key)
            if entry is not None:  # the same process opens the file again (a second Store): share the lock
                if exclusive:
                    raise StoreError(Msg(N_("The database is open in this program: close it first.")))
                entry[2] += 1
                self.held = True
                return
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
            try:
                db_fd = os.open(db_path, flags, 0o644)  # an empty file is a new database to SQLite
            except OSError as exc:
                raise ReadOnlyLocation(db_path, exc.strerror or str(exc)) from None
            info_fd = None
            locked = False
            try:
                if not os_lock(db_fd):
                    raise DatabaseInUse(current_owner(db_path))
                locked = True
                try:
                    info_fd = os.open(self.path, flags, 0o644)
                except OSError as exc:
                    raise ReadOnlyLocation(self.path, exc.strerror or str(exc)) from None
                previous = _read_owner(info_fd)
                if previous is not None and not previous.here and not force:
                    raise DatabaseInUse(previous, held=False)
                self.recovered = previous
                me = {"pid": os.getpid(), "host": gethostname(), "user": user_name(),
                      "since": dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")}
                try:
                    os.ftruncate(info_fd, 0)
                    os.lseek(info_fd, 0, os.SEEK_SET)
                    os.write(info_fd, json.dumps(me, ensure_ascii=False).encode("utf-8"))
                    os.fsync(info_fd)
                except OSError:
                    # A full disk: the OS lock still guards the file; others just cannot see who holds it.
                    pass
            except BaseException:
                _close(db_fd, info_fd, locked)
                raise
            _held[self.key] = [db_fd, info_fd, 1]
            self.held = True

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        with _held_guard:
            entry = _held.get(self.key)
            if entry is None:
                return
            entry[2] -= 1
            if entry[2] > 0:
                return
            del _held[self.key]
            db_fd, info_fd, _ = entry
            # Emptied, not deleted: the next writer finds the file where it expects it.
            try:
                os.ftruncate(info_fd, 0)
            except OSError:
                pass
            _close(db_fd, info_fd, True)


def _close(db_fd: int, info_fd: int | None, locked: bool) -> None:
    if info_fd is not None:
        os.close(info_fd)
    try:
        if locked:
            _os_unlock(db_fd)
    finally:
        os.close(db_fd)


def current_owner(db_path: Path) -> LockOwner | None:
    """Who writes to the database now (None: nobody). For the GUI's "in use" message."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        return _read_owner(fd)
    finally:
        os.close(fd)


def read_only_query(db_path: Path) -> str:
    """URI query for reading a database. On a read-only folder (a CD, a write-protected pen drive, a
    share without write access) SQLite cannot make the WAL's -shm file, so the file is opened as
    immutable: it cannot change under us there anyway."""
    folder = Path(db_path).resolve().parent
    return "mode=ro" if os.access(folder, os.W_OK) else "mode=ro&immutable=1"


# ------------------------------------------------------------------ write failures

_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


def _primary_code(exc: BaseException) -> int | None:
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_corruption(exc: BaseException) -> bool:
    """The file itself is bad (as opposed to the disk, permissions, or another program's lock)."""
    primary = _primary_code(exc)
    if primary is None:
        return "malformed" in str(exc) or "not a database" in str(exc)
    return primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _disk_nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        import shutil

        return shutil.disk_usage(Path(folder).resolve()).free < 256 * 1024
    except OSError:
        return False


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """A sqlite3/SQLAlchemy error or OSError that means the disk is full. `folder` (where the file is
    written) lets an I/O error that is really a full disk (SQLite cannot make its -shm file) be called that."""
    orig = getattr(exc, "orig", None) or exc
    primary = _primary_code(exc)
    return (primary == _SQLITE_FULL or "disk is full" in str(orig).lower() or getattr(orig, "errno", None) == 28
            or primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _disk_nearly_full(folder))


def storage_error(exc: BaseException, path: Path | None = None) -> StoreError:
    """A failed write (sqlite3 or SQLAlchemy error, or OSError) as a StoreError that says, in plain
    words, that the change was NOT saved and why. `path`, the database, lets an I/O error that is
    really a full disk (SQLite cannot make its -shm file) be called that."""
    if is_server_lost(exc):
        return ServerUnreachable(Msg(LOST_WRITE))
    orig = getattr(exc, "orig", None) or exc
    primary = _primary_code(exc)
    text = str(orig).lower()
    if is_disk_full(exc, Path(path).parent if path is not None else None):
        return StoreError(Msg(N_("The disk is full: the change was NOT saved. Free some space on the disk, "
                                 "then try again.")))
    if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text or "read-only" in text:
        return StoreError(Msg(N_("The database cannot be written (the file or its folder is read-only): "
                                 "the change was NOT saved.")))
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return StoreError(Msg(N_("The database is busy with another program's change: the change was NOT "
                                 "saved. Please try again.")))
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return StoreError(Msg(N_("The database file is damaged: the change was NOT saved. Close the program "
                                 "and restore the newest backup.")))
    if isinstance(orig, OSError):
        return StoreError(Msg(N_("The change was NOT saved: {reason}"), {"reason": os_error_msg(orig)}))
    if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return StoreError(Msg(N_("The disk could not be written ({reason}): the change was NOT saved."),
                              {"reason": str(orig)}))
    return StoreError(Msg(N_("The change was NOT saved: {reason}"), {"reason": str(orig)}))


def is_storage_failure(exc: BaseException) -> bool:
    """Errors of the disk, the database file or the connection to the server (not of the data): what
    storage_error explains."""
    from sqlalchemy.exc import DBAPIError

    if is_server_lost(exc):
        return True

    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return isinstance(orig, (sqlite3.OperationalError, sqlite3.DatabaseError, OSError)) and not isinstance(
        orig, sqlite3.IntegrityError
    )


@contextmanager
def translate_storage_errors() -> Iterator[None]:
    """Around a write: a failure of the disk or the file becomes storage_error's plain StoreError."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise storage_error(exc) from exc
        raise
