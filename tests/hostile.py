"""Hostile files, made by the tests that need them (nothing big goes into git).

`make_zip` writes a zip by hand, so a test can give a part whatever header it likes: a size that lies, the
encryption flag, a compression method no Word file uses. `deflate_bomb` is a Deflate stream of zeros made
without compressing them (one full-flush block repeated), so a 3.4 MB bomb takes a moment, not a minute.
"""
from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass

STORED, DEFLATED, DEFLATE64, AES = 0, 8, 9, 99


@dataclass
class Part:
    name: str
    data: bytes  # as stored in the file (already packed when method is not STORED)
    method: int = STORED
    size: int | None = None  # the unpacked size the header declares (default: len(data))
    crc: int | None = None
    flags: int = 0


def deflated(name: str, text: bytes, **kw) -> Part:
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Part(name, co.compress(text) + co.flush(), DEFLATED, len(text), zlib.crc32(text), **kw)


def deflate_bomb(name: str, packed_mb: float) -> Part:
    """A part of about `packed_mb` MB that unpacks to ~1000 times as much zeros (its CRC is left wrong: the
    reader must stop long before it could check it)."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 20)
    co.compress(chunk)
    co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)  # the same bytes for every further MB of zeros
    n = int(packed_mb * (1 << 20) / len(block))
    data = block * n + co.flush()
    return Part(name, data, DEFLATED, size=n * len(chunk), crc=0)


def make_zip(parts: list[Part]) -> bytes:
    out, central = bytearray(), bytearray()
    for p in parts:
        name = p.name.encode()
        size = len(p.data) if p.size is None else p.size
        crc = zlib.crc32(p.data) if p.crc is None else p.crc
        fields = struct.pack("<HHHHHIII", 20, p.flags, p.method, 0, 0x21, crc, len(p.data), size)
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0,
                                                                                 len(out)) + name
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name + p.data
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(central), len(out), 0)
    return bytes(out + central + end)


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"/>')
BODY = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b'<w:t>x</w:t></w:r></w:p></w:body></w:document>')


def docx_with(*parts: Part) -> bytes:
    """A small .docx-shaped zip with `parts` added (a part of the same name replaces the plain one)."""
    names = {p.name for p in parts}
    plain = [deflated(n, t) for n, t in (("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", BODY))
             if n not in names]
    return make_zip(plain + list(parts))


def billion_laughs() -> bytes:
    ents = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY l0 "lol">{ents}]><p>&l9;</p>').encode()


def fifo(path) -> str:
    os.mkfifo(path)
    return str(path)
