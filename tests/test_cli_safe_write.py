"""Every output file (export-json, export-docx, email-draft) is written through one safe writer: a new file of a
random name created exclusively beside the target, then renamed. Nothing planted at a predictable name is
followed, a target that is not a regular file is refused, and no temporary file outlives a failure."""
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop import cli
from egov_desktop.commands import common
from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR
from tests.store.test_recovery_disk import _fill, small_disk  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[1]
PLAN = ["--fiscal-year", "2021-22"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db" / "egov.sqlite"
    path.parent.mkdir()
    with Store.open(path) as store:
        store.import_document(exchange.load(MODMR))
    return path


def _commands(db, out: Path) -> dict[str, list[str]]:
    """Each writing command, writing `out` (with the extension it expects)."""
    return {
        "export-json": ["export-json", *PLAN, "--db", str(db), "--out", str(out.with_suffix(".json"))],
        "export-docx": ["export-docx", *PLAN, "--db", str(db), "--period", "H1", "--out", str(out.with_suffix(".docx"))],
        "email-draft": ["email-draft", *PLAN, "--db", str(db), "--period", "H1", "--out", str(out.with_suffix(".eml"))],
    }


def _run(capsys, argv):
    code = cli.main(argv)
    return (code, *capsys.readouterr())


# The names the writers used before: `<out>.tmp` (export-json) and `<out>.part` (export-docx, email-draft).
PLANTED = {"export-json": [".json.tmp"], "export-docx": [".docx.part"], "email-draft": [".eml.part", ".docx.part"]}


@pytest.mark.parametrize("command", sorted(PLANTED))
def test_a_link_planted_at_a_temporary_name_is_not_followed(capsys, tmp_path, db, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    out = tmp_path / "out" / "plan"
    out.parent.mkdir()
    for suffix in PLANTED[command]:
        (out.parent / ("plan" + suffix)).symlink_to(victim)
    code, _, err = _run(capsys, _commands(db, out)[command])
    assert code == 0, err
    assert victim.read_text() == "do not touch"
    written = out.with_suffix({"export-json": ".json", "export-docx": ".docx", "email-draft": ".eml"}[command])
    assert written.is_file() and not written.is_symlink()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".~egov-")]


def _device(tmp_path) -> Path:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of the test's own
    except (PermissionError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    return node


@pytest.mark.parametrize("command", sorted(PLANTED))
def test_a_device_a_pipe_or_a_link_to_one_is_never_replaced(capsys, tmp_path, db, command):
    device = _device(tmp_path)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "link"
    link.symlink_to(device)
    for target, kind in ((device, stat.S_ISCHR), (pipe, stat.S_ISFIFO), (link, stat.S_ISCHR)):
        argv = _commands(db, target)[command]
        argv[argv.index("--out") + 1] = str(target)
        code, _, err = _run(capsys, argv)
        assert code == common.EXIT_UNREADABLE
        assert err == f"{target}: ফাইলটি লেখা যায়নি: এটি সাধারণ ফাইল নয়, একটি ডিভাইস, পাইপ বা সকেট\n"
        assert kind(os.stat(target).st_mode)
    assert link.is_symlink()
    # Only the Word file that email-draft exports beside its draft is new.
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".docx" or command != "email-draft") == \
        ["db", "link", "null", "pipe"]


@pytest.mark.parametrize("command", sorted(PLANTED))
def test_a_full_disk_leaves_no_temporary_file_and_no_traceback(tmp_path, db, small_disk, command):
    filler = _fill(small_disk)
    argv = _commands(db, small_disk / "plan")[command]
    done = subprocess.run([sys.executable, "-m", "egov_desktop", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == common.EXIT_UNREADABLE
    assert "ডিস্কে জায়গা নেই" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert list(small_disk.iterdir()) == [filler]


@pytest.mark.parametrize("command", sorted(PLANTED))
def test_an_out_name_over_255_bytes_is_said_not_a_traceback(capsys, tmp_path, db, command):
    out = tmp_path / ("প" * 90)  # 270 bytes
    code, _, err = _run(capsys, _commands(db, out)[command])
    assert code == common.EXIT_UNREADABLE
    assert "ফাইলের নাম বা ফোল্ডারের পথ খুব লম্বা" in err
