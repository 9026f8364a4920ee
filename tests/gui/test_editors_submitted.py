"""A report marked as submitted to the upper office is as read-only as a signed-off one, and says so."""
from __future__ import annotations

from PySide6.QtCore import Qt

from egov_desktop.core.i18n import set_language
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import show
from tests.gui.test_editors import _sign_off


def test_a_submitted_report_is_locked_with_its_own_banner_and_opens_again_on_reopen(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    _sign_off(store, pib_key)
    model.reload()
    assert "চূড়ান্ত করা হয়েছে" in editor.banner.text()
    store.mark_submitted(pib_key, "Q1")
    model.reload()
    assert model.report.status == "submitted" and model.locked
    assert editor.banner.isVisibleTo(editor)
    assert editor.banner.text() == "১ম ত্রৈমাসিক — জমা দেওয়া হয়েছে: পরিবর্তন করতে প্রতিবেদনটি পুনরায় খুলুন"
    # Nothing takes input: no cell is editable, Tab has nowhere to go, a paste is skipped, setData refused.
    for column in ("value", "narrative", "evidence", "remarks"):
        assert not model.index(0, model.column_of(column)).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index(0, model.column_of("not_applicable")).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not editor.view.next_stop(model.index(0, 0)).isValid()
    assert editor.view.paste_text("৯\n").skipped == 1
    assert not model.setData(model.index(1, model.column_of("value")), "২")
    assert store.get_document(pib_key).report("Q1").entry("2.1.1").value == 1
    # In English too.
    set_language("en")
    try:
        editor.retranslate()
        assert editor.banner.text().endswith("submitted: reopen the report to change it")
    finally:
        set_language("bn")
    editor.retranslate()
    # Reopened, it is a draft again: the banner goes and the cells take input.
    store.reopen(pib_key, "Q1", "ভুল সংশোধন")
    model.reload()
    assert not model.locked and not editor.banner.isVisibleTo(editor)
    assert model.setData(model.index(1, model.column_of("value")), "২")
