"""File errors in plain words, naming the file: what the CLI, the store and the GUI show."""
import errno
import os

import pytest

from egov_desktop.core.files import os_error_msg

PATH = r"C:\Users\office\প্রতিবেদন-2023-24.docx"


def _err(code):
    return OSError(code, os.strerror(code), PATH)


@pytest.mark.parametrize("code, bn, en", [
    (errno.ENOENT, "ফোল্ডারটি নেই", "the folder does not exist"),
    (errno.EACCES, "অন্য কোনো প্রোগ্রামে (যেমন Word) খোলা আছে", "open in another program (such as Word)"),
    (errno.EPERM, "অন্য কোনো প্রোগ্রামে (যেমন Word) খোলা আছে", "open in another program (such as Word)"),
    (errno.ENOSPC, "ডিস্কে জায়গা নেই", "the disk is full"),
    (errno.EROFS, "শুধু পড়ার জন্য", "read-only"),
    (errno.ENAMETOOLONG, "খুব লম্বা", "too long"),
    (errno.EISDIR, "ফোল্ডার, ফাইল নয়", "a folder, not a file"),
])
def test_each_common_error_is_said_plainly_with_the_path(code, bn, en):
    msg = os_error_msg(_err(code))
    assert msg.render("bn") == f"{PATH}: ফাইলটি লেখা যায়নি: " + msg.render("bn").split(": ", 2)[2]
    assert bn in msg.render("bn") and en in msg.render("en")
    assert PATH in msg.render("bn")  # the path keeps its own digits


def test_reading_and_other_errors():
    missing = os_error_msg(_err(errno.ENOENT), writing=False)
    assert missing.render("bn") == f"{PATH}: ফাইলটি পড়া যায়নি: ফাইলটি নেই"
    other = os_error_msg(_err(errno.EEXIST), "অন্য.json")
    assert other.render("en") == f"অন্য.json: cannot write the file: {os.strerror(errno.EEXIST)}"
    assert os_error_msg(OSError(errno.ENOSPC, "No space")).render("bn") == (
        "ফাইলটি লেখা যায়নি: ডিস্কে জায়গা নেই: কিছু জায়গা খালি করে আবার চেষ্টা করুন")


def test_a_real_failure(tmp_path):
    target = tmp_path / "নেই" / "plan.json"
    with pytest.raises(OSError) as info:
        target.write_text("{}", encoding="utf-8")
    assert os_error_msg(info.value, target).render("en") == f"{target}: cannot write the file: the folder does not exist"
