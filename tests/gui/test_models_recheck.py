"""After a cell edit the progress grid re-checks only the edited entries: the findings must be exactly
what a full check of the report gives, in the same order."""
from __future__ import annotations

from PySide6.QtCore import Qt

from egov_desktop.core import rules
from egov_desktop.core.i18n import Msg
from egov_desktop.gui.models import ProgressModel, Role


def _full(model):
    return rules.check_report(model.document.plan, model.report)


def test_findings_after_each_edit_are_those_of_a_full_check(qtbot, store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    emitted = []
    model.findings_changed.connect(emitted.append)
    row = {model.indicator(r).code: r for r in range(model.rowCount())}
    col = model.column_of

    def edit(code, column, text):
        assert model.setData(model.index(row[code], col(column)), text)
        assert model.findings() == _full(model), (code, column, text)

    # PIB Q1 starts with a missing-evidence warning on 2.1.1 and 5.1.1.
    assert model.findings() == _full(model)
    edit("2.1.1", "evidence", "ডাটাবেজ")  # a warning goes
    assert model.index(row["2.1.1"], col("evidence")).data(Role.SEVERITY) is None
    edit("1.1.1", "value", "১০/০৭/২০২৫")  # outside the fiscal year: a warning comes
    assert model.index(row["1.1.1"], col("value")).data(Role.SEVERITY) == "warning"
    edit("3.1.1", "narrative", "Avgvi Kg©cwiKíbv")  # Bijoy text
    edit("6.1.1", "value", "৩")  # an entry the report did not have before
    edit("6.1.1", "evidence", "")  # its evidence warning
    assert model.setData(model.index(row["6.1.1"], col("not_applicable")), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.findings() == _full(model)
    # A paste over several rows, and undo / redo, give the full check's findings too.
    model.apply_many([(model.index(row["2.1.1"], col("evidence")), None),
                      (model.index(row["5.1.1"], col("evidence")), "লিংক")], Msg("Paste {count} cells", {"count": 2}))
    assert model.findings() == _full(model)
    undo_stack.undo()
    assert model.findings() == _full(model)
    undo_stack.redo()
    assert model.findings() == _full(model)

    # An edit that changes no finding tells no one: the problems panel is not rebuilt.
    before = len(emitted)
    edit("7.1.1", "remarks", "চলমান")
    assert len(emitted) == before
    edit("7.1.1", "remarks", "Kg©cwiKíbv")
    assert len(emitted) == before + 1 and emitted[-1] == model.findings()

