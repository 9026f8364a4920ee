"""Evidence files made by the tests: a real one of each accepted type, and hostile ones."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib


def pdf(text: str = "evidence") -> bytes:
    return b"%PDF-1.4\n1 0 obj <<>> endobj\n% " + text.encode() + b"\ntrailer <<>>\n%%EOF\n"


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def zipped(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for name in names:
            z.writestr(name, "<x/>")
    return buf.getvalue()


def docx() -> bytes:
    return zipped("word/document.xml")


def xlsx() -> bytes:
    return zipped("xl/workbook.xml")
