"""An edit the store refuses says why in the status bar, not only in the cell's tooltip; the plan of a
signed-off report says up front that it is locked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_desktop.core.i18n import set_language
from egov_desktop.gui.models import REFUSED, Role
from egov_desktop.gui.plan_editor import PlanEditor
from tests.gui.conftest import show
from tests.gui.test_editors import _sign_off

_REASON = "এই পরিকল্পনার ১ম ত্রৈমাসিক প্রতিবেদনটি স্বাক্ষরিত হয়েছে; প্রতিবেদনটি পুনরায় খুলুন, তার আগে পরিকল্পনা পরিবর্তন করা যাবে না।"


def test_a_locked_plan_says_so_in_a_banner_and_a_refused_edit_in_the_status_bar(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    assert not editor.banner.isVisibleTo(editor)
    _sign_off(store, pib_key)
    model.reload()
    assert editor.banner.isVisibleTo(editor)
    assert editor.banner.text().startswith(_REASON)
    # The row operations would each be refused: they are off while it lasts.
    assert not any(action.isEnabled() for action in editor.actions_.values())
    assert "পুনরায় খুলুন" in editor.banner.text().removeprefix(_REASON)

    said = []
    editor.status.connect(said.append)
    # A target typed and committed with Enter, which opens the next cell's editor right away: the reason
    # stays the last thing said (the next editor's first check used to blank the status bar).
    index = model.index(model.row_of("indicator", "1.1.1"), model.column_of("target:0"))
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    line = QApplication.focusWidget()
    line.selectAll()
    qtbot.keyClicks(line, "12/03/2024")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert said and said[-1] == _REASON
    assert index.data(Role.SEVERITY) == REFUSED and index.data(Qt.ItemDataRole.ToolTipRole) == _REASON

    set_language("en")
    try:
        editor.retranslate()
        assert editor.banner.text().startswith("The 1st quarter report of this plan is signed off")
    finally:
        set_language("bn")
    store.reopen(pib_key, "Q1", "ভুল সংশোধন")
    model.reload()
    assert not editor.banner.isVisibleTo(editor) and editor.actions_["add_area"].isEnabled()
