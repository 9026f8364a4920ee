"""Every command that reads an exchange file from outside (check, score, import, and the exports given a file)
refuses a device, a pipe and a file over the limit at once, with the reason, before reading it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop import cli
from egov_desktop.commands import common
from egov_desktop.core import guarded
from tests.hostile import fifo

ROOT = Path(__file__).resolve().parents[1]
READERS = {
    "check": ["check"],
    "score": ["score"],
    "import": ["import"],
    "export-docx": ["export-docx", "--period", "Q1", "--out", "x.docx"],
}


def _argv(command, path, tmp_path):
    argv = [*READERS[command][:1], str(path), *READERS[command][1:]]
    return argv + (["--db", str(tmp_path / "egov.sqlite")] if command == "import" else [])


@pytest.mark.parametrize("command", sorted(READERS))
def test_dev_zero_is_refused_at_once_in_a_real_process(tmp_path, command):
    """Under a 1 GB address-space cap, so that reading it (as before) fails the test instead of the machine."""
    link = tmp_path / "plan.json"
    link.symlink_to("/dev/zero")
    cap = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))"
    done = subprocess.run([sys.executable, "-c", f"{cap}; import sys; from egov_desktop.__main__ import main; "
                           "sys.exit(main(sys.argv[1:]))", *_argv(command, link, tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == common.EXIT_UNREADABLE, done.stderr
    assert done.stderr == f"{link}: ফাইলটি পড়া যাচ্ছে না: এটি সাধারণ ফাইল নয়, একটি ডিভাইস, পাইপ বা সকেট\n"


@pytest.mark.parametrize("command", sorted(READERS))
def test_a_pipe_and_a_folder_are_refused(capsys, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for path, reason in ((fifo(tmp_path / "pipe.json"), "পাইপ"), (tmp_path, "ফোল্ডার, ফাইল নয়")):
        assert cli.main(_argv(command, path, tmp_path)) == common.EXIT_UNREADABLE
        err = capsys.readouterr().err
        assert err.startswith(f"{path}: ") and reason in err


@pytest.mark.parametrize("command", sorted(READERS))
def test_a_file_over_the_limit_is_refused_unread(capsys, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(guarded.JSON_LIMIT + 1)  # sparse: it takes no room on the disk
    assert cli.main(_argv(command, big, tmp_path)) == common.EXIT_UNREADABLE
    assert capsys.readouterr().err == f"{big}: ফাইলটি অনেক বড় (৫০ মেগাবাইটের বেশি)\n"
    assert cli.main([*_argv(command, big, tmp_path), "--lang", "en"]) == common.EXIT_UNREADABLE
    assert capsys.readouterr().err == f"{big}: the file is too large (over 50 MB)\n"
