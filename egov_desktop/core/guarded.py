"""Reading what others send: every file from outside (exchange JSON, .docx, .xlsx, zip packages) is read here.

    read_file(path, limit) -> bytes        the whole file, if it is a regular file of at most `limit` bytes
    copy_file(path, dest, limit)           the same, copied into an open file a piece at a time
    read_head(path, n) -> bytes            its first n bytes (what kind of file it is), same checks
    open_zip(path, limit=...) -> GuardedZip   a .docx/.xlsx/zip, its directory checked; use as a context manager
        .names() -> list[str]              the parts, in the file's order
        .has(name) -> bool
        .read(name, limit) -> bytes        one part, unpacked to at most `limit` bytes
    parse_xml(data, name) -> lxml element  no DTD, no entities, nothing fetched from the network

Every failure is an `Unreadable` (a MessageError: the reason in Bangla or English, without the path: the caller
names the file), which the CLI reports as exit 2. What is guarded, and why:
- only regular files: a FIFO would hang, a device (a symlink to /dev/zero) never ends. The file is opened
  non-blocking and checked with fstat before a byte is read, so the check and the read see the same file;
- the size: the file's, and what a zip part unpacks to. A zip's declared sizes are checked before unpacking
  (and the ratio of unpacked to packed size, which a zip bomb gives away); the unpacking itself stops at the
  limit, whatever the header said;
- a zip's directory: its size and member count are read from the end record before `zipfile` builds its list,
  and only stored or Deflate parts, not encrypted, are read (AES, Deflate64, bzip2 ... are refused); a part
  named outside the zip (`../x`, `/x`, `C:x`, a backslash) or stored as a symbolic link is refused, although
  nothing here unpacks to disk: whoever lists the names, or unpacks the file with another tool, is not misled;
- XML: a DOCTYPE is refused (no entity expansion, no billion laughs, no external entities).
"""
from __future__ import annotations

import io
import os
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from egov_desktop.core.files import NotRegularFile, os_error_msg
from egov_desktop.core.i18n import MessageError, Msg, N_

MB = 1024 * 1024
JSON_LIMIT = 50 * MB  # an exchange file: the largest real plan is under 1 MB
ZIP_LIMIT = 50 * MB  # a .docx/.xlsx, fonts embedded
XML_PART_LIMIT = 30 * MB  # one unpacked XML part (a document body, a worksheet)
MAX_MEMBERS = 2000
MAX_DIRECTORY = 2 * MB  # a zip's central directory: ~46 bytes and a name per member
MAX_RATIO = 200  # unpacked / packed: our exports stay under 35 (XML deflates 5 to 40 times); a zip bomb ~1000
_RATIO_FROM = 1 * MB  # small parts may compress as they like


class Unreadable(MessageError):
    """The file cannot be read, with the reason."""


def _size(limit: int) -> str:
    return f"{limit / MB:g}"


def _open_regular(path, limit: int) -> int:
    """An fd of `path` opened for reading, after checking it is a regular file of at most `limit` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except OSError as exc:
        raise Unreadable(os_error_msg(OSError(exc.errno, exc.strerror), writing=False)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(os_error_msg(NotRegularFile(st.st_mode), writing=False))
        if st.st_size > limit:
            raise Unreadable(Msg(N_("the file is too large (over {size} MB)"), {"size": _size(limit)}))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_file(path, limit: int = JSON_LIMIT) -> bytes:
    """The whole of a regular file of at most `limit` bytes (one that grows while read is refused too)."""
    fd = _open_regular(path, limit)
    with os.fdopen(fd, "rb") as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise Unreadable(os_error_msg(OSError(exc.errno, exc.strerror), writing=False)) from None
    if len(data) > limit:
        raise Unreadable(Msg(N_("the file is too large (over {size} MB)"), {"size": _size(limit)}))
    return data


def copy_file(path, dest, limit: int) -> None:
    """Copy a regular file of at most `limit` bytes into the open binary file `dest`, a piece at a time (a
    database from a pen drive need not fit in memory). A failure to write `dest` is the caller's OSError."""
    fd = _open_regular(path, limit)
    copied = 0
    with os.fdopen(fd, "rb") as fh:
        while True:
            try:
                chunk = fh.read(1 * MB)
            except OSError as exc:
                raise Unreadable(os_error_msg(OSError(exc.errno, exc.strerror), writing=False)) from None
            if not chunk:
                return
            copied += len(chunk)
            if copied > limit:  # it grew while read
                raise Unreadable(Msg(N_("the file is too large (over {size} MB)"), {"size": _size(limit)}))
            dest.write(chunk)


def read_head(path, n: int, limit: int = ZIP_LIMIT) -> bytes:
    """The first `n` bytes of a regular file of at most `limit` bytes: enough to tell what kind of file it is."""
    fd = _open_regular(path, limit)
    with os.fdopen(fd, "rb") as fh:
        try:
            return fh.read(n)
        except OSError as exc:
            raise Unreadable(os_error_msg(OSError(exc.errno, exc.strerror), writing=False)) from None


def open_zip(path, limit: int = ZIP_LIMIT, max_members: int = MAX_MEMBERS) -> "GuardedZip":
    """A zip file (.docx, .xlsx, a package) from outside, its directory checked; `path` may also be a
    binary file object of our own making (then only the zip is checked)."""
    if isinstance(path, (str, bytes, os.PathLike)):
        fh = os.fdopen(_open_regular(path, limit), "rb")
    else:
        fh = path
    try:
        return GuardedZip(fh, max_members)
    except BaseException:
        fh.close()
        raise


def _damaged() -> Unreadable:
    return Unreadable(Msg(N_("the file is damaged, or it is not a Word or Excel (zip) file")))


def _directory_size(fh) -> tuple[int, int]:
    """(member count, directory bytes) from the zip's end record (zip64 too), before zipfile reads any."""
    fh.seek(0, io.SEEK_END)
    end = fh.tell()
    tail_start = max(0, end - 22 - 65535)  # the end record, then a comment of up to 64 KiB
    fh.seek(tail_start)
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise _damaged()
    count, size = struct.unpack("<HI", tail[at + 10:at + 16])
    if count == 0xFFFF or size == 0xFFFFFFFF:  # zip64: the real figures are in its own end record
        loc = tail_start + at - 20
        if loc < 0:
            raise _damaged()
        fh.seek(loc)
        locator = fh.read(20)
        if locator[:4] != b"PK\x06\x07":
            raise _damaged()
        fh.seek(struct.unpack("<Q", locator[8:16])[0])
        record = fh.read(56)
        if record[:4] != b"PK\x06\x06" or len(record) < 56:
            raise _damaged()
        count, size = struct.unpack("<QQ", record[32:48])
    fh.seek(0)
    return count, size


_S_IFLNK, _UNIX = 0o120000, 3


def _check_header(info: zipfile.ZipInfo) -> None:
    """Refuse a part that no Word or Excel file (nor a package of ours) has, whether or not it is read: every
    hostile file is said to be unreadable, not only the ones whose bad part happens to be needed."""
    name = info.filename
    if (name.startswith("/") or "\\" in name or "\0" in name or re.match(r"[A-Za-z]:", name)
            or ".." in name.split("/")):
        raise Unreadable(Msg(N_("a part of the file ({name}) is named outside the file (an absolute path or ..)"),
                             {"name": name}))
    if info.create_system == _UNIX and (info.external_attr >> 16) & 0o170000 == _S_IFLNK:
        raise Unreadable(Msg(N_("a part of the file ({name}) is a symbolic link"), {"name": name}))
    if info.flag_bits & 0x1:
        raise Unreadable(Msg(N_("a part of the file ({name}) is encrypted"), {"name": name}))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Unreadable(Msg(N_("a part of the file ({name}) is packed in a way this program does not read"),
                             {"name": name}))
    if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise Unreadable(Msg(N_("a part of the file ({name}) unpacks to far more than it takes in the file "
                                "(a zip bomb)"), {"name": name}))


class GuardedZip:
    """A zip whose parts are read with limits. Use as a context manager (closes the file)."""

    def __init__(self, fh, max_members: int = MAX_MEMBERS):
        self._fh = fh
        try:
            count, size = _directory_size(fh)
        except OSError:
            raise _damaged() from None
        if count > max_members or size > MAX_DIRECTORY:
            raise Unreadable(Msg(N_("the file has too many parts ({count})"), {"count": count}))
        try:
            self._zip = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError):
            raise _damaged() from None
        infos = self._zip.infolist()
        if len(infos) > max_members:
            raise Unreadable(Msg(N_("the file has too many parts ({count})"), {"count": len(infos)}))
        self._infos = {}
        for info in infos:
            if info.filename in self._infos:  # which of two parts of one name counts depends on the reader
                raise Unreadable(Msg(N_("the file has two parts named {name}"), {"name": info.filename}))
            self._infos[info.filename] = info
            _check_header(info)

    def __enter__(self) -> "GuardedZip":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._fh.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, limit: int = XML_PART_LIMIT) -> bytes:
        """Part `name` unpacked, at most `limit` bytes."""
        info = self._infos.get(name)
        if info is None:
            raise Unreadable(Msg(N_("the file has no part {name}"), {"name": name}))
        too_large = Unreadable(Msg(N_("a part of the file ({name}) unpacks to more than {size} MB"),
                                   {"name": name, "size": _size(limit)}))
        if info.file_size > limit:
            raise too_large
        try:
            with self._zip.open(info) as part:
                # zipfile stops at the declared size; reading one byte past the limit catches a header that lies.
                data = part.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, struct.error, NotImplementedError,
                RuntimeError):
            raise Unreadable(Msg(N_("a part of the file ({name}) is damaged"), {"name": name})) from None
        if len(data) > limit:
            raise too_large
        return data


def parse_xml(data: bytes, name: str = ""):
    """An XML part from outside as an lxml element. A DOCTYPE (where entities and DTDs live) is refused."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        raise Unreadable(Msg(N_("a part of the file ({name}) is not valid XML"), {"name": name})) from None
    if root.getroottree().docinfo.doctype:
        raise Unreadable(Msg(N_("a part of the file ({name}) declares a DTD or entities, which are not accepted"),
                             {"name": name}))
    return root
