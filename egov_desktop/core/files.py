"""File errors in plain words (what went wrong with which file, in Bangla or English), and the one way every
output file is written (`write_atomic`)."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path, PurePath

from egov_desktop.core.i18n import Msg, N_

_REASONS = {
    errno.EACCES: N_("there is no permission, or the file is open in another program (such as Word): "
                     "close it there and try again"),
    errno.ENOSPC: N_("the disk is full: free some space and try again"),
    errno.EROFS: N_("the disk or folder is read-only"),
    errno.ENAMETOOLONG: N_("the file name or its folder path is too long: choose a shorter name or folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
}
# Windows reports a file open in Word as EACCES; some systems say EPERM.
_REASONS[errno.EPERM] = _REASONS[errno.EACCES]


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


_UMASK = _umask()


class NotRegularFile(OSError):
    """A path that names a device, a pipe or a socket where a file was meant: never read, never replaced."""

    def __init__(self, mode: int, filename=None):
        super().__init__(None, "not a regular file", filename)
        self.mode = mode


def os_error_msg(exc: OSError, path: str | PurePath | None = None, writing: bool = True) -> Msg:
    """`exc` in plain words, naming `path` (default: the file the error names; with neither, the message
    names no file). `writing` says whether the file was being written
    or read, which changes what a missing file or folder means."""
    if isinstance(exc, NotRegularFile):
        reason = Msg(_REASONS[errno.EISDIR] if stat.S_ISDIR(exc.mode)
                     else N_("it is not an ordinary file but a device, a pipe or a socket"))
    elif exc.errno == errno.ENOENT:
        reason = Msg(N_("the folder does not exist") if writing else N_("the file does not exist"))
    elif exc.errno in _REASONS:
        reason = Msg(_REASONS[exc.errno])
    else:
        # The system's own words, not the repr ("[Errno 17] File exists: 'x'").
        reason = exc.strerror or str(exc)
    path = path if path is not None else exc.filename
    if path is None:
        return Msg(N_("cannot write the file: {reason}") if writing else N_("cannot read the file: {reason}"),
                   {"reason": reason})
    msgid = N_("{path}: cannot write the file: {reason}") if writing else N_("{path}: cannot read the file: {reason}")
    return Msg(msgid, {"path": str(path), "reason": reason})


def write_atomic(path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all: into a new file of a random name beside it (created
    exclusively, so nothing planted there is followed), synced, then renamed over `path`. A target that exists
    and is not a regular file (a device, a pipe, a folder, a link to one) is refused; a symbolic link to a
    regular file is replaced by the file, its target left alone. On any failure (a full disk) the temporary
    file is removed, and `path` is as it was."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise NotRegularFile(mode, str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".~egov-", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a document to send on keeps the mode any new file gets.
        if hasattr(os, "fchmod"):
            os.fchmod(fd, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_folder(path.parent)
    return path


def fsync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is synced (POSIX; Windows has no need)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
