"""File errors in plain words: what went wrong with which file, in Bangla or English."""
from __future__ import annotations

import errno
from pathlib import PurePath

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


def os_error_msg(exc: OSError, path: str | PurePath | None = None, writing: bool = True) -> Msg:
    """`exc` in plain words, naming `path` (default: the file the error names; with neither, the message
    names no file). `writing` says whether the file was being written
    or read, which changes what a missing file or folder means."""
    if exc.errno == errno.ENOENT:
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
