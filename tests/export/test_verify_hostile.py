"""`verify` on crafted .docx files (the command exists for files received from elsewhere): each is "unreadable"
(exit 2) with the reason, read without hanging and in bounded memory, never "does not match" (exit 1)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop import cli
from egov_desktop.commands import common
from egov_desktop.store.service import Store
from tests.hostile import AES, DEFLATE64, Part, billion_laughs, deflate_bomb, deflated, docx_with, fifo

ROOT = Path(__file__).resolve().parents[2]
UNREADABLE = "পড়ার যোগ্য ওয়ার্ড (.docx) ফাইল নয়: "


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "egov.sqlite"
    Store.open(path).close()
    return path


def _verify(capsys, path, db):
    code = cli.main(["verify", str(path), "--db", str(db)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name, parts, reason", [
    ("bomb", [deflate_bomb("word/document.xml", 0.2)], "zip বোমা"),
    ("billion-laughs", [deflated("docProps/custom.xml", billion_laughs())], "সঠিক XML নয়"),
    ("undefined-entity", [deflated("docProps/custom.xml", b"<Properties>&x;</Properties>")], "সঠিক XML নয়"),
    ("small-entity", [deflated("docProps/custom.xml", b'<!DOCTYPE P [<!ENTITY x "1">]><P>&x;</P>')], "DTD"),
    ("encrypted", [Part("word/document.xml", b"\x01" * 64, flags=0x1)], "এনক্রিপ্ট"),
    ("deflate64", [Part("word/document.xml", b"\x01" * 64, method=DEFLATE64)], "সংকুচিত"),
    ("aes", [Part("word/document.xml", b"\x01" * 64, method=AES, flags=0x1)], "এনক্রিপ্ট"),
])
def test_a_crafted_docx_is_unreadable_with_the_reason(capsys, tmp_path, db, name, parts, reason):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_with(*parts))
    code, err = _verify(capsys, path, db)
    assert code == common.EXIT_UNREADABLE
    assert err.startswith(f"{path}: {UNREADABLE}") and reason in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_and_a_link_to_dev_zero_are_refused_at_once(capsys, tmp_path, db):
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    for path in (link, fifo(tmp_path / "pipe.docx")):
        code, err = _verify(capsys, path, db)
        assert code == common.EXIT_UNREADABLE and "সাধারণ ফাইল নয়" in err


def test_the_bomb_of_the_issue_is_refused_in_bounded_memory(tmp_path, db):
    """The 3.4 MB zip bomb of the issue (3.4 GB unpacked) once took 4.2 GB. Run as its own process under a 2 GB
    address-space cap (so a regression fails instead of eating the machine), with its peak RSS printed. The bomb
    is the seal's part, the first one verify reads."""
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_with(deflate_bomb("docProps/custom.xml", 3.4)))
    assert 3.3e6 < bomb.stat().st_size < 3.6e6
    code = (
        "import resource, subprocess, sys\n"
        "cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "run = subprocess.run([sys.executable, '-m', 'egov_desktop', 'verify', sys.argv[1], '--db', sys.argv[2]],\n"
        "                     preexec_fn=cap, capture_output=True)\n"
        "print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.stderr.buffer.write(run.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(bomb), str(db)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    exit_code, peak_kb = map(int, done.stdout.split())
    print(f"verify of the 3.4 MB zip bomb: exit {exit_code}, peak RSS {peak_kb / 1024:.0f} MB")
    assert exit_code == common.EXIT_UNREADABLE and "zip বোমা" in done.stderr and "Traceback" not in done.stderr
    assert peak_kb < 300 * 1024
